"""Synthetic network-scale plans: valid, deterministic, realistic spread of values."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pandas as pd

from planmonitor import model
from planmonitor.reading.loader import load_workbook
from planmonitor.synth import make_network_plan, make_network_workbook, network_rows


def test_synthetic_workbook_is_valid_without_warnings() -> None:
    result = load_workbook(make_network_workbook(n_products=120, n_progress=900, seed=3))
    assert result.ok and result.issues.empty, result.issues.head().to_string()
    plan = result.plan
    assert len(plan.products) == 120 and len(plan.progress) == 900
    assert plan.is_example
    assert set(plan.objectives["code"]) == {"1", "2", "3"}
    assert len(plan.strategies) >= 6 and len(plan.activities) >= 10
    assert set(plan.progress["status"]) == set(model.STATUS_ORDER)
    first, last = pd.Timestamp("2023-01-01"), pd.Timestamp("2024-12-31")  # the bundled period
    assert plan.progress["date"].between(first, last).all()
    assert set(plan.agencies["acronym"]) >= {"OIM", "PNUD", "OIT", "ACNUR", "UNODC", "OCR"}
    leads = {a for leads in plan.products["leads"] for a in leads}
    assert leads <= set(plan.agencies["acronym"])
    assert plan.products["gcm_all"].any() and plan.products["start"].notna().any()


def test_same_seed_same_plan_and_workbook_matches_direct_plan() -> None:
    a = make_network_plan(n_products=60, n_progress=300, seed=5)
    b = make_network_plan(n_products=60, n_progress=300, seed=5)
    c = make_network_plan(n_products=60, n_progress=300, seed=6)
    pd.testing.assert_frame_equal(a.products, b.products)
    pd.testing.assert_frame_equal(a.progress, b.progress)
    assert not a.progress["code"].equals(c.progress["code"])
    via_excel = load_workbook(make_network_workbook(n_products=60, n_progress=300, seed=5)).plan
    pd.testing.assert_frame_equal(via_excel.products, a.products)
    pd.testing.assert_frame_equal(via_excel.progress, a.progress)


def test_rows_have_the_model_headers() -> None:
    rows = network_rows(n_products=20, n_progress=10)
    for sheet in model.SHEETS:
        assert rows[sheet.name][0] == sheet.headers
    assert len(rows["Avances"]) == 11


def test_agencies_are_the_bundled_catalogue_not_a_copy() -> None:
    """synth reads data/source/agencies.toml (issue 8: it held a fourth copy of it)."""
    source = Path(__file__).resolve().parents[1] / "data" / "source" / "agencies.toml"
    records = tomllib.loads(source.read_text(encoding="utf-8"))["agencies"]
    agencies = make_network_plan(n_products=20, n_progress=10).agencies
    assert agencies["acronym"].tolist() == [r["acronym"] for r in records]
    assert agencies["name_en"].tolist() == [r["name_en"] for r in records]
    assert agencies["roles"].tolist() == [[r["role"]] for r in records]
    assert [list(a) for a in agencies["aliases"]] == [r["aliases"] for r in records]


def test_region_networks_are_distinct_fictitious_and_deterministic() -> None:
    from planmonitor.synth import REGION, make_region_plans, make_region_workbooks

    plans = make_region_plans(3, 30, 200, seed=1)
    infos = [p.info for p in plans]
    assert len({i.network_id for i in infos}) == 3
    assert len({i.plan_id for i in infos}) == 3
    assert len({i.country for i in infos}) == 3
    assert {i.region for i in infos} == {REGION}
    assert all(i.fictitious and not i.period_inferred for i in infos)
    assert [(len(p.products), len(p.progress)) for p in plans] == [(30, 200)] * 3
    # each network its own seed: different plans, the same ones again for the same seed
    assert plans[0].products["name"].tolist() != plans[1].products["name"].tolist()
    again = make_region_plans(3, 30, 200, seed=1)
    assert all(a.products.equals(b.products) for a, b in zip(plans, again, strict=True))
    # the workbook (its bytes carry the zip's timestamps) holds the same plan, «Plan» included
    books = make_region_workbooks(3, 30, 200, seed=1)
    for data, plan in zip(books, plans, strict=True):
        result = load_workbook(data)
        assert result.plan is not None and result.plan.info == plan.info
        assert len(result.plan.products) == 30 and len(result.plan.progress) == 200
        assert result.plan.products["name"].tolist() == plan.products["name"].tolist()

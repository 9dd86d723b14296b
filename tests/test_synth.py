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

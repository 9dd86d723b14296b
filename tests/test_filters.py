"""Filters: every field, combinations, committee expansion, undated products, describe."""

from __future__ import annotations

import pandas as pd
import pytest
from planfactory import COMMITTEE, make_plan, product, report

from planmonitor.analysis.filters import Filters, period_options, quarter_bounds
from planmonitor.model import NO_REPORT


@pytest.fixture()
def plan():
    return make_plan(
        [
            product(
                "1.1.1-1",
                leads=["OIM"],
                partners=[COMMITTEE],
                start="2023-04-01",
                end="2023-12-31",
                gcm=[1],
            ),
            product(
                "2.1.1-1",
                leads=["PNUD"],
                partners=["OIT"],
                start="2024-01-01",
                end="2024-06-30",
                gcm=[3, 17],
            ),
            product("2.1.2-1", leads=["ACNUR"], gcm_all=True),  # no dates at all
            product("2.2.1-1", leads=["OIM"], partners=["UNESCO"], start="2024-07-01"),
            product("3.1.1-1", leads=[], partners=["PNUD"], end="2023-03-31", gcm=[23]),
        ],
        [
            report("2023-06-01", "1.1.1-1", "En curso", 40),
            report("2024-01-15", "1.1.1-1", "Completado", 100),
            report("2024-03-01", "2.1.1-1", "Retrasado", 20),
        ],
    )


def codes(plan, filters, as_of=None):
    return filters.apply(plan, as_of=as_of).products["code"].tolist()


ALL = ["1.1.1-1", "2.1.1-1", "2.1.2-1", "2.2.1-1", "3.1.1-1"]


def test_default_shows_everything(plan):
    f = Filters()
    assert f.is_default()
    assert codes(plan, f) == ALL
    assert f.apply(plan).progress.equals(plan.progress)


def test_quarter_helpers(plan):
    assert period_options(plan) == plan.info.quarters()  # every product inside the period
    assert quarter_bounds("2023-T2") == (pd.Timestamp("2023-04-01"), pd.Timestamp("2023-06-30"))
    assert quarter_bounds("2024-T4") == (pd.Timestamp("2024-10-01"), pd.Timestamp("2024-12-31"))
    assert quarter_bounds("2024-T1")[1] == pd.Timestamp("2024-03-31")
    with pytest.raises(ValueError, match="Trimestre no válido"):
        quarter_bounds("2023-Q2")


@pytest.mark.parametrize(
    ("agencies", "role", "expected"),
    [
        (("OIM",), "any", ["1.1.1-1", "2.2.1-1"]),
        (("OIM",), "lead", ["1.1.1-1", "2.2.1-1"]),
        (("OIM",), "partner", []),
        # PNUD is a committee member: partner of 1.1.1-1 through "Comité Ejecutivo"
        (("PNUD",), "any", ["1.1.1-1", "2.1.1-1", "3.1.1-1"]),
        (("PNUD",), "lead", ["2.1.1-1"]),
        (("PNUD",), "partner", ["1.1.1-1", "3.1.1-1"]),
        # UNESCO is not in the committee: only where it is named
        (("UNESCO",), "any", ["2.2.1-1"]),
        (("ACNUR", "OIT"), "any", ["1.1.1-1", "2.1.1-1", "2.1.2-1"]),
        (("ACNUR", "OIT"), "lead", ["2.1.2-1"]),
    ],
)
def test_agency_filter_expands_the_committee(plan, agencies, role, expected):
    assert codes(plan, Filters(agencies=agencies, agency_role=role)) == expected


def test_structure_filters(plan):
    assert codes(plan, Filters(objectives=("2",))) == ["2.1.1-1", "2.1.2-1", "2.2.1-1"]
    assert codes(plan, Filters(strategies=("2.1",))) == ["2.1.1-1", "2.1.2-1"]
    assert codes(plan, Filters(strategies=("2.1", "3.1"))) == ["2.1.1-1", "2.1.2-1", "3.1.1-1"]
    assert codes(plan, Filters(activities=("2.1.2",))) == ["2.1.2-1"]


def test_fields_combine_with_and(plan):
    assert codes(plan, Filters(objectives=("2",), agencies=("OIM",))) == ["2.2.1-1"]
    assert codes(plan, Filters(objectives=("1",), strategies=("2.1",))) == []
    assert codes(plan, Filters(agencies=("PNUD",), gcm=(23,))) == ["3.1.1-1"]


def test_status_filter_uses_the_status_as_of_the_date(plan):
    done = Filters(statuses=("Completado",))
    assert codes(plan, done, as_of=pd.Timestamp("2024-02-01")) == ["1.1.1-1"]
    assert codes(plan, done, as_of=pd.Timestamp("2023-07-01")) == []
    in_progress = Filters(statuses=("En curso",))
    assert codes(plan, in_progress, as_of=pd.Timestamp("2023-07-01")) == ["1.1.1-1"]
    never = Filters(statuses=(NO_REPORT,))
    assert codes(plan, never, as_of=pd.Timestamp("2024-06-01")) == ["2.1.2-1", "2.2.1-1", "3.1.1-1"]
    assert codes(plan, never, as_of=pd.Timestamp("2023-07-01")) == ALL[1:]
    both = Filters(statuses=("Retrasado", "Completado"))
    assert codes(plan, both, as_of=pd.Timestamp("2024-06-01")) == ["1.1.1-1", "2.1.1-1"]


def test_period_keeps_undated_products(plan):
    # 2.1.2-1 has no dates: it matches any period; 3.1.1-1 ends before T2 2023
    assert codes(plan, Filters(period=("2023-T2", "2023-T2"))) == ["1.1.1-1", "2.1.2-1"]
    assert codes(plan, Filters(period=("2024-T3", "2024-T4"))) == ["2.1.2-1", "2.2.1-1"]
    # only an end: active from the plan's start until that end
    assert codes(plan, Filters(period=("2023-T1", "2023-T1"))) == ["2.1.2-1", "3.1.1-1"]
    # only a start: active from it onwards
    assert "2.2.1-1" in codes(plan, Filters(period=("2024-T4", "2024-T4")))


def test_period_in_reverse_order_is_normalised(plan):
    f = Filters(period=("2024-T1", "2023-T2"))
    assert f.period == ("2023-T2", "2024-T1")
    assert codes(plan, f) == ["1.1.1-1", "2.1.1-1", "2.1.2-1"]


def test_gcm_filter_includes_todos(plan):
    assert codes(plan, Filters(gcm=(3,))) == ["2.1.1-1", "2.1.2-1"]
    assert codes(plan, Filters(gcm=(1, 23))) == ["1.1.1-1", "2.1.2-1", "3.1.1-1"]
    assert codes(plan, Filters(gcm=(5,))) == ["2.1.2-1"]


def test_apply_restricts_progress_and_keeps_other_tables(plan):
    out = Filters(agencies=("PNUD",), agency_role="lead").apply(plan)
    assert out.progress["code"].tolist() == ["2.1.1-1"]
    assert out.agencies is plan.agencies
    assert out.gcm is plan.gcm
    assert out.strategies is plan.strategies
    assert out.products.index.tolist() == [0]


def test_apply_does_not_mutate_the_plan(plan):
    products, progress = plan.products.copy(deep=True), plan.progress.copy(deep=True)
    Filters(
        agencies=("OIM",), statuses=("Completado",), period=("2023-T1", "2023-T4"), gcm=(1,)
    ).apply(plan, as_of=pd.Timestamp("2024-06-01"))
    pd.testing.assert_frame_equal(plan.products, products)
    pd.testing.assert_frame_equal(plan.progress, progress)


def test_values_from_widgets_are_normalised_and_hashable():
    f = Filters(agencies=["OIM"], strategies=["2.1"], gcm=["3"], period=["2023-T1", "2023-T2"])
    assert f.agencies == ("OIM",) and f.strategies == ("2.1",)
    assert f.gcm == (3,) and f.period == ("2023-T1", "2023-T2")
    assert hash(f) == hash(
        Filters(agencies=("OIM",), strategies=("2.1",), gcm=(3,), period=("2023-T1", "2023-T2"))
    )
    assert not f.is_default()


@pytest.mark.parametrize(
    "kwargs",
    [
        {"agency_role": "boss"},
        {"statuses": ("Terminado",)},
        {"period": ("2023-T5", "2024-T1")},
        {"period": ("2023-T1",)},
    ],
)
def test_invalid_values_are_rejected(kwargs):
    with pytest.raises(ValueError):
        Filters(**kwargs)


def test_describe_default():
    assert Filters().describe() == "Mostrando: todos los productos"
    assert Filters().describe("en") == "Showing: all products"


def test_describe_every_field_in_both_languages(plan):
    f = Filters(
        agencies=("OIM",),
        agency_role="lead",
        strategies=("2.1",),
        statuses=("En curso",),
        period=("2023-T2", "2024-T1"),
        gcm=(1, 3),
    )
    assert f.describe("es", plan) == (
        "Mostrando: OIM como líder · Estrategia 2.1 · Estado: En curso · "
        "Periodo: T2 2023 – T1 2024 · PMM: 1, 3"
    )
    assert f.describe("en", plan) == (
        "Showing: IOM as lead · Strategy 2.1 · Status: In progress · "
        "Period: Q2 2023 – Q1 2024 · GCM: 1, 3"
    )


def test_describe_plurals_roles_and_single_quarter(plan):
    f = Filters(
        agencies=("PNUD", "OIT"),
        agency_role="partner",
        objectives=("1", "2"),
        activities=("2.1.1",),
        statuses=("Completado", NO_REPORT),
        period=("2024-T2", "2024-T2"),
    )
    assert f.describe("es") == (
        "Mostrando: PNUD, OIT como socia · Objetivos 1, 2 · Actividad 2.1.1 · "
        "Estado: Completado, Sin reporte · Periodo: T2 2024"
    )
    assert f.describe("en", plan) == (
        "Showing: UNDP, ILO as partner · Objectives 1, 2 · Activity 2.1.1 · "
        "Status: Completed, No report · Period: Q2 2024"
    )
    assert Filters(agencies=("OIM",)).describe("en") == "Showing: IOM (lead or partner)"

"""Metrics on hand-built plans where the right answer is obvious."""

from __future__ import annotations

import copy
import dataclasses
import math

import pandas as pd
import pytest
from planfactory import COMMITTEE, committee_members, make_plan, product, report

from planmonitor.analysis import metrics
from planmonitor.model import NO_REPORT, STATUS_ORDER

TS = pd.Timestamp


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
                gcm=[1, 3],
            ),
            product(
                "1.1.1-2",
                leads=["OIM", "PNUD"],
                partners=["PNUD", COMMITTEE],
                start="2023-07-01",
                end="2024-06-30",
                gcm=[3],
            ),
            product(
                "2.1.1-1",
                leads=["PNUD"],
                partners=["OIT"],
                start="2024-01-01",
                end="2024-12-31",
                gcm_all=True,
            ),
            product("2.1.2-1", leads=[], partners=["UNESCO"]),  # no lead, no dates
            product("2.2.1-1", leads=["ACNUR"], start="2024-10-01", gcm=[3], gcm_all=True),
        ],
        [
            report("2023-05-01", "1.1.1-1", "En curso", 20, "inicio", "OIM - Ana"),
            report("2023-09-01", "1.1.1-1", "En curso", 60, "taller", "IOM"),
            report(
                "2024-01-10",
                "1.1.1-1",
                "Completado",
                100,
                "hecho",
                "OIM",
                "https://example.org/acta.pdf",
            ),
            report("2023-08-01", "1.1.1-2", "No iniciado", 0, "", "PNUD"),
            report("2024-02-01", "2.1.1-1", "Cancelado", 0, "", "UNDP, OIT"),
        ],
    )


# ---- latest status ---------------------------------------------------------------------------
def test_latest_status_one_row_per_product_in_plan_order(plan):
    latest = metrics.latest_status(plan, TS("2024-06-30"))
    assert latest["code"].tolist() == plan.products["code"].tolist()
    assert latest["status"].tolist() == [
        "Completado",
        "No iniciado",
        "Cancelado",
        NO_REPORT,
        NO_REPORT,
    ]
    assert latest["percent"].tolist() == [100.0, 0.0, 0.0, 0.0, 0.0]
    assert latest["n_reports"].tolist() == [3, 1, 1, 0, 0]
    assert latest.loc[0, "evidence"] == "https://example.org/acta.pdf"
    assert latest.loc[0, "last_date"] == TS("2024-01-10")
    assert pd.isna(latest.loc[3, "last_date"])
    assert latest.loc[3, "last_comment"] == ""


def test_latest_status_as_of_a_past_date_ignores_later_entries(plan):
    latest = metrics.latest_status(plan, TS("2023-09-15"))
    row = latest.set_index("code").loc["1.1.1-1"]
    assert (row["status"], row["percent"], row["n_reports"]) == ("En curso", 60.0, 2)
    assert row["last_comment"] == "taller"
    assert latest.set_index("code").loc["2.1.1-1", "status"] == NO_REPORT
    # an entry ON the date counts
    same_day = metrics.latest_status(plan, TS("2023-09-01")).set_index("code")
    assert same_day.loc["1.1.1-1", "percent"] == 60.0


def test_latest_status_same_day_entries_last_one_wins():
    plan = make_plan(
        [product("1.1.1-1")],
        [
            report("2024-01-01", "1.1.1-1", "En curso", 10),
            report("2024-01-01", "1.1.1-1", "Retrasado", 15),
        ],
    )
    assert metrics.latest_status(plan).loc[0, "status"] == "Retrasado"


def test_latest_status_without_progress():
    plan = make_plan([product("1.1.1-1"), product("1.1.1-2")])
    latest = metrics.latest_status(plan)
    assert latest["status"].tolist() == [NO_REPORT, NO_REPORT]
    assert latest["n_reports"].tolist() == [0, 0]


def test_status_counts_keeps_zeros_in_order(plan):
    counts = metrics.status_counts(metrics.latest_status(plan, TS("2024-06-30")))
    assert counts["status"].tolist() == [*STATUS_ORDER, NO_REPORT]
    assert dict(zip(counts["status"], counts["count"], strict=True)) == {
        "No iniciado": 1,
        "En curso": 0,
        "Completado": 1,
        "Retrasado": 0,
        "Cancelado": 1,
        NO_REPORT: 2,
    }


def test_overall_completion_excludes_cancelled(plan):
    latest = metrics.latest_status(plan, TS("2024-06-30"))
    # 100, 0, (cancelled), 0, 0 -> 25
    assert metrics.overall_completion(latest) == pytest.approx(25.0)
    only_cancelled = latest[latest["status"] == "Cancelado"]
    assert math.isnan(metrics.overall_completion(only_cancelled))


def test_completion_by_level(plan):
    latest = metrics.latest_status(plan, TS("2024-06-30"))
    by_obj = metrics.completion_by(latest, "objective")
    assert by_obj["objective"].tolist() == ["1", "2"]
    assert by_obj["completion"].tolist() == [50.0, 0.0]
    assert by_obj["n_counted"].tolist() == [2, 2]
    assert by_obj["n_products"].tolist() == [2, 3]
    by_str = metrics.completion_by(latest, "strategy")
    assert by_str["strategy"].tolist() == ["1.1", "2.1", "2.2"]
    with pytest.raises(ValueError):
        metrics.completion_by(latest, "agency")


def test_status_by_strategy(plan):
    table = metrics.status_by(metrics.latest_status(plan, TS("2024-06-30")), "strategy")
    assert table.index.tolist() == ["1.1", "2.1", "2.2"]
    assert table.columns.tolist() == [*STATUS_ORDER, NO_REPORT]
    assert table.loc["1.1", "Completado"] == 1 and table.loc["1.1", "No iniciado"] == 1
    assert table.loc["2.1", "Cancelado"] == 1 and table.loc["2.1", NO_REPORT] == 1
    assert table.sum().sum() == 5


def test_history_of_one_product(plan):
    past = metrics.history(plan, "1.1.1-1")
    assert past.columns.tolist()[:4] == ["date", "percent", "status", "comment"]
    assert past["percent"].tolist() == [20.0, 60.0, 100.0]
    assert metrics.history(plan, "9.9.9-9").empty


# ---- alerts ----------------------------------------------------------------------------------
def _kinds(frame):
    return {(r.code, r.kind) for r in frame.itertuples()}


def test_alerts_each_kind_on_a_given_date(plan):
    found = _kinds(metrics.alerts(plan, TS("2024-08-01"), stale_days=60))
    assert found == {
        # 1.1.1-2 ended 2024-06-30, still No iniciado; last report 2023-08-01
        ("1.1.1-2", "overdue"),
        ("1.1.1-2", "not_started"),
        ("1.1.1-2", "stale"),
        # never reported and undated: stale counts it; no lead; no dates
        ("2.1.2-1", "stale"),
        ("2.1.2-1", "no_lead"),
        ("2.1.2-1", "no_dates"),
        # only a start date (in the future): not stale yet, but dates incomplete
        ("2.2.1-1", "no_dates"),
    }


def test_alerts_finished_products_raise_nothing(plan):
    found = _kinds(metrics.alerts(plan, TS("2024-08-01")))
    assert not {k for c, k in found if c in {"1.1.1-1", "2.1.1-1"}}


def test_alerts_before_anything_is_due(plan):
    found = _kinds(metrics.alerts(plan, TS("2023-03-01")))
    assert found == {
        ("2.1.2-1", "stale"),
        ("2.1.2-1", "no_lead"),
        ("2.1.2-1", "no_dates"),
        ("2.2.1-1", "no_dates"),
    }


def test_alerts_stale_threshold(plan):
    # 1.1.1-1 last reported 2023-09-01 (En curso at that time)
    early = _kinds(metrics.alerts(plan, TS("2023-10-15"), stale_days=60))
    late = _kinds(metrics.alerts(plan, TS("2023-11-15"), stale_days=60))
    assert ("1.1.1-1", "stale") not in early
    assert ("1.1.1-1", "stale") in late


def test_alerts_details_in_both_languages(plan):
    found = metrics.alerts(plan, TS("2024-08-01"))
    assert found.columns.tolist() == ["code", "name", "kind", "detail_es", "detail_en"]
    overdue = found[found["kind"] == "overdue"].iloc[0]
    assert overdue["detail_es"] == "Debía terminar el 30/06/2024; estado: No iniciado (0 %)"
    assert overdue["detail_en"] == "Due on 30 Jun 2024; status: Not started (0%)"
    stale = found[(found["kind"] == "stale") & (found["code"] == "1.1.1-2")].iloc[0]
    assert "hace 366 días" in stale["detail_es"]
    assert set(found["kind"]) <= set(metrics.ALERT_KINDS)


# ---- alerts per product, most urgent first (issue 10) ----------------------------------------
def _by_product(plan, as_of, **kw):
    found = metrics.alerts(plan, TS(as_of), stale_days=60, **kw)
    return metrics.alerts_by_product(found), metrics.alert_gaps(found)


def test_alerts_are_one_row_per_product_ranked_and_dates_are_one_summary(plan):
    rows, gaps = _by_product(plan, "2024-08-01")
    assert rows.columns.tolist() == metrics.PRODUCT_ALERT_COLUMNS
    assert rows[["code", "kinds"]].values.tolist() == [
        ["1.1.1-2", "overdue,not_started,stale"],  # overdue first
        ["2.1.2-1", "stale,no_lead"],  # its missing dates are in the summary, not a reason
    ]  # 2.2.1-1 has only dates missing: no row
    assert gaps == {"no_dates": 2}
    first = rows.iloc[0]
    assert first["alert_es"] == "Vencido · Sin iniciar · Sin reporte reciente"
    assert first["alert_en"] == "Overdue · Not started · No recent report"
    assert first["detail_es"].startswith("Debía terminar el 30/06/2024; estado: No iniciado")
    assert first["detail_es"].count(" · ") == 2


def test_alerts_rank_by_the_most_urgent_reason_then_plan_order():
    ranked = make_plan(
        [
            product("1.1.1-1", leads=[], start="2023-01-01", end="2025-12-31"),  # no lead
            product("1.1.1-2", start="2023-01-01", end="2025-12-31"),  # stale
            product("1.1.1-3", start="2024-01-01", end="2025-12-31"),  # not started
            product("1.1.1-4", start="2023-01-01", end="2024-03-31"),  # overdue
            product("1.1.1-5"),  # reported lately, no dates: a gap only
            product("1.1.1-6", start="2023-01-01", end="2024-01-31"),  # overdue
        ],
        [
            report("2024-05-20", "1.1.1-1", "En curso", 50, "", "OIM"),
            report("2023-06-30", "1.1.1-2", "En curso", 10, "", "OIM"),
            report("2024-05-20", "1.1.1-3", "No iniciado", 0, "", "OIM"),
            report("2024-05-20", "1.1.1-4", "En curso", 80, "", "OIM"),
            report("2024-05-20", "1.1.1-5", "En curso", 30, "", "OIM"),
            report("2024-05-20", "1.1.1-6", "Retrasado", 20, "", "OIM"),
        ],
    )
    rows, gaps = _by_product(ranked, "2024-06-01")
    assert rows[["code", "kinds"]].values.tolist() == [
        ["1.1.1-4", "overdue"],
        ["1.1.1-6", "overdue"],
        ["1.1.1-3", "not_started"],
        ["1.1.1-2", "stale"],
        ["1.1.1-1", "no_lead"],
    ]
    assert gaps == {"no_dates": 1}
    assert rows["code"].is_unique


def test_a_closed_plan_has_no_recent_report_alerts_per_product(plan):
    rows, _ = _by_product(plan, "2024-08-01", closed=True)
    assert rows[["code", "kinds"]].values.tolist() == [
        ["1.1.1-2", "overdue,not_started"],
        ["2.1.2-1", "no_lead"],
    ]
    assert not rows["kinds"].str.contains("stale").any()


def test_bundled_plan_alerts_at_its_end_and_while_it_ran():
    from planmonitor.reading.loader import load_default

    bundled = load_default().plan
    closed = bundled.info.is_closed(TS("2026-12-03"))
    assert closed  # the bundled plan ended on 31 Dec 2024
    rows, gaps = _by_product(bundled, str(bundled.info.end.date()), closed=True)
    assert rows[["code", "kinds"]].values.tolist() == [
        ["2.1.2-1", "no_lead"],
        ["2.2.1-1", "no_lead"],
        ["3.1.1-1", "no_lead"],
        ["3.1.1-2", "no_lead"],
        ["3.1.1-3", "no_lead"],
    ]
    assert gaps == {"no_dates": 20}
    running, gaps = _by_product(bundled, "2024-06-30")
    assert running[["code", "kinds"]].values.tolist() == [
        ["2.1.1-4", "stale"],
        ["2.1.2-1", "stale,no_lead"],
        ["2.2.1-1", "stale,no_lead"],
        ["2.3.1-1", "stale"],
        ["2.3.1-2", "stale"],
        ["3.1.1-3", "stale,no_lead"],
        ["3.2.2-1", "stale"],
        ["3.2.2-2", "stale"],
        ["3.1.1-1", "no_lead"],
        ["3.1.1-2", "no_lead"],
    ]
    assert gaps == {"no_dates": 20}


# ---- completeness and reporting -------------------------------------------------------------
def test_completeness(plan):
    table = metrics.completeness(plan, TS("2024-06-30")).set_index("code")
    first = table.loc["1.1.1-1"]
    assert first["has_lead"] and first["has_partners"] and first["has_dates"]
    assert first["has_gcm"] and first["has_progress"]
    assert first["has_evidence_if_completed"] == True  # noqa: E712 (pandas BooleanDtype)
    assert first["score"] == 100.0
    assert pd.isna(table.loc["1.1.1-2", "has_evidence_if_completed"])
    undated = table.loc["2.1.2-1"]
    assert not undated["has_lead"] and not undated["has_dates"] and not undated["has_gcm"]
    assert undated["score"] == pytest.approx(20.0)  # only partners out of 5 checks
    assert table.loc["2.1.1-1", "has_gcm"]  # "Todos" counts as a link


def test_completeness_completed_without_evidence():
    plan = make_plan([product("1.1.1-1")], [report("2024-01-01", "1.1.1-1", "Completado", 100)])
    row = metrics.completeness(plan, TS("2024-02-01")).iloc[0]
    assert row["has_evidence_if_completed"] == False  # noqa: E712 (pandas BooleanDtype)
    # lead, progress pass; partners, dates, gcm, evidence fail -> 2 of 6
    assert row["score"] == pytest.approx(100 * 2 / 6)


def test_agency_reporting_resolves_free_text(plan):
    table = metrics.agency_reporting(plan, TS("2024-03-01"), days=60).set_index("agency")
    assert table.loc["OIM", "n_reports"] == 3  # "OIM - Ana", "IOM", "OIM"
    assert table.loc["OIM", "last_date"] == TS("2024-01-10")
    assert table.loc["OIM", "days_since"] == 51
    assert not table.loc["OIM", "stale"]
    assert table.loc["PNUD", "n_reports"] == 2  # "PNUD" and "UNDP, OIT"
    assert table.loc["OIT", "n_reports"] == 1
    assert table.loc["ACNUR", "n_reports"] == 0 and table.loc["ACNUR", "stale"]
    assert pd.isna(table.loc["ACNUR", "days_since"])
    assert table.loc["PNUD", "days_since"] == 29 and not table.loc["PNUD", "stale"]


def test_agencies_named_reads_each_text_like_resolve_reporter(plan):
    texts = ["OIM - Ana", "UNDP, OIT", "", None, "OIM - Ana", "nadie"]
    assert metrics.agencies_named(plan, texts) == {"OIM", "PNUD", "OIT"}
    assert metrics.agencies_named(plan, []) == set()
    # the compiled patterns follow the agency table (cached by its content, not by the plan)
    renamed = plan.agencies.assign(
        aliases=[["Ana"] if a == "ACNUR" else [] for a in plan.agencies["acronym"]]
    )
    other = dataclasses.replace(plan, agencies=renamed)
    assert metrics.resolve_reporter(other, "OIM - Ana") == ["OIM", "ACNUR"]
    assert metrics.resolve_reporter(plan, "OIM - Ana") == ["OIM"]


def test_an_agency_without_products_is_not_flagged_as_not_reporting(plan):
    """Issue 10: ONU Mujeres, ONUSIDA and UNICEF neither lead nor partner any product (nor
    sit on the committee): nothing to report on. ACNUR leads one and never reported."""
    table = metrics.agency_reporting(plan, TS("2024-03-01"), days=60).set_index("agency")
    for idle in ("ONU Mujeres", "ONUSIDA", "UNICEF"):
        assert table.loc[idle, "n_reports"] == 0 and not table.loc[idle, "stale"]
    assert table.loc["ACNUR", "stale"] and table.loc["UNESCO", "stale"]  # lead; partner
    stale = table.index[table["stale"]].tolist()
    assert stale == ["OCR", "ACNUR", "UNODC", "UNESCO"]  # OIT reported on 1 Feb


def test_agency_reporting_ignores_reports_after_as_of(plan):
    table = metrics.agency_reporting(plan, TS("2023-12-31")).set_index("agency")
    assert table.loc["OIM", "n_reports"] == 2
    assert table.loc["OIM", "last_date"] == TS("2023-09-01")


# ---- agencies --------------------------------------------------------------------------------
def _load(plan, expand):
    frame = metrics.agency_load(plan, expand_committee=expand)
    return {(r.agency, r.role): r.count for r in frame.itertuples()}


def test_agency_load_without_expansion_keeps_the_committee_row(plan):
    load = _load(plan, expand=False)
    assert load[("OIM", "lead")] == 2 and load[("OIM", "partner")] == 0
    assert load[("PNUD", "lead")] == 2 and load[("PNUD", "partner")] == 1
    assert load[(COMMITTEE, "partner")] == 2 and load[(COMMITTEE, "lead")] == 0
    assert load[("UNICEF", "lead")] == 0 and load[("UNICEF", "partner")] == 0  # zeros kept
    agencies = list(dict.fromkeys(a for a, _ in load))
    assert agencies[-1] == COMMITTEE
    assert agencies[:-1] == plan.agencies["acronym"].tolist()


def test_agency_load_with_expansion_counts_each_member_once(plan):
    load = _load(plan, expand=True)
    assert COMMITTEE not in {a for a, _ in load}
    for member in ("OCR", "OIT", "ACNUR", "UNODC"):
        # partners through the committee in 1.1.1-1 and 1.1.1-2 (+ 2.1.1-1 for OIT by name)
        assert load[(member, "partner")] == (3 if member == "OIT" else 2)
    # PNUD: named partner of 1.1.1-2 AND committee there -> once; lead of 1.1.1-2 too,
    # so the committee adds it only in 1.1.1-1 where it is not a lead
    assert load[("PNUD", "partner")] == 2
    assert load[("PNUD", "lead")] == 2


def test_agency_counts_total_counts_a_product_once_per_agency(plan):
    """The CLI summary's table and the load chart are one count (issue 8): PNUD leads
    1.1.1-2 and partners it too, so it takes part in 2 products, not 3."""
    counts = metrics.agency_counts(plan).set_index("agency")
    assert counts.loc["PNUD", ["lead", "partner", "total"]].tolist() == [2, 1, 2]
    assert counts.loc[COMMITTEE, ["lead", "partner", "total"]].tolist() == [0, 2, 2]
    load = _load(plan, expand=False)
    for agency, row in counts.iterrows():
        assert (load[(agency, "lead")], load[(agency, "partner")]) == (row["lead"], row["partner"])


def test_quarter_bounds_read_the_plan_code_and_agree_with_the_loader(plan):
    """One definition of a quarter's first and last day (normalize.quarter_bounds)."""
    from planmonitor.reading import normalize

    for code in plan.info.quarters():
        start, end = metrics.quarter_bounds(code)
        assert (start, end) == (normalize.parse_date(code), normalize.parse_date(code, end=True))
    assert metrics.quarter_bounds("2024-T1") == (TS("2024-01-01"), TS("2024-03-31"))
    with pytest.raises(ValueError):
        metrics.quarter_bounds("2024-T5")


def test_agency_quarter_matrix_counts_undated_separately(plan):
    matrix = metrics.agency_quarter_matrix(plan)
    assert matrix.columns.tolist() == [*plan.info.quarters(), metrics.UNDATED_COLUMN]
    assert matrix.loc["OIM"].tolist() == [0, 1, 2, 2, 1, 1, 0, 0, 0]
    # UNESCO only takes part in the undated product: not spread over the quarters
    assert matrix.loc["UNESCO"].tolist() == [0] * 8 + [1]
    # ACNUR: only a start (2024-10-01) -> from there to the plan's end
    assert matrix.loc["ACNUR"].tolist() == [0] * 7 + [1, 0]
    assert matrix.loc[COMMITTEE, "2023-T3"] == 2
    expanded = metrics.agency_quarter_matrix(plan, expand_committee=True)
    assert COMMITTEE not in expanded.index
    assert expanded.loc["OCR", "2023-T3"] == 2


def test_agency_strategy_matrix(plan):
    matrix = metrics.agency_strategy_matrix(plan, expand_committee=True)
    assert matrix.columns.tolist() == ["1.1", "2.1", "2.2"]
    assert matrix.loc["OIM"].tolist() == [2, 0, 0]
    assert matrix.loc["PNUD"].tolist() == [2, 1, 0]
    assert matrix.loc["UNESCO"].tolist() == [0, 1, 0]


def test_agency_cooccurrence_is_symmetric(plan):
    matrix = metrics.agency_cooccurrence(plan, expand_committee=True)
    assert (matrix.to_numpy() == matrix.to_numpy().T).all()
    assert matrix.loc["OIM", "PNUD"] == 2
    assert matrix.loc["PNUD", "OIT"] == 3  # 1.1.1-1, 1.1.1-2 (committee) and 2.1.1-1
    assert matrix.loc["OIM", "UNESCO"] == 0
    assert matrix.loc["OIM", "OIM"] == 2
    assert set(committee_members()) <= set(matrix.index)


# ---- GCM -------------------------------------------------------------------------------------
def test_gcm_coverage_with_and_without_todos(plan):
    cov = metrics.gcm_coverage(plan, include_all=True).set_index("number")
    assert len(cov) == 23
    assert cov.loc[3, "n_specific"] == 3
    # 2.2.1-1 names 3 AND says "Todos": counted once, as specific
    assert cov.loc[3, "n_all"] == 1 and cov.loc[3, "n"] == 4
    assert cov.loc[1, "n"] == 1 + 2
    assert cov.loc[23, "n_specific"] == 0 and cov.loc[23, "n_all"] == 2
    assert not cov["gap"].any()
    strict = metrics.gcm_coverage(plan, include_all=False).set_index("number")
    assert strict.loc[23, "n"] == 0 and strict.loc[23, "gap"]
    assert strict["gap"].sum() == 21  # only 1 and 3 are named
    assert strict.loc[3, "label_es"] == "Proporcionar información"


def test_coverage_counts_say_specific_apart_from_only_todos(plan):
    # only objectives 1 and 3 are named; "Todos" reaches the other 21
    for include_all in (True, False):
        counts = metrics.coverage_counts(metrics.gcm_coverage(plan, include_all=include_all))
        assert counts == {"total": 23, "specific": 2, "only_all": 21, "none": 0}
    without_todos = metrics.gcm_coverage(plan).assign(n_all=0)
    assert metrics.coverage_counts(without_todos)["none"] == 21


def test_strategy_gcm_matrix(plan):
    matrix = metrics.strategy_gcm_matrix(plan, include_all=True)
    assert matrix.shape == (3, 23)
    assert matrix.loc["1.1", 3] == 2 and matrix.loc["1.1", 1] == 1
    assert matrix.loc["2.1"].sum() == 23  # "Todos" links every objective
    assert metrics.strategy_gcm_matrix(plan, include_all=False).loc["2.1"].sum() == 0


def test_products_for_gcm(plan):
    linked = metrics.products_for_gcm(plan, 3, include_all=True)
    assert linked["code"].tolist() == ["1.1.1-1", "1.1.1-2", "2.1.1-1", "2.2.1-1"]
    assert linked["via_all"].tolist() == [False, False, True, False]
    assert metrics.products_for_gcm(plan, 3, include_all=False)["code"].tolist() == [
        "1.1.1-1",
        "1.1.1-2",
        "2.2.1-1",
    ]


# ---- purity ----------------------------------------------------------------------------------
def test_no_metric_mutates_its_inputs(plan):
    before = copy.deepcopy(plan)
    as_of = TS("2024-06-30")
    latest = metrics.latest_status(plan, as_of)
    latest_before = latest.copy(deep=True)
    metrics.status_counts(latest)
    metrics.overall_completion(latest)
    metrics.completion_by(latest, "strategy")
    metrics.status_by(latest, "objective")
    metrics.alerts(plan, as_of)
    metrics.completeness(plan, as_of)
    metrics.agency_reporting(plan, as_of)
    for expand in (False, True):
        metrics.agency_load(plan, expand)
        metrics.agency_quarter_matrix(plan, expand)
        metrics.agency_strategy_matrix(plan, expand)
        metrics.agency_cooccurrence(plan, expand)
    metrics.gcm_coverage(plan)
    metrics.strategy_gcm_matrix(plan)
    metrics.products_for_gcm(plan, 3)
    metrics.history(plan, "1.1.1-1")
    for name in ("products", "progress", "agencies", "gcm", "strategies"):
        pd.testing.assert_frame_equal(getattr(plan, name), getattr(before, name))
    pd.testing.assert_frame_equal(latest, latest_before)
    assert plan.products.loc[1, "partners"] == ["PNUD", COMMITTEE]

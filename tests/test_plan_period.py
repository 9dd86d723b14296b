"""Another cycle, another period: everything that spans «the plan» spans the plan's own period
(plan.info), titles come from its names, and a finished cycle is read as of its end (issue 9).

The plans are the small test plan moved to a 2025-2026 cycle and to a closed 2021-2022 one
(tests/planfactory.py); nothing drawn for them may say 2023, 2024 or Peru.
"""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest
from planfactory import closed_2021_2022, cycle_2025_2026, make_plan, product, report

from planmonitor.analysis import describe, metrics
from planmonitor.analysis.filters import Filters, period_options
from planmonitor.output import charts, template, theme
from planmonitor.output import report as rp

TS = pd.Timestamp
QUARTERS_2025_2026 = tuple(f"{y}-T{q}" for y in (2025, 2026) for q in (1, 2, 3, 4))
OLD = re.compile(r"(?<!\d)(?:2023|2024)(?!\d)|per[uú]", re.IGNORECASE)
TODAY = TS("2026-05-15")  # inside the 2025-2026 cycle, after the 2021-2022 one


@pytest.fixture(scope="module")
def cycle():
    return cycle_2025_2026()


@pytest.fixture(scope="module")
def closed():
    return closed_2021_2022()


def _gantt(plan, **kw):
    latest = metrics.latest_status(plan, plan.info.as_of(TODAY))
    return charts.build_gantt_figure(
        latest, "es", today=TODAY, period=(plan.info.start, plan.info.end), **kw
    )


def _strip_plotlyjs(html: str) -> str:
    """The report's HTML without plotly.js's own bundle (its code, not ours)."""
    return re.sub(r"<script[^>]*>.*?</script>", "", html, flags=re.S)


# ---- the period -----------------------------------------------------------------------------
def test_gantt_axis_and_quarter_ticks_follow_the_plans_period(cycle):
    fig = _gantt(cycle)
    assert list(fig.layout.xaxis.ticktext) == [
        f"T{q} {y}" for y in (2025, 2026) for q in range(1, 5)
    ]
    assert [TS(x) for x in fig.layout.xaxis.range] == [TS("2025-01-01"), TS("2027-01-01")]
    # the undated product spans the plan's own period, not another cycle's
    spans = [
        (TS(tr.base[i]), TS(tr.base[i]) + pd.Timedelta(milliseconds=tr.x[i]))
        for tr in fig.data
        if tr.type == "bar" and tr.base is not None
        for i, y in enumerate(tr.y)
        if str(y).startswith("2.3.1-1")
    ]
    assert spans and set(spans) == {(TS("2025-01-01"), TS("2027-01-01"))}
    assert not OLD.search(json.dumps(fig.to_plotly_json(), default=str))


def test_gantt_axis_widens_to_a_product_dated_outside_the_period(cycle):
    late = make_plan([product("1.1.1-1", start="2026-10-01", end="2027-03-31")], info=cycle.info)
    fig = _gantt(late)
    assert list(fig.layout.xaxis.ticktext)[-2:] == ["T4 2026", "T1 2027"]  # nothing dropped


def test_agency_quarter_heatmap_has_the_plans_quarters(cycle):
    matrix = metrics.agency_quarter_matrix(cycle)
    assert matrix.columns.tolist() == [*QUARTERS_2025_2026, metrics.UNDATED_COLUMN]
    # 1.1.1-1 (OIM, 2025-04 … 2025-12) is counted in T2-T4 2025; the undated one apart
    assert matrix.loc["ACNUR", metrics.UNDATED_COLUMN] == 1
    fig = charts.build_heatmap_figure(matrix, "carga.heatmap", "en")
    assert list(fig.data[0].x)[:2] == ["Q1 2025", "Q2 2025"]


def test_period_filter_offers_the_plans_quarters(cycle, closed):
    assert period_options(cycle) == QUARTERS_2025_2026
    assert period_options(closed) == tuple(f"{y}-T{q}" for y in (2021, 2022) for q in range(1, 5))
    shown = Filters(period=("2026-T1", "2026-T2")).apply(cycle)
    assert "3.2.2-2" not in set(shown.products["code"])  # 2025-01 … 2025-06
    assert "2.3.1-1" in set(shown.products["code"])  # undated: always matches


def test_report_months_are_the_plans_months(cycle, closed):
    months = rp.report_months(cycle, TODAY)
    assert months[0] == "2026-05" and months[-1] == "2025-01"  # never after this month
    assert rp.default_month(cycle, TODAY) == "2026-04"  # the last whole month
    assert rp.report_months(closed, TODAY) == [
        f"{y}-{m:02d}" for y in (2022, 2021) for m in range(12, 0, -1)
    ]
    assert rp.default_month(closed, TODAY) == "2022-12"  # a closed plan: its last month


# ---- titles ---------------------------------------------------------------------------------
def test_titles_come_from_the_plans_names(cycle):
    assert describe.app_title(cycle, "es") == "planmonitor — Red de Prueba"
    assert describe.app_title(cycle, "en") == "planmonitor — Test Network"
    assert describe.subtitle(cycle, "es") == "Seguimiento de: Plan de Trabajo de Prueba"
    built = rp.build_report(cycle, "2026-03", lang="es")
    assert built.network == "Red de Prueba"
    assert built.title == "Informe mensual de seguimiento · Plan de Trabajo de Prueba"
    html = _strip_plotlyjs(rp.to_html(built))
    assert "Red de Prueba" in html and not OLD.search(html)
    assert "Plan de Trabajo de Prueba" in template.template_title(cycle)


def test_a_plan_without_names_gets_neutral_titles_and_invents_none():
    bare = make_plan([product("1.1.1-1")])  # no «Plan» sheet: model.inferred_info
    assert describe.app_title(bare) == "planmonitor"
    assert describe.network(bare, "es") == ""
    assert describe.subtitle(bare, "es").startswith("Seguimiento del plan de trabajo (")
    assert template.template_title(bare) == "Plantilla del plan de trabajo"
    assert template.template_title(None) == "Plantilla del plan de trabajo"
    # the workbook's own Metadatos title is the plan's wording: used as it is
    titled = make_plan([product("1.1.1-1")], meta={"fuente": "Plan «X» de la Red Y"})
    assert describe.plan_title(titled) == "Plan «X» de la Red Y"
    assert describe.app_title(titled) == "planmonitor — Plan «X» de la Red Y"


def test_today_outside_names_the_plans_period(cycle):
    assert describe.today_outside(cycle, TODAY, "es") is None
    said = describe.today_outside(cycle, TS("2027-02-01"), "en")
    assert said == (
        "Today (1 Feb 2027) is outside the plan period (1 Jan 2025 – 31 Dec 2026): no today line."
    )


# ---- a closed cycle -------------------------------------------------------------------------
def test_a_closed_plan_says_so_and_is_read_as_of_its_end(closed, cycle):
    assert describe.closed_note(cycle, TODAY, "es") is None
    assert describe.closed_note(closed, TODAY, "es").startswith("Plan finalizado el 31/12/2022")
    assert describe.closed_note(closed, TODAY, "en").startswith("Plan ended on 31 Dec 2022")
    assert closed.info.as_of(TODAY) == TS("2022-12-31")


def test_a_closed_plan_gets_no_recent_report_alerts(closed):
    as_of = closed.info.as_of(TODAY)
    open_alerts = metrics.alerts(closed, as_of=as_of, stale_days=60)
    assert "stale" in set(open_alerts["kind"])  # what it would say of a running plan
    shut = metrics.alerts(closed, as_of=as_of, stale_days=60, closed=True)
    assert "stale" not in set(shut["kind"])
    assert set(shut["kind"]) == set(open_alerts["kind"]) - {"stale"}  # the rest stays
    reporting = metrics.agency_reporting(closed, as_of=as_of, days=60, closed=True)
    assert not reporting["stale"].any()


# ---- agency colours -------------------------------------------------------------------------
def test_co_leads_and_every_agency_of_a_plan_get_their_own_colour(cycle):
    colors = theme.plan_agency_colors(cycle)
    acronyms = cycle.agencies["acronym"].tolist()
    assert set(acronyms) <= set(colors)
    assert len({colors[a] for a in acronyms}) == len(acronyms)
    assert colors["PNUD"] != colors["OIT"]  # co-leads of 1.1.1-2
    assert not set(colors.values()) & set(theme.STATUS_COLORS.values())
    assert theme.plan_agency_colors(cycle_2025_2026()) == colors  # stable for the plan
    fig = _gantt(cycle, color_by="lead", agency_colors=colors)
    by_name = {tr.name: tr.marker.color for tr in fig.data if tr.name in colors}
    assert by_name and all(by_name[a] == colors[a] for a in by_name)


def test_a_plan_stating_no_period_spans_the_whole_years_of_its_own_dates():
    """No «Plan» sheet: the period is read from the plan's dates (products and reports), in
    whole calendar years, and marked as inferred; nothing falls back to a fixed period."""
    plan = make_plan(
        [product("1.1.1-1", start="2031-03-01", end="2032-06-30"), product("1.1.1-2")],
        [report("2033-02-10", "1.1.1-1", "En proceso", 40)],
    )
    assert plan.info.period_inferred
    assert (plan.info.start, plan.info.end) == (TS("2031-01-01"), TS("2033-12-31"))


def test_a_plan_with_no_date_at_all_spans_the_current_year():
    plan = make_plan([product("1.1.1-1")])
    year = pd.Timestamp.today().year
    assert (plan.info.start, plan.info.end) == (TS(f"{year}-01-01"), TS(f"{year}-12-31"))

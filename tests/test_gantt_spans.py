"""The Gantt beside the progress log (issue 10): actual spans, the two-lane figure, the
quarters on top, the period zoom, hover wording."""

from __future__ import annotations

import pandas as pd
import pytest
from planfactory import cycle_info, make_plan, product, report

from planmonitor.analysis import metrics, spans
from planmonitor.i18n import t
from planmonitor.output import charts

TS = pd.Timestamp
INFO = cycle_info("2023-01-01", "2024-12-31")
PERIOD = (INFO.start, INFO.end)


@pytest.fixture()
def plan():
    return make_plan(
        [
            product("1.1.1-1", start="2023-04-01", end="2023-12-31"),  # dated, done
            product("1.1.1-2"),  # no dates, under way since 2023-03-15
            product("2.1.1-1"),  # no dates, only «No iniciado», then late in 2024
            product("2.1.1-2"),  # no dates, never reported
            product("3.1.1-1"),  # no dates, cancelled after starting
            product("3.1.1-2"),  # no dates, reported as a percent before a status word
        ],
        [
            report("2023-03-15", "1.1.1-2", "En curso", 10),
            report("2023-05-10", "1.1.1-1", "No iniciado", 0),
            report("2023-06-20", "1.1.1-1", "En curso", 40),
            report("2023-11-30", "1.1.1-1", "Completado", 100),
            report("2024-01-05", "1.1.1-1", "Completado", 100),  # a later repeat changes nothing
            report("2023-02-01", "2.1.1-1", "No iniciado", 0),
            report("2024-08-01", "2.1.1-1", "Retrasado", 5),
            report("2023-07-01", "3.1.1-1", "En curso", 20),
            report("2023-09-15", "3.1.1-1", "Cancelado", 20),
            report("2023-04-04", "3.1.1-2", "No iniciado", 15),
            report("2023-06-01", "1.1.1-2", "Retrasado", 20),
        ],
        info=INFO,
    )


# ---- the span function ------------------------------------------------------------------------
def test_actual_span_runs_from_the_first_report_under_way_to_completion_or_the_as_of(plan):
    got = spans.actual_spans(plan, as_of="2024-09-30")
    assert list(got.columns) == spans.SPAN_COLUMNS
    assert got.to_dict("records") == [
        {"code": "1.1.1-1", "start": TS("2023-06-20"), "end": TS("2023-11-30"), "ongoing": False},
        {"code": "1.1.1-2", "start": TS("2023-03-15"), "end": TS("2024-09-30"), "ongoing": True},
        {"code": "2.1.1-1", "start": TS("2024-08-01"), "end": TS("2024-09-30"), "ongoing": True},
        {"code": "3.1.1-1", "start": TS("2023-07-01"), "end": TS("2023-09-15"), "ongoing": False},
        {"code": "3.1.1-2", "start": TS("2023-04-04"), "end": TS("2024-09-30"), "ongoing": True},
    ]  # 2.1.1-2 was never reported: no span


def test_actual_span_ignores_reports_after_the_as_of_date(plan):
    got = spans.actual_spans(plan, as_of="2023-07-31").set_index("code")
    assert set(got.index) == {"1.1.1-1", "1.1.1-2", "3.1.1-1", "3.1.1-2"}
    assert got.loc["1.1.1-1", "end"] == TS("2023-07-31") and got.loc["1.1.1-1", "ongoing"]
    assert spans.actual_spans(plan, as_of="2023-01-31").empty  # nothing reported yet


def test_with_actual_adds_columns_without_touching_the_input(plan):
    latest = metrics.latest_status(plan, "2024-09-30")
    before = latest.copy()
    rows = spans.with_actual(latest, spans.actual_spans(plan, "2024-09-30")).set_index("code")
    pd.testing.assert_frame_equal(latest, before)
    assert pd.isna(rows.loc["2.1.1-2", "actual_start"])
    assert not rows.loc["2.1.1-2", "actual_ongoing"]
    assert rows.loc["3.1.1-1", "actual_end"] == TS("2023-09-15")


def test_a_window_keeps_plan_dated_overlaps_and_undated_products_that_ran_in_it(plan):
    rows = spans.with_actual(
        metrics.latest_status(plan, "2024-09-30"), spans.actual_spans(plan, "2024-09-30")
    )
    window = spans.period_window(("2024-T1", "2024-T2"))
    assert window == (TS("2024-01-01"), TS("2024-06-30"))
    kept = set(rows.loc[spans.in_window(rows, window).to_numpy(), "code"])
    # 1.1.1-1 ends in 2023 (plan); 3.1.1-1 was cancelled in 2023; 2.1.1-1 starts in August;
    # 1.1.1-2 and 3.1.1-2 run through; 2.1.1-2 has no information at all and stays
    assert kept == {"1.1.1-2", "3.1.1-2", "2.1.1-2"}
    assert spans.period_window(None) is None


# ---- the figure -------------------------------------------------------------------------------
def _figure(plan, lang="es", **kw):
    rows = spans.with_actual(
        metrics.latest_status(plan, "2024-09-30"), spans.actual_spans(plan, "2024-09-30")
    )
    return charts.build_gantt_figure(rows, lang, today=TS("2024-09-30"), period=PERIOD, **kw)


@pytest.mark.parametrize(
    ("lang", "actual"), [("es", "Real (según avances)"), ("en", "Actual (from progress log)")]
)
def test_the_legend_shows_the_plan_and_the_actual_span(plan, lang, actual):
    fig = _figure(plan, lang)
    legend = [tr.name for tr in fig.data if tr.showlegend is not False]
    assert "Plan" in legend and actual in legend
    (real,) = [tr for tr in fig.data if tr.name == actual]
    bars = {y.split(" ")[0]: i for i, y in enumerate(real.y)}
    assert set(bars) == {"1.1.1-1", "1.1.1-2", "2.1.1-1", "3.1.1-1", "3.1.1-2"}
    i = bars["3.1.1-1"]
    start = TS(real.base[i])
    assert (start, start + pd.Timedelta(milliseconds=real.x[i])) == (
        TS("2023-07-01"),
        TS("2023-09-16"),  # the last day included
    )
    # the plan's bar and the actual one share the row without overlapping
    plan_bars = [tr for tr in fig.data if tr.type == "bar" and tr.width == 0.5]
    assert plan_bars and all(tr.offset + tr.width <= real.offset for tr in plan_bars)


def test_the_quarters_are_on_top_and_the_axis_spans_the_plan_without_a_window(plan):
    fig = _figure(plan)
    assert fig.layout.xaxis.side == "top"
    assert [TS(x) for x in fig.layout.xaxis.range] == [TS("2023-01-01"), TS("2025-01-01")]


def test_a_window_zooms_the_axis_to_its_quarters(plan):
    window = spans.period_window(("2023-T2", "2023-T3"))
    fig = _figure(plan, window=window)
    assert [TS(x) for x in fig.layout.xaxis.range] == [TS("2023-04-01"), TS("2023-10-01")]
    assert list(fig.layout.xaxis.ticktext) == ["T2 2023", "T3 2023"]


def test_hover_never_says_dash_to_dash_and_gives_the_actual_span(plan):
    fig = _figure(plan)
    hover = "\n".join(h for tr in fig.data if tr.hovertext for h in tr.hovertext)
    assert "— – —" not in hover
    assert t("chart.gantt.plan_undated", "es") in hover
    assert "Real (según avances): 01/07/2023 – 15/09/2023" in hover
    assert "Real (según avances): desde 15/03/2023, en curso al 30/09/2024" in hover
    assert t("chart.gantt.actual_none", "es") in hover  # 2.1.1-2
    en = _figure(plan, "en")
    hover_en = "\n".join(h for tr in en.data if tr.hovertext for h in tr.hovertext)
    assert "Plan: no dates in the plan" in hover_en and "— – —" not in hover_en


def test_a_partial_date_is_said_in_words_not_with_a_dash():
    plan = make_plan([product("1.1.1-1", start="2023-04-01")], info=INFO)
    fig = charts.build_gantt_figure(metrics.latest_status(plan), period=PERIOD)
    hover = "".join(h for tr in fig.data if tr.hovertext for h in tr.hovertext)
    assert "Plan: 01/04/2023 – sin fecha" in hover


def test_hatched_bars_carry_no_text_of_their_own(plan):
    fig = _figure(plan)
    hatched = [tr for tr in fig.data if tr.legendgroup == "undated" and tr.y[0] is not None]
    assert hatched and all(x == "" for tr in hatched for x in tr.text)
    boxed = [a for a in fig.layout.annotations if "Sin fechas en el plan" in a.text]
    assert len(boxed) == len(hatched[0].y) and all(a.bgcolor for a in boxed)


def test_a_network_past_the_safe_palette_gets_patterned_lead_bars():
    from planmonitor.output import theme

    n = len(theme.AGENCY_PALETTE) + 1
    names = [f"A{i}" for i in range(n)]
    plan = make_plan(
        [product(f"1.1.1-{i}", leads=[a], start="2023-01-01", end="2023-06-30")
         for i, a in enumerate(names, 1)],
        info=INFO,
    )  # fmt: skip
    latest = metrics.latest_status(plan)
    latest["leads"] = [[a] for a in names]  # agencies outside the test catalogue, by name
    fig = charts.build_gantt_figure(
        latest, color_by="lead", period=PERIOD,
        agency_colors=theme.agency_colors(names), agency_patterns=theme.agency_patterns(names),
    )  # fmt: skip
    shapes = {tr.name: tr.marker.pattern.shape for tr in fig.data if tr.type == "bar" and tr.x}
    assert shapes[names[0]] == ("",) and shapes[names[-1]] == ("x",)

"""Figures: structure (traces, axes, categories, colours, hatching, language), never pixels."""

from __future__ import annotations

import pandas as pd
import plotly.io as pio
import pytest
from planfactory import COMMITTEE, make_plan, product, report

from planmonitor.analysis import metrics
from planmonitor.model import NO_REPORT, STATUS_ORDER
from planmonitor.output import charts, theme

TS = pd.Timestamp
EVIL = "<script>alert(1)</script>"
AS_OF = TS("2024-03-31")
# The period of the plans of this module (their plan.info): the Gantt's axis and undated bars.
PLAN_START, PLAN_END = TS("2023-01-01"), TS("2024-12-31")


def gantt(df, *args, **kw):
    """build_gantt_figure on this module's plan period (the pages pass plan.info's)."""
    kw.setdefault("period", (PLAN_START, PLAN_END))
    return charts.build_gantt_figure(df, *args, **kw)


@pytest.fixture()
def plan():
    return make_plan(
        [
            product(
                "1.1.1-1",
                name=EVIL,
                leads=["OIM"],
                partners=[COMMITTEE],
                start="2023-04-01",
                end="2023-12-31",
                gcm=[1],
            ),
            product("1.1.1-2", leads=["PNUD"], start="2023-07-01", end="2024-06-30", gcm=[3]),
            product("2.1.1-1", leads=["OIT"], partners=["UNESCO"]),  # no dates
            product("2.1.1-2", leads=["ACNUR"], start="2024-01-01"),  # only a start
            product("2.2.1-1", leads=["OIM"], end="2023-09-30"),  # only an end
        ],
        [
            report("2023-06-01", "1.1.1-1", "En curso", 40, comment=f"ver {EVIL} & más"),
            report("2023-12-20", "1.1.1-1", "Completado", 100),
            report("2024-02-01", "1.1.1-2", "Retrasado", 30),
            report("2024-02-01", "2.1.1-1", "En curso", 10),
        ],
    )


@pytest.fixture()
def latest(plan):
    return metrics.latest_status(plan, AS_OF)


def _by_name(fig):
    return {tr.name: tr for tr in fig.data}


# ---- template ----------------------------------------------------------------------------------
def test_template_is_registered_with_projector_fonts():
    assert theme.TEMPLATE_NAME in pio.templates
    layout = pio.templates[theme.TEMPLATE_NAME].layout
    assert layout.font.size >= 16
    assert layout.title.font.size >= 20
    assert layout.plot_bgcolor == "#FFFFFF"


def test_status_colours_are_fixed_and_distinct():
    assert set(theme.STATUS_COLORS) == {*STATUS_ORDER, NO_REPORT}
    assert len(set(theme.STATUS_COLORS.values())) == len(theme.STATUS_COLORS)
    assert theme.STATUS_COLORS[NO_REPORT] == theme.GREY


def test_agency_colours_one_per_agency_in_plan_order_never_a_status_colour():
    # issue 9: any list of agencies, each its own colour, the same for the same plan order
    many = [f"A{i}" for i in range(40)]
    colors = theme.agency_colors(many)
    assert list(colors) == many
    assert len(set(colors.values())) == len(many)
    assert not set(colors.values()) & set(theme.STATUS_COLORS.values())
    assert theme.agency_colors(many) == colors  # deterministic: every page, every session
    assert theme.agency_colors(["X", "Y"])["X"] == colors["A0"]  # by place, not by name


def test_plan_agency_colours_put_the_secretariat_first(plan):
    order = theme.agency_order(plan)
    held = plan.agencies["roles"].map(lambda rs: "Coordinación y Secretaría" in rs)
    secretariat = plan.agencies.loc[held]
    assert order[0] == secretariat["acronym"].iloc[0]
    assert theme.plan_agency_colors(plan)[order[0]] == theme.AGENCY_PALETTE[0]


# ---- Gantt -------------------------------------------------------------------------------------
def test_gantt_structure_and_plan_order(latest):
    fig = gantt(latest, "es", today=AS_OF)
    assert fig.layout.template.layout.font.size >= 16
    assert fig.layout.barmode == "overlay"
    assert fig.layout.xaxis.type == "date"
    assert fig.layout.yaxis.type == "category"
    assert fig.layout.yaxis.autorange == "reversed"
    rows = list(fig.layout.yaxis.categoryarray)
    assert [r.split(" ")[0] for r in rows] == latest["code"].tolist()
    bars = [tr for tr in fig.data if tr.type == "bar" and tr.y and tr.y[0] is not None]
    assert sorted(y for tr in bars for y in tr.y) == sorted(rows)  # no product dropped
    assert fig.layout.title.text == "Cronograma de productos"


def test_gantt_status_colours(latest):
    fig = gantt(latest, "es", today=AS_OF)
    traces = _by_name(fig)
    for status in ("Completado", "Retrasado", NO_REPORT):
        assert traces[status].marker.color == theme.STATUS_COLORS[status]
    en = _by_name(gantt(latest, "en", today=AS_OF))
    assert en["Delayed"].marker.color == theme.STATUS_COLORS["Retrasado"]


def test_gantt_undated_products_span_the_plan_hatched(latest):
    fig = gantt(latest, "es", today=AS_OF)
    undated = _undated_bars(fig)
    assert len(undated.y) == 1 and undated.y[0].startswith("2.1.1-1")
    assert undated.marker.pattern.shape == "/"
    assert undated.marker.color == theme.UNDATED_COLOR
    assert TS(undated.base[0]) == PLAN_START
    assert TS(undated.base[0]) + pd.Timedelta(milliseconds=undated.x[0]) == PLAN_END + pd.Timedelta(
        days=1
    )
    # the text sits on its own white box, not under the hatching (issue 10)
    assert list(undated.text) == [""]
    (note,) = [a for a in fig.layout.annotations if "Sin fechas en el plan" in a.text]
    assert note.bgcolor.startswith("rgba(255,255,255") and note.xanchor == "left"
    en = _by_name(gantt(latest, "en", today=AS_OF))
    assert "No dates in the plan" in en


def _undated_bars(fig):
    (bars,) = [tr for tr in fig.data if tr.legendgroup == "undated" and tr.y[0] is not None]
    return bars


def test_gantt_undated_hatch_keeps_the_status_colour_and_the_legend_tells_them_apart():
    plan = make_plan(
        [
            product("1.1.1-1", start="2023-04-01", end="2023-12-31"),
            product("1.1.1-2"),  # no dates, delayed
            product("2.1.1-1"),  # no dates, completed
        ],
        [
            report("2023-06-01", "1.1.1-1", "En curso", 40),
            report("2023-06-01", "1.1.1-2", "Retrasado", 10),
            report("2023-06-01", "2.1.1-1", "Completado", 100),
        ],
    )
    fig = gantt(metrics.latest_status(plan, AS_OF), "es", today=AS_OF)
    bars = _undated_bars(fig)
    assert list(bars.marker.pattern.fgcolor) == [
        theme.STATUS_COLORS["Retrasado"],
        theme.STATUS_COLORS["Completado"],
    ]
    assert bars.marker.color == theme.UNDATED_COLOR and not bars.showlegend
    legend = {tr.name: tr for tr in fig.data if tr.showlegend is not False}
    undated = legend["Sin fechas en el plan"]
    assert undated.legendgroup == "undated" and undated.marker.color == theme.UNDATED_COLOR
    assert undated.marker.pattern.fgcolor == theme.UNDATED_LINE
    # statuses seen only on undated bars still get their colour in the legend
    assert legend["Retrasado"].marker.color == theme.STATUS_COLORS["Retrasado"]
    assert legend["Completado"].y == (None,)
    colors = theme.plan_agency_colors(plan)
    by_lead = gantt(
        metrics.latest_status(plan, AS_OF), "es", color_by="lead", today=AS_OF, agency_colors=colors
    )
    assert set(_undated_bars(by_lead).marker.pattern.fgcolor) == {colors["OIM"]}


def test_gantt_says_when_today_is_outside_the_plan_period(latest):
    inside = gantt(latest, "es", today=AS_OF)
    assert not inside.layout.title.subtitle.text
    late = gantt(latest, "es", today=TS("2026-11-26"))
    assert late.layout.title.subtitle.text == (
        "Hoy (26/11/2026) está fuera del periodo del plan (01/01/2023 – 31/12/2024): no hay "
        "línea de hoy."
    )
    early = gantt(latest, "en", today=TS("2022-05-01"))
    assert early.layout.title.subtitle.text.startswith("Today (1 May 2022) is outside")


def test_gantt_group_rows_show_each_strategy_as_a_header_band(latest):
    names = {"1.1": "Asistencia técnica", "2.1": "Comunicación", "2.2": "Datos"}
    fig = gantt(latest, "es", today=AS_OF, group_rows=True, group_names=names)
    rows = list(fig.layout.yaxis.categoryarray)
    headers = [r for r in rows if not r.strip("\u200b")]
    assert len(headers) == 3 and rows[0] in headers  # 1.1, 2.1, 2.2 in plan order
    bars = [y for tr in fig.data if tr.type == "bar" for y in tr.y if y is not None]
    assert sorted(bars) == sorted(r for r in rows if r not in headers)  # headers hold no bar
    texts = {a.y: a.text for a in fig.layout.annotations if a.y in headers}
    assert [texts[h] for h in headers] == [
        "<b>Estrategia 1.1</b> · Asistencia técnica",
        "<b>Estrategia 2.1</b> · Comunicación",
        "<b>Estrategia 2.2</b> · Datos",
    ]
    ticks = dict(zip(fig.layout.yaxis.tickvals, fig.layout.yaxis.ticktext, strict=True))
    assert all(ticks[h] == "" for h in headers)
    bands = [s for s in fig.layout.shapes if s.type == "rect" and s.xref == "paper"]
    assert len(bands) == 2  # groups 1 and 3 shaded
    # strategy level: grouped by objective
    strat = gantt(latest, "en", today=AS_OF, level="strategy", group_rows=True)
    heads = [a.text for a in strat.layout.annotations if a.text.startswith("<b>")]
    assert heads == ["<b>Objective 1</b>", "<b>Objective 2</b>"]
    # one group only (one chart per strategy): no header
    one = gantt(latest[latest["strategy"] == "2.1"], "es", today=AS_OF, group_rows=True)
    assert all(r.strip("\u200b") for r in one.layout.yaxis.categoryarray)


def test_gantt_partial_dates_run_to_the_plan_bounds_hatched(latest):
    fig = gantt(latest, "es", today=AS_OF)
    bars = {}
    for tr in fig.data:
        if tr.type != "bar" or not tr.y or tr.y[0] is None:
            continue
        shapes = tr.marker.pattern.shape
        for i, y in enumerate(tr.y):
            shape = shapes if isinstance(shapes, str) else shapes[i]
            start = TS(tr.base[i])
            bars[y.split(" ")[0]] = (start, start + pd.Timedelta(milliseconds=tr.x[i]), shape)
    assert bars["1.1.1-1"] == (TS("2023-04-01"), TS("2024-01-01"), "")
    assert bars["2.1.1-2"] == (TS("2024-01-01"), PLAN_END + pd.Timedelta(days=1), "/")
    assert bars["2.2.1-1"] == (PLAN_START, TS("2023-10-01"), "/")
    assert "Fechas incompletas" in _by_name(fig)


def test_gantt_today_line_only_inside_the_axis(latest):
    inside = gantt(latest, "es", today=AS_OF)
    dashed = [s for s in inside.layout.shapes if s.line.dash == "dash"]
    assert len(dashed) == 1 and TS(dashed[0].x0) == AS_OF
    assert any("Hoy" in a.text for a in inside.layout.annotations)
    outside = gantt(latest, "es", today=TS("2030-01-01"))
    assert not [s for s in outside.layout.shapes if s.line.dash == "dash"]


def test_gantt_quarter_ticks_in_the_language(latest):
    es = gantt(latest, "es", today=AS_OF)
    en = gantt(latest, "en", today=AS_OF)
    assert list(es.layout.xaxis.ticktext) == [
        f"T{q} {y}" for y in (2023, 2024) for q in (1, 2, 3, 4)
    ]
    assert en.layout.xaxis.ticktext[0] == "Q1 2023"
    assert en.layout.title.text == "Product timeline"


def test_gantt_hover_and_text(latest):
    fig = gantt(latest, "es", today=AS_OF)
    hover = "".join(h for tr in fig.data if tr.hovertext for h in tr.hovertext)
    assert "Líderes: OIM" in hover and "Socios: Comité Ejecutivo" in hover
    assert "Completado · 100 %" in hover
    en = gantt(latest, "en", today=AS_OF)
    hover_en = "".join(h for tr in en.data if tr.hovertext for h in tr.hovertext)
    assert "Leads: IOM" in hover_en and "Partners: Executive Committee" in hover_en
    completed = _by_name(fig)["Completado"]
    assert list(completed.text) == ["100 %"]


def test_gantt_escapes_workbook_text(plan, latest):
    fig = gantt(latest, "es", today=AS_OF)
    everything = fig.to_json()
    assert "<script>" not in everything
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in fig.layout.yaxis.categoryarray[0]
    # as of July 2023 the last comment of 1.1.1-1 holds markup and an ampersand
    earlier = metrics.latest_status(plan, TS("2023-07-01"))
    fig = gantt(earlier, "es", today=AS_OF)
    assert "<script>" not in fig.to_json()
    hover = "".join(h for tr in fig.data if tr.hovertext for h in tr.hovertext)
    assert "Último comentario: ver &lt;script&gt;alert(1)&lt;/script&gt; &amp; más" in hover


def test_gantt_height_grows_with_rows(plan):
    many = make_plan(
        [product(f"1.1.{i}-1", start="2023-01-01", end="2023-03-31") for i in range(1, 21)]
    )
    few = gantt(metrics.latest_status(plan, AS_OF), today=AS_OF)
    twenty = gantt(metrics.latest_status(many, AS_OF), today=AS_OF)
    assert twenty.layout.height > few.layout.height
    assert twenty.layout.height / 20 >= 30  # at least ~30 px per row on a projector


def test_gantt_colour_by_lead(plan, latest):
    colors = theme.plan_agency_colors(plan)
    fig = gantt(latest, "es", color_by="lead", today=AS_OF, agency_colors=colors)
    traces = _by_name(fig)
    assert traces["OIM"].marker.color == colors["OIM"]
    assert traces["PNUD"].marker.color == colors["PNUD"]
    leads = [tr for tr in fig.data if tr.name in {"OIM", "PNUD", "OIT", "ACNUR"}]
    assert len({tr.marker.color for tr in leads}) == len(leads)  # issue 9: no two share one
    assert "Sin fechas en el plan" in traces


def test_gantt_aggregates_by_activity_and_strategy(plan, latest):
    names = metrics.level_names(plan, "activity")
    fig = gantt(latest, "es", today=AS_OF, level="activity", names=names)
    rows = list(fig.layout.yaxis.categoryarray)
    assert [r.split(" ")[0] for r in rows] == ["1.1.1", "2.1.1", "2.2.1"]
    assert "(2 productos)" in rows[0]
    traces = _by_name(fig)
    # 1.1.1: Completado + Retrasado -> Retrasado wins; spans min start .. max end
    delayed = traces["Retrasado"]
    i = list(delayed.y).index(rows[0])
    start = TS(delayed.base[i])
    assert start == TS("2023-04-01")
    assert start + pd.Timedelta(milliseconds=delayed.x[i]) == TS("2024-07-01")
    assert delayed.text[i] == "65 %"
    strat = gantt(latest, "en", today=AS_OF, level="strategy")
    assert [r.split(" ")[0] for r in strat.layout.yaxis.categoryarray] == ["1.1", "2.1", "2.2"]
    assert strat.layout.title.text == "Timeline by strategy"


def test_gantt_activity_bar_by_lead_takes_the_most_frequent_lead_and_skips_cancelled():
    # Aggregation runs on plain lists (speed); it must keep pandas' rules: the most frequent
    # first lead (ties: alphabetical, as Series.mode), cancelled products out of the mean.
    products = [
        product("1.1.1-1", leads=["PNUD"], start="2023-04-01", end="2023-06-30"),
        product("1.1.1-2", leads=["OIM", "PNUD"], start="2023-07-01", end="2023-09-30"),
        product("1.1.1-3", leads=["OIM"], start="2023-10-01", end="2023-12-31"),
        product("1.1.2-1", leads=["UNODC"], start="2023-01-01", end="2023-03-31"),
        product("1.1.2-2", leads=["ACNUR"], start="2023-01-01", end="2023-03-31"),
    ]
    progress = [
        report("2023-05-01", "1.1.1-1", "En curso", 20),
        report("2023-05-01", "1.1.1-2", "En curso", 60),
        report("2023-05-01", "1.1.1-3", "Cancelado", 0),
    ]
    latest = metrics.latest_status(make_plan(products, progress), AS_OF)
    fig = gantt(latest, "es", today=AS_OF, level="activity", color_by="lead")
    traces = _by_name(fig)
    assert [y.split(" ")[0] for y in traces["OIM"].y] == ["1.1.1"]  # OIM 2, PNUD 1
    assert [y.split(" ")[0] for y in traces["ACNUR"].y] == ["1.1.2"]  # tie: ACNUR < UNODC
    assert "UNODC" not in traces
    assert traces["OIM"].text[0] == "40 %"  # (20 + 60) / 2, the cancelled one left out


def test_gantt_two_thousand_products_stay_usable_by_activity():
    products = [
        product(f"1.{s}.{a}-{p}", start="2023-04-01", end="2024-03-31")
        for s in range(1, 5)
        for a in range(1, 11)
        for p in range(1, 51)
    ]
    big = make_plan(products)
    latest = metrics.latest_status(big, AS_OF)
    assert len(latest) == 2000
    fig = gantt(latest, "es", today=AS_OF, level="activity")
    assert len(fig.layout.yaxis.categoryarray) == 40
    strat = gantt(latest, "es", today=AS_OF, level="strategy")
    assert len(strat.layout.yaxis.categoryarray) == 4


def test_gantt_markers(latest):
    markers = pd.DataFrame(
        {
            "code": ["1.1.1-2", "9.9.9-9"],
            "date": [TS("2024-02-01"), TS("2024-02-01")],
            "label": [f"estado cambió {EVIL}", "desconocido"],
        }
    )
    fig = gantt(latest, "es", today=AS_OF, markers=markers)
    scatter = _by_name(fig)["Cambios"]
    assert scatter.type == "scatter" and len(scatter.x) == 1  # unknown code ignored
    assert scatter.y[0].startswith("1.1.1-2")
    assert "<script>" not in scatter.hovertext[0]
    with pytest.raises(ValueError, match="missing columns in markers: label"):
        gantt(latest, "es", markers=markers[["code", "date"]])


def test_gantt_checks_inputs(latest):
    with pytest.raises(
        ValueError, match="^build_gantt_figure: el DataFrame está vacío / the DataFrame is empty$"
    ):
        gantt(latest.iloc[0:0])
    with pytest.raises(ValueError, match="missing columns: start, end"):
        gantt(latest.drop(columns=["start", "end"]))
    with pytest.raises(ValueError, match="invalid color_by"):
        gantt(latest, color_by="gcm")
    with pytest.raises(ValueError, match="invalid level"):
        gantt(latest, level="gcm")  # objective, strategy, activity or product only
    with pytest.raises(ValueError, match="expected a DataFrame"):
        gantt([1, 2])  # type: ignore[arg-type]


# ---- bars --------------------------------------------------------------------------------------
def test_status_counts_figure(latest):
    counts = metrics.status_counts(latest)
    fig = charts.build_status_counts_figure(counts, "en")
    assert len(fig.data) == 1 and fig.data[0].type == "bar"
    assert list(fig.data[0].x) == [
        "Not started",
        "In progress",
        "Completed",
        "Delayed",
        "Cancelled",
        "No report",
    ]
    assert list(fig.data[0].marker.color) == [theme.STATUS_COLORS[s] for s in counts["status"]]
    assert fig.layout.title.text == "Products by status"
    assert charts.build_status_counts_figure(counts).layout.title.text == "Productos por estado"


def test_completion_by_figure(plan, latest):
    table = metrics.completion_by(latest, "strategy")
    fig = charts.build_completion_by_figure(
        table, "es", names=metrics.level_names(plan, "strategy")
    )
    assert tuple(fig.layout.xaxis.range) == (0, 100)
    assert fig.layout.yaxis.type == "category"
    assert list(fig.data[0].y)[0] == "Estrategia 1.1 · Estrategia 1.1"
    assert fig.layout.title.text == "Avance medio por estrategia"
    en = charts.build_completion_by_figure(metrics.completion_by(latest, "objective"), "en")
    assert en.layout.title.text == "Average progress by objective"
    assert list(en.data[0].y) == ["Objective 1", "Objective 2"]


def test_agency_load_figure(plan):
    load = metrics.agency_load(plan)
    fig = charts.build_agency_load_figure(load, "en", agencies=plan.agencies)
    assert [tr.name for tr in fig.data] == ["Lead", "Partner"]
    assert fig.layout.barmode == "stack"
    labels = list(fig.data[0].y)
    assert labels[0] == "IOM"  # the busiest agency on top
    assert "Executive Committee" in labels
    assert fig.data[0].marker.color == theme.ROLE_COLORS["lead"]
    assert fig.layout.title.text == "Products by agency and role"


def test_status_by_figure(latest):
    fig = charts.build_status_by_figure(metrics.status_by(latest, "strategy"), "es")
    assert [tr.name for tr in fig.data] == [*STATUS_ORDER, NO_REPORT]
    assert [tr.marker.color for tr in fig.data] == [
        theme.STATUS_COLORS[s] for s in (*STATUS_ORDER, NO_REPORT)
    ]
    assert fig.layout.barmode == "stack"
    assert list(fig.data[0].y) == ["Estrategia 1.1", "Estrategia 2.1", "Estrategia 2.2"]
    assert fig.layout.title.text == "Estado de los productos por estrategia"


# ---- heatmaps and tiles ------------------------------------------------------------------------
def test_heatmap_agency_quarter(plan):
    matrix = metrics.agency_quarter_matrix(plan)
    fig = charts.build_heatmap_figure(
        matrix, "chart.heatmap.agency_quarter", "en", agencies=plan.agencies
    )
    heat = fig.data[0]
    assert heat.type == "heatmap"
    assert list(heat.x)[:2] == ["Q1 2023", "Q2 2023"] and list(heat.x)[-1] == "no dates"
    assert list(heat.y)[0] == "IOM" and list(heat.y)[-1] == "Executive Committee"
    assert fig.layout.xaxis.type == "category" and fig.layout.yaxis.type == "category"
    assert fig.layout.title.text == "Active products by agency and quarter"
    unesco = list(matrix.index).index("UNESCO")  # only in the undated product
    assert list(heat.text[unesco]) == [""] * 8 + ["1"]  # zero cells unlabelled


def test_heatmap_strategy_codes_stay_categories(plan):
    fig = charts.build_heatmap_figure(
        metrics.strategy_gcm_matrix(plan), "chart.heatmap.strategy_gcm", "es"
    )
    assert list(fig.data[0].y) == ["1.1", "2.1", "2.2"]
    assert fig.layout.yaxis.type == "category"
    with pytest.raises(ValueError, match="unknown string key"):
        charts.build_heatmap_figure(metrics.strategy_gcm_matrix(plan), "no.such.key")
    with pytest.raises(ValueError, match="empty"):
        charts.build_heatmap_figure(pd.DataFrame(), "chart.heatmap.strategy_gcm")


def test_gcm_tiles_mark_gaps(plan):
    coverage = metrics.gcm_coverage(plan, include_all=True)
    fig = charts.build_gcm_tiles_figure(coverage, "es")
    tiles = [tr for tr in fig.data if tr.mode == "text"][0]
    assert len(tiles.text) == 23
    # 7 per row: objective 8 starts the second row
    assert (tiles.x[7], tiles.y[7]) == (tiles.x[0], tiles.y[0] - 1)
    n_gaps = int(coverage["gap"].sum())
    assert n_gaps == 21
    assert sum("sin cobertura" in text for text in tiles.text) == n_gaps
    gaps = _by_name(fig)["Sin cobertura (ningún producto)"]
    assert gaps.fillpattern.shape == "/"
    assert len([s for s in fig.layout.shapes if s.line.dash == "dash"]) == n_gaps
    en = charts.build_gcm_tiles_figure(coverage, "en")
    assert en.layout.title.text == "Coverage of the 23 GCM objectives"
    assert "no coverage" in [tr for tr in en.data if tr.mode == "text"][0].text[1]


def test_gcm_tiles_without_gaps_have_no_gap_trace():
    full = make_plan([product("1.1.1-1", gcm=list(range(1, 24)))])
    fig = charts.build_gcm_tiles_figure(metrics.gcm_coverage(full), "es")
    assert "Sin cobertura (ningún producto)" not in _by_name(fig)
    assert not fig.layout.showlegend


def _tiles(fig):
    return [tr for tr in fig.data if tr.mode == "text"][0]


def test_gcm_tiles_keep_todos_links_apart_from_specific_ones():
    """A "Todos los objetivos" product must not read as full coverage (issue: every tile
    said "5 productos" only through the five 2.1.1 products)."""
    plan = make_plan(
        [product(f"2.1.1-{i}", gcm_all=True) for i in range(1, 6)]
        + [product("1.1.1-1", gcm=[3]), product("1.1.1-2", gcm=[3, 7])]
    )
    fig = charts.build_gcm_tiles_figure(metrics.gcm_coverage(plan, include_all=True), "es")
    text = _tiles(fig).text
    assert "0 específicos<br>5 vía «Todos»" in text[0]  # objective 1: only through "Todos"
    assert "2 específicos<br>5 vía «Todos»" in text[2]
    assert "1 específico<br>5 vía «Todos»" in text[6]
    assert all("productos" not in x for x in text)
    # colour follows the specific links: objective 1 is pale (dotted), 3 and 7 are blue
    fills = [s.fillcolor for s in fig.layout.shapes]
    assert fills[0] == charts.ONLY_ALL_COLOR and fills[1] == charts.ONLY_ALL_COLOR
    assert fills[2] != charts.ONLY_ALL_COLOR and fills[2] != fills[6]
    assert fig.layout.shapes[0].line.dash == "dot"
    assert "Solo vía «Todos los objetivos»" in _by_name(fig)
    assert "Sin cobertura (ningún producto)" not in _by_name(fig)

    excluded = charts.build_gcm_tiles_figure(metrics.gcm_coverage(plan, include_all=False), "en")
    text = _tiles(excluded).text
    assert "no coverage" in text[0] and "via" not in " ".join(text)
    assert "2 specific" in text[2] and "1 specific" in text[6]
    assert sum("no coverage" in x for x in text) == 21
    assert "Only via «All objectives»" not in _by_name(excluded)


# ---- history -----------------------------------------------------------------------------------
def test_history_figure(plan):
    past = metrics.history(plan, "1.1.1-1")
    fig = charts.build_history_figure(past, "en", code="1.1.1-1")
    assert fig.data[0].line.shape == "hv"
    markers = _by_name(fig)
    assert markers["In progress"].marker.color == theme.STATUS_COLORS["En curso"]
    assert markers["Completed"].marker.color == theme.STATUS_COLORS["Completado"]
    assert fig.layout.title.text == "Progress history · 1.1.1-1"
    assert tuple(fig.layout.yaxis.range) == (0, 105)
    assert "<script>" not in fig.to_json()
    with pytest.raises(ValueError, match="build_history_figure: .*empty"):
        charts.build_history_figure(metrics.history(plan, "2.1.1-2"))


@pytest.mark.parametrize(
    ("builder", "args"),
    [
        (charts.build_status_counts_figure, ()),
        (charts.build_agency_load_figure, ()),
        (charts.build_gcm_tiles_figure, ()),
        (charts.build_status_by_figure, ()),
    ],
)
def test_empty_input_raises_a_clear_error(builder, args):
    with pytest.raises(ValueError, match=rf"^{builder.__name__}: "):
        builder(
            pd.DataFrame(
                {
                    "status": [],
                    "count": [],
                    "agency": [],
                    "role": [],
                    "number": [],
                    "label_es": [],
                    "title_en": [],
                    "n": [],
                }
            ),
            *args,
        )


def test_heatmap_title_clears_the_top_labels_and_counts_are_whole(plan):
    matrix = metrics.strategy_gcm_matrix(plan, include_all=False)
    fig = charts.build_heatmap_figure(
        matrix, "chart.heatmap.strategy_gcm", "es", "word.gcm_objective", "word.strategy"
    )
    assert fig.layout.xaxis.side == "top"
    assert fig.layout.title.automargin is True  # pushes the plot down, not over the labels
    assert fig.layout.xaxis.title.text == "Objetivo del PMM"
    assert fig.data[0].colorbar.dtick == 1  # max 1: no "0.2, 0.4" products


def test_stacked_bars_list_the_legend_in_stack_order(latest):
    fig = charts.build_status_by_figure(metrics.status_by(latest, "strategy"), "es")
    assert fig.layout.legend.traceorder == "normal"
    assert [tr.name for tr in fig.data][:2] == ["No iniciado", "En curso"]

"""The monthly report as ONE self-contained HTML file: no network, printable on A4.

Rendered from Jinja2 templates (templates/: base.html, report.html, minutes.html and the one
stylesheet report.css, inlined) with autoescaping on: code passes text, the templates place
it, and every value is escaped except the chart divs, which plotly writes and which are passed
as `Markup` explicitly. The charts carry plotly.js inlined once; the light version (issue 10)
draws them as inline SVG instead (light.py), for e-mail.
"""

from __future__ import annotations

import html
from functools import cache
from typing import Any

import jinja2
import pandas as pd
import plotly.graph_objects as go
from markupsafe import Markup

from planmonitor.i18n import fmt_date, fmt_number, fmt_percent, t
from planmonitor.output import charts
from planmonitor.output.report import light as light_charts
from planmonitor.output.report.model import Report, Section, month_label

# The report's timeline is one chart on an A4 page (at most 900 px high): one bar per product
# while they fit, else one per activity, else one per strategy (the Cronograma page collapses
# the same way). 200 activity bars of a network-scale plan were unreadable and made a 23 MB PDF.
GANTT_MAX_BARS = 60
# A4 is 210 mm wide; 15 mm margins leave 180 mm = 680 CSS px. Charts are drawn a bit narrower.
CHART_WIDTH = 660
CHART_FONT = 11


def _escape(value: Any) -> Markup:
    """Each value of a template as html.escape(quote=True) writes it (&quot;, &#x27;), the
    escaping of the hand-built HTML before the templates, so their output is the same; Markup
    (the chart divs, a macro's output) is kept as it is."""
    if isinstance(value, Markup):
        return value
    return Markup(html.escape(str(value), quote=True))


@cache
def environment() -> jinja2.Environment:
    """The one template environment of the printable documents (report and minutes)."""
    return jinja2.Environment(
        loader=jinja2.PackageLoader("planmonitor.output.report", "templates"),
        autoescape=True,
        finalize=_escape,
        undefined=jinja2.StrictUndefined,  # a misspelt name fails instead of printing nothing
        keep_trailing_newline=True,
    )


def render(template: str, **context: Any) -> str:
    """The template (a file of templates/) rendered with `context`."""
    return environment().get_template(template).render(**context)


_PAGE_BREAK_BEFORE = {"status", "changes", "gcm"}
# Rows of one table in the HTML/PDF (about six A4 pages); the Excel workbook keeps them all.
# A network-scale month has thousands (every product, every entry, every change) and printed
# them on hundreds of pages.
HTML_MAX_ROWS = 200
_CUT_SECTIONS = {"status", "entries", "changes", "alerts"}  # one row per product/entry/change


# Text up to this length (codes, statuses, acronyms) is kept on one line in tables; a text
# with a word longer than _LONG_WORD (a link) may break anywhere so it cannot overflow A4.
_SHORT_TEXT = 14
_LONG_WORD = 24


def _cell(value: Any, lang: str) -> tuple[str, str]:
    """A value as display text and its CSS class: num, nw (one line) or none."""
    if value is None or (not isinstance(value, (str, list, tuple)) and pd.isna(value)):
        return "", ""
    if isinstance(value, pd.Timestamp):
        return fmt_date(value, lang), "nw"
    if isinstance(value, int) or (hasattr(value, "dtype") and "int" in str(value.dtype)):
        return fmt_number(value, lang), "num"
    if isinstance(value, float) or hasattr(value, "dtype"):
        decimals = 0 if float(value).is_integer() else 1
        return fmt_number(value, lang, decimals), "num"
    text = str(value)
    if len(text) <= _SHORT_TEXT:
        return text, "nw"
    return text, "brk" if max(len(w) for w in text.split()) > _LONG_WORD else ""


def _table_view(df: pd.DataFrame, lang: str, cut: bool = False) -> dict[str, Any]:
    """What report.html's `table` macro draws; with `cut`, the first HTML_MAX_ROWS rows and a
    note saying so."""
    max_rows = HTML_MAX_ROWS
    truncated = ""
    if cut and len(df) > max_rows:
        shown, total = fmt_number(max_rows, lang), fmt_number(len(df), lang)
        truncated = t("report.truncated", lang, shown=shown, total=total)
        df = df.head(max_rows)
    return {
        "empty": t("report.empty", lang),
        "truncated": truncated,
        "columns": [str(c) for c in df.columns],
        "rows": [[_cell(v, lang) for v in values] for values in df.itertuples(False, None)],
    }


def _print_size(fig: go.Figure, tick_font: int = CHART_FONT) -> go.Figure:
    """The dashboard's figure made to fit an A4 page: fixed width, smaller fonts.

    The template sets the axes' fonts itself (large, for the projector), so they are
    overridden here too; the figure's own margins are kept (they make room for its notes).
    """
    fig = go.Figure(fig)
    height = int((fig.layout.height or 450) * 0.8)
    fig.update_layout(
        width=CHART_WIDTH,
        height=max(260, min(height, 900)),
        autosize=False,
        font=dict(size=CHART_FONT),
        title=dict(font=dict(size=CHART_FONT + 3)),
        legend=dict(font=dict(size=CHART_FONT - 1)),
    )
    for update in (fig.update_xaxes, fig.update_yaxes):
        update(tickfont=dict(size=tick_font), title=dict(font=dict(size=CHART_FONT)))
    return fig


def _figures(report: Report) -> dict[str, list[tuple[str, go.Figure]]]:
    """Charts per section key, built by planmonitor.charts in the report's language."""
    lang = report.lang
    out: dict[str, list[tuple[str, go.Figure]]] = {}
    out["summary"] = [
        (
            "status-counts",
            _print_size(charts.build_status_counts_figure(report.status_counts, lang=lang)),
        ),
    ]
    if len(report.completion):
        out["summary"].append(
            (
                "completion",
                _print_size(
                    charts.build_completion_by_figure(
                        report.completion, lang=lang, names=report.objective_names
                    )
                ),
            )
        )
    if len(report.latest):
        level = _gantt_level(report.latest)
        gantt = charts.build_gantt_figure(
            report.latest,
            lang=lang,
            today=report.end,
            period=None if report.info is None else (report.info.start, report.info.end),
            level=level,
            markers=report.changes.markers(lang),
        )
        out["status"] = [("gantt", _print_size(gantt, tick_font=CHART_FONT - 2))]
    tiles = charts.build_gcm_tiles_figure(report.gcm, lang=lang)
    tiles.update_traces(textfont_size=CHART_FONT - 2, selector=dict(mode="text"))
    out["gcm"] = [("gcm-tiles", _print_size(tiles))]
    return out


def _gantt_level(latest: pd.DataFrame) -> str:
    """The finest level whose bars fit the page (GANTT_MAX_BARS), strategy at the most."""
    for level, column in (("product", "code"), ("activity", "activity")):
        if latest[column].nunique() <= GANTT_MAX_BARS:
            return level
    return "strategy"


def _chart_html(fig: go.Figure, div_id: str, first: bool) -> Markup:
    """Plotly's div and script for one chart: the only markup the report does not escape."""
    # A fixed div_id keeps the output identical between runs (plotly's default is a uuid).
    return Markup(
        fig.to_html(
            full_html=False,
            include_plotlyjs=True if first else False,
            include_mathjax=False,
            div_id=div_id,
            config={"displayModeBar": False, "responsive": False, "staticPlot": False},
            validate=True,
        )
    )


def to_html(report: Report, light: bool = False) -> str:
    """The report as ONE self-contained HTML file: no network, printable on A4.

    `light` (issue 10): the same document with its charts drawn as small inline SVG
    (light.chart_svg) instead of Plotly and its 4.6 MB library, for e-mail (under 1 MB).
    """
    lang = report.lang
    figures = _figures(report)
    first = True
    sections = []
    for section in report.sections():
        charts_html = []
        for name, fig in figures.get(section.key, []):
            drawn = light_charts.chart_svg(fig) if light else _chart_html(fig, name, first)
            charts_html.append(drawn)
            first = False
        sections.append(_section_view(report, section, charts_html))
    month = t("report.month", lang, month=month_label(report.start, lang))
    generated = report.generated_at
    return render(
        "report.html",
        document="report",
        lang=lang,
        title=report.title,
        month=month_label(report.start, lang),
        network=report.network,
        month_line=month,
        as_of=t("report.as_of", lang, date=fmt_date(report.end, lang)),
        language=t("report.language", lang)
        + (f" · {t('report.light_note', lang)}" if light else ""),
        generated=""
        if generated is None
        else t("report.generated", lang, date=fmt_date(generated, lang)),
        example_note=t("report.example_note", lang) if report.is_example else "",
        sections=sections,
    )


def _section_view(report: Report, section: Section, charts_html: list[Markup]) -> dict[str, Any]:
    lang = report.lang
    return {
        "key": section.key,
        "page_break": section.key in _PAGE_BREAK_BEFORE,
        "title": section.title,
        "note": section.note,
        "kpis": _kpis(report) if section.key == "summary" else [],
        "charts": charts_html,
        "lines": section.lines,
        "table": _table_view(section.table, lang, cut=section.key in _CUT_SECTIONS),
    }


def _kpis(report: Report) -> list[tuple[str, str]]:
    lang = report.lang
    return [
        (fmt_number(report.n_products, lang), t("report.kpi.products", lang)),
        (fmt_percent(report.overall, lang), t("report.kpi.overall", lang)),
        (fmt_number(report.n_no_report, lang), t("report.kpi.no_report", lang)),
        (fmt_number(len(report.entries), lang), t("report.kpi.entries", lang)),
    ]

"""The monthly report as ONE self-contained HTML file: no network, printable on A4.

Inline CSS, the charts with plotly.js inlined once, every workbook text escaped, print rules
for A4.
"""

from __future__ import annotations

import html
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from planmonitor.i18n import fmt_date, fmt_number, fmt_percent, t
from planmonitor.output import charts
from planmonitor.output.report.model import Report, month_label

# The report's timeline is one chart on an A4 page (at most 900 px high): one bar per product
# while they fit, else one per activity, else one per strategy (the Cronograma page collapses
# the same way). 200 activity bars of a network-scale plan were unreadable and made a 23 MB PDF.
GANTT_MAX_BARS = 60
# A4 is 210 mm wide; 15 mm margins leave 180 mm = 680 CSS px. Charts are drawn a bit narrower.
CHART_WIDTH = 660
CHART_FONT = 11

_CSS = """
@page { size: A4; margin: 15mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: "Liberation Sans", "DejaVu Sans", Arial, Helvetica, sans-serif;
  font-size: 10pt; line-height: 1.35; color: #1a1a1a; margin: 0 auto; max-width: 180mm;
  padding: 8mm 0; }
header.report { border-bottom: 3px solid #0072B2; margin-bottom: 6mm; padding-bottom: 3mm; }
header.report .network { font-size: 10pt; font-weight: bold; color: #0072B2;
  text-transform: uppercase; letter-spacing: 0.03em; }
h1 { font-size: 17pt; margin: 2mm 0 1mm; }
.meta { color: #444; margin: 0; }
.example { border: 2px solid #D55E00; background: #FDF0E6; color: #7A2E00; padding: 2mm 3mm;
  margin: 4mm 0 0; font-weight: bold; }
section { margin: 0 0 7mm; }
section + section.break { break-before: page; page-break-before: always; }
h2 { font-size: 13pt; color: #0B4F8A; border-bottom: 1px solid #C8D6E5; padding-bottom: 1mm;
  margin: 0 0 2mm; break-after: avoid; page-break-after: avoid; }
p.note { color: #444; margin: 0 0 2mm; font-size: 9pt; }
p.empty { font-style: italic; color: #555; }
.kpis { display: flex; gap: 3mm; margin: 0 0 3mm; }
.kpi { flex: 1; border: 1px solid #C8D6E5; border-radius: 2mm; padding: 2mm 3mm; }
.kpi .v { font-size: 16pt; font-weight: bold; color: #0B4F8A; }
.kpi .l { font-size: 8.5pt; color: #444; }
table { width: 100%; border-collapse: collapse; font-size: 8.5pt; margin: 0 0 2mm; }
thead { display: table-header-group; }
th { background: #DDE6F0; text-align: left; font-weight: bold; }
th, td { border: 1px solid #C8D6E5; padding: 1mm 1.5mm; vertical-align: top; }
td { overflow-wrap: break-word; }
td.nw { white-space: nowrap; }
td.brk { overflow-wrap: anywhere; }
td.num { text-align: right; white-space: nowrap; }
tr { break-inside: avoid; page-break-inside: avoid; }
.chart { width: 100%; max-width: 180mm; margin: 0 0 3mm; break-inside: avoid;
  page-break-inside: avoid; overflow: hidden; }
.chart .plotly-graph-div { margin: 0 auto; }
footer { color: #666; font-size: 8pt; border-top: 1px solid #C8D6E5; padding-top: 2mm; }
@media screen { body { padding: 10mm; } }
""".strip()

_PAGE_BREAK_BEFORE = {"status", "changes", "gcm"}
# Rows of one table in the HTML/PDF (about six A4 pages); the Excel workbook keeps them all.
# A network-scale month has thousands (every product, every entry, every change) and printed
# them on hundreds of pages.
HTML_MAX_ROWS = 200
_CUT_SECTIONS = {"status", "entries", "changes", "alerts"}  # one row per product/entry/change


def _esc(value: Any) -> str:
    return html.escape(str(value), quote=True)


# Text up to this length (codes, statuses, acronyms) is kept on one line in tables; a text
# with a word longer than _LONG_WORD (a link) may break anywhere so it cannot overflow A4.
_SHORT_TEXT = 14
_LONG_WORD = 24


def _cell(value: Any, lang: str) -> tuple[str, str]:
    """A value as escaped display text and its CSS class: num, nw (one line) or none."""
    if value is None or (not isinstance(value, (str, list, tuple)) and pd.isna(value)):
        return "", ""
    if isinstance(value, pd.Timestamp):
        return _esc(fmt_date(value, lang)), "nw"
    if isinstance(value, int) or (hasattr(value, "dtype") and "int" in str(value.dtype)):
        return _esc(fmt_number(value, lang)), "num"
    if isinstance(value, float) or hasattr(value, "dtype"):
        decimals = 0 if float(value).is_integer() else 1
        return _esc(fmt_number(value, lang, decimals)), "num"
    text = str(value)
    if len(text) <= _SHORT_TEXT:
        return _esc(text), "nw"
    return _esc(text), "brk" if max(len(w) for w in text.split()) > _LONG_WORD else ""


def _html_table(df: pd.DataFrame, lang: str, cut: bool = False) -> str:
    """The table as HTML; with `cut`, the first HTML_MAX_ROWS rows and a note saying so."""
    max_rows = HTML_MAX_ROWS
    if not len(df):
        return f'<p class="empty">{_esc(t("report.empty", lang))}</p>'
    note = ""
    if cut and len(df) > max_rows:
        shown, total = fmt_number(max_rows, lang), fmt_number(len(df), lang)
        note = f'<p class="note">{_esc(t("report.truncated", lang, shown=shown, total=total))}</p>'
        df = df.head(max_rows)
    head = "".join(f"<th>{_esc(c)}</th>" for c in df.columns)
    body = []
    for values in df.itertuples(index=False, name=None):
        cells = []
        for v in values:
            text, css = _cell(v, lang)
            cells.append(f'<td class="{css}">{text}</td>' if css else f"<td>{text}</td>")
        body.append(f"<tr>{''.join(cells)}</tr>")
    table = f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
    return note + table


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


def _chart_html(fig: go.Figure, div_id: str, first: bool) -> str:
    # A fixed div_id keeps the output identical between runs (plotly's default is a uuid).
    return fig.to_html(
        full_html=False,
        include_plotlyjs=True if first else False,
        include_mathjax=False,
        div_id=div_id,
        config={"displayModeBar": False, "responsive": False, "staticPlot": False},
        validate=True,
    )


def to_html(report: Report) -> str:
    """The report as ONE self-contained HTML file: no network, printable on A4."""
    lang = report.lang
    figures = _figures(report)
    first = True
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_esc(t('report.title', lang))} · {_esc(month_label(report.start, lang))}</title>",
        f"<style>\n{_CSS}\n</style>",
        "</head>",
        "<body>",
        '<header class="report">',
        f'<div class="network">{_esc(t("report.network", lang))}</div>',
        f"<h1>{_esc(t('report.title', lang))}</h1>",
        f'<p class="meta">{_esc(t("report.month", lang, month=month_label(report.start, lang)))}'
        f" · {_esc(t('report.as_of', lang, date=fmt_date(report.end, lang)))}"
        f" · {_esc(t('report.language', lang))}</p>",
    ]
    if report.generated_at is not None:
        parts.append(
            f'<p class="meta">'
            f"{_esc(t('report.generated', lang, date=fmt_date(report.generated_at, lang)))}</p>"
        )
    if report.is_example:
        parts.append(f'<p class="example" role="note">{_esc(t("report.example_note", lang))}</p>')
    parts.append("</header>")
    for section in report.sections():
        css = ' class="break"' if section.key in _PAGE_BREAK_BEFORE else ""
        parts.append(f'<section id="{section.key}"{css}>')
        parts.append(f"<h2>{_esc(section.title)}</h2>")
        if section.note:
            parts.append(f'<p class="note">{_esc(section.note)}</p>')
        if section.key == "summary":
            parts.append(_kpis(report))
        for name, fig in figures.get(section.key, []):
            parts.append(f'<div class="chart">{_chart_html(fig, name, first)}</div>')
            first = False
        for line in section.lines:
            parts.append(f'<p class="note">{_esc(line)}</p>')
        parts.append(_html_table(section.table, lang, cut=section.key in _CUT_SECTIONS))
        parts.append("</section>")
    parts.append(
        f"<footer>{_esc(t('report.network', lang))} · "
        f"{_esc(t('report.month', lang, month=month_label(report.start, lang)))}</footer>"
    )
    parts += ["</body>", "</html>", ""]
    return "\n".join(parts)


def _kpis(report: Report) -> str:
    lang = report.lang
    items = [
        (fmt_number(report.n_products, lang), t("report.kpi.products", lang)),
        (fmt_percent(report.overall, lang), t("report.kpi.overall", lang)),
        (fmt_number(report.n_no_report, lang), t("report.kpi.no_report", lang)),
        (fmt_number(len(report.entries), lang), t("report.kpi.entries", lang)),
    ]
    cards = "".join(
        f'<div class="kpi"><div class="v">{_esc(v)}</div><div class="l">{_esc(label)}</div></div>'
        for v, label in items
    )
    return f'<div class="kpis">{cards}</div>'

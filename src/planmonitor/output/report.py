"""The monthly report to the Regional Network: one month's picture of the plan.

`build_report` computes everything as of the month's last day (later entries are ignored), so
a report for May 2024 says the same thing whenever it is produced. The same `Report` is
written three ways: an Excel workbook (one sheet per section, through export.write_workbook so
workbook text never becomes a formula), one self-contained HTML file (inline CSS, the charts
with plotly.js inlined once, every workbook text escaped, print rules for A4) and a PDF printed
from that HTML by the system's headless Chromium, when it is installed.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import signal
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from planmonitor.analysis import metrics
from planmonitor.analysis.changes import ChangeReport, changes_since
from planmonitor.i18n import (
    agency_label,
    fmt_date,
    fmt_number,
    fmt_percent,
    status_label,
    t,
)
from planmonitor.model import NO_REPORT, Plan, Status
from planmonitor.output import charts, export

MONTH_RE = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")
STALE_DAYS = 60
# The report's timeline is one chart on an A4 page (at most 900 px high): one bar per product
# while they fit, else one per activity, else one per strategy (the Cronograma page collapses
# the same way). 200 activity bars of a network-scale plan were unreadable and made a 23 MB PDF.
GANTT_MAX_BARS = 60
# A4 is 210 mm wide; 15 mm margins leave 180 mm = 680 CSS px. Charts are drawn a bit narrower.
CHART_WIDTH = 660
CHART_FONT = 11
CHROMIUM = Path("/usr/bin/chromium")
PDF_TIMEOUT = 300  # generous: a network-scale month (2,000 products) prints in under 10 s
_DONE = {Status.COMPLETED.value, Status.CANCELLED.value}

SECTIONS: tuple[str, ...] = (
    "summary",
    "status",
    "entries",
    "changes",
    "alerts",
    "silent",
    "gcm",
)


class PdfError(RuntimeError):
    """Chromium is installed but did not produce a PDF."""


def parse_month(month: str) -> tuple[pd.Timestamp, pd.Timestamp]:
    """First and last day of "YYYY-MM"; ValueError (Spanish / English) otherwise."""
    m = MONTH_RE.match(str(month).strip()) if isinstance(month, str) else None
    if m is None:
        raise ValueError(
            f"{t('report.cli.bad_month', 'es', month=month)} / "
            f"{t('report.cli.bad_month', 'en', month=month)}"
        )
    start = pd.Timestamp(year=int(m.group(1)), month=int(m.group(2)), day=1)
    return start, start + pd.offsets.MonthEnd(0)


def month_label(start: pd.Timestamp, lang: str = "es") -> str:
    """ "mayo de 2024" / "May 2024"."""
    return t(
        "report.month_label", lang, month=t(f"report.month.{start.month}", lang), year=start.year
    )


@dataclass(frozen=True)
class Section:
    """One section of the report: a title, a note, one display table, and extra lines."""

    key: str
    title: str
    note: str
    table: pd.DataFrame  # localised headers; typed values (dates, numbers) or text
    lines: tuple[str, ...] = ()


@dataclass(frozen=True)
class Report:
    """Everything the monthly report says, computed as of the month's last day."""

    month: str
    lang: str
    start: pd.Timestamp
    end: pd.Timestamp
    is_example: bool
    n_products: int
    overall: float  # mean percent, cancelled excluded (metrics.overall_completion)
    status_counts: pd.DataFrame  # status, count (every status + Sin reporte)
    latest: pd.DataFrame  # metrics.latest_status as of `end`, plan order
    entries: pd.DataFrame  # the month's progress entries, with the product's name
    changes: ChangeReport  # since the previous month's end (or the previous version)
    alerts: pd.DataFrame  # metrics.alerts as of `end`
    silent_agencies: pd.DataFrame  # agency, name_es, name_en, n_open, last_date
    gcm: pd.DataFrame  # metrics.gcm_coverage(include_all=True)
    completion: pd.DataFrame  # metrics.completion_by(latest, "objective")
    objective_names: dict[str, str] = field(default_factory=dict)
    agencies: pd.DataFrame | None = None
    generated_at: pd.Timestamp | None = None
    against_version: bool = False  # changes computed against a stored version

    @property
    def n_no_report(self) -> int:
        return int((self.latest["status"] == NO_REPORT).sum())

    def sections(self) -> list[Section]:
        """The report's sections in order, with display tables in the report's language."""
        lang = self.lang
        return [
            Section(
                "summary",
                t("report.section.summary", lang),
                t("report.note.summary", lang, date=fmt_date(self.end, lang)),
                self._summary_table(),
            ),
            Section("status", t("report.section.status", lang), "", self._status_table()),
            Section(
                "entries",
                t("report.section.entries", lang),
                t(
                    "report.note.entries",
                    lang,
                    start=fmt_date(self.start, lang),
                    end=fmt_date(self.end, lang),
                ),
                self._entries_table(),
            ),
            Section(
                "changes",
                t("report.section.changes", lang),
                t("changes.since_version", lang)
                if self.against_version
                else t("changes.since_date", lang, date=fmt_date(self.changes.reference, lang)),
                self._changes_table(),
            ),
            Section(
                "alerts",
                t("report.section.alerts", lang),
                t("report.note.alerts", lang, date=fmt_date(self.end, lang), days=STALE_DAYS),
                self._alerts_table(),
            ),
            Section(
                "silent",
                t("report.section.silent", lang),
                t("report.note.silent", lang),
                self._silent_table(),
            ),
            Section(
                "gcm",
                t("report.section.gcm", lang),
                t("report.note.gcm", lang),
                self._gcm_table(),
                self._gcm_lines(),
            ),
        ]

    # -- display tables -------------------------------------------------------------------
    def _cols(self, *keys: str) -> list[str]:
        return [t(f"report.col.{k}", self.lang) for k in keys]

    def _summary_table(self) -> pd.DataFrame:
        lang = self.lang
        rows: list[tuple[str, Any]] = [
            (t("report.kpi.products", lang), self.n_products),
            (
                t("report.kpi.overall", lang) + " (%)",
                None if pd.isna(self.overall) else round(self.overall, 1),
            ),
            (t("report.kpi.no_report", lang), self.n_no_report),
            (t("report.kpi.entries", lang), len(self.entries)),
        ]
        for status, count in zip(
            self.status_counts["status"], self.status_counts["count"], strict=True
        ):
            rows.append((t("report.kpi.status", lang, status=status_label(status, lang)), count))
        return pd.DataFrame(
            {
                c: pd.Series(v, dtype=object)
                for c, v in zip(
                    self._cols("indicator", "value"), zip(*rows, strict=True), strict=True
                )
            }
        )

    def _status_table(self) -> pd.DataFrame:
        df = self.latest
        return _table(
            self._cols(
                "code", "product", "status", "percent", "last_date", "reported_by", "comment"
            ),
            df["code"],
            df["name"],
            [status_label(s, self.lang) for s in df["status"]],
            df["percent"],
            df["last_date"],
            df["reported_by"],
            df["last_comment"],
        )

    def _entries_table(self) -> pd.DataFrame:
        df = self.entries
        return _table(
            self._cols(
                "date",
                "code",
                "product",
                "status",
                "percent",
                "comment",
                "reported_by",
                "evidence",
            ),
            df["date"],
            df["code"],
            df["name"],
            [status_label(s, self.lang) for s in df["status"]],
            df["percent"],
            df["comment"],
            df["reported_by"],
            df["evidence"],
        )

    def _changes_table(self) -> pd.DataFrame:
        lang, ch = self.lang, self.changes
        rows: list[tuple[str, str, str, str, str, str]] = []

        def kind(k: str) -> str:
            return t(f"changes.kind.{k}", lang)

        for r in ch.status_changes.itertuples(index=False):
            rows.append(
                (
                    kind("status"),
                    r.code,
                    r.name,
                    status_label(r.old_status, lang),
                    status_label(r.new_status, lang),
                    "",
                )
            )
        for r in ch.percent_gained.itertuples(index=False):
            sign = "+" if r.delta > 0 else "−"
            rows.append(
                (
                    kind("percent"),
                    r.code,
                    r.name,
                    fmt_percent(r.old, lang),
                    fmt_percent(r.new, lang),
                    f"{sign}{fmt_percent(abs(r.delta), lang)}",
                )
            )
        for r in ch.new_products.itertuples(index=False):
            rows.append((kind("new_product"), r.code, r.name, "", "", ""))
        for r in ch.removed_products.itertuples(index=False):
            rows.append((kind("removed_product"), r.code, r.name, "", "", ""))
        for r in ch.slips.itertuples(index=False):
            rows.append(
                (
                    kind("slip"),
                    r.code,
                    r.name,
                    fmt_date(r.old_end, lang),
                    fmt_date(r.new_end, lang),
                    t("changes.days_later", lang, days=r.days),
                )
            )
        names = dict(zip(self.latest["code"], self.latest["name"], strict=True))
        for r in ch.changed_fields.itertuples(index=False):
            rows.append((kind("field"), r.code, names.get(r.code, ""), r.old, r.new, r.header))
        for r in ch.new_comments.itertuples(index=False):
            who = f" · {r.reported_by}" if r.reported_by else ""
            rows.append(
                (kind("comment"), r.code, r.name, "", r.comment, f"{fmt_date(r.date, lang)}{who}")
            )
        columns = self._cols("kind", "code", "product", "before", "after", "detail")
        return pd.DataFrame(rows, columns=columns).astype("str")

    def _alerts_table(self) -> pd.DataFrame:
        df = self.alerts
        detail = df["detail_en"] if self.lang == "en" else df["detail_es"]
        return _table(
            self._cols("code", "product", "kind", "detail"),
            df["code"],
            df["name"],
            [t(f"alert.{k}", self.lang) for k in df["kind"]],
            detail,
        )

    def _silent_table(self) -> pd.DataFrame:
        df = self.silent_agencies
        names = df["name_en"] if self.lang == "en" else df["name_es"]
        return _table(
            self._cols("agency", "agency_name", "open_led", "last_date"),
            [agency_label(a, self.lang, self.agencies) for a in df["agency"]],
            names,
            df["n_open"],
            [t("report.never", self.lang) if pd.isna(d) else d for d in df["last_date"]],
        )

    def _gcm_table(self) -> pd.DataFrame:
        df = self.gcm
        labels = df["title_en"] if self.lang == "en" else df["label_es"]
        return _table(
            self._cols("number", "gcm_label", "n_specific", "n_all", "n_total"),
            df["number"],
            labels,
            df["n_specific"],
            df["n_all"],
            df["n_specific"] + df["n_all"],
        )

    def _gcm_lines(self) -> tuple[str, ...]:
        df, lang = self.gcm, self.lang
        with_all = [str(n) for n in df.loc[(df["n_specific"] + df["n_all"]) == 0, "number"]]
        without = [str(n) for n in df.loc[df["n_specific"] == 0, "number"]]
        none = t("report.none", lang)
        return (
            t("report.gaps_with_all", lang, numbers=", ".join(with_all) or none),
            t("report.gaps_without_all", lang, numbers=", ".join(without) or none),
        )


def _table(columns: list[str], *values: Any) -> pd.DataFrame:
    data = {c: pd.Series(list(v), dtype=object) for c, v in zip(columns, values, strict=True)}
    return pd.DataFrame(data, columns=columns)


# --------------------------------------------------------------------------------------------
# Building the report
# --------------------------------------------------------------------------------------------
def build_report(
    plan: Plan,
    month: str,
    lang: str = "es",
    previous: Plan | None = None,
    generated_at: pd.Timestamp | None = None,
) -> Report:
    """The report of `month` ("YYYY-MM") as of its last day.

    Changes are counted since the previous month's last day, or against `previous` (the
    stored version that was current then) when given. `generated_at` is shown only when
    passed, so that the same data always gives the same report.
    """
    start, end = parse_month(month)
    latest = metrics.latest_status(plan, end)
    reference: Plan | pd.Timestamp = (
        previous if previous is not None else start - pd.Timedelta(days=1)
    )
    changes = changes_since(plan, reference, as_of=end)
    entries = _month_entries(plan, latest, start, end)
    return Report(
        month=f"{start.year:04d}-{start.month:02d}",
        lang="en" if lang == "en" else "es",
        start=start,
        end=end,
        is_example=plan.is_example,
        n_products=len(latest),
        overall=metrics.overall_completion(latest),
        status_counts=metrics.status_counts(latest),
        latest=latest,
        entries=entries,
        changes=changes,
        alerts=metrics.alerts(plan, end, stale_days=STALE_DAYS),
        silent_agencies=_silent_agencies(plan, latest, entries, end),
        gcm=metrics.gcm_coverage(plan, include_all=True),
        completion=metrics.completion_by(latest, "objective"),
        objective_names=metrics.level_names(plan, "objective"),
        agencies=plan.agencies,
        generated_at=None if generated_at is None else pd.Timestamp(generated_at),
        against_version=previous is not None,
    )


def _month_entries(
    plan: Plan, latest: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp
) -> pd.DataFrame:
    """Progress entries dated in the month, by date then plan order then log order."""
    columns = ["date", "code", "name", "status", "percent", "comment", "reported_by", "evidence"]
    progress = plan.progress
    if not len(progress):
        return pd.DataFrame({c: pd.Series([], dtype=object) for c in columns})
    dates = pd.to_datetime(progress["date"]).dt.normalize()
    rows = progress[(dates >= start) & (dates <= end)]
    order = {c: i for i, c in enumerate(latest["code"])}
    names = dict(zip(latest["code"], latest["name"], strict=True))
    rows = rows.assign(
        name=[names.get(c, "") for c in rows["code"]],
        _order=[order.get(c, len(order)) for c in rows["code"]],
        _log=range(len(rows)),
    )
    rows = rows.sort_values(["date", "_order", "_log"], kind="stable")
    return rows[columns].reset_index(drop=True)


def _silent_agencies(
    plan: Plan, latest: pd.DataFrame, entries: pd.DataFrame, end: pd.Timestamp
) -> pd.DataFrame:
    """Lead agencies of ongoing products that sent no progress report during the month.

    Ongoing: started by the month's end (or undated) and neither completed nor cancelled.
    "Reportado por" is free text, resolved to agencies the way metrics.agency_reporting does.
    """
    roles = metrics.product_roles(plan, expand_committee=True)  # plan order, like `latest`
    started = latest["start"].isna() | (pd.to_datetime(latest["start"]) <= end)
    ongoing = started & ~latest["status"].isin(_DONE)
    n_open: dict[str, int] = {}
    for (leads, _partners), is_open in zip(roles, ongoing, strict=True):
        if is_open:
            for agency in leads:
                n_open[agency] = n_open.get(agency, 0) + 1
    reported = metrics.agencies_named(plan, entries["reported_by"])
    reporting = metrics.agency_reporting(plan, end, days=STALE_DAYS)
    last = dict(zip(reporting["agency"], reporting["last_date"], strict=True))
    table = plan.agencies
    known = list(table["acronym"].astype(str)) if len(table) else []
    axis = known + sorted(a for a in n_open if a not in set(known))
    info = {str(r.acronym): r for r in table.itertuples(index=False)} if len(table) else {}
    rows = []
    for agency in axis:
        if n_open.get(agency, 0) == 0 or agency in reported:
            continue
        r = info.get(agency)
        rows.append(
            (
                agency,
                str(getattr(r, "name_es", "") or "") if r is not None else "",
                str(getattr(r, "name_en", "") or "") if r is not None else "",
                n_open[agency],
                last.get(agency, pd.NaT),
            )
        )
    out = pd.DataFrame(rows, columns=["agency", "name_es", "name_en", "n_open", "last_date"])
    out = out.astype({"agency": "str", "name_es": "str", "name_en": "str", "n_open": "int64"})
    out["last_date"] = pd.to_datetime(out["last_date"])
    return out


# --------------------------------------------------------------------------------------------
# Excel
# --------------------------------------------------------------------------------------------
def _header_lines(report: Report) -> list[str]:
    lang = report.lang
    lines = [
        f"{t('report.network', lang)} · {t('report.title', lang)}",
        f"{t('report.month', lang, month=month_label(report.start, lang))} · "
        f"{t('report.as_of', lang, date=fmt_date(report.end, lang))}",
    ]
    if report.generated_at is not None:
        lines.append(t("report.generated", lang, date=fmt_date(report.generated_at, lang)))
    if report.is_example:
        lines.append(t("report.example_note", lang))
    return lines


def to_excel(report: Report) -> bytes:
    """One sheet per section (names in the report's language), title rows on top."""
    sheets: dict[str, pd.DataFrame] = {}
    titles: dict[str, list[str]] = {}
    header = _header_lines(report)
    for section in report.sections():
        name = section.title[:31]
        sheets[name] = section.table
        titles[name] = [
            *header,
            section.title,
            *([section.note] if section.note else []),
            *section.lines,
        ]
    return export.write_workbook(sheets, title_rows=titles)


# --------------------------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------------------------
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


# --------------------------------------------------------------------------------------------
# PDF
# --------------------------------------------------------------------------------------------
def chromium_path() -> Path | None:
    """The system Chromium, or None when it is not installed."""
    if CHROMIUM.exists():
        return CHROMIUM
    found = shutil.which("chromium")
    return Path(found) if found else None


def to_pdf(html_text: str, timeout: float = PDF_TIMEOUT) -> bytes | None:
    """Print the HTML to PDF with headless Chromium; None when Chromium is not installed.

    Raises PdfError when Chromium runs but produces no PDF (or times out): the caller says so
    instead of pretending the report has a PDF.
    """
    exe = chromium_path()
    if exe is None:
        return None
    with tempfile.TemporaryDirectory(prefix="planmonitor-report-") as tmp:
        folder = Path(tmp)
        src = folder / "informe.html"
        out = folder / "informe.pdf"
        src.write_text(html_text, encoding="utf-8")
        cmd = [
            str(exe),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
            f"--print-to-pdf={out}",
            "--virtual-time-budget=10000",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            f"--user-data-dir={folder / 'profile'}",
            src.as_uri(),
        ]
        env = {**os.environ, "HOME": str(folder)}
        proc = subprocess.Popen(
            cmd,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            start_new_session=True,  # its own process group: a timeout kills every child
        )
        try:
            _, stderr = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            raise PdfError(f"timeout after {timeout:g} s") from None
        if not out.exists() or out.stat().st_size == 0:
            tail = stderr.decode("utf-8", "replace").strip().splitlines()[-3:]
            raise PdfError(f"exit {proc.returncode}: {' | '.join(tail)}")
        return out.read_bytes()

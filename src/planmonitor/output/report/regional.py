"""The regional monthly report (issue 11, §3): a regional summary, then each network's own
monthly report.

Pure: a `Region` (analysis.region) and a month give a `RegionalReport`; excel/html below write
it. The summary is the reporting calendar of the region's months up to the chosen one (with
each network's last report date), GCM coverage network × 23 objectives (the objectives no
network links specifically named) and the alerts per network. Each network's section is
model.build_report on that network's plan; a network whose plan's period does not hold the
month gets a line saying so instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from planmonitor.analysis import metrics, networks
from planmonitor.analysis import region as rg
from planmonitor.analysis.region import Region
from planmonitor.catalog import gcm_catalog
from planmonitor.i18n import fmt_date, gcm_label, t
from planmonitor.model import Plan
from planmonitor.output import export
from planmonitor.output.report.model import Report, Section, build_report, month_label, parse_month

SUMMARY_SECTIONS: tuple[str, ...] = ("calendar", "coverage", "alerts")


@dataclass(frozen=True)
class NetworkPart:
    """One network's part: its name in the report's language and its monthly report (None
    when its plan's period does not hold the month: `note` says so)."""

    network_id: str
    name: str
    report: Report | None
    note: str = ""


@dataclass(frozen=True)
class RegionalReport:
    month: str
    lang: str
    start: pd.Timestamp
    end: pd.Timestamp
    summary: tuple[Section, ...]
    parts: tuple[NetworkPart, ...]
    uncovered: tuple[int, ...]

    @property
    def title(self) -> str:
        return t("regreport.title", self.lang)

    @property
    def month_label(self) -> str:
        return month_label(self.start, self.lang)


def _names(region: Region, lang: str) -> dict[str, str]:
    return {
        str(r["network_id"]): networks.network_name(r, lang)
        for r in region.networks.to_dict("records")
    }


def _holds(plan: Plan, start: pd.Timestamp, end: pd.Timestamp) -> bool:
    """The plan's period overlaps the month (else the network has nothing due that month)."""
    info = plan.info
    return info is not None and info.start <= end and info.end >= start


def _calendar(region: Region, month: str, today: object, lang: str, names: dict) -> Section:
    months = [m for m in rg.region_months(region, today) if m <= month] or [month]
    if month not in months:
        months.append(month)
    cal = rg.reporting_calendar(region, months)
    end = parse_month(month)[1]
    last = {}  # the latest entry by the month's end: later ones are not part of this report
    for nid, plan in region.items():
        dates = rg._dates(plan)
        dates = dates[dates <= end]
        last[nid] = dates.iloc[-1] if len(dates) else pd.NaT
    cols = [t("regreport.col.network", lang), *months, t("regreport.col.last_report", lang)]
    rows = []
    for nid in region.ids():
        mine = cal[cal["network_id"] == nid].set_index("month")["status"]
        statuses = [t(f"regreport.status.{mine[m]}", lang) for m in months]
        when = last.get(nid, pd.NaT)
        rows.append([names[nid], *statuses, t("report.never", lang) if pd.isna(when) else when])
    table = pd.DataFrame(rows, columns=cols, dtype=object)
    return Section(
        "calendar",
        t("regreport.section.calendar", lang),
        t("regreport.note.calendar", lang, days=rg.GRACE_DAYS),
        table,
    )


def _coverage(region: Region, lang: str, names: dict) -> tuple[Section, tuple[int, ...]]:
    cov = rg.gcm_coverage(region)
    missing = tuple(rg.uncovered(region))
    cols = [t("regreport.col.network", lang), *[str(n) for n in rg.GCM_NUMBERS]]
    cols.append(t("regreport.col.all", lang))
    rows = [
        [names[r["network_id"]], *[int(r[n]) for n in rg.GCM_NUMBERS], int(r["all"])]
        for r in cov.to_dict("records")
    ]
    gcm = gcm_catalog()
    listed = "; ".join(gcm_label(n, lang, gcm) for n in missing) or t("report.none", lang)
    return (
        Section(
            "coverage",
            t("regreport.section.coverage", lang),
            t("regreport.note.coverage", lang),
            pd.DataFrame(rows, columns=cols, dtype=object),
            (t("regreport.uncovered", lang, objectives=listed),),
        ),
        missing,
    )


def _alerts(region: Region, end: pd.Timestamp, lang: str, names: dict) -> Section:
    found = rg.alerts_by_network(region, end)
    cols = [
        t("regreport.col.network", lang),
        *[t(f"alert.{k}", lang) for k in metrics.ALERT_KINDS],
        t("regreport.col.alert_products", lang),
    ]
    rows = [
        [names[r["network_id"]], *[int(r[k]) for k in metrics.ALERT_KINDS], int(r["products"])]
        for r in found.to_dict("records")
    ]
    return Section(
        "alerts",
        t("regreport.section.alerts", lang),
        t("regreport.note.alerts", lang, date=fmt_date(end, lang)),
        pd.DataFrame(rows, columns=cols, dtype=object),
    )


def build_regional_report(
    region: Region, month: str, lang: str = "es", today: object = None
) -> RegionalReport:
    """The regional report of `month` ("YYYY-MM"; ValueError otherwise) as of its last day:
    the summary, then one part per network in the region's order."""
    lang = "en" if lang == "en" else "es"
    start, end = parse_month(month)
    month = f"{start.year:04d}-{start.month:02d}"
    today = end if today is None else pd.Timestamp(today)
    names = _names(region, lang)
    coverage, missing = _coverage(region, lang, names)
    calendar = _calendar(region, month, today, lang, names)
    summary = (calendar, coverage, _alerts(region, end, lang, names))
    parts = []
    for nid, plan in region.items():
        if _holds(plan, start, end):
            parts.append(NetworkPart(nid, names[nid], build_report(plan, month, lang=lang)))
        else:
            note = t(
                "regreport.outside",
                lang,
                network=names[nid],
                month=month_label(start, lang),
                start=fmt_date(plan.info.start, lang),
                end=fmt_date(plan.info.end, lang),
            )
            parts.append(NetworkPart(nid, names[nid], None, note))
    return RegionalReport(month, lang, start, end, summary, tuple(parts), missing)


# --------------------------------------------------------------------------------------------
# Excel
# --------------------------------------------------------------------------------------------
SHEET_MAX = 31
NAME_IN_SHEET = 12  # characters of a network's name in its sheets' names
_SHEET_BAD = re.compile(r"[\[\]:*?/\\]")


def _sheet_name(text: str, taken: set[str]) -> str:
    """An Excel sheet name: no []:*?/\\, not blank nor starting/ending with ', at most 31
    characters, unique (case-insensitive, as Excel compares them)."""
    base = _SHEET_BAD.sub("_", text).strip().strip("'").strip() or "_"
    name = base[:SHEET_MAX].rstrip(" '")
    n = 2
    while name.casefold() in taken:
        suffix = f" ({n})"
        name = base[: SHEET_MAX - len(suffix)].rstrip(" '") + suffix
        n += 1
    taken.add(name.casefold())
    return name


def regional_excel(report: RegionalReport) -> bytes:
    """One sheet per summary section, then each network's report as its own workbook has it,
    one sheet per section, named «<network> · <section>» (cut to Excel's 31 characters; a
    network outside its period: one sheet that says so). Written through
    export.write_workbook: no text ever becomes a formula."""
    lang = report.lang
    head = [report.title, t("report.month", lang, month=report.month_label)]
    head.append(t("report.as_of", lang, date=fmt_date(report.end, lang)))
    sheets: dict[str, pd.DataFrame] = {}
    titles: dict[str, list[str]] = {}
    taken: set[str] = set()
    for section in report.summary:
        name = _sheet_name(section.title, taken)
        sheets[name] = section.table
        titles[name] = [*head, section.title, *filter(None, [section.note]), *section.lines]
    for part in report.parts:
        if part.report is None:
            name = _sheet_name(part.name, taken)
            sheets[name] = pd.DataFrame({t("regreport.col.network", lang): [part.name]})
            titles[name] = [*head, part.name, part.note]
            continue
        for section in part.report.sections():
            name = _sheet_name(f"{part.name[:NAME_IN_SHEET].rstrip()} · {section.title}", taken)
            sheets[name] = section.table
            titles[name] = [
                *head,
                f"{part.name} · {section.title}",
                *filter(None, [section.note]),
                *section.lines,
            ]
    return export.write_workbook(sheets, title_rows=titles)


# --------------------------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------------------------
HTML_CALENDAR_MONTHS = 6  # month columns of the calendar in the HTML/PDF (A4 width)


def regional_html(report: RegionalReport, light: bool = False) -> str:
    """ONE self-contained file: the summary as tables, then each network's report as its own
    monthly report draws it (plotly inlined once for the whole file; `light`: inline SVG)."""
    from planmonitor.output.report import html as rh
    from planmonitor.output.report import light as light_charts

    lang = report.lang
    summary = []
    for s in report.summary:
        table, lines = s.table, s.lines
        if s.key == "calendar" and table.shape[1] - 2 > HTML_CALENDAR_MONTHS:
            # An A4 page holds about six month columns; the workbook keeps every month.
            keep = [table.columns[0], *table.columns[-HTML_CALENDAR_MONTHS - 1 :]]
            table = table[keep]
            lines = (*lines, t("regreport.calendar_cut", lang, n=HTML_CALENDAR_MONTHS))
        view = {"key": s.key, "title": s.title, "note": s.note, "lines": lines}
        summary.append({**view, "table": rh._table_view(table, lang)})
    first = True
    parts = []
    for i, part in enumerate(report.parts):
        if part.report is None:
            parts.append({"anchor": f"red-{i + 1}", "name": part.name, "note": part.note})
            continue
        figures = rh._figures(part.report)
        sections = []
        for section in part.report.sections():
            drawn = []
            for name, fig in figures.get(section.key, []):
                div = f"red-{i + 1}-{name}"
                if light:
                    drawn.append(light_charts.chart_svg(fig))
                else:
                    drawn.append(rh._chart_html(fig, div, first))
                first = False
            view = rh._section_view(part.report, section, drawn)
            view["key"] = f"red-{i + 1}-{section.key}"
            sections.append(view)
        parts.append(
            {
                "anchor": f"red-{i + 1}",
                "name": part.name,
                "note": "",
                "title": part.report.title,
                "sections": sections,
            }
        )
    return rh.render(
        "regional.html",
        document="report",
        lang=lang,
        title=report.title,
        month=report.month_label,
        month_line=t("report.month", lang, month=report.month_label),
        as_of=t("report.as_of", lang, date=fmt_date(report.end, lang)),
        language=t("report.language", lang)
        + (f" · {t('report.light_note', lang)}" if light else ""),
        networks=t("regreport.networks", lang, networks=", ".join(p.name for p in report.parts)),
        summary_title=t("regreport.summary", lang),
        summary=summary,
        parts=parts,
    )

"""The monthly report as an Excel workbook: one sheet per section, title rows on top.

After the report's sheets come the plan's own data sheets («Plan», Productos, Avances…, exactly
what the export writes), so a network's monthly report workbook is a valid upload: the regional
deployment imports it as that network's update, and the loader skips the report's sheets
(issue 11 §4). Written through export.write_workbook, so workbook text never becomes a formula.
"""

from __future__ import annotations

import pandas as pd

from planmonitor.i18n import fmt_date, t
from planmonitor.model import Plan
from planmonitor.output import export
from planmonitor.output.report.model import Report, month_label, parse_month
from planmonitor.reading.workbook import match_sheets, report_month


def _header_lines(report: Report) -> list[str]:
    lang = report.lang
    lines = [
        " · ".join(x for x in (report.network, report.title) if x),
        f"{t('report.month', lang, month=month_label(report.start, lang))} · "
        f"{t('report.as_of', lang, date=fmt_date(report.end, lang))}",
    ]
    if report.generated_at is not None:
        lines.append(t("report.generated", lang, date=fmt_date(report.generated_at, lang)))
    if report.is_example:
        lines.append(t("report.example_note", lang))
    return lines


def to_excel(report: Report) -> bytes:
    """One sheet per section (names in the report's language), title rows on top, then the
    plan's data sheets (Spanish names, no title rows: the upload format)."""
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
    if report.plan is not None:
        data = export.plan_to_sheets(report.plan)
        clash = match_sheets(list(sheets))  # as tolerant as the loader (case, accents, spaces)
        if clash:  # a report sheet read as a data sheet would make the upload ambiguous
            raise ValueError(f"report sheets named like data sheets: {sorted(clash.values())}")
        sheets.update(data)
    subject = export.REPORT_SUBJECT.format(month=report.month)
    return export.write_workbook(sheets, title_rows=titles, subject=subject)


def upload_text(data: bytes, plan: Plan | None, lang: str = "es") -> str:
    """For an upload: «Es el informe mensual de <red>, <mes>…» when the file is a monthly report
    workbook (its data sheets are then read like any upload); "" for any other file."""
    month = report_month(data)
    if month is None:
        return ""
    try:
        start, _end = parse_month(month)
    except ValueError:
        return ""
    info = plan.info if plan is not None else None
    network = (info.network(lang).strip() if info is not None else "") or (
        info.plan_id if info is not None else "—"
    )
    return t("upload.report_of", lang, network=network, month=month_label(start, lang))

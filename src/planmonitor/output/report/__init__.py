"""The monthly report to the Regional Network: model (content), Excel, HTML and PDF apart;
the end-of-cycle report (final.py) on the same templates and PDF path.

Callers use the package: `from planmonitor.output import report; report.to_html(...)`.
"""

from planmonitor.output.report.excel import to_excel, upload_text
from planmonitor.output.report.final import (
    FinalReport,
    build_final_report,
    final_available,
    final_excel,
    final_html,
)
from planmonitor.output.report.html import GANTT_MAX_BARS, HTML_MAX_ROWS, to_html
from planmonitor.output.report.model import (
    SECTIONS,
    STALE_DAYS,
    Report,
    Section,
    build_report,
    default_month,
    example_month,
    month_label,
    parse_month,
    report_months,
)
from planmonitor.output.report.pdf import (
    PDF_TIMEOUT,
    PdfError,
    chromium_path,
    clear_cache,
    pdf_busy,
    to_pdf,
)
from planmonitor.output.report.regional import (
    RegionalReport,
    build_regional_report,
    regional_excel,
    regional_html,
)

__all__ = [
    "GANTT_MAX_BARS",
    "HTML_MAX_ROWS",
    "PDF_TIMEOUT",
    "SECTIONS",
    "STALE_DAYS",
    "FinalReport",
    "PdfError",
    "RegionalReport",
    "Report",
    "Section",
    "build_final_report",
    "build_regional_report",
    "build_report",
    "chromium_path",
    "clear_cache",
    "default_month",
    "example_month",
    "final_available",
    "final_excel",
    "final_html",
    "month_label",
    "parse_month",
    "pdf_busy",
    "regional_excel",
    "regional_html",
    "report_months",
    "to_excel",
    "upload_text",
    "to_html",
    "to_pdf",
]

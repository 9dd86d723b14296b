"""Strings of "what changed since" and of the monthly report (Excel, HTML, PDF, CLI).

Same shape as the other string modules (key -> {"es": …, "en": …}); planmonitor.i18n merges
it. Keys start with "changes." or "report." so they never collide with the others.
"""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    # ---- changes: Gantt marker labels -------------------------------------------------------
    "changes.marker.new": {"es": "Producto nuevo", "en": "New product"},
    "changes.marker.slip": {"es": "Fin aplazado al {end}", "en": "End moved to {end}"},
    "changes.marker.comment": {"es": "Comentario nuevo", "en": "New comment"},
    # ---- changes: kinds (one row per change in the report's "Changes" table) ----------------
    "changes.kind.status": {"es": "Cambio de estado", "en": "Status change"},
    "changes.kind.percent": {"es": "Cambio de avance", "en": "Progress change"},
    "changes.kind.new_product": {"es": "Producto nuevo", "en": "New product"},
    "changes.kind.removed_product": {"es": "Producto eliminado", "en": "Removed product"},
    "changes.kind.slip": {"es": "Fin aplazado", "en": "End date moved later"},
    "changes.kind.comment": {"es": "Comentario nuevo", "en": "New comment"},
    "changes.kind.field": {"es": "Dato modificado", "en": "Field edited"},
    "changes.days_later": {"es": "{days} días más tarde", "en": "{days} days later"},
    "changes.since_date": {
        "es": "Cambios desde el {date}",
        "en": "Changes since {date}",
    },
    "changes.since_version": {
        "es": "Cambios respecto de la versión anterior",
        "en": "Changes from the previous version",
    },
    "changes.none": {"es": "Sin cambios en el periodo.", "en": "No changes in the period."},
    # ---- report: header ---------------------------------------------------------------------
    # The network's name and the plan's title are the plan's own (plan.info), not catalog text.
    "report.title": {
        "es": "Informe mensual de seguimiento del plan de trabajo",
        "en": "Monthly monitoring report of the work plan",
    },
    "report.title_of": {
        "es": "Informe mensual de seguimiento · {plan}",
        "en": "Monthly monitoring report · {plan}",
    },
    "report.month": {"es": "Mes: {month}", "en": "Month: {month}"},
    "report.as_of": {"es": "Datos al {date}", "en": "Data as of {date}"},
    "report.language": {"es": "Idioma: español", "en": "Language: English"},
    "report.light_note": {
        "es": "Versión ligera para correo: gráficos simplificados, mismas cifras",
        "en": "Light version for e-mail: simplified charts, same figures",
    },
    "report.generated": {"es": "Generado el {date}", "en": "Generated on {date}"},
    "report.example_note": {
        "es": "Atención: los avances de este informe son datos de ejemplo ficticios; no "
        "reflejan el estado real del plan.",
        "en": "Note: the progress in this report is fictitious example data; it does not "
        "reflect the real state of the plan.",
    },
    "report.month_label": {"es": "{month} de {year}", "en": "{month} {year}"},
    "report.month.1": {"es": "enero", "en": "January"},
    "report.month.2": {"es": "febrero", "en": "February"},
    "report.month.3": {"es": "marzo", "en": "March"},
    "report.month.4": {"es": "abril", "en": "April"},
    "report.month.5": {"es": "mayo", "en": "May"},
    "report.month.6": {"es": "junio", "en": "June"},
    "report.month.7": {"es": "julio", "en": "July"},
    "report.month.8": {"es": "agosto", "en": "August"},
    "report.month.9": {"es": "septiembre", "en": "September"},
    "report.month.10": {"es": "octubre", "en": "October"},
    "report.month.11": {"es": "noviembre", "en": "November"},
    "report.month.12": {"es": "diciembre", "en": "December"},
    # ---- report: sections (titles; sheet names must stay within 31 characters) --------------
    "report.section.summary": {"es": "Resumen", "en": "Summary"},
    "report.section.status": {"es": "Estado por producto", "en": "Status by product"},
    "report.section.entries": {"es": "Avances del mes", "en": "Progress this month"},
    "report.section.changes": {
        "es": "Cambios desde el mes anterior",
        "en": "Changes since last month",
    },
    "report.section.alerts": {"es": "Alertas", "en": "Alerts"},
    "report.section.silent": {"es": "Agencias sin reporte", "en": "Agencies not reporting"},
    "report.section.gcm": {"es": "Cobertura PMM", "en": "GCM coverage"},
    "report.section.timeline": {"es": "Cronograma", "en": "Timeline"},
    # ---- report: section notes --------------------------------------------------------------
    "report.note.summary": {
        "es": "Estado de cada producto según su último reporte hasta el {date}. El avance "
        "global es el promedio de los productos, sin los cancelados; los productos sin "
        "reporte cuentan como 0 %.",
        "en": "Each product's status from its latest report up to {date}. Overall progress "
        "is the mean over products, excluding cancelled ones; products without a report "
        "count as 0%.",
    },
    "report.note.entries": {
        "es": "Reportes de avance con fecha entre el {start} y el {end}.",
        "en": "Progress reports dated from {start} to {end}.",
    },
    "report.note.alerts": {
        "es": "Productos que requieren atención al {date} (sin reporte en los últimos {days} "
        "días, vencidos, sin iniciar, sin líder o sin fechas).",
        "en": "Products needing attention on {date} (no report in the last {days} days, "
        "overdue, not started, no lead or no dates).",
    },
    "report.note.silent": {
        "es": "Agencias líderes de productos en marcha (iniciados y no completados ni "
        "cancelados) que no registraron ningún reporte de avance durante el mes.",
        "en": "Lead agencies of ongoing products (started, neither completed nor cancelled) "
        "that recorded no progress report during the month.",
    },
    "report.note.gcm": {
        "es": "Productos vinculados a cada objetivo del Pacto Mundial para la Migración, con y "
        "sin los productos marcados «Todos».",
        "en": "Products linked to each Global Compact for Migration objective, with and "
        "without the products marked «Todos» (all).",
    },
    "report.gaps_with_all": {
        "es": "Objetivos sin cobertura (contando «Todos»): {numbers}",
        "en": "Objectives not covered (counting «Todos»): {numbers}",
    },
    "report.gaps_without_all": {
        "es": "Objetivos sin cobertura (sin contar «Todos»): {numbers}",
        "en": "Objectives not covered (not counting «Todos»): {numbers}",
    },
    "report.empty": {"es": "Nada que informar.", "en": "Nothing to report."},
    "report.none": {"es": "ninguno", "en": "none"},
    "report.never": {"es": "nunca", "en": "never"},
    "report.truncated": {
        "es": "Se muestran las primeras {shown} de {total} filas; la tabla completa está en el "
        "libro Excel del informe.",
        "en": "The first {shown} of {total} rows are shown; the full table is in the report's "
        "Excel workbook.",
    },
    # ---- report: summary indicators ---------------------------------------------------------
    "report.kpi.products": {"es": "Productos del plan", "en": "Products in the plan"},
    "report.kpi.overall": {"es": "Avance global", "en": "Overall progress"},
    "report.kpi.no_report": {"es": "Productos sin reporte", "en": "Products without a report"},
    "report.kpi.entries": {
        "es": "Reportes de avance en el mes",
        "en": "Progress reports this month",
    },
    "report.kpi.status": {"es": "Estado: {status}", "en": "Status: {status}"},
    # ---- report: column headers -------------------------------------------------------------
    "report.col.indicator": {"es": "Indicador", "en": "Indicator"},
    "report.col.value": {"es": "Valor", "en": "Value"},
    "report.col.code": {"es": "Código", "en": "Code"},
    "report.col.product": {"es": "Producto", "en": "Product"},
    "report.col.status": {"es": "Estado", "en": "Status"},
    "report.col.percent": {"es": "Avance (%)", "en": "Progress (%)"},
    "report.col.last_date": {"es": "Último reporte", "en": "Last report"},
    "report.col.reported_by": {"es": "Reportado por", "en": "Reported by"},
    "report.col.comment": {"es": "Comentario", "en": "Comment"},
    "report.col.evidence": {"es": "Evidencia", "en": "Evidence"},
    "report.col.date": {"es": "Fecha", "en": "Date"},
    "report.col.kind": {"es": "Tipo", "en": "Kind"},
    "report.col.before": {"es": "Antes", "en": "Before"},
    "report.col.after": {"es": "Después", "en": "After"},
    "report.col.detail": {"es": "Detalle", "en": "Detail"},
    "report.col.agency": {"es": "Agencia", "en": "Agency"},
    "report.col.agency_name": {"es": "Nombre", "en": "Name"},
    "report.col.open_led": {
        "es": "Productos en marcha que lidera",
        "en": "Ongoing products it leads",
    },
    "report.col.number": {"es": "N.º", "en": "No."},
    "report.col.gcm_label": {"es": "Objetivo del PMM", "en": "GCM objective"},
    "report.col.n_specific": {
        "es": "Productos (sin «Todos»)",
        "en": "Products (without «Todos»)",
    },
    "report.col.n_all": {"es": "Vía «Todos»", "en": "Via «Todos»"},
    "report.col.n_total": {"es": "Productos (con «Todos»)", "en": "Products (with «Todos»)"},
    # ---- CLI --------------------------------------------------------------------------------
    "report.cli.bad_month": {
        "es": "Mes no válido: {month!r}. Use el formato AAAA-MM, p. ej. {example}.",
        "en": "Invalid month: {month!r}. Use the format YYYY-MM, e.g. {example}.",
    },
    "report.cli.source_store": {
        "es": "Datos: versión {v} del almacén.",
        "en": "Data: stored version {v}.",
    },
    "report.cli.source_default": {
        "es": "Datos: libros incluidos en el proyecto (sin almacén).",
        "en": "Data: the bundled workbooks (no store).",
    },
    "report.cli.store_failed": {
        "es": "No se pudo leer el almacén ({error}); se usan los libros incluidos.",
        "en": "Could not read the store ({error}); using the bundled workbooks.",
    },
    "report.cli.load_failed": {
        "es": "No se pudieron cargar los datos incluidos.",
        "en": "Could not load the bundled data.",
    },
    "report.cli.wrote": {"es": "Escrito: {path}", "en": "Wrote: {path}"},
    "report.cli.no_pdf": {
        "es": "PDF no generado: Chromium no está instalado (/usr/bin/chromium).",
        "en": "PDF not generated: Chromium is not installed (/usr/bin/chromium).",
    },
    "report.cli.pdf_failed": {
        "es": "PDF no generado: Chromium falló ({error}).",
        "en": "PDF not generated: Chromium failed ({error}).",
    },
}

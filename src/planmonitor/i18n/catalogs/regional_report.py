"""Strings of the regional monthly report (issue 11, §3): Excel, HTML, PDF and CLI.

Keys start with "regreport." (and "cli.help.regional") so they never collide with the
other catalogues.
"""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "regreport.title": {
        "es": "Informe mensual regional de seguimiento",
        "en": "Regional monthly monitoring report",
    },
    "regreport.summary": {"es": "Resumen regional", "en": "Regional summary"},
    "regreport.networks": {"es": "Redes: {networks}", "en": "Networks: {networks}"},
    "regreport.section.calendar": {"es": "Calendario de reportes", "en": "Reporting calendar"},
    "regreport.note.calendar": {
        "es": "Reportado: hay un avance fechado en el mes o hasta {days} días después de su "
        "fin; con retraso: el primero llega más tarde, antes del fin del mes siguiente; sin "
        "reporte: ninguno hasta entonces; fuera del plan: el mes no está en el periodo del plan.",
        "en": "Reported: a progress entry is dated in the month or up to {days} days after it "
        "ends; late: the first one comes later, before the end of the next month; not "
        "reported: none by then; outside the plan: the month is not in the plan's period.",
    },
    "regreport.status.reported": {"es": "Reportado", "en": "Reported"},
    "regreport.status.late": {"es": "Con retraso", "en": "Late"},
    "regreport.status.missing": {"es": "Sin reporte", "en": "Not reported"},
    "regreport.status.outside": {"es": "Fuera del plan", "en": "Outside the plan"},
    "regreport.calendar_cut": {
        "es": "Se muestran los últimos {n} meses; el libro Excel tiene todos los meses del "
        "periodo.",
        "en": "The last {n} months are shown; the Excel workbook has every month of the period.",
    },
    "regreport.col.network": {"es": "Red", "en": "Network"},
    "regreport.col.last_report": {"es": "Último reporte", "en": "Last report"},
    "regreport.col.all": {"es": "Todos", "en": "All"},
    "regreport.col.alert_products": {
        "es": "Productos con alertas",
        "en": "Products with alerts",
    },
    "regreport.section.coverage": {
        "es": "Cobertura de los objetivos del PMM",
        "en": "GCM objective coverage",
    },
    "regreport.note.coverage": {
        "es": "Productos vinculados específicamente a cada objetivo; los vinculados a «Todos» "
        "se cuentan aparte y no cubren ningún objetivo.",
        "en": "Products linked specifically to each objective; those linked to «All» are "
        "counted apart and cover no objective.",
    },
    "regreport.uncovered": {
        "es": "Objetivos que ninguna red cubre: {objectives}",
        "en": "Objectives no network covers: {objectives}",
    },
    "regreport.section.alerts": {"es": "Alertas por red", "en": "Alerts per network"},
    "regreport.note.alerts": {
        "es": "Alertas de cada red al {date}.",
        "en": "Each network's alerts as of {date}.",
    },
    "regreport.outside": {
        "es": "El plan de la red «{network}» ({start} – {end}) no incluye {month}: no hay "
        "informe de este mes.",
        "en": "The plan of the network «{network}» ({start} – {end}) does not include "
        "{month}: there is no report for this month.",
    },
    "regreport.cli.few_networks": {
        "es": "El informe regional necesita al menos 2 redes; el almacén tiene {n}.",
        "en": "The regional report needs at least 2 networks; the store holds {n}.",
    },
    "regreport.cli.no_store": {
        "es": "No hay almacén de datos (PLANMONITOR_DATABASE_URL o el archivo SQLite por "
        "defecto): el informe regional lee las redes del almacén.",
        "en": "There is no data store (PLANMONITOR_DATABASE_URL or the default SQLite "
        "file): the regional report reads the networks from the store.",
    },
    "regreport.cli.with_final_or_plan": {
        "es": "--regional no se combina con --final ni con --plan",
        "en": "--regional cannot be combined with --final or --plan",
    },
    "regreport.cli.needs_month": {
        "es": "--regional necesita --month AAAA-MM",
        "en": "--regional needs --month YYYY-MM",
    },
    "cli.help.regional": {
        "es": "el informe regional: un resumen de todas las redes del almacén y el informe "
        "de cada una (con --month)",
        "en": "the regional report: a summary of every network of the store and each one's "
        "report (with --month)",
    },
}

"""Strings of the regional pages (issue 11 §2): several country networks side by side.

One catalogue of planmonitor.i18n (key -> {"es": …, "en": …}).
"""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "app.section.region": {"es": "Región", "en": "Region"},
    "page.region-calendario": {"es": "Calendario de reportes", "en": "Reporting calendar"},
    "page.region-cobertura": {"es": "Cobertura PMM regional", "en": "Regional GCM coverage"},
    "page.region-agencias": {"es": "Agencias por red", "en": "Agencies by network"},
    "page.region-avance": {"es": "Avance por red", "en": "Completion by network"},
    "region.one_network": {
        "es": "El almacén tiene una sola red: las vistas regionales aparecen cuando se cargan "
        "los planes de otras redes.",
        "en": "The store holds a single network: the regional views appear once the plans "
        "of other networks are uploaded.",
    },
    "region.filter.region": {"es": "Región", "en": "Region"},
    "region.filter.network": {"es": "Red", "en": "Network"},
    "region.filter.all_regions": {"es": "Todas las regiones", "en": "All regions"},
    "region.filter.all_networks": {"es": "Todas las redes", "en": "All networks"},
    "region.unknown": {
        "es": "No existe «{value}» en el almacén; se muestran todas.",
        "en": "«{value}» is not in the store; all are shown.",
    },
    "region.showing": {
        "es": "Mostrando {n} redes: {names}.",
        "en": "Showing {n} networks: {names}.",
    },
    "region.no_region_stated": {"es": "(sin región)", "en": "(no region)"},
    "region.col.network": {"es": "Red", "en": "Network"},
    "region.col.country": {"es": "País", "en": "Country"},
    "region.col.plan": {"es": "Plan mostrado", "en": "Plan shown"},
    "region.col.last_report": {"es": "Último reporte", "en": "Last report"},
    "region.col.agency": {"es": "Agencia", "en": "Agency"},
    "region.col.lead": {"es": "Líder", "en": "Lead"},
    "region.col.partner": {"es": "Socia", "en": "Partner"},
    "region.col.products": {"es": "Productos", "en": "Products"},
    "region.col.completion": {"es": "Avance", "en": "Completion"},
    "region.col.all": {"es": "«Todos»", "en": "«All»"},
    "region.never": {"es": "nunca", "en": "never"},
    "region.status.reported": {"es": "✓ Reportó", "en": "✓ Reported"},
    "region.status.late": {"es": "! Tarde", "en": "! Late"},
    "region.status.missing": {"es": "✗ No reportó", "en": "✗ Not reported"},
    "region.status.outside": {"es": "· Fuera del plan", "en": "· Outside the plan"},
    "region.calendar.rule": {
        "es": "Regla: un mes cuenta como **reportado** si la red registró algún avance con "
        "fecha en ese mes o hasta {grace} días después de su fin; **tarde** si el primer "
        "registro llega después, pero antes de que termine el mes siguiente; **no reportó** "
        "si no hay registro hasta el fin del mes siguiente (un mes en curso figura así hasta "
        "su primer registro). **Fuera del plan**: el mes no está en el período del plan.",
        "en": "Rule: a month counts as **reported** when the network recorded any progress "
        "dated in that month or up to {grace} days after it ends; **late** when the first "
        "entry comes after that but before the end of the next month; **not reported** when "
        "there is no entry by the end of the next month (a month under way reads so until "
        "its first entry). **Outside the plan**: the month is not in the plan's period.",
    },
    "region.calendar.months": {"es": "Meses mostrados", "en": "Months shown"},
    "region.calendar.summary": {
        "es": "{month}: {reported} redes reportaron, {late} tarde, {missing} no reportaron.",
        "en": "{month}: {reported} networks reported, {late} late, {missing} did not report.",
    },
    "region.calendar.none": {
        "es": "Ningún plan de estas redes tiene meses hasta hoy.",
        "en": "No plan of these networks has months up to today.",
    },
    "region.coverage.title": {
        "es": "Productos por objetivo del PMM y red (vínculos específicos)",
        "en": "Products per GCM objective and network (specific links)",
    },
    "region.coverage.note": {
        "es": "Cuenta solo los vínculos a objetivos concretos; los productos vinculados a "
        "«Todos» se cuentan aparte, en la última columna de la tabla.",
        "en": "Counts only links to specific objectives; products linked to «All» are counted "
        "apart, in the last column of the table.",
    },
    "region.coverage.uncovered": {
        "es": "Objetivos del PMM que ninguna red cubre: {gaps}.",
        "en": "GCM objectives no network covers: {gaps}.",
    },
    "region.coverage.all_covered": {
        "es": "Cada uno de los 23 objetivos del PMM tiene al menos un producto en la región.",
        "en": "Each of the 23 GCM objectives has at least one product in the region.",
    },
    "region.coverage.uncovered_label": {"es": "sin cubrir", "en": "uncovered"},
    "region.agencies.title": {
        "es": "Productos que cada agencia lidera, por red",
        "en": "Products each agency leads, by network",
    },
    "region.agencies.partner_title": {
        "es": "Productos en que cada agencia es socia, por red",
        "en": "Products in which each agency is a partner, by network",
    },
    "region.agencies.note": {
        "es": "El Comité Ejecutivo figura como una fila propia: cada red tiene otros miembros.",
        "en": "The Executive Committee is a row of its own: each network has other members.",
    },
    "region.agencies.none": {
        "es": "Ningún producto de estas redes nombra agencias.",
        "en": "No product of these networks names agencies.",
    },
    "region.completion.title": {"es": "Avance por red", "en": "Completion by network"},
    "region.completion.gcm_title": {
        "es": "Avance medio por objetivo del PMM y red",
        "en": "Mean completion per GCM objective and network",
    },
    "region.completion.note": {
        "es": "Avance de cada plan a su fecha (un plan cerrado, a su último día): media de "
        "los productos, sin los cancelados; un producto sin reporte cuenta 0 %.",
        "en": "Each plan's completion at its date (a closed plan, at its last day): mean of "
        "its products, cancelled excluded; a product without a report counts 0 %.",
    },
    "region.alerts.title": {"es": "Alertas por red", "en": "Alerts by network"},
    "region.fictitious": {
        "es": "Incluye datos de ejemplo o ficticios: {names}.",
        "en": "Includes example or fictitious data: {names}.",
    },
    "meeting.screen.region_calendar": {
        "es": "Región: calendario de reportes",
        "en": "Region: reporting calendar",
    },
    "meeting.screen.region_coverage": {
        "es": "Región: cobertura del PMM",
        "en": "Region: GCM coverage",
    },
    "meeting.screen.region_completion": {
        "es": "Región: avance por red",
        "en": "Region: completion by network",
    },
    "page.region-informe": {"es": "Informe regional", "en": "Regional report"},
    "region.report.intro": {
        "es": "El informe mensual de la región: un resumen regional (calendario de reportes, "
        "cobertura del PMM, alertas por red) y después el informe mensual de cada red.",
        "en": "The region's monthly report: a regional summary (reporting calendar, GCM "
        "coverage, alerts per network), then each network's own monthly report.",
    },
    "region.report.month": {"es": "Mes del informe", "en": "Report month"},
    "region.report.lang": {"es": "Idioma del informe", "en": "Report language"},
}

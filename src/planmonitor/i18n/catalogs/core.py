"""Strings of the core (filters, metrics, charts): one entry per key, Spanish and English.

The other catalogues sit beside this one; `i18n.STRINGS` merges them. Placeholders use
`str.format` names and must be the same in both languages (a test checks it).
"""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    # ---- generic words ------------------------------------------------------------------
    "word.objective": {"es": "Objetivo", "en": "Objective"},
    "word.objectives": {"es": "Objetivos", "en": "Objectives"},
    "word.strategy": {"es": "Estrategia", "en": "Strategy"},
    "word.strategies": {"es": "Estrategias", "en": "Strategies"},
    "word.activity": {"es": "Actividad", "en": "Activity"},
    "word.activities": {"es": "Actividades", "en": "Activities"},
    "word.product": {"es": "Producto", "en": "Product"},
    "word.products": {"es": "Productos", "en": "Products"},
    "word.agency": {"es": "Agencia", "en": "Agency"},
    "word.agencies": {"es": "Agencias", "en": "Agencies"},
    "word.status": {"es": "Estado", "en": "Status"},
    "word.quarter": {"es": "Trimestre", "en": "Quarter"},
    "word.leads": {"es": "Líderes", "en": "Leads"},
    "word.partners": {"es": "Socios", "en": "Partners"},
    "word.none": {"es": "—", "en": "—"},
    "word.count": {"es": "Número de productos", "en": "Number of products"},
    "word.percent": {"es": "Avance (%)", "en": "Progress (%)"},
    "word.date": {"es": "Fecha", "en": "Date"},
    "word.comment": {"es": "Comentario", "en": "Comment"},
    "word.gcm": {"es": "PMM", "en": "GCM"},
    "word.gcm_objective": {"es": "Objetivo del PMM", "en": "GCM objective"},
    "word.undated": {"es": "sin fechas", "en": "no dates"},
    "word.committee": {"es": "Comité Ejecutivo", "en": "Executive Committee"},
    "quarter.label": {"es": "T{q} {year}", "en": "Q{q} {year}"},
    "n_products": {"es": "{n} productos", "en": "{n} products"},
    "n_products_one": {"es": "1 producto", "en": "1 product"},
    # ---- statuses and roles ---------------------------------------------------------------
    "status.No iniciado": {"es": "No iniciado", "en": "Not started"},
    "status.En curso": {"es": "En curso", "en": "In progress"},
    "status.Completado": {"es": "Completado", "en": "Completed"},
    "status.Retrasado": {"es": "Retrasado", "en": "Delayed"},
    "status.Cancelado": {"es": "Cancelado", "en": "Cancelled"},
    "status.Sin reporte": {"es": "Sin reporte", "en": "No report"},
    "role.Coordinación y Secretaría": {
        "es": "Coordinación y Secretaría",
        "en": "Coordination and Secretariat",
    },
    "role.Comité Ejecutivo": {"es": "Comité Ejecutivo", "en": "Executive Committee"},
    "role.Miembro": {"es": "Miembro", "en": "Member"},
    "role.lead": {"es": "Líder", "en": "Lead"},
    "role.partner": {"es": "Socia", "en": "Partner"},
    "role.any": {"es": "Líder o socia", "en": "Lead or partner"},
    # ---- filters.describe ---------------------------------------------------------------
    "filters.showing": {"es": "Mostrando: {parts}", "en": "Showing: {parts}"},
    "filters.all": {"es": "todos los productos", "en": "all products"},
    "filters.agency_lead": {"es": "{agencies} como líder", "en": "{agencies} as lead"},
    "filters.agency_partner": {"es": "{agencies} como socia", "en": "{agencies} as partner"},
    "filters.agency_any": {
        "es": "{agencies} (líder o socia)",
        "en": "{agencies} (lead or partner)",
    },
    "filters.objective": {"es": "Objetivo {codes}", "en": "Objective {codes}"},
    "filters.objectives": {"es": "Objetivos {codes}", "en": "Objectives {codes}"},
    "filters.strategy": {"es": "Estrategia {codes}", "en": "Strategy {codes}"},
    "filters.strategies": {"es": "Estrategias {codes}", "en": "Strategies {codes}"},
    "filters.activity": {"es": "Actividad {codes}", "en": "Activity {codes}"},
    "filters.activities": {"es": "Actividades {codes}", "en": "Activities {codes}"},
    "filters.status": {"es": "Estado: {statuses}", "en": "Status: {statuses}"},
    "filters.period": {"es": "Periodo: {start} – {end}", "en": "Period: {start} – {end}"},
    "filters.period_one": {"es": "Periodo: {start}", "en": "Period: {start}"},
    "filters.gcm": {"es": "PMM: {numbers}", "en": "GCM: {numbers}"},
    # ---- alerts -------------------------------------------------------------------------
    "alert.overdue": {"es": "Vencido", "en": "Overdue"},
    "alert.not_started": {"es": "Sin iniciar", "en": "Not started"},
    "alert.stale": {"es": "Sin reporte reciente", "en": "No recent report"},
    "alert.no_lead": {"es": "Sin agencia líder", "en": "No lead agency"},
    "alert.no_dates": {"es": "Fechas incompletas", "en": "Missing dates"},
    "alert.gaps.no_dates": {
        "es": "Además, {n} producto(s) sin fechas completas en el plan: un dato que falta en el "
        "libro, no una alerta de avance (véase Calidad de datos).",
        "en": "Also, {n} product(s) without full dates in the plan: data missing from the "
        "workbook, not a progress alert (see Data quality).",
    },
    "alert.overdue.detail": {
        "es": "Debía terminar el {end}; estado: {status} ({percent})",
        "en": "Due on {end}; status: {status} ({percent})",
    },
    "alert.not_started.detail": {
        "es": "Debía empezar el {start} y sigue «No iniciado»",
        "en": "Due to start on {start} and still «Not started»",
    },
    "alert.stale.detail": {
        "es": "Último reporte el {date} (hace {days} días)",
        "en": "Last report on {date} ({days} days ago)",
    },
    "alert.stale.never": {
        "es": "Ningún reporte de avance registrado",
        "en": "No progress report recorded",
    },
    "alert.no_lead.detail": {
        "es": "El producto no tiene agencia líder",
        "en": "The product has no lead agency",
    },
    "alert.no_dates.both": {
        "es": "El plan no indica inicio ni fin",
        "en": "The plan gives neither start nor end",
    },
    "alert.no_dates.start": {
        "es": "El plan no indica la fecha de inicio",
        "en": "The plan gives no start date",
    },
    "alert.no_dates.end": {
        "es": "El plan no indica la fecha de fin",
        "en": "The plan gives no end date",
    },
    # ---- charts -------------------------------------------------------------------------
    "chart.gantt.title": {"es": "Cronograma de productos", "en": "Product timeline"},
    "chart.gantt.title_activity": {
        "es": "Cronograma por actividad",
        "en": "Timeline by activity",
    },
    "chart.gantt.title_objective": {
        "es": "Cronograma por objetivo",
        "en": "Timeline by objective",
    },
    "chart.gantt.title_strategy": {
        "es": "Cronograma por estrategia",
        "en": "Timeline by strategy",
    },
    "chart.gantt.undated": {"es": "Sin fechas en el plan", "en": "No dates in the plan"},
    "chart.gantt.partial": {"es": "Fechas incompletas", "en": "Incomplete dates"},
    "chart.gantt.partial_start": {
        "es": "Sin fecha de inicio: la barra empieza con el plan",
        "en": "No start date: the bar starts with the plan",
    },
    "chart.gantt.partial_end": {
        "es": "Sin fecha de fin: la barra llega al fin del plan",
        "en": "No end date: the bar runs to the end of the plan",
    },
    "chart.gantt.undated_hover": {
        "es": "Sin fechas en el plan: la barra cubre todo el plan",
        "en": "No dates in the plan: the bar spans the whole plan",
    },
    "plan.period": {"es": "{start} – {end}", "en": "{start} – {end}"},
    "chart.gantt.today": {"es": "Hoy · {date}", "en": "Today · {date}"},
    "chart.gantt.today_outside": {
        "es": "Hoy ({date}) está fuera del periodo del plan ({period}): no hay línea de hoy.",
        "en": "Today ({date}) is outside the plan period ({period}): no today line.",
    },
    "chart.gantt.dates": {"es": "Plan: {start} – {end}", "en": "Plan: {start} – {end}"},
    "chart.gantt.no_date": {"es": "sin fecha", "en": "no date"},
    "chart.gantt.plan_undated": {
        "es": "Plan: sin fechas en el plan",
        "en": "Plan: no dates in the plan",
    },
    "chart.gantt.actual": {
        "es": "Real (según avances): {start} – {end}",
        "en": "Actual (from progress log): {start} – {end}",
    },
    "chart.gantt.actual_ongoing": {
        "es": "Real (según avances): desde {start}, en curso al {end}",
        "en": "Actual (from progress log): since {start}, under way on {end}",
    },
    "chart.gantt.actual_none": {
        "es": "Real (según avances): ningún reporte de trabajo en curso",
        "en": "Actual (from progress log): no report of work under way",
    },
    "chart.gantt.legend_plan": {"es": "Plan", "en": "Plan"},
    "chart.gantt.legend_actual": {
        "es": "Real (según avances)",
        "en": "Actual (from progress log)",
    },
    "chart.gantt.last_comment": {
        "es": "Último comentario: {comment}",
        "en": "Last comment: {comment}",
    },
    "chart.gantt.group": {"es": "{code} ({n} productos)", "en": "{code} ({n} products)"},
    "chart.gantt.marker": {"es": "Cambios", "en": "Changes"},
    "chart.gantt.no_lead": {"es": "Sin líder", "en": "No lead"},
    "chart.status_counts.title": {
        "es": "Productos por estado",
        "en": "Products by status",
    },
    "chart.completion.title_objective": {
        "es": "Avance medio por objetivo",
        "en": "Average progress by objective",
    },
    "chart.completion.title_strategy": {
        "es": "Avance medio por estrategia",
        "en": "Average progress by strategy",
    },
    "chart.completion.title_activity": {
        "es": "Avance medio por actividad",
        "en": "Average progress by activity",
    },
    "chart.completion.hover": {
        "es": "Avance medio: {percent}<br>Productos contados: {n}",
        "en": "Average progress: {percent}<br>Products counted: {n}",
    },
    "chart.agency_load.title": {
        "es": "Productos por agencia y rol",
        "en": "Products by agency and role",
    },
    "chart.heatmap.agency_quarter": {
        "es": "Productos activos por agencia y trimestre",
        "en": "Active products by agency and quarter",
    },
    "chart.heatmap.agency_strategy": {
        "es": "Productos por agencia y estrategia",
        "en": "Products by agency and strategy",
    },
    "chart.heatmap.cooccurrence": {
        "es": "Productos compartidos entre agencias",
        "en": "Products shared between agencies",
    },
    "chart.heatmap.strategy_gcm": {
        "es": "Productos por estrategia y objetivo del PMM",
        "en": "Products by strategy and GCM objective",
    },
    "chart.heatmap.hover": {
        "es": "{y} · {x}: {z} productos",
        "en": "{y} · {x}: {z} products",
    },
    "chart.data.show": {"es": "Ver datos", "en": "Show data"},
    "chart.data.row": {"es": "Fila", "en": "Row"},
    "chart.data.label": {"es": "Elemento", "en": "Item"},
    "chart.data.series": {"es": "Serie", "en": "Series"},
    "chart.data.value": {"es": "Valor", "en": "Value"},
    "chart.data.detail": {"es": "Detalle", "en": "Detail"},
    "chart.gcm_tiles.title": {
        "es": "Cobertura de los 23 objetivos del PMM",
        "en": "Coverage of the 23 GCM objectives",
    },
    "chart.gcm_tiles.gap": {"es": "sin cobertura", "en": "no coverage"},
    "chart.gcm_tiles.gap_legend": {
        "es": "Sin cobertura (ningún producto)",
        "en": "No coverage (no product)",
    },
    "chart.gcm_tiles.specific": {"es": "{n} específicos", "en": "{n} specific"},
    "chart.gcm_tiles.specific_one": {"es": "1 específico", "en": "1 specific"},
    "chart.gcm_tiles.via_all": {"es": "{n} vía «Todos»", "en": "{n} via «All»"},
    "chart.gcm_tiles.only_all_legend": {
        "es": "Solo vía «Todos los objetivos»",
        "en": "Only via «All objectives»",
    },
    "chart.gcm_tiles.hover": {
        "es": "Productos vinculados: {n} ({n_specific} directos, {n_all} vía «Todos»)",
        "en": "Linked products: {n} ({n_specific} direct, {n_all} via «All»)",
    },
    "chart.status_by.title_strategy": {
        "es": "Estado de los productos por estrategia",
        "en": "Product status by strategy",
    },
    "chart.status_by.title_objective": {
        "es": "Estado de los productos por objetivo",
        "en": "Product status by objective",
    },
    "chart.status_by.title_activity": {
        "es": "Estado de los productos por actividad",
        "en": "Product status by activity",
    },
    "chart.history.title": {
        "es": "Historial de avance · {code}",
        "en": "Progress history · {code}",
    },
    "chart.history.hover": {
        "es": "{date}<br>{status} · {percent}<br>{comment}",
        "en": "{date}<br>{status} · {percent}<br>{comment}",
    },
}

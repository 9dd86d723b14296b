"""User-facing strings of the dashboard (Streamlit UI), Spanish first, then English.

`planmonitor.i18n.t` merges them with the core's strings. Keys are grouped by page;
``{name}`` placeholders are filled by ``str.format``.
"""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    # ---- frame ---------------------------------------------------------------------------
    # The plan's own names fill these (analysis.describe): the catalog names no network.
    "app.title": {"es": "planmonitor — {name}", "en": "planmonitor — {name}"},
    "app.subtitle": {"es": "Seguimiento de: {title}", "en": "Monitoring of: {title}"},
    "app.subtitle_period": {
        "es": "Seguimiento del plan de trabajo ({period})",
        "en": "Monitoring of the work plan ({period})",
    },
    "plan.closed": {
        "es": "Plan finalizado el {date}: se muestra su estado a esa fecha.",
        "en": "Plan ended on {date}: its state on that day is shown.",
    },
    "app.lang": {"es": "Idioma", "en": "Language"},
    "app.section.dashboard": {"es": "Tablero", "en": "Dashboard"},
    "app.section.secretariat": {"es": "Secretaría", "en": "Secretariat"},
    "app.example_note": {
        "es": "Los avances mostrados son datos de ejemplo ficticios: no reflejan el estado "
        "real del plan.",
        "en": "The progress shown is fictitious example data: it does not reflect the real "
        "state of the plan.",
    },
    "app.error": {
        "es": "Ocurrió un error inesperado al mostrar esta página. El detalle quedó registrado; "
        "pruebe a restablecer los filtros o avise a la Secretaría.",
        "en": "An unexpected error occurred while showing this page. The details were logged; "
        "try resetting the filters or tell the Secretariat.",
    },
    "app.no_data": {
        "es": "No se pudieron cargar los datos del plan. Avise a la Secretaría.",
        "en": "The plan's data could not be loaded. Please tell the Secretariat.",
    },
    "app.empty": {
        "es": "Ningún producto coincide con los filtros elegidos. Cambie o restablezca los "
        "filtros en la barra lateral.",
        "en": "No product matches the chosen filters. Change or reset the filters in the sidebar.",
    },
    "app.data_version": {"es": "Versión de datos: {version}", "en": "Data version: {version}"},
    # ---- pages ---------------------------------------------------------------------------
    "page.resumen": {"es": "Resumen", "en": "Overview"},
    "page.cronograma": {"es": "Cronograma", "en": "Timeline"},
    "page.carga": {"es": "Carga por agencia", "en": "Agency workload"},
    "page.cobertura": {"es": "Cobertura PMM", "en": "GCM coverage"},
    "page.avance": {"es": "Avance de productos", "en": "Product progress"},
    "page.calidad": {"es": "Calidad de datos", "en": "Data quality"},
    # ---- filters -------------------------------------------------------------------------
    "sidebar.header": {"es": "Filtros", "en": "Filters"},
    "sidebar.agency": {"es": "Agencia", "en": "Agency"},
    "sidebar.role": {"es": "Rol de la agencia", "en": "Agency's role"},
    "sidebar.role.lead": {"es": "líder", "en": "lead"},
    "sidebar.role.partner": {"es": "socio", "en": "partner"},
    "sidebar.role.any": {"es": "cualquiera", "en": "either"},
    "sidebar.objective": {"es": "Objetivo específico", "en": "Specific objective"},
    "sidebar.strategy": {"es": "Estrategia", "en": "Strategy"},
    "sidebar.activity": {"es": "Actividad", "en": "Activity"},
    "sidebar.status": {"es": "Estado", "en": "Status"},
    "sidebar.period": {"es": "Periodo (trimestres)", "en": "Period (quarters)"},
    "sidebar.gcm": {"es": "Objetivo del PMM", "en": "GCM objective"},
    "sidebar.placeholder": {"es": "Todos", "en": "All"},
    "app.choose": {"es": "Elija una opción", "en": "Choose an option"},
    "sidebar.reset": {"es": "Restablecer filtros", "en": "Reset filters"},
    "sidebar.help.codes": {
        "es": "Códigos del plan; los nombres completos aparecen en las páginas.",
        "en": "The plan's codes; the full names appear on the pages.",
    },
    # ---- resumen -------------------------------------------------------------------------
    "resumen.products": {"es": "Productos", "en": "Products"},
    "resumen.no_report": {"es": "Sin reporte aún", "en": "No report yet"},
    "resumen.percent": {"es": "Avance global", "en": "Overall completion"},
    "resumen.by_status": {"es": "Productos por estado", "en": "Products by status"},
    "resumen.by_objective": {
        "es": "Avance por objetivo específico",
        "en": "Completion by specific objective",
    },
    "resumen.alerts": {"es": "Alertas", "en": "Alerts"},
    "resumen.no_alerts": {
        "es": "Sin alertas para los productos filtrados.",
        "en": "No alerts for the filtered products.",
    },
    "resumen.alerts_caption_closed": {
        "es": "Un producto por fila, lo más urgente primero: vencidos, no iniciados con inicio "
        "pasado, sin agencia líder; al cierre del plan ({date}).",
        "en": "One product a row, most urgent first: overdue, not started after their start, "
        "no lead agency; at the plan's end ({date}).",
    },
    "resumen.alerts_caption": {
        "es": "Un producto por fila, lo más urgente primero: vencidos, no iniciados con inicio "
        "pasado, sin reporte en {days} días, sin agencia líder (al {date}).",
        "en": "One product a row, most urgent first: overdue, not started after their start, "
        "no report in {days} days, no lead agency (as of {date}).",
    },
    # ---- cronograma ----------------------------------------------------------------------
    "cronograma.color": {"es": "Color según", "en": "Colour by"},
    "cronograma.none_in_period": {
        "es": "Ningún producto del filtro se ejecutó en el periodo elegido, según el plan o "
        "los avances.",
        "en": "No product of the filter ran in the chosen period, by the plan or the progress log.",
    },
    "cronograma.actual_note": {
        "es": "La barra fina oscura bajo cada producto es el periodo real según los avances: "
        "desde el primer reporte en curso hasta el que lo da por completado o cancelado (o "
        "hasta la fecha a la que se muestra el plan, si sigue en curso).",
        "en": "The thin dark bar under each product is the actual period from the progress "
        "log: from the first report of work under way to the one that completes or cancels it "
        "(or to the date the plan is shown at, if still under way).",
    },
    "cronograma.color.status": {"es": "estado", "en": "status"},
    "cronograma.color.lead": {"es": "agencia líder", "en": "lead agency"},
    "cronograma.level": {"es": "Nivel", "en": "Level"},
    "cronograma.level.auto": {"es": "automático", "en": "automatic"},
    "cronograma.by_group": {"es": "Un gráfico por {level}", "en": "One chart per {level}"},
    "cronograma.collapsed": {
        "es": "Hay {n} productos: se muestran agrupados por actividad para que el gráfico sea "
        "legible. Elija «producto» para verlos uno por uno.",
        "en": "There are {n} products: they are grouped by activity so the chart stays "
        "readable. Choose «product» to see them one by one.",
    },
    # ---- carga ---------------------------------------------------------------------------
    # The committee counts for each of its members everywhere (filter, charts, meeting):
    # the rule is said on screen, with the members read from the plan's Agencias table.
    "committee.rule": {
        "es": '"{committee}" cuenta para cada uno de sus {n} miembros: {members}.',
        "en": '"{committee}" counts for each of its {n} members: {members}.',
    },
    "committee.rule_one": {
        "es": '"{committee}" cuenta para su único miembro: {members}.',
        "en": '"{committee}" counts for its only member: {members}.',
    },
    "carga.load": {"es": "Productos por agencia", "en": "Products per agency"},
    "carga.heatmap": {
        "es": "Productos activos por agencia y trimestre",
        "en": "Active products per agency and quarter",
    },
    "carga.matrix": {
        "es": "Productos por agencia y estrategia",
        "en": "Products per agency and strategy",
    },
    "carga.matrix_objective": {
        "es": "Productos por agencia y objetivo",
        "en": "Products per agency and objective",
    },
    "carga.cooccurrence": {
        "es": "Agencias que trabajan juntas",
        "en": "Agencies that work together",
    },
    # ---- cobertura -----------------------------------------------------------------------
    "cobertura.exclude_all": {
        "es": "Excluir los vínculos «Todos los objetivos»",
        "en": "Exclude «All objectives» links",
    },
    "cobertura.exclude_all.help": {
        "es": "Los productos vinculados a «Todos» cubrirían los 23 objetivos; se cuentan "
        "aparte de los vínculos específicos.",
        "en": "Products linked to «All» would cover all 23 objectives; they are counted apart "
        "from specific links.",
    },
    "cobertura.all_included": {
        "es": "{n} producto(s) vinculados a «Todos los objetivos» se cuentan en cada objetivo "
        "(aparte de los vínculos específicos).",
        "en": "{n} product(s) linked to «All objectives» are counted in every objective "
        "(apart from specific links).",
    },
    "cobertura.all_excluded": {
        "es": "Se excluyen {n} producto(s) vinculados a «Todos los objetivos»: solo vínculos "
        "específicos.",
        "en": "{n} product(s) linked to «All objectives» are left out: specific links only.",
    },
    "cobertura.tiles": {"es": "Los 23 objetivos del PMM", "en": "The 23 GCM objectives"},
    "cobertura.matrix": {
        "es": "Estrategias y objetivos del PMM",
        "en": "Strategies and GCM objectives",
    },
    "cobertura.matrix_objective": {
        "es": "Objetivos del plan y objetivos del PMM",
        "en": "The plan's objectives and GCM objectives",
    },
    "cobertura.pick": {
        "es": "Elegir un objetivo del PMM para ver sus productos",
        "en": "Choose a GCM objective to see its products",
    },
    "cobertura.pick.placeholder": {
        "es": "Elija un objetivo del PMM",
        "en": "Choose a GCM objective",
    },
    "cobertura.no_gcm": {
        "es": "{n} de {total} productos no tienen objetivos PMM registrados. La Secretaría puede "
        "completarlos (columna «Objetivos PMM») en Actualizar datos.",
        "en": "{n} of {total} products have no GCM objectives recorded. The secretariat can "
        "fill them in (column «Objetivos PMM») under Update data.",
    },
    "cobertura.data_note": {
        "es": "Nota de los datos del plan: {note}",
        "en": "Note on the plan's data: {note}",
    },
    "cobertura.none_linked": {
        "es": "Ningún producto filtrado está vinculado a este objetivo: es una brecha.",
        "en": "No filtered product is linked to this objective: it is a gap.",
    },
    "cambios.default.meeting": {
        "es": "(por defecto: la versión vigente en la última reunión registrada, el {date})",
        "en": "(by default: the version current at the last recorded meeting, on {date})",
    },
    "cambios.default.previous": {
        "es": "(por defecto: la versión anterior a la actual)",
        "en": "(by default: the version before the current one)",
    },
    "cambios.default.month_end": {
        "es": "(por defecto: los datos al cierre del mes anterior, {date})",
        "en": "(by default: the data at the end of last month, {date})",
    },
    "cobertura.summary": {
        "es": "De los {total} objetivos del PMM, {specific} tienen al menos un producto con "
        "vínculo específico, {only_all} solo productos vinculados a «Todos» y {none} ninguno.",
        "en": "Of the {total} GCM objectives, {specific} have at least one product linked "
        "specifically, {only_all} only products linked to «Todos» (all) and {none} none.",
    },
    "cobertura.gaps": {
        "es": "Objetivos sin ningún producto (brechas): {gaps}",
        "en": "Objectives without any product (gaps): {gaps}",
    },
    "cobertura.no_gaps": {
        "es": "Todos los objetivos tienen al menos un producto.",
        "en": "Every objective has at least one product.",
    },
    # ---- avance --------------------------------------------------------------------------
    "avance.as_of": {"es": "Estado al", "en": "State as of"},
    "avance.search": {"es": "Buscar producto", "en": "Search products"},
    "avance.search.placeholder": {
        "es": "código, nombre, agencia o comentario",
        "en": "code, name, agency or comment",
    },
    "avance.table": {"es": "Productos", "en": "Products"},
    "avance.download": {"es": "Descargar en Excel", "en": "Download as Excel"},
    "avance.by_strategy": {"es": "Estados por estrategia", "en": "Statuses by strategy"},
    "avance.history": {"es": "Historia de un producto", "en": "A product's history"},
    "avance.pick": {"es": "Producto", "en": "Product"},
    "avance.pick.placeholder": {"es": "Elija un producto", "en": "Choose a product"},
    "avance.no_history": {
        "es": "Este producto no tiene reportes de avance hasta la fecha elegida.",
        "en": "This product has no progress report up to the chosen date.",
    },
    "avance.no_match": {
        "es": "Ningún producto coincide con la búsqueda.",
        "en": "No product matches the search.",
    },
    "col.code": {"es": "Código", "en": "Code"},
    "col.name": {"es": "Producto", "en": "Product"},
    "col.strategy": {"es": "Estrategia", "en": "Strategy"},
    "col.objective": {"es": "Objetivo", "en": "Objective"},
    "col.leads": {"es": "Líderes", "en": "Leads"},
    "col.partners": {"es": "Socios", "en": "Partners"},
    "col.status": {"es": "Estado", "en": "Status"},
    "col.percent": {"es": "Avance", "en": "Completion"},
    "col.last_date": {"es": "Último reporte", "en": "Last report"},
    "col.comment": {"es": "Comentario", "en": "Comment"},
    "col.alert": {"es": "Alerta", "en": "Alert"},
    "col.detail": {"es": "Detalle", "en": "Detail"},
    "col.agency": {"es": "Agencia", "en": "Agency"},
    "col.days": {"es": "Días sin reportar", "en": "Days without reporting"},
    "col.products": {"es": "Productos", "en": "Products"},
    # ---- the issues table (output.issues: upload page, Calidad and the CLI) ----------------
    # (its other headers, issues.col.sheet … issues.col.message, are in catalogs/admin.py)
    "issues.col.severity": {"es": "Gravedad", "en": "Severity"},
    "issues.col.rule": {"es": "Regla", "en": "Rule"},
    "issues.severity.error": {"es": "error", "en": "error"},
    "issues.severity.warning": {"es": "advertencia", "en": "warning"},
    # ---- calidad -------------------------------------------------------------------------
    "calidad.products": {
        "es": "Completitud por producto",
        "en": "Completeness per product",
    },
    "calidad.agencies": {"es": "Reportes por agencia", "en": "Reports per agency"},
    "calidad.days": {
        "es": "Días sin reportar para marcar una agencia",
        "en": "Days without a report to flag an agency",
    },
    "calidad.stale": {
        "es": "Agencias sin reportes en los últimos {days} días: {agencies}",
        "en": "Agencies without reports in the last {days} days: {agencies}",
    },
    "calidad.closed": {
        "es": "El plan está finalizado: no se esperan reportes recientes. Reportes hasta el "
        "{date}.",
        "en": "The plan has ended: no recent reports are expected. Reports up to {date}.",
    },
    "calidad.all_fresh": {
        "es": "Todas las agencias reportaron en los últimos {days} días.",
        "en": "Every agency reported in the last {days} days.",
    },
    "calidad.issues": {
        "es": "Advertencias de la última validación",
        "en": "Warnings of the last validation",
    },
    "calidad.no_issues": {
        "es": "La última validación no dejó advertencias.",
        "en": "The last validation left no warnings.",
    },
    # ---- completeness checks (Calidad de datos) -------------------------------------------
    "check.has_lead": {"es": "Líder", "en": "Lead"},
    "check.has_partners": {"es": "Socios", "en": "Partners"},
    "check.has_dates": {"es": "Fechas", "en": "Dates"},
    "check.has_gcm": {"es": "Vínculos PMM", "en": "GCM links"},
    "check.has_progress": {"es": "Avance", "en": "Progress"},
    "check.has_evidence_if_completed": {
        "es": "Evidencia (si completado)",
        "en": "Evidence (if completed)",
    },
    "check.score": {"es": "Completitud", "en": "Completeness"},
    "col.n_reports": {"es": "Reportes", "en": "Reports"},
    "col.via_all": {"es": "Solo vía «Todos»", "en": "Only via «All»"},
    "col.severity": {"es": "Gravedad", "en": "Severity"},
    # ---- upload: the steps shown while a file is checked -----------------------------------
    "upload.step.checking": {
        "es": "Revisando las hojas y comparando con la versión actual (v{v})…",
        "en": "Checking the sheets and comparing with the current version (v{v})…",
    },
    "upload.step.checked": {
        "es": "Revisado: {errors} error(es), {warnings} advertencia(s).",
        "en": "Checked: {errors} error(s), {warnings} warning(s).",
    },
    "upload.step.compared": {
        "es": "Comparado con la versión actual (v{v}): {summary}",
        "en": "Compared with the current version (v{v}): {summary}",
    },
    # ---- log-in attempts (ui.auth.LoginThrottle) -------------------------------------------
    "auth.too_many": {
        "es": "Demasiados intentos: espere {n} s",
        "en": "Too many attempts: wait {n} s",
    },
}

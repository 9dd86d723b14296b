"""Strings of the end-of-cycle report (issue 9 §4): its sections, columns, the page's choice
and the CLI's `report --final`.

Same shape as the other string modules (key -> {"es": …, "en": …}); planmonitor.i18n merges
it. Keys start with "final." (and "cli.help.final") so they never collide with the others.
"""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    # ---- header -----------------------------------------------------------------------------
    "final.title": {
        "es": "Informe de cierre del ciclo del plan de trabajo",
        "en": "End-of-cycle report of the work plan",
    },
    "final.title_of": {
        "es": "Informe de cierre del ciclo · {plan}",
        "en": "End-of-cycle report · {plan}",
    },
    "final.period": {"es": "Periodo del plan: {period}", "en": "Plan period: {period}"},
    "final.as_of": {
        "es": "Estado al {date}, último día del plan",
        "en": "State as of {date}, the plan's last day",
    },
    "final.as_of_early": {
        "es": "Estado al {date}; el plan termina el {end}",
        "en": "State as of {date}; the plan ends on {end}",
    },
    "final.sheet_suffix": {"es": "cierre", "en": "final"},
    # ---- sections ---------------------------------------------------------------------------
    "final.section.summary": {"es": "Resumen del ciclo", "en": "Cycle summary"},
    "final.section.completed": {"es": "Productos completados", "en": "Completed products"},
    "final.section.not_completed": {
        "es": "Productos no completados",
        "en": "Products not completed",
    },
    "final.section.objectives": {
        "es": "Avance por objetivo",
        "en": "Completion per objective",
    },
    "final.section.gcm": {
        "es": "Objetivos del PMM alcanzados",
        "en": "GCM objectives reached",
    },
    "final.section.agencies": {"es": "Participación de cada agencia", "en": "Each agency's part"},
    "final.section.decisions": {
        "es": "Decisiones y acuerdos del ciclo",
        "en": "Decisions and action points of the cycle",
    },
    "final.section.carried": {"es": "Trabajo que se traslada", "en": "Work carried over"},
    # ---- notes ------------------------------------------------------------------------------
    "final.note.summary": {
        "es": "Estado de cada producto según su último reporte hasta el {date}; los reportes "
        "posteriores no cuentan.",
        "en": "Each product's state from its last report up to {date}; later reports do not count.",
    },
    "final.note.completed": {
        "es": "Productos cuyo último reporte del ciclo dice «Completado».",
        "en": "Products whose last report of the cycle says «Completed».",
    },
    "final.note.not_completed": {
        "es": "Todos los demás (en curso, retrasados, no iniciados, cancelados o sin reporte), "
        "con su último comentario escrito.",
        "en": "All the others (ongoing, delayed, not started, cancelled or never reported), "
        "with the last comment written on each.",
    },
    "final.note.objectives": {
        "es": "Avance medio de los productos de cada objetivo (los cancelados no cuentan; los "
        "que no tienen reporte cuentan como 0 %).",
        "en": "Mean completion of each objective's products (cancelled ones excluded; "
        "products without report count as 0 %).",
    },
    "final.note.gcm": {
        "es": "Un objetivo del PMM se alcanza cuando un producto completado se vincula a él "
        "expresamente; los vinculados solo mediante «Todos» se cuentan aparte.",
        "en": "A GCM objective is reached when a completed product is linked to it "
        "specifically; products linked only through «Todos» (all) are counted apart.",
    },
    "final.note.agencies": {
        "es": "Productos en que cada agencia participa (un miembro del Comité Ejecutivo cuenta "
        "los productos del Comité) y cuántos de ellos se completaron.",
        "en": "Products each agency takes part in (a member of the Executive Committee counts "
        "the committee's products) and how many of them were completed.",
    },
    "final.note.decisions": {
        "es": "Decisiones y acuerdos de las reuniones celebradas entre el {start} y el {end}, "
        "en su estado actual.",
        "en": "Decisions and action points of the meetings held from {start} to {end}, in "
        "their current state.",
    },
    "final.note.carried": {
        "es": "Los productos que no se completaron ni se cancelaron: los que la plantilla del "
        "plan siguiente trae precargados. «Continúa en» nombra el producto de un plan "
        "posterior que lo continúa.",
        "en": "The products neither completed nor cancelled: those the next plan's template "
        "comes prefilled with. «Continued in» names the product of a later plan that "
        "continues it.",
    },
    "final.gcm_reached": {
        "es": "Alcanzados: {numbers}",
        "en": "Reached: {numbers}",
    },
    "final.gcm_only_all": {
        "es": "Solo mediante «Todos»: {numbers}",
        "en": "Only through «Todos» (all): {numbers}",
    },
    "final.gcm_not_reached": {
        "es": "Sin ningún producto completado vinculado: {numbers}",
        "en": "No completed product linked at all: {numbers}",
    },
    "final.no_decisions_store": {
        "es": "Sin almacén de datos: no hay decisiones registradas que mostrar.",
        "en": "No data store: there are no recorded decisions to show.",
    },
    "final.not_continued": {
        "es": "Ningún plan posterior continúa todavía estos productos.",
        "en": "No later plan continues any of these products yet.",
    },
    # ---- KPIs and columns -------------------------------------------------------------------
    "final.kpi.completed": {"es": "Completados", "en": "Completed"},
    "final.kpi.not_completed": {"es": "No completados", "en": "Not completed"},
    "final.kpi.cancelled": {"es": "Cancelados", "en": "Cancelled"},
    "final.kpi.gcm_reached": {"es": "Objetivos del PMM alcanzados", "en": "GCM objectives reached"},
    "final.kpi.decisions": {"es": "Decisiones del ciclo", "en": "Decisions of the cycle"},
    "final.kpi.carried": {"es": "Productos que se trasladan", "en": "Products carried over"},
    "final.col.objective": {"es": "Objetivo", "en": "Objective"},
    "final.col.objective_name": {"es": "Nombre", "en": "Name"},
    "final.col.n_products": {"es": "Productos", "en": "Products"},
    "final.col.n_completed": {"es": "Completados", "en": "Completed"},
    "final.col.completion": {"es": "Avance medio (%)", "en": "Mean completion (%)"},
    "final.col.comment_date": {"es": "Fecha del comentario", "en": "Comment date"},
    "final.col.last_comment": {"es": "Último comentario", "en": "Last comment"},
    "final.col.n_linked": {
        "es": "Productos vinculados (vínculo expreso)",
        "en": "Linked products (specific link)",
    },
    "final.col.n_completed_specific": {
        "es": "Completados (vínculo expreso)",
        "en": "Completed (specific link)",
    },
    "final.col.n_completed_all": {
        "es": "Completados (mediante «Todos»)",
        "en": "Completed (through «Todos»)",
    },
    "final.col.reached": {"es": "Alcanzado", "en": "Reached"},
    "final.col.lead": {"es": "Lidera", "en": "Leads"},
    "final.col.partner": {"es": "Participa", "en": "Partner in"},
    "final.col.completed_lead": {"es": "Completados como líder", "en": "Completed as lead"},
    "final.col.completed_any": {"es": "Completados (total)", "en": "Completed (all)"},
    "final.col.open_lead": {"es": "Sin terminar como líder", "en": "Unfinished as lead"},
    "final.col.meeting": {"es": "Reunión", "en": "Meeting"},
    "final.col.continued_by": {"es": "Continúa en", "en": "Continued in"},
    "final.yes": {"es": "Sí", "en": "Yes"},
    "final.no": {"es": "No", "en": "No"},
    # ---- the page ---------------------------------------------------------------------------
    "final.mode": {"es": "Informe", "en": "Report"},
    "final.mode.monthly": {"es": "Mensual", "en": "Monthly"},
    "final.mode.final": {"es": "Cierre del ciclo", "en": "End of cycle"},
    "final.offered": {
        "es": "El informe de cierre del ciclo lee el plan al {date}, su último día; se ofrece "
        "porque el plan ha terminado o su registro de avances ya llega a su último mes.",
        "en": "The end-of-cycle report reads the plan as of {date}, its last day; it is "
        "offered because the plan has ended or its progress log already reaches its last "
        "month.",
    },
    "final.not_offered": {
        "es": "El informe de cierre del ciclo se ofrecerá cuando el plan termine ({date}) o su "
        "registro de avances llegue a su último mes.",
        "en": "The end-of-cycle report will be offered once the plan ends ({date}) or its "
        "progress log reaches its last month.",
    },
    # ---- the CLI ----------------------------------------------------------------------------
    "cli.help.final": {
        "es": "el informe de cierre del ciclo (estado al fin del plan) en lugar del mensual",
        "en": "the end-of-cycle report (state as of the plan's end) instead of the monthly one",
    },
    "final.cli.month_or_final": {
        "es": "indique --month AAAA-MM (informe mensual) o --final (informe de cierre)",
        "en": "give --month YYYY-MM (monthly report) or --final (end-of-cycle report)",
    },
    "final.cli.both": {
        "es": "--month y --final no van juntos: el informe de cierre es el del fin del plan",
        "en": "--month and --final do not go together: the end-of-cycle report is as of the "
        "plan's end",
    },
    "final.cli.not_ended": {
        "es": "Aviso: el plan aún no ha terminado (fin: {date}); el informe de cierre lee el "
        "estado de hoy.",
        "en": "Note: the plan has not ended yet (end: {date}); the end-of-cycle report reads "
        "today's state.",
    },
}

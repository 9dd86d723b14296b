"""Strings of the comparison of two plans (issue 9 §4): the Comparar page and its charts.

One catalogue of planmonitor.i18n (key -> {"es": …, "en": …}).
"""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "page.comparar": {"es": "Comparar planes", "en": "Compare plans"},
    "compare.one_plan": {
        "es": "Hay un solo plan en el almacén: no hay otro con el que compararlo. Cuando se "
        "cargue el plan de otro ciclo o de otra red, esta página los mostrará lado a lado.",
        "en": "The store holds only one plan: there is no other to compare it with. Once the "
        "plan of another cycle or another network is uploaded, this page shows them side by "
        "side.",
    },
    "compare.plan_a": {"es": "Plan A", "en": "Plan A"},
    "compare.plan_b": {"es": "Plan B (comparar con)", "en": "Plan B (compare with)"},
    "compare.unknown": {
        "es": "No existe el plan «{plan}» en el almacén; se compara con «{shown}».",
        "en": "There is no plan «{plan}» in the store; the comparison is with «{shown}».",
    },
    "compare.legend": {"es": "**A**: {a} · **B**: {b}", "en": "**A**: {a} · **B**: {b}"},
    "compare.as_of": {
        "es": "A se lee al {a}, B al {b}: un plan finalizado se lee tal como terminó. Los "
        "filtros de la barra lateral no se aplican aquí: se comparan los planes completos.",
        "en": "A is read as of {a}, B as of {b}: a plan that has ended is read as it finished. "
        "The sidebar filters do not apply here: the whole plans are compared.",
    },
    "compare.summary": {"es": "En cifras", "en": "In figures"},
    "compare.metric.products": {"es": "Productos", "en": "Products"},
    "compare.metric.objectives": {"es": "Objetivos", "en": "Objectives"},
    "compare.metric.completed": {"es": "Productos completados", "en": "Products completed"},
    "compare.metric.completed_share": {
        "es": "Completados (% de los productos)",
        "en": "Completed (% of the products)",
    },
    "compare.metric.completion": {
        "es": "Avance medio (sin cancelados)",
        "en": "Mean progress (cancelled left out)",
    },
    "compare.metric.gcm_specific": {
        "es": "Objetivos del PMM con vínculo específico",
        "en": "GCM objectives with a specific link",
    },
    "compare.metric.gcm_only_all": {
        "es": "Objetivos del PMM solo por «Todos»",
        "en": "GCM objectives only through «All»",
    },
    "compare.objectives": {"es": "Productos por objetivo", "en": "Products per objective"},
    "compare.objectives.note": {
        "es": "Los objetivos se emparejan por su código y los nombres de ambos planes van lado a "
        "lado: en otro ciclo, un mismo código puede nombrar otro objetivo.",
        "en": "Objectives are matched by their code, with both plans' names side by side: in "
        "another cycle the same code may name another objective.",
    },
    "compare.agencies": {"es": "Productos por agencia", "en": "Products per agency"},
    "compare.agencies.note": {
        "es": "Como líder o como socia; cuando un producto nombra al Comité Ejecutivo, cada "
        "miembro del comité de ese plan cuenta el producto una vez.",
        "en": "As lead or as partner; when a product names the Executive Committee, each member "
        "of that plan's committee counts the product once.",
    },
    "compare.gcm": {"es": "Objetivos del PMM", "en": "GCM objectives"},
    "compare.gcm.note": {
        "es": "Un objetivo está cubierto cuando algún producto lo nombra; los productos "
        "vinculados a «Todos» se cuentan aparte y no cubren ningún objetivo.",
        "en": "An objective is covered when a product names it; products linked to «All» are "
        "counted apart and cover no objective.",
    },
    "compare.gcm.gained": {
        "es": "Ganados ({later} los cubre y {earlier} no): {numbers}",
        "en": "Gained (covered by {later}, not by {earlier}): {numbers}",
    },
    "compare.gcm.lost": {
        "es": "Perdidos ({earlier} los cubría y {later} no): {numbers}",
        "en": "Lost (covered by {earlier}, not by {later}): {numbers}",
    },
    "compare.gcm.both": {"es": "En ambos: {numbers}", "en": "In both: {numbers}"},
    "compare.gcm.none_word": {"es": "ninguno", "en": "none"},
    "compare.coverage.both": {"es": "Ambos", "en": "Both"},
    "compare.coverage.a": {"es": "Solo A", "en": "A only"},
    "compare.coverage.b": {"es": "Solo B", "en": "B only"},
    "compare.coverage.none": {"es": "Ninguno", "en": "Neither"},
    "compare.status": {"es": "Avance por estado", "en": "Progress by status"},
    "compare.table": {
        "es": "Los datos del gráfico en una tabla",
        "en": "The chart's data as a table",
    },
    "compare.col.metric": {"es": "Indicador", "en": "Measure"},
    "compare.col.code": {"es": "Código", "en": "Code"},
    "compare.col.name_a": {"es": "Nombre en A", "en": "Name in A"},
    "compare.col.name_b": {"es": "Nombre en B", "en": "Name in B"},
    "compare.col.same_name": {"es": "Mismo nombre", "en": "Same name"},
    "compare.col.products_a": {"es": "Productos A", "en": "Products A"},
    "compare.col.products_b": {"es": "Productos B", "en": "Products B"},
    "compare.col.delta": {"es": "Diferencia (B − A)", "en": "Difference (B − A)"},
    "compare.col.completion_a": {"es": "Avance medio A", "en": "Mean progress A"},
    "compare.col.completion_b": {"es": "Avance medio B", "en": "Mean progress B"},
    "compare.col.agency": {"es": "Agencia", "en": "Agency"},
    "compare.col.lead_a": {"es": "Líder A", "en": "Lead A"},
    "compare.col.partner_a": {"es": "Socia A", "en": "Partner A"},
    "compare.col.total_a": {"es": "Total A", "en": "Total A"},
    "compare.col.lead_b": {"es": "Líder B", "en": "Lead B"},
    "compare.col.partner_b": {"es": "Socia B", "en": "Partner B"},
    "compare.col.total_b": {"es": "Total B", "en": "Total B"},
    "compare.col.gcm": {"es": "Objetivo del PMM", "en": "GCM objective"},
    "compare.col.n_specific_a": {"es": "Vínculos A", "en": "Links A"},
    "compare.col.n_all_a": {"es": "«Todos» A", "en": "«All» A"},
    "compare.col.n_specific_b": {"es": "Vínculos B", "en": "Links B"},
    "compare.col.n_all_b": {"es": "«Todos» B", "en": "«All» B"},
    "compare.col.coverage": {"es": "Cubierto por", "en": "Covered by"},
    "compare.col.status": {"es": "Estado", "en": "Status"},
    "compare.col.count_a": {"es": "Productos A", "en": "Products A"},
    "compare.col.share_a": {"es": "% de A", "en": "% of A"},
    "compare.col.count_b": {"es": "Productos B", "en": "Products B"},
    "compare.col.share_b": {"es": "% de B", "en": "% of B"},
    "compare.col.a": {"es": "A", "en": "A"},
    "compare.col.b": {"es": "B", "en": "B"},
    "chart.compare.objectives": {
        "es": "Productos por objetivo",
        "en": "Products per objective",
    },
    "chart.compare.agencies": {
        "es": "Productos por agencia (líder o socia)",
        "en": "Products per agency (lead or partner)",
    },
    "chart.compare.status": {
        "es": "Productos por estado (% de cada plan)",
        "en": "Products per status (% of each plan)",
    },
    "chart.compare.share": {"es": "% de los productos del plan", "en": "% of the plan's products"},
    "chart.compare.hover": {"es": "{plan}: {value}", "en": "{plan}: {value}"},
}

"""Strings of several plans in one store (issue 9): where an upload goes, the plans' list on
the command line, an unknown plan.

One catalogue of planmonitor.i18n (key -> {"es": …, "en": …}).
"""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "lineage.from": {
        "es": "Continúa un producto de un ciclo anterior: {items}",
        "en": "Continues a product of an earlier cycle: {items}",
    },
    "lineage.to": {
        "es": "Continúa en un ciclo posterior: {items}",
        "en": "Continued in a later cycle: {items}",
    },
    "store.target.create": {
        "es": "Se creará el plan nuevo «{plan}» ({plan_id}).",
        "en": "The new plan «{plan}» ({plan_id}) will be created.",
    },
    "store.target.update": {
        "es": "Se actualizará el plan «{plan}» ({plan_id}).",
        "en": "The plan «{plan}» ({plan_id}) will be updated.",
    },
    "store.target.declare": {
        "es": "Se actualizará el plan ({plan_id}), que aún no tenía hoja «Plan»: pasa a ser "
        "«{plan}» ({new_id}).",
        "en": "The plan ({plan_id}), which had no «Plan» sheet yet, will be updated: it becomes "
        "«{plan}» ({new_id}).",
    },
    "upload.preview_new_plan": {
        "es": "Vista previa del plan nuevo",
        "en": "Preview of the new plan",
    },
    "store.err.unknown_plan": {
        "es": "No existe el plan «{plan}» en el almacén (vea «plans»).",
        "en": "There is no plan «{plan}» in the store (see «plans»).",
    },
    "cli.plans.help": {"es": "lista los planes del almacén", "en": "list the store's plans"},
    "cli.plans.description": {
        "es": "Lista cada plan del almacén: código, título, red, período, versión actual, número "
        "de versiones y si terminó. El plan por defecto (el que está en curso hoy, si no el más "
        "reciente) va marcado con «*» en la primera columna.",
        "en": "List every plan of the store: code, title, network, period, current version, "
        "number of versions and whether it has ended. The default plan (the one under way "
        "today, else the most recent) is marked «*» in the first column.",
    },
    "cli.help.plan": {
        "es": "el código del plan (por defecto el que está en curso hoy, si no el más "
        "reciente; vea «plans»)",
        "en": "the plan's code (by default the one under way today, else the most recent; "
        "see «plans»)",
    },
    "cli.metavar.plan_id": {"es": "CÓDIGO", "en": "CODE"},
    "cli.plans.none": {"es": "El almacén no tiene planes.", "en": "The store holds no plans."},
    "plans.col.default": {"es": "Por defecto", "en": "Default"},
    "plans.col.plan_id": {"es": "Código", "en": "Code"},
    "plans.col.title": {"es": "Título", "en": "Title"},
    "plans.col.network": {"es": "Red", "en": "Network"},
    "plans.col.period": {"es": "Período", "en": "Period"},
    "plans.col.current": {"es": "Versión actual", "en": "Current version"},
    "plans.col.versions": {"es": "Versiones", "en": "Versions"},
    "plans.col.state": {"es": "Estado", "en": "State"},
    "plans.state.closed": {"es": "finalizado", "en": "ended"},
    "plans.state.open": {"es": "en curso", "en": "under way"},
    "plans.state.upcoming": {"es": "por empezar", "en": "not started"},
    "cli.help.carry_over": {
        "es": "la plantilla del plan siguiente, con los productos sin terminar (ni «Completado» "
        "ni «Cancelado») del plan de --plan y un «Plan anterior» que lo nombra; título, red y "
        "período quedan por completar",
        "en": "the next plan's template, with the unfinished products (neither «Completado» nor "
        "«Cancelado») of the --plan plan and a «Plan anterior» naming it; title, network and "
        "period are left to fill in",
    },
    "cli.template_carried": {
        "es": "Plantilla del plan siguiente escrita en {path}: {n} productos sin terminar de "
        "«{plan}» ({plan_id}). Complete en la hoja «Plan» el título, la red y el período.",
        "en": "Template of the next plan written to {path}: {n} unfinished products of "
        "«{plan}» ({plan_id}). Fill in the title, network and period in the «Plan» sheet.",
    },
    "upload.template_carry_over": {
        "es": "Plantilla del plan siguiente (productos sin terminar)",
        "en": "Template of the next plan (unfinished products)",
    },
    "plans.select": {"es": "Plan", "en": "Plan"},
    "plans.unknown": {
        "es": "No existe el plan «{plan}» en este tablero; se muestra «{shown}».",
        "en": "There is no plan «{plan}» on this dashboard; showing «{shown}».",
    },
}

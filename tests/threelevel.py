"""A three-level English plan built by code (issue 9, plans-as-data.md §5): working groups as
objectives, no strategies, activities naming their objective, statuses in the plan's words
(Yet to start / Ongoing / Completed), IOM both secretariat and committee member, non-UN
members without a Spanish name. Fictitious: a test plan, never presented as real."""

from __future__ import annotations

from factory import make_workbook

TODAY = "2025-06-15"

SHEETS: dict[str, list[list]] = {
    "Plan": [
        ["Clave", "Valor"],
        ["Title", "Test workplan 2025-2026"],
        ["Network", "Test network on migration"],
        ["Region", "Test region"],
        ["Start", "2025"],
        ["End", "2026"],
        ["Language", "English"],
        ["Level 1", "Working group"],
        ["Fictitious data", "Sí"],
    ],
    "Objetivos": [
        ["Código", "Nombre"],
        ["WG1", "Working group 1: data and evidence"],
        ["WG2", "Working group 2: regular pathways"],
    ],
    "Actividades": [
        ["Código", "Objetivo", "Nombre"],
        ["WG1.1", "WG1", "Map the data sources"],
        ["WG1.2", "WG1", "Train the focal points"],
        ["WG2.1", "WG2", "Review the pathways"],
    ],
    "Productos": [
        ["Código", "Actividad", "Nombre", "Líderes", "Socios", "Inicio", "Fin"],
        ["WG1.1-1", "WG1.1", "Data source map", "IOM, OECD", "UNDP", "2025-T1", "2025-T4"],
        ["WG1.2-1", "WG1.2", "Training", "IOM", "Comité Ejecutivo", "2025-T3", "2026-T2"],
        ["WG2.1-1", "WG2.1", "Pathways review", "UNHCR", "MADE", "", ""],
    ],
    "Agencias": [
        ["Sigla", "Nombre", "Nombre (inglés)", "Sigla (inglés)", "Rol", "Alias"],
        ["IOM", "", "International Organization for Migration", "IOM",
         "Coordinación y Secretaría, Comité Ejecutivo", ""],
        ["UNDP", "", "United Nations Development Programme", "UNDP", "Comité Ejecutivo", ""],
        ["UNHCR", "", "Office of the UN High Commissioner for Refugees", "UNHCR", "Miembro", ""],
        ["OECD", "", "Organisation for Economic Co-operation and Development", "", "Miembro", ""],
        ["MADE", "", "", "", "Miembro", ""],
    ],
    "Avances": [
        ["Fecha", "Producto", "Estado", "Porcentaje", "Comentario"],
        ["2025-03-01", "WG1.1-1", "Ongoing", 40, "Half of the sources mapped"],
        ["2025-05-20", "WG1.1-1", "Completed", 100, "Map published"],
        ["2025-04-10", "WG1.2-1", "Yet to start", 0, ""],
        ["2025-05-02", "WG2.1-1", "Ongoing", 20, ""],
    ],
}  # fmt: skip


def workbook() -> bytes:
    return make_workbook({k: [list(r) for r in v] for k, v in SHEETS.items()})

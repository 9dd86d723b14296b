"""A small workbook factory for tests: workbooks are built in code, never stored as binaries.

`valid_sheets()` returns the rows (header first) of a minimal valid plan; tests copy it, break
one thing, and `make_workbook()` turns it into .xlsx bytes with openpyxl. In a sheet without
title rows, data row i (0-based, after the header) is Excel row i + 2.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import re
import zipfile

import openpyxl
import pandas as pd

# A fixed "today" so that the future-date warning does not depend on the clock.
TODAY = pd.Timestamp("2025-01-15")

AGENCIES_HEADER = ["Sigla", "Nombre", "Nombre (inglés)", "Sigla (inglés)", "Rol", "Alias"]
AGENCIES = [
    [
        "OIM",
        "Organización Internacional para las Migraciones",
        "International Organization for Migration",
        "IOM",
        "Coordinación y Secretaría",
        "IOM",
    ],
    [
        "OCR",
        "Oficina del Coordinador Residente",
        "Resident Coordinator Office",
        "RCO",
        "Comité Ejecutivo",
        "RCO",
    ],
    [
        "PNUD",
        "Programa de las Naciones Unidas para el Desarrollo",
        "United Nations Development Programme",
        "UNDP",
        "Comité Ejecutivo",
        "UNDP",
    ],
    [
        "OIT",
        "Organización Internacional del Trabajo",
        "International Labour Organization",
        "ILO",
        "Comité Ejecutivo",
        "ILO",
    ],
    [
        "ACNUR",
        "Oficina del Alto Comisionado de las Naciones Unidas para los Refugiados",
        "Office of the United Nations High Commissioner for Refugees",
        "UNHCR",
        "Comité Ejecutivo",
        "UNHCR",
    ],
    [
        "UNODC",
        "Oficina de Naciones Unidas contra la Droga y el Delito",
        "United Nations Office on Drugs and Crime",
        "UNODC",
        "Comité Ejecutivo",
        "",
    ],
    [
        "UNESCO",
        "Organización de las Naciones Unidas para la Educación, la Ciencia y la Cultura",
        "United Nations Educational, Scientific and Cultural Organization",
        "UNESCO",
        "Miembro",
        "",
    ],
    [
        "ONU Mujeres",
        "Entidad de las Naciones Unidas para la Igualdad de Género y el "
        "Empoderamiento de las Mujeres",
        "UN Women",
        "UN Women",
        "Miembro",
        "UN Women",
    ],
    [
        "ONUSIDA",
        "Programa Conjunto de las Naciones Unidas sobre el VIH/sida",
        "Joint United Nations Programme on HIV/AIDS",
        "UNAIDS",
        "Miembro",
        "UNAIDS, UNUSIDA",
    ],
    [
        "FAO",
        "Organización de las Naciones Unidas para la Alimentación y la Agricultura",
        "Food and Agriculture Organization of the United Nations",
        "FAO",
        "Miembro",
        "",
    ],
    [
        "UNFPA",
        "Fondo de Población de las Naciones Unidas",
        "United Nations Population Fund",
        "UNFPA",
        "Miembro",
        "",
    ],
    [
        "UNICEF",
        "Fondo de las Naciones Unidas para la Infancia",
        "United Nations Children's Fund",
        "UNICEF",
        "Miembro",
        "",
    ],
    ["WFP", "Programa Mundial de Alimentos", "World Food Programme", "WFP", "Miembro", "PMA"],
    [
        "OACNUDH",
        "Oficina del Alto Comisionado de las Naciones Unidas para los Derechos Humanos",
        "Office of the United Nations High Commissioner for Human Rights",
        "OHCHR",
        "Miembro",
        "OHCHR",
    ],
]


def valid_sheets() -> dict[str, list[list]]:
    """A minimal valid plan (all sheets); a fresh deep copy on every call."""
    sheets: dict[str, list[list]] = {
        "Objetivos": [
            ["Código", "Nombre"],
            ["1", "Brindar asistencia técnica al Estado peruano"],
            ["2", "Gestionar información para la toma de decisiones"],
        ],
        "Estrategias": [
            ["Código", "Objetivo", "Nombre"],
            ["1.1", "1", "Otorgar asistencia especializada"],
            ["2.1", "2", "Diseñar una estrategia de comunicación"],
        ],
        "Actividades": [
            ["Código", "Estrategia", "Nombre"],
            ["1.1.1", "1.1", "Identificar oportunidades de asistencia técnica"],
            ["2.1.1", "2.1", "Campaña de comunicación"],
        ],
        "Productos": [
            [
                "Código",
                "Actividad",
                "Nombre",
                "Líderes",
                "Socios",
                "Inicio",
                "Fin",
                "Fechas interpretadas",
                "Objetivos PMM",
                "Línea temporal (plan)",
                "Notas",
            ],
            [
                "1.1.1-1",
                "1.1.1",
                "Diálogo de expertos",
                "OIM, PNUD",
                "UNODC, ACNUR",
                "2023-T2",
                "2024-T4",
                "Sí",
                "1, 3, 23",
                "2023 T2 2023 2024",
                "",
            ],
            [
                "1.1.1-2",
                "1.1.1",
                "Informe técnico",
                "OIT",
                "Comité Ejecutivo",
                "2023-03-15",
                "31/12/2023",
                "No",
                "",
                "",
                "una nota",
            ],
            ["2.1.1-1", "2.1.1", "Semana de la Migración", "OIM", "", "", "", "", "Todos", "", ""],
        ],
        "Agencias": [AGENCIES_HEADER, *[list(a) for a in AGENCIES]],
        "Avances": [
            [
                "Fecha",
                "Producto",
                "Estado",
                "Porcentaje",
                "Comentario",
                "Reportado por",
                "Evidencia",
            ],
            [
                dt.datetime(2023, 9, 30),
                "1.1.1-1",
                "En curso",
                40,
                "Primer diálogo",
                "OIM",
                "https://example.org/acta.pdf",
            ],
            [dt.datetime(2023, 6, 30), "1.1.1-1", "No iniciado", 0, "", "OIM", ""],
            [dt.datetime(2023, 12, 15), "1.1.1-2", "Completado", 100, "Publicado", "OIT", ""],
        ],
        "Metadatos": [
            ["Clave", "Valor"],
            ["fuente", "pruebas"],
        ],
    }
    return copy.deepcopy(sheets)


def progress_only(rows: list[list] | None = None) -> dict[str, list[list]]:
    """A partial workbook: only «Avances» (the header plus `rows`)."""
    header = valid_sheets()["Avances"][0]
    return {"Avances": [header, *(rows or [])]}


def make_workbook(
    sheets: dict[str, list[list]],
    title_rows: dict[str, list[str]] | None = None,
    formatted_empty_rows: dict[str, int] | None = None,
) -> bytes:
    """.xlsx bytes with one sheet per entry; `title_rows` go above a sheet's header.

    `formatted_empty_rows` adds, per sheet, that many empty-but-formatted rows below its data
    (what Excel leaves behind when someone formats a whole column).
    """
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for title in (title_rows or {}).get(name, []):
            ws.append([title])
        for row in rows:
            ws.append(row)
        n_formatted = (formatted_empty_rows or {}).get(name, 0)
        if n_formatted:
            bold = openpyxl.styles.Font(bold=True)
            first = ws.max_row + 1
            for r in range(first, first + n_formatted):
                for c in range(1, 3):
                    ws.cell(r, c).font = bold
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def rewrite_members(data: bytes, change: dict[str, bytes | None]) -> bytes:
    """A copy of a zip with some members replaced (bytes), dropped (None) or added."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename in change:
                continue
            dst.writestr(info.filename, src.read(info.filename))
        for name, content in change.items():
            if content is not None:
                dst.writestr(name, content)
    return out.getvalue()


def sheet_member(data: bytes, sheet_title: str) -> str:
    """The zip member holding a sheet (openpyxl writes them in creation order)."""
    wb = openpyxl.load_workbook(io.BytesIO(data))
    return f"xl/worksheets/sheet{wb.sheetnames.index(sheet_title) + 1}.xml"


def with_cached_values(data: bytes, sheet_title: str, values: dict[str, object]) -> bytes:
    """Give formula cells a cached value, as Excel does when it saves (openpyxl cannot)."""
    member = sheet_member(data, sheet_title)
    xml = zipfile.ZipFile(io.BytesIO(data)).read(member).decode("utf-8")
    for ref, value in values.items():
        pattern = re.compile(rf'<c r="{ref}"([^>]*)><f>(.*?)</f><v ?/></c>')
        kind = ' t="str"' if isinstance(value, str) else ""
        xml, n = pattern.subn(
            lambda m, v=value, k=kind, r=ref: f'<c r="{r}"{m[1]}{k}><f>{m[2]}</f><v>{v}</v></c>',
            xml,
        )
        assert n == 1, f"no formula cell {ref}"
    return rewrite_members(data, {member: xml.encode("utf-8")})

"""Shared helpers of the AppTests (a uniquely named module: several conftest.py exist)."""

from __future__ import annotations

import dataclasses
import re
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))

from planfactory import make_plan, product, report  # noqa: E402

from planmonitor import model  # noqa: E402

ENTRY = str(ROOT / "dashboard.py")
PAGES = ("resumen", "cronograma", "carga", "cobertura", "avance", "calidad")


def small_plan(example: bool = True) -> model.Plan:
    """Eight products over the three objectives: every status, a committee partner, a product
    without dates, one without lead, specific and "Todos" GCM links."""
    products = [
        product(
            "1.1.1-1",
            "Diálogo de expertos",
            leads=["OIM"],
            partners=["PNUD"],
            start="2023-04-01",
            end="2023-12-31",
            gcm=[1, 3],
        ),
        product(
            "1.1.1-2",
            "Guía de inclusión",
            leads=["PNUD", "OIT"],
            partners=[model.COMMITTEE],
            start="2023-07-01",
            end="2024-06-30",
            gcm=[6],
        ),
        product(
            "2.1.1-1",
            "Estrategia de comunicación",
            leads=["OCR"],
            partners=["OIM"],
            start="2023-01-01",
            end="2024-12-31",
            gcm_all=True,
        ),
        product(
            "2.2.1-1",
            "Boletín de datos <b>migratorios</b>",
            leads=["OIM"],
            partners=["ACNUR", "UNODC"],
            start="2024-01-01",
            end="2024-12-31",
            gcm=[1],
        ),
        product("2.3.1-1", "Foro anual", leads=["ACNUR"], partners=[], gcm=[16]),
        product(
            "3.1.1-1",
            "Informe país PMM",
            leads=[],
            partners=["OIM"],
            start="2023-10-01",
            end="2024-03-31",
            gcm=[23],
        ),
        product(
            "3.2.2-1",
            "Red de empresas",
            leads=["OIT"],
            partners=["OIM", "PNUD"],
            start="2024-04-01",
            end="2024-12-31",
            gcm=[6, 18],
        ),
        product(
            "3.2.2-2",
            "Talleres con gobiernos locales",
            leads=["UNODC"],
            partners=["OIM"],
            start="2023-01-01",
            end="2023-06-30",
            gcm=[10],
        ),
    ]
    progress = [
        report("2023-06-30", "1.1.1-1", "En curso", 40, "Primer diálogo", "OIM"),
        report(
            "2023-12-15",
            "1.1.1-1",
            "Completado",
            100,
            "Cerrado",
            "OIM",
            "https://example.org/acta.pdf",
        ),
        report("2023-09-30", "1.1.1-2", "En curso", 30, '=HYPERLINK("x")', "PNUD"),
        report("2024-03-31", "2.1.1-1", "Retrasado", 20, "Sin fondos", "OCR"),
        report("2023-03-31", "3.2.2-2", "No iniciado", 0, "", "UNODC"),
        report("2024-02-28", "3.1.1-1", "Cancelado", 10, "Reprogramado", "OIM"),
    ]
    plan = make_plan(products, progress)
    meta = {model.META_EXAMPLE_KEY: "Sí"} if example else {}
    return dataclasses.replace(plan, meta=meta)


def sample_issues() -> pd.DataFrame:
    return pd.DataFrame(
        [
            [
                "Productos",
                7,
                "Inicio",
                "date_format",
                "warning",
                "pronto",
                "Fecha no reconocida",
                "Date not recognised",
            ]
        ],
        columns=model.ISSUE_COLUMNS,
    )


_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")


def plain(source: str) -> str:
    """What a Markdown element reads on screen: its source with the backslash escapes of
    ui.safe.md resolved (AppTest gives the source; workbook text in it is escaped)."""
    return _ESCAPED.sub(r"\1", source).replace("\u2060", "")  # and its invisible joiners


def page_path(name: str) -> str:
    return f"pages/{name}.py"

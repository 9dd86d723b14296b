"""Shared helpers of the AppTests (a uniquely named module: several conftest.py exist)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))

from planmonitor import model  # noqa: E402

ENTRY = str(ROOT / "dashboard.py")
PAGES = ("resumen", "cronograma", "carga", "cobertura", "avance", "calidad")


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

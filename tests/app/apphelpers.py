"""Shared helpers of the AppTests (a uniquely named module: several conftest.py exist)."""

from __future__ import annotations

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


def page_path(name: str) -> str:
    return f"pages/{name}.py"

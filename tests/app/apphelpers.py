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


def closed_banner(app) -> list[str]:
    """The frame's «Plan finalizado el …» banner(s) drawn (issue 9)."""
    return [i.value for i in app.info if i.value.startswith(("Plan finalizado", "Plan ended"))]


def infos(app) -> list[str]:
    """The page's own info boxes: every st.info but the closed-plan banner. The plans of the
    AppTests end on 31 Dec 2024, so today every page of theirs shows that banner first."""
    banner = set(closed_banner(app))
    return [i.value for i in app.info if i.value not in banner]


def page_path(name: str) -> str:
    return f"pages/{name}.py"

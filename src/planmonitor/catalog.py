"""The 23 objectives of the Global Compact for Migration (GCM / PMM).

A workbook may carry its own «ObjetivosPMM» sheet; when it does not, this built-in catalog is
used. The facts live in data/source/gcm_objectives.csv (UN resolution A/RES/73/195).
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

import pandas as pd

from planmonitor.model import GCM_COLUMNS

CATALOG_CSV = Path(__file__).resolve().parents[2] / "data" / "source" / "gcm_objectives.csv"
GCM_COUNT = 23


@cache
def _rows() -> tuple[tuple[int, str, str, str], ...]:
    with CATALOG_CSV.open(encoding="utf-8", newline="") as fh:
        return tuple(
            (int(r["number"]), r["label_es_plan"], r["label_es_network"], r["title_en"])
            for r in csv.DictReader(fh)
        )


def gcm_catalog() -> pd.DataFrame:
    """number (int 1..23), label_plan, label_es, title_en; a fresh copy on every call."""
    rows = _rows()
    df = pd.DataFrame(rows, columns=GCM_COLUMNS)
    return df.astype({"number": "int64", "label_plan": str, "label_es": str, "title_en": str})

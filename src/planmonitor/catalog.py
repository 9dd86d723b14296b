"""The catalogues bundled with the application, read from data/source/.

- The 23 objectives of the Global Compact for Migration (GCM / PMM): a workbook may carry its
  own «ObjetivosPMM» sheet; when it does not, this built-in catalog is used. The facts live in
  data/source/gcm_objectives.csv (UN resolution A/RES/73/195).
- The network's agencies (data/source/agencies.toml, the source of the bundled plan's
  «Agencias» sheet), for what builds plans without a workbook (synth).
"""

from __future__ import annotations

import csv
import tomllib
from functools import cache
from pathlib import Path

import pandas as pd

from planmonitor.model import GCM_COLUMNS

SOURCE_DIR = Path(__file__).resolve().parents[2] / "data" / "source"
CATALOG_CSV = SOURCE_DIR / "gcm_objectives.csv"
AGENCIES_TOML = SOURCE_DIR / "agencies.toml"
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


@cache
def _agencies() -> tuple[tuple[str, str, str, str, str, tuple[str, ...]], ...]:
    records = tomllib.loads(AGENCIES_TOML.read_text(encoding="utf-8"))["agencies"]
    return tuple(
        (
            r["acronym"],
            r["name_es"],
            r.get("name_en", ""),
            r.get("acronym_en", ""),
            r["role"],
            tuple(r.get("aliases", ())),
        )
        for r in records
    )


def agency_rows() -> list[list[str]]:
    """The «Agencias» sheet's rows (no header): acronym, name, English name, English acronym,
    role, aliases separated by commas; a fresh copy on every call."""
    return [[*a[:5], ", ".join(a[5])] for a in _agencies()]


@cache
def english_acronyms() -> dict[str, str]:
    """The English acronym of each catalogued agency ("OIM" -> "IOM"), from agencies.toml:
    what agency_label falls back on when a plan's «Agencias» table gives none."""
    return {a[0]: a[3] for a in _agencies() if a[3]}

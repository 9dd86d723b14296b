"""Build the bundled workbooks from the reviewable sources in data/source/ (`make data`).

- data/plan-de-trabajo-2023-2024.xlsx: the plan as transcribed in data/source/plan.toml and
  data/source/agencies.toml, its «Plan» sheet (the plan's description of itself, plan.toml's
  `[[plan]]` rows), the GCM catalog (data/source/gcm_objectives.csv) and a Metadatos
  sheet. It has NO Avances sheet on purpose: the real progress log is uploaded separately, and
  the loader gives a plan without one an empty log.
- data/avances-ejemplo.xlsx: the FICTITIOUS example progress log of
  data/source/avances-ejemplo.toml, with a warning title row above the Avances header and
  `datos_ficticios = Sí` in Metadatos.

The output is deterministic (see planmonitor.export), so tests/test_default_data.py can check
that the committed workbooks are what this script builds now.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import sys
import tomllib
from pathlib import Path
from typing import Any

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from planmonitor import model  # noqa: E402
from planmonitor.output import export  # noqa: E402

DATA_DIR = ROOT / "data"
SOURCE_DIR = DATA_DIR / "source"
PLAN_FILE = "plan-de-trabajo-2023-2024.xlsx"
EXAMPLE_FILE = "avances-ejemplo.xlsx"

# gcm_objectives.csv column -> ObjetivosPMM header (the reference file's names or the model's).
_GCM_COLUMNS = {
    "number": "Número",
    "label_es_plan": "Etiqueta (plan)",
    "label_plan": "Etiqueta (plan)",
    "label_es_network": "Etiqueta",
    "label_es": "Etiqueta",
    "title_en": "Título (inglés)",
}


def _load_toml(path: Path) -> dict[str, Any]:
    with path.open("rb") as fh:
        return tomllib.load(fh)


def _frame(sheet: model.Sheet, rows: list[dict[str, Any]]) -> pd.DataFrame:
    """Rows keyed by Spanish header -> DataFrame with exactly the sheet's headers, in order."""
    return pd.DataFrame(
        {h: pd.Series([r.get(h, "") for r in rows], dtype=object) for h in sheet.headers}
    )


def plan_sheets(source: Path = SOURCE_DIR) -> dict[str, pd.DataFrame]:
    """The plan workbook's sheets, from plan.toml, agencies.toml and gcm_objectives.csv."""
    plan = _load_toml(source / "plan.toml")
    agencies = _load_toml(source / "agencies.toml")["agencies"]

    objectives = [{"Código": o["code"], "Nombre": o["name"]} for o in plan["objectives"]]
    strategies = [
        {"Código": s["code"], "Objetivo": s["objective"], "Nombre": s["name"]}
        for s in plan["strategies"]
    ]
    activities = [
        {"Código": a["code"], "Estrategia": a["strategy"], "Nombre": a["name"]}
        for a in plan["activities"]
    ]
    products = [
        {
            "Código": p["code"],
            "Actividad": p["activity"],
            "Nombre": p["name"],
            "Líderes": p.get("leads", ""),
            "Socios": p.get("partners", ""),
            "Inicio": p.get("start", ""),
            "Fin": p.get("end", ""),
            "Fechas interpretadas": export.YES if p.get("dates_interpreted") else "",
            "Objetivos PMM": p.get("gcm", ""),
            "Línea temporal (plan)": p.get("timeline", ""),
            "Notas": p.get("notes", ""),
        }
        for p in plan["products"]
    ]
    agency_rows = [
        {
            "Sigla": a["acronym"],
            "Nombre": a["name_es"],
            "Nombre (inglés)": a["name_en"],
            "Sigla (inglés)": a["acronym_en"],
            "Rol": a["role"],
            "Alias": export.LIST_SEPARATOR.join(a.get("aliases", [])),
        }
        for a in agencies
    ]
    # The plan's description of itself (issue 9): the «Plan» sheet, first in the workbook.
    plan_rows = [{"Clave": k["key"], "Valor": k["value"]} for k in plan["plan"]]
    meta = [{"Clave": m["key"], "Valor": m["value"]} for m in plan["meta"]]
    # The other wordings of objectives and strategies (table of contents, list of objectives).
    meta += [
        {"Clave": f"otras_redacciones_objetivo_{o['code']}", "Valor": o["notes"]}
        for o in plan["objectives"]
        if o.get("notes")
    ]
    meta += [
        {"Clave": f"otras_redacciones_estrategia_{s['code']}", "Valor": s["notes"]}
        for s in plan["strategies"]
        if s.get("notes")
    ]
    return {
        model.PLAN_SHEET.name: _frame(model.PLAN_SHEET, plan_rows),
        model.OBJECTIVES.name: _frame(model.OBJECTIVES, objectives),
        model.STRATEGIES.name: _frame(model.STRATEGIES, strategies),
        # The plan has strategies: its activities name them (no «Objetivo» column).
        model.ACTIVITIES.name: _frame(model.ACTIVITIES, activities).drop(columns=["Objetivo"]),
        # A first plan: no product continues an earlier one (no «Continúa» column).
        model.PRODUCTS.name: _frame(model.PRODUCTS, products).drop(columns=["Continúa"]),
        model.AGENCIES.name: _frame(model.AGENCIES, agency_rows),
        model.GCM.name: gcm_sheet(source / "gcm_objectives.csv"),
        model.META.name: _frame(model.META, meta),
    }


def gcm_sheet(path: Path) -> pd.DataFrame:
    """The ObjetivosPMM sheet from the catalog CSV."""
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    out = [
        {
            _GCM_COLUMNS[k]: (int(v) if k == "number" else v)
            for k, v in r.items()
            if k in _GCM_COLUMNS
        }
        for r in rows
    ]
    return _frame(model.GCM, out)


def example_sheets(source: Path = SOURCE_DIR) -> tuple[dict[str, pd.DataFrame], list[str]]:
    """The example progress log's sheets and the warning title row of Avances."""
    data = _load_toml(source / "avances-ejemplo.toml")
    order = {p["code"]: i for i, p in enumerate(_load_toml(source / "plan.toml")["products"])}
    rows = []
    for entry in data["entries"]:
        for r in entry["reports"]:
            rows.append(
                {
                    "Fecha": dt.datetime.combine(r["date"], dt.time()),
                    "Producto": entry["product"],
                    "Estado": r["status"],
                    "Porcentaje": r["percent"],
                    "Comentario": r.get("comment", ""),
                    "Reportado por": r.get("reported_by", ""),
                    "Evidencia": r.get("evidence", ""),
                }
            )
    rows.sort(key=lambda r: (r["Fecha"], order[r["Producto"]]))
    meta = [{"Clave": m["key"], "Valor": m["value"]} for m in data["meta"]]
    sheets = {
        model.PROGRESS.name: _frame(model.PROGRESS, rows),
        model.META.name: _frame(model.META, meta),
    }
    return sheets, [data["title"]]


def build(source: Path = SOURCE_DIR) -> dict[str, bytes]:
    """File name -> xlsx bytes of both bundled workbooks."""
    example, title = example_sheets(source)
    return {
        PLAN_FILE: export.write_workbook(plan_sheets(source)),
        EXAMPLE_FILE: export.write_workbook(example, title_rows={model.PROGRESS.name: title}),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=SOURCE_DIR)
    parser.add_argument("--out", type=Path, default=DATA_DIR)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for name, data in build(args.source).items():
        (args.out / name).write_bytes(data)
        print(f"{args.out / name} ({len(data)} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

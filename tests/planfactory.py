"""The one factory of Plan objects for the tests: plans built directly in code.

Products are given as dicts with only what a test cares about (`product`, `report`); the rest
(objective, strategy, activity, seq, texts) is derived from the code the way the loader does
it. `small_plan()` is the eight-product plan the AppTests and the report tests draw.
Workbooks (bytes) come from tests/factory.py, whose agencies these plans share; the GCM
objectives are the application's own catalog.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd
from factory import AGENCIES as WORKBOOK_AGENCIES

from planmonitor.catalog import gcm_catalog
from planmonitor.model import (
    ACTIVITY_COLUMNS,
    AGENCY_COLUMNS,
    COMMITTEE,
    META_EXAMPLE_KEY,
    OBJECTIVE_COLUMNS,
    PRODUCT_COLUMNS,
    PROGRESS_COLUMNS,
    STRATEGY_COLUMNS,
    Plan,
    PlanInfo,
    Role,
)

__all__ = [
    "AGENCIES",
    "COMMITTEE",
    "closed_2021_2022",
    "cycle_2025_2026",
    "committee_members",
    "cycle_info",
    "make_plan",
    "many_alerts_plan",
    "product",
    "report",
    "shifted_plan",
    "small_plan",
]

# The agencies of the test plans: the first ten rows of the workbook factory's Agencias
# sheet (tests/factory.py), minus FAO, UNFPA (not needed) and with their roles as written.
_AGENCY_ACRONYMS = (
    "OIM", "OCR", "PNUD", "OIT", "ACNUR", "UNODC", "UNESCO", "ONU Mujeres", "ONUSIDA", "UNICEF"
)  # fmt: skip
# (acronym, name_es, name_en, acronym_en, role)
AGENCIES: list[tuple[str, str, str, str, str]] = [
    (a, name, name_en, acronym_en, role)
    for a, name, name_en, acronym_en, role, _aliases in WORKBOOK_AGENCIES
    if a in _AGENCY_ACRONYMS
]


def product(
    code: str,
    name: str | None = None,
    leads: Iterable[str] = ("OIM",),
    partners: Iterable[str] = (),
    start: str | None = None,
    end: str | None = None,
    gcm: Iterable[int] = (),
    gcm_all: bool = False,
) -> dict[str, Any]:
    """One product spec; dates as ISO strings or None."""
    return {
        "code": code,
        "name": name if name is not None else f"Producto {code}",
        "leads": list(leads),
        "partners": list(partners),
        "start": start,
        "end": end,
        "gcm": list(gcm),
        "gcm_all": gcm_all,
    }


def report(
    date: str,
    code: str,
    status: str,
    percent: float,
    comment: str = "",
    reported_by: str = "",
    evidence: str = "",
) -> dict[str, Any]:
    """One progress entry."""
    return {
        "date": date,
        "code": code,
        "status": status,
        "percent": percent,
        "comment": comment,
        "reported_by": reported_by,
        "evidence": evidence,
    }


def _str(values: Iterable[Any]) -> pd.Series:
    return pd.Series(list(values), dtype="str")


def make_plan(
    products: Iterable[Mapping[str, Any]],
    progress: Iterable[Mapping[str, Any]] = (),
    agencies: list[tuple[str, str, str, str, str]] | None = None,
    meta: Mapping[str, str] | None = None,
    info: PlanInfo | None = None,
) -> Plan:
    """A Plan with the given products and progress; structure tables derived from the codes.

    Without `info` the plan gets model.inferred_info, as a workbook without «Plan» sheet."""
    specs = [dict(p) for p in products]
    rows = []
    for seq, p in enumerate(specs):
        activity = p["code"].split("-")[0]
        strategy = ".".join(activity.split(".")[:2])
        objective = activity.split(".")[0]
        rows.append(
            {
                "code": p["code"],
                "objective": objective,
                "strategy": strategy,
                "activity": activity,
                "name": p["name"],
                "leads": list(p["leads"]),
                "partners": list(p["partners"]),
                "start": pd.Timestamp(p["start"]) if p["start"] else pd.NaT,
                "end": pd.Timestamp(p["end"]) if p["end"] else pd.NaT,
                "start_text": p["start"] or "",
                "end_text": p["end"] or "",
                "dates_interpreted": False,
                "gcm": list(p["gcm"]),
                "gcm_all": bool(p["gcm_all"]),
                "timeline_text": "",
                "notes": "",
                "continues": str(p.get("continues", "")),
                "seq": seq,
                "row": None,
            }
        )
    prod = pd.DataFrame(rows, columns=PRODUCT_COLUMNS)
    for col in (
        "code",
        "objective",
        "strategy",
        "activity",
        "name",
        "start_text",
        "end_text",
        "timeline_text",
        "notes",
        "continues",
    ):
        prod[col] = _str(prod[col])
    prod["start"] = pd.to_datetime(prod["start"])
    prod["end"] = pd.to_datetime(prod["end"])
    prod["seq"] = prod["seq"].astype("int64")

    texts = {"comment": "", "reported_by": "", "evidence": ""}  # what a report may leave out
    prog = pd.DataFrame([{**texts, **r} for r in progress], columns=PROGRESS_COLUMNS)
    prog["date"] = pd.to_datetime(prog["date"])
    for col in ("code", "status", "comment", "reported_by", "evidence"):
        prog[col] = _str(prog[col])
    prog["percent"] = prog["percent"].astype("float64")
    prog = prog.sort_values("date", kind="stable").reset_index(drop=True)

    ag = pd.DataFrame(
        [(a, n, ne, ae, _roles(r), [], None) for a, n, ne, ae, r in (agencies or AGENCIES)],
        columns=AGENCY_COLUMNS,
    )
    gcm = gcm_catalog()

    def ordered_unique(values: Iterable[str]) -> list[str]:
        return list(dict.fromkeys(values))

    acts = ordered_unique(prod["activity"])
    strs = ordered_unique(prod["strategy"])
    objs = ordered_unique(prod["objective"])
    objectives = pd.DataFrame(
        [(o, f"Objetivo {o}", i, None) for i, o in enumerate(objs)], columns=OBJECTIVE_COLUMNS
    )
    strategies = pd.DataFrame(
        [(s, s.split(".")[0], f"Estrategia {s}", i, None) for i, s in enumerate(strs)],
        columns=STRATEGY_COLUMNS,
    )
    activities = pd.DataFrame(
        [
            (a, ".".join(a.split(".")[:2]), a.split(".")[0], f"Actividad {a}", i, None)
            for i, a in enumerate(acts)
        ],
        columns=ACTIVITY_COLUMNS,
    )
    return Plan(
        objectives=objectives,
        strategies=strategies,
        activities=activities,
        products=prod,
        agencies=ag,
        gcm=gcm,
        progress=prog,
        meta=dict(meta or {}),
        sheets=(),
        info=info,
    )


def cycle_info(
    start: str,
    end: str,
    title: str = "",
    network_es: str = "",
    network_en: str = "",
    plan_id: str = "",
) -> PlanInfo:
    """The description of a plan built in code: its period and (optionally) its names. The
    names are test fixtures of fictitious networks, never a real network's."""
    s, e = pd.Timestamp(start), pd.Timestamp(end)
    return PlanInfo(
        plan_id=plan_id or f"red-prueba-{s.year}-{e.year}",
        title=title,
        network_es=network_es,
        network_en=network_en,
        network_id="red-prueba" if network_es else "",
        country="",
        region="",
        start=s,
        end=e,
    )


def _roles(role: str | Iterable[str]) -> list[str]:
    """An agency's roles: one role as written in the factory, or several."""
    if isinstance(role, str):
        return [r.strip() for r in role.split(",") if r.strip()] if role else []
    return list(role)


def committee_members() -> list[str]:
    return [a for a, *_rest, role in AGENCIES if role == Role.COMMITTEE.value]


def small_plan(example: bool = True) -> Plan:
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
            partners=[COMMITTEE],
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
    return make_plan(products, progress, meta={META_EXAMPLE_KEY: "Sí"} if example else {})


def shifted_plan(years: int, info: PlanInfo, example: bool = True) -> Plan:
    """`small_plan()` moved by whole `years` (products' dates and reports) onto another cycle
    described by `info`: the same shapes, another period (issue 9)."""
    base = small_plan(example)
    offset = pd.DateOffset(years=years)
    products = base.products.copy()
    for column in ("start", "end"):
        moved = pd.to_datetime(products[column]) + offset
        products[column] = moved
        products[f"{column}_text"] = _str("" if pd.isna(d) else d.date().isoformat() for d in moved)
    progress = base.progress.copy()
    progress["date"] = pd.to_datetime(progress["date"]) + offset
    return dataclasses.replace(base, products=products, progress=progress, info=info)


def cycle_2025_2026() -> Plan:
    """The small plan as a 2025-2026 cycle of a fictitious network."""
    info = cycle_info(
        "2025-01-01", "2026-12-31", "Plan de Trabajo de Prueba", "Red de Prueba", "Test Network"
    )
    return shifted_plan(2, info)


def closed_2021_2022() -> Plan:
    """The small plan as a finished 2021-2022 cycle (a closed plan today)."""
    info = cycle_info("2021-01-01", "2022-12-31", "Plan Cerrado de Prueba", "Red de Prueba")
    return shifted_plan(-2, info)


def many_alerts_plan() -> Plan:
    """Eleven products of one strategy: nine overdue since 30 Jun 2023 (1.1.1-2 also without a
    lead), two without dates; every one reported on 20 Dec 2024 (issue 10: alerts per
    product, the meeting's «… y N más»)."""
    late = [
        product(f"1.1.1-{i}", leads=[] if i == 2 else ["OIM"], start="2023-01-01", end="2023-06-30")
        for i in range(1, 10)
    ]
    undated = [product(f"1.1.1-{i}") for i in (10, 11)]
    reports = [report("2024-12-20", p["code"], "En curso", 50, "", "OIM") for p in late + undated]
    return make_plan(late + undated, reports)

"""Network-scale synthetic plans for benchmarks and UI scale tests.

The real plan has 20 products; the dashboard must stay fast if the network (or a regional
network) tracks thousands with a long progress log. These plans are deterministic for a seed,
valid (no errors, no warnings), use the network's agencies (catalog.agency_rows, read from
data/source/agencies.toml), 3 objectives, several strategies and many activities, dates in
the two years of START-END and every status. They are marked as fictitious data.

A fictitious region (issue 11 §5): `region_infos` / `make_region_workbooks` / `make_region_plans`
give N networks, each plan with its own «Plan» sheet (its own network code and name, a
fictitious country, one fictitious region, «Datos ficticios: Sí»), each a different seed.
"""

from __future__ import annotations

import datetime as dt
import io

import numpy as np
import openpyxl
import pandas as pd

from planmonitor import model
from planmonitor.catalog import agency_rows, gcm_catalog
from planmonitor.model import Plan, PlanInfo, Status

STRATEGIES_PER_OBJECTIVE = (3, 4, 3)
# The synthetic plans' period, stated once: two whole years (fictitious benchmark data).
START_YEAR = 2023
START, END = pd.Timestamp(f"{START_YEAR}-01-01"), pd.Timestamp(f"{START_YEAR + 1}-12-31")
PERIOD_TEXT = f"{START.year}-{END.year}"
_QUARTERS = [(y, q) for y in (START.year, END.year) for q in (1, 2, 3, 4)]
_WORDS = (
    "diálogo informe taller campaña estudio guía mesa técnica diagnóstico capacitación foro "
    "encuesta boletín protocolo hoja informativa evento sensibilización asistencia red"
).split()


REGION = "Región ficticia"
REGION_EN = "Fictitious region"


def region_infos(n_networks: int) -> list[PlanInfo]:
    """The «Plan» of each fictitious network of the region: distinct codes, names and
    countries, one region, the synthetic plans' period (START-END), marked fictitious."""
    infos = []
    for i in range(1, n_networks + 1):
        nid = f"red-ficticia-{i:02d}"
        infos.append(
            PlanInfo(
                plan_id=f"{nid}-{PERIOD_TEXT}",
                title=f"Plan de trabajo {PERIOD_TEXT} de la Red ficticia {i:02d}",
                network_es=f"Red ficticia {i:02d}",
                network_en=f"Fictitious network {i:02d}",
                network_id=nid,
                country=f"País ficticio {i:02d}",
                region=REGION,
                start=START,
                end=END,
                fictitious=True,
            )
        )
    return infos


def _region_args(n_networks: int, seed: int) -> list[tuple[PlanInfo, int]]:
    return [(info, seed * 1000 + i) for i, info in enumerate(region_infos(n_networks))]


def make_region_workbooks(
    n_networks: int = 20, n_products: int = 300, n_progress: int = 6000, seed: int = 0
) -> list[bytes]:
    """One .xlsx per network (its «Plan» sheet first), each its own seed, deterministic."""
    return [
        make_network_workbook(n_products, n_progress, s, info=info)
        for info, s in _region_args(n_networks, seed)
    ]


def make_region_plans(
    n_networks: int = 20, n_products: int = 300, n_progress: int = 6000, seed: int = 0
) -> list[Plan]:
    """The same plans, loaded without an Excel round trip."""
    return [
        make_network_plan(n_products, n_progress, s, info=info)
        for info, s in _region_args(n_networks, seed)
    ]


def network_rows(
    n_products: int = 2000, n_progress: int = 50000, seed: int = 0, info: PlanInfo | None = None
) -> dict[str, list[list]]:
    """Every sheet's rows (header first), as a spreadsheet reader would return them; with
    `info`, a «Plan» sheet (first) that states it."""
    from planmonitor.reading.planinfo import info_rows

    rng = np.random.default_rng(seed)
    agencies = agency_rows()
    acronyms = [a[0] for a in agencies]
    sheets: dict[str, list[list]] = {}
    if info is not None:
        sheets[model.PLAN_SHEET.name] = [
            list(model.PLAN_SHEET.headers),
            *([k, v] for k, v in info_rows(info)),
        ]
    sheets["Objetivos"] = [model.OBJECTIVES.headers] + [
        [str(o), f"Objetivo específico {o} (sintético)"] for o in (1, 2, 3)
    ]
    strategies = [
        f"{o}.{s}"
        for o, n in zip((1, 2, 3), STRATEGIES_PER_OBJECTIVE, strict=True)
        for s in range(1, n + 1)
    ]
    sheets["Estrategias"] = [model.STRATEGIES.headers] + [
        [code, code.split(".")[0], f"Estrategia {code} (sintética)"] for code in strategies
    ]
    n_activities = max(len(strategies), n_products // 10)
    activities = []
    for i in range(n_activities):
        strategy = strategies[i % len(strategies)]
        activities.append(f"{strategy}.{i // len(strategies) + 1}")
    activities.sort(key=lambda c: tuple(int(p) for p in c.split(".")))
    sheets["Actividades"] = [model.ACTIVITIES.headers] + [
        [code, code.rsplit(".", 1)[0], f"Actividad {code} (sintética)"] for code in activities
    ]

    product_activity = np.sort(rng.integers(0, n_activities, n_products))
    counters: dict[str, int] = {}
    products: list[list] = []
    codes: list[str] = []
    leads_of: list[str] = []
    for i in range(n_products):
        activity = activities[product_activity[i]]
        counters[activity] = counters.get(activity, 0) + 1
        code = f"{activity}-{counters[activity]}"
        codes.append(code)
        picks = rng.choice(len(acronyms), size=5, replace=False)
        n_leads = 1 + int(rng.random() < 0.3)
        leads = [acronyms[j] for j in picks[:n_leads]]
        leads_of.append(leads[0])
        n_partners = int(rng.integers(0, 4))
        partners = [acronyms[j] for j in picks[n_leads : n_leads + n_partners]]
        if rng.random() < 0.1:
            partners.append(model.COMMITTEE)
        q0 = int(rng.integers(0, 8))
        q1 = int(rng.integers(q0, 8))
        kind = rng.random()
        if kind < 0.6:
            start = f"{_QUARTERS[q0][0]}-T{_QUARTERS[q0][1]}"
            end = f"{_QUARTERS[q1][0]}-T{_QUARTERS[q1][1]}"
        elif kind < 0.9:
            start = dt.datetime(_QUARTERS[q0][0], 3 * _QUARTERS[q0][1] - 2, 1)
            end = dt.datetime(_QUARTERS[q1][0], 3 * _QUARTERS[q1][1], 28)
        else:
            start = end = ""
        g = rng.random()
        gcm = (
            "Todos"
            if g < 0.05
            else ", ".join(
                str(n)
                for n in sorted(rng.choice(23, size=int(rng.integers(0, 4)), replace=False) + 1)
            )
        )
        words = rng.choice(len(_WORDS), size=3, replace=False)
        name = " ".join(_WORDS[w] for w in words).capitalize() + f" {code}"
        products.append(
            [
                code,
                activity,
                name,
                ", ".join(leads),
                ", ".join(partners),
                start,
                end,
                "No",
                gcm,
                "",
                "",
            ]
        )
    sheets["Productos"] = [model.PRODUCTS.headers] + products
    sheets["Agencias"] = [model.AGENCIES.headers, *agencies]
    catalog = gcm_catalog()
    sheets["ObjetivosPMM"] = [model.GCM.headers] + catalog.astype(object).values.tolist()

    statuses = list(Status)
    which = rng.integers(0, n_products, n_progress) if n_products else np.array([], dtype=int)
    days = rng.integers(0, (END - START).days + 1, n_progress)
    status_idx = rng.integers(0, len(statuses), n_progress)
    pct_mid = rng.integers(5, 96, n_progress)
    evidence = rng.random(n_progress) < 0.2
    day0 = START.date()
    progress: list[list] = []
    for k in range(len(which)):
        status = statuses[status_idx[k]]
        percent = {Status.NOT_STARTED: 0, Status.COMPLETED: 100}.get(status, int(pct_mid[k]))
        code = codes[which[k]]
        progress.append(
            [
                day0 + dt.timedelta(days=int(days[k])),
                code,
                status.value,
                float(percent),
                f"Reporte sintético {k + 1}",
                leads_of[which[k]],
                f"https://example.org/evidencia/{code}/{k + 1}.pdf" if evidence[k] else "",
            ]
        )
    sheets["Avances"] = [model.PROGRESS.headers] + progress
    sheets["Metadatos"] = [
        model.META.headers,
        [model.META_EXAMPLE_KEY, "Sí"],
        [
            "descripcion",
            f"Plan sintético: {n_products} productos, {n_progress} avances, semilla {seed}",
        ],
    ]
    return sheets


def make_network_workbook(
    n_products: int = 2000, n_progress: int = 50000, seed: int = 0, info: PlanInfo | None = None
) -> bytes:
    """The synthetic plan as .xlsx bytes (all sheets, valid, deterministic for a seed)."""
    wb = openpyxl.Workbook(write_only=True)
    for name, rows in network_rows(n_products, n_progress, seed, info).items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def make_network_plan(
    n_products: int = 2000, n_progress: int = 50000, seed: int = 0, info: PlanInfo | None = None
) -> Plan:
    """The same synthetic plan, loaded without an Excel round trip."""
    from planmonitor.reading.loader import load_rows

    result = load_rows(network_rows(n_products, n_progress, seed, info))
    if result.plan is None:  # a bug in this module, not bad input
        raise RuntimeError(result.issues.to_string())
    return result.plan

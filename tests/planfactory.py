"""Small Plan objects built directly in code, for the tests of filters, metrics and charts.

Products are given as dicts with only what a test cares about; the rest (objective, strategy,
activity, seq, texts) is derived from the code the way the loader does it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from planmonitor.model import (
    ACTIVITY_COLUMNS,
    AGENCY_COLUMNS,
    COMMITTEE,
    GCM_COLUMNS,
    OBJECTIVE_COLUMNS,
    PRODUCT_COLUMNS,
    PROGRESS_COLUMNS,
    STRATEGY_COLUMNS,
    Plan,
    Role,
)

__all__ = [
    "AGENCIES",
    "COMMITTEE",
    "GCM_LABELS",
    "committee_members",
    "make_plan",
    "product",
    "report",
]

# (acronym, name_es, name_en, acronym_en, role)
AGENCIES: list[tuple[str, str, str, str, str]] = [
    (
        "OIM",
        "Organización Internacional para las Migraciones",
        "International Organization for Migration",
        "IOM",
        Role.SECRETARIAT.value,
    ),
    (
        "OCR",
        "Oficina del Coordinador Residente",
        "Resident Coordinator Office",
        "RCO",
        Role.COMMITTEE.value,
    ),
    (
        "PNUD",
        "Programa de las Naciones Unidas para el Desarrollo",
        "United Nations Development Programme",
        "UNDP",
        Role.COMMITTEE.value,
    ),
    (
        "OIT",
        "Organización Internacional del Trabajo",
        "International Labour Organization",
        "ILO",
        Role.COMMITTEE.value,
    ),
    (
        "ACNUR",
        "Oficina del Alto Comisionado de las Naciones Unidas para los Refugiados",
        "Office of the UN High Commissioner for Refugees",
        "UNHCR",
        Role.COMMITTEE.value,
    ),
    (
        "UNODC",
        "Oficina de Naciones Unidas contra la Droga y el Delito",
        "United Nations Office on Drugs and Crime",
        "UNODC",
        Role.COMMITTEE.value,
    ),
    (
        "UNESCO",
        "Organización de las Naciones Unidas para la Educación, la Ciencia y la Cultura",
        "United Nations Educational, Scientific and Cultural Organization",
        "UNESCO",
        Role.MEMBER.value,
    ),
    ("ONU Mujeres", "ONU Mujeres", "UN Women", "UN Women", Role.MEMBER.value),
    (
        "ONUSIDA",
        "Programa Conjunto de las Naciones Unidas sobre el VIH/sida",
        "Joint United Nations Programme on HIV/AIDS",
        "UNAIDS",
        Role.MEMBER.value,
    ),
    (
        "UNICEF",
        "Fondo de las Naciones Unidas para la Infancia",
        "United Nations Children's Fund",
        "UNICEF",
        Role.MEMBER.value,
    ),
]

GCM_LABELS: list[tuple[str, str, str]] = [
    ("DATOS", "Datos", "Collect and utilize accurate and disaggregated data"),
    (
        "REDUCIR LOS FACTORES ADVERSOS",
        "Minimizar factores adversos",
        "Minimize the adverse drivers and structural factors",
    ),
    (
        "PROVISIÓN DE INFORMACIÓN",
        "Proporcionar información",
        "Provide accurate and timely information at all stages of migration",
    ),
    (
        "IDENTIDAD JURÍDICA Y DOCUMENTACIÓN",
        "Identidad jurídica y documentación",
        "Ensure that all migrants have proof of legal identity",
    ),
    (
        "VÍAS DE MIGRACIÓN REGULAR",
        "Vías de migración regular",
        "Enhance availability and flexibility of pathways for regular migration",
    ),
    (
        "CONTRATACIÓN Y TRABAJO DECENTE",
        "Contratación y trabajo decente",
        "Facilitate fair and ethical recruitment and safeguard decent work",
    ),
    (
        "REDUCIR VULNERABILIDADES",
        "Reducir vulnerabilidades",
        "Address and reduce vulnerabilities in migration",
    ),
    ("SALVAR VIDAS", "Salvar vidas", "Save lives and establish coordinated efforts"),
    (
        "COMBATIR EL TRÁFICO ILÍCITO DE MIGRANTES",
        "Combatir el tráfico de migrantes",
        "Strengthen the transnational response to smuggling of migrants",
    ),
    (
        "ERRADICAR LA TRATA DE PERSONAS",
        "Erradicar la trata de personas",
        "Prevent, combat and eradicate trafficking in persons",
    ),
    ("GESTIÓN DE FRONTERAS", "Gestión de fronteras", "Manage borders in an integrated manner"),
    (
        "CONTROL, EVALUACIÓN Y ORIENTACIÓN",
        "Verificación de antecedentes y derivación",
        "Strengthen certainty and predictability in migration procedures",
    ),
    (
        "ALTERNATIVAS A LA DETENCIÓN",
        "Alternativas a la detención",
        "Use migration detention only as a measure of last resort",
    ),
    ("PROTECCIÓN CONSULAR", "Protección consular", "Enhance consular protection"),
    (
        "ACCESO A SERVICIOS BÁSICOS",
        "Acceso a los servicios básicos",
        "Provide access to basic services for migrants",
    ),
    (
        "INCLUSIÓN Y COHESIÓN SOCIAL",
        "Inclusión y cohesión social",
        "Empower migrants and societies to realize full inclusion",
    ),
    (
        "ELIMINAR LAS DISCRIMINACIONES",
        "Eliminar la discriminación",
        "Eliminate all forms of discrimination",
    ),
    (
        "DESARROLLO Y CONOCIMIENTO DE CUALIFICACIONES",
        "Desarrollo y reconocimiento de competencias",
        "Invest in skills development",
    ),
    (
        "CONTRIBUCIÓN DE LOS MIGRANTES Y LAS DIÁSPORAS",
        "Contribución de migrantes y diásporas",
        "Create conditions for migrants and diasporas to fully contribute",
    ),
    ("TRANSFERENCIAS DE REMESAS", "Remesas", "Promote faster, safer and cheaper remittances"),
    (
        "RETORNO DIGNO Y REINTEGRACIÓN",
        "Retorno y reintegración dignos",
        "Cooperate in facilitating safe and dignified return",
    ),
    (
        "PROTECCIÓN SOCIAL",
        "Protección social",
        "Establish mechanisms for the portability of social security entitlements",
    ),
    (
        "COOPERACIÓN INTERNACIONAL",
        "Cooperación internacional",
        "Strengthen international cooperation and global partnerships",
    ),
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
) -> Plan:
    """A Plan with the given products and progress; structure tables derived from the codes."""
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
    ):
        prod[col] = _str(prod[col])
    prod["start"] = pd.to_datetime(prod["start"])
    prod["end"] = pd.to_datetime(prod["end"])
    prod["seq"] = prod["seq"].astype("int64")

    prog = pd.DataFrame([dict(r) for r in progress], columns=PROGRESS_COLUMNS)
    prog["date"] = pd.to_datetime(prog["date"])
    for col in ("code", "status", "comment", "reported_by", "evidence"):
        prog[col] = _str(prog[col].fillna(""))
    prog["percent"] = prog["percent"].astype("float64")
    prog = prog.sort_values("date", kind="stable").reset_index(drop=True)

    ag = pd.DataFrame(
        [(a, n, ne, ae, r, [], None) for a, n, ne, ae, r in (agencies or AGENCIES)],
        columns=AGENCY_COLUMNS,
    )
    gcm = pd.DataFrame(
        [(i + 1, *labels) for i, labels in enumerate(GCM_LABELS)], columns=GCM_COLUMNS
    )

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
        meta={},
        sheets=(),
    )


def committee_members() -> list[str]:
    return [a for a, *_rest, role in AGENCIES if role == Role.COMMITTEE.value]

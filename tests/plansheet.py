"""Plans of other cycles and networks for the store's tests (issue 9): a PlanInfo, and the
workbook of a plan with its «Plan» sheet.

`workbook(plan)` writes the plan's tables (output.export) plus a «Plan» sheet (Clave / Valor,
docs/plans-as-data.md §1) stating its id, title, network and period. `reading_plan_sheets`
is a fixture that makes the loader honour that sheet while reading/ does not read it yet
(another part of issue 9): after the loader has read a workbook, a plan still carrying the
inferred description gets the one its «Plan» sheet states. Once the loader reads the sheet
itself, the fixture changes nothing.
"""

from __future__ import annotations

import dataclasses
import io

import openpyxl
import pandas as pd
import pytest

from planmonitor import model
from planmonitor.output import export

PLAN_SHEET = "Plan"
KEYS = {  # the «Plan» sheet's keys (Spanish) -> PlanInfo field
    "Código": "plan_id",
    "Título": "title",
    "Red": "network_es",
    "Red (inglés)": "network_en",
    "Código de la red": "network_id",
    "País": "country",
    "Región": "region",
    "Inicio": "start",
    "Fin": "end",
}


def plan_info(
    plan_id: str,
    start: str,
    end: str,
    title: str | None = None,
    network: str = "Red de prueba",
    **kw: object,
) -> model.PlanInfo:
    """A plan's own description, as a «Plan» sheet would state it."""
    return model.PlanInfo(
        plan_id=plan_id,
        title=title if title is not None else f"Plan {plan_id}",
        network_es=network,
        network_en=str(kw.pop("network_en", "Test network")),
        network_id=str(kw.pop("network_id", "red-de-prueba")),
        country=str(kw.pop("country", "País de prueba")),
        region=str(kw.pop("region", "")),
        start=pd.Timestamp(start),
        end=pd.Timestamp(end),
        **kw,  # type: ignore[arg-type]
    )


def with_info(plan: model.Plan, info: model.PlanInfo) -> model.Plan:
    return dataclasses.replace(plan, info=info)


def workbook(plan: model.Plan, include: list[str] | None = None, plan_sheet: bool = True) -> bytes:
    """The plan as a workbook; with its «Plan» sheet unless the plan states no description."""
    data = export.write_workbook(export.plan_to_sheets(plan, include=include))
    info = plan.info
    if not plan_sheet or info is None or info.period_inferred:
        return data
    book = openpyxl.load_workbook(io.BytesIO(data))
    if PLAN_SHEET in book.sheetnames:  # the exporter writes it already
        return data
    ws = book.create_sheet(PLAN_SHEET, 0)
    ws.append(["Clave", "Valor"])
    for key, name in KEYS.items():
        value = getattr(info, name)
        ws.append([key, value.date().isoformat() if isinstance(value, pd.Timestamp) else value])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def stated_info(data: bytes) -> model.PlanInfo | None:
    """The description a workbook's «Plan» sheet states (None without one)."""
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    except Exception:  # noqa: BLE001 - not a workbook: the loader says so
        return None
    if PLAN_SHEET not in book.sheetnames:
        return None
    values = {
        KEYS[str(k)]: v
        for k, v in book[PLAN_SHEET].iter_rows(min_row=2, values_only=True)
        if str(k) in KEYS
    }
    return model.PlanInfo(
        **{k: str(values.get(k) or "") for k in KEYS.values() if k not in ("start", "end")},
        start=pd.Timestamp(values["start"]),
        end=pd.Timestamp(values["end"]),
    )


@pytest.fixture
def reading_plan_sheets(monkeypatch):
    """The loader as it will be: a workbook's «Plan» sheet gives the plan its description."""
    from planmonitor.reading import loader

    original = loader.load_workbook

    def load_workbook(src, base=None, **kw):
        result = original(src, base, **kw)
        if result.plan is None or not result.plan.info.period_inferred:
            return result
        data = src if isinstance(src, bytes) else open(src, "rb").read()
        info = stated_info(data)
        if info is None:
            return result
        return dataclasses.replace(result, plan=with_info(result.plan, info))

    monkeypatch.setattr(loader, "load_workbook", load_workbook)
    return load_workbook

"""Carry-over (issue 9): the next plan's template prefilled with the unfinished products."""

from __future__ import annotations

import io

import openpyxl
import pytest
from planfactory import make_plan, product, report, small_plan

from planmonitor import model
from planmonitor.output.carryover import (
    PLAN_KEYS,
    PREVIOUS_KEY,
    carry_over_template,
    unfinished_codes,
    unfinished_plan,
)
from planmonitor.reading.loader import load_workbook

UNFINISHED = ["1.1.1-2", "2.1.1-1", "2.2.1-1", "2.3.1-1", "3.2.2-1", "3.2.2-2"]


def plan_sheet(data: bytes) -> dict[str, object]:
    ws = openpyxl.load_workbook(io.BytesIO(data))["Plan"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0] == ("Clave", "Valor", "Ayuda")  # the template's help column (issue 9)
    return {k: v for k, v, _help in rows[1:]}


def test_the_unfinished_products_are_those_not_completed_nor_cancelled():
    # 1.1.1-1 ended «Completado», 3.1.1-1 «Cancelado»; 2.3.1-1 and 3.2.2-1 were never reported
    assert unfinished_codes(small_plan()) == UNFINISHED


def test_the_latest_status_decides_not_any_earlier_one():
    plan = make_plan(
        [product("1.1.1-1"), product("1.1.1-2")],
        [
            report("2023-03-31", "1.1.1-1", "Completado", 100),
            report("2023-06-30", "1.1.1-1", "En curso", 80, "Reabierto"),
            report("2023-03-31", "1.1.1-2", "En curso", 50),
            report("2023-06-30", "1.1.1-2", "Cancelado", 50),
        ],
    )
    assert unfinished_codes(plan) == ["1.1.1-1"]


def test_the_carried_plan_keeps_their_levels_and_agencies_and_no_report():
    old = small_plan()
    new = unfinished_plan(old)
    assert new.products["code"].tolist() == UNFINISHED
    assert (
        new.products["name"].tolist()
        == old.products.set_index("code").loc[UNFINISHED, "name"].tolist()
    )
    assert "3.1.1" not in set(new.activities["code"])  # only 3.1.1-1 (cancelled) hung from it
    assert "3.1" not in set(new.strategies["code"])
    assert set(new.activities["code"]) == {c.split("-")[0] for c in UNFINISHED}
    assert set(new.objectives["code"]) == {"1", "2", "3"}
    named = {a for col in ("leads", "partners") for v in new.products[col] for a in v}
    member = model.Role.MEMBER.value
    held = old.agencies["roles"].map(lambda rs: any(r != member for r in rs))
    roles = set(old.agencies.loc[held, "acronym"])
    assert set(new.agencies["acronym"]) == (named & set(old.agencies["acronym"])) | roles
    assert new.progress.empty and new.meta == {}
    assert new.gcm.equals(old.gcm)
    assert len(old.products) == 8 and len(old.progress) == 6  # the old plan is untouched


def test_the_template_states_the_previous_plan_and_leaves_the_rest_to_the_secretariat():
    old = small_plan()
    data = carry_over_template(old)
    values = plan_sheet(data)
    assert list(values) == list(PLAN_KEYS)
    assert values[PREVIOUS_KEY] == old.info.plan_id
    assert all(v is None for k, v in values.items() if k != PREVIOUS_KEY)  # nothing invented
    book = openpyxl.load_workbook(io.BytesIO(data))
    products = [r[0] for r in book["Productos"].iter_rows(min_row=2, values_only=True) if r[0]]
    assert products == UNFINISHED
    assert [r for r in book["Avances"].iter_rows(min_row=2, values_only=True) if any(r)] == []
    assert book["Productos"].data_validations.dataValidation  # the dropdowns survive
    assert book["Listas"].sheet_state == "hidden"


def test_once_filled_in_the_template_loads_as_the_next_plan():
    data = carry_over_template(small_plan())
    book = openpyxl.load_workbook(io.BytesIO(data))
    ws = book["Plan"]
    filled = {"Título": "Plan de prueba 2025-2026", "Red": "Red de prueba", "Inicio": "2025-01-01",
              "Fin": "2026-12-31", "País": "País de prueba"}  # fmt: skip
    for row in ws.iter_rows(min_row=2):
        if row[0].value in filled:
            row[1].value = filled[row[0].value]
    out = io.BytesIO()
    book.save(out)
    result = load_workbook(out.getvalue())
    assert result.ok, result.issues
    assert result.plan.products["code"].tolist() == UNFINISHED
    assert result.plan.progress.empty


def test_the_keys_are_the_loaders(request):
    planinfo = pytest.importorskip("planmonitor.reading.planinfo")
    assert list(PLAN_KEYS) == [k.key for k in planinfo.PLAN_KEYS]

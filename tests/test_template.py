"""The Excel template (dropdowns, protection, instructions) and the annotated error workbook."""

from __future__ import annotations

import io
import re

import openpyxl
import pandas as pd
import pytest
from openpyxl.utils import get_column_letter

from planmonitor import model, store
from planmonitor.output import export
from planmonitor.output.template import INSTRUCTIONS, LISTS, annotate_errors, build_template
from planmonitor.reading.loader import load_default, load_workbook


def _open(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def _validations(ws) -> dict[str, object]:
    """first column letter of each validation's range -> the validation."""
    out = {}
    for dv in ws.data_validations.dataValidation:
        first = str(dv.sqref).split(":")[0]
        out[first.rstrip("0123456789")] = dv
    return out


def _letter(sheet: model.Sheet, header: str) -> str:
    return get_column_letter(sheet.headers.index(header) + 1)


@pytest.fixture(scope="module")
def plan() -> model.Plan:
    return load_default().plan


def test_empty_template_validates_without_any_issue():
    result = load_workbook(build_template(None))
    assert result.ok
    assert result.issues.empty
    assert len(result.plan.products) == 0
    assert len(result.plan.gcm) == 23  # the catalog is reference data, always there


def test_template_with_data_validates_and_holds_the_same_data(plan):
    result = load_workbook(build_template(plan))
    assert result.ok
    assert (result.issues["severity"] == "error").sum() == 0
    assert store.content_sha256(result.plan) == store.content_sha256(plan)


def test_sheets_order_instructions_and_hidden_lists(plan):
    wb = _open(build_template(plan))
    assert wb.sheetnames == [INSTRUCTIONS, LISTS, "Plan", *[s.name for s in model.SHEETS]]
    assert wb.active.title == INSTRUCTIONS
    assert wb[LISTS].sheet_state == "hidden"
    texts = {str(c.value) for row in wb[INSTRUCTIONS].iter_rows() for c in row if c.value}
    for sheet in model.SHEETS:
        for col in sheet.columns:
            assert col.header in texts, (sheet.name, col.header)
            if col.description_es:
                assert col.in_year(plan.info.start.year).description_es in texts


def test_the_examples_speak_of_the_plans_own_years():
    """A template for a 2025-2026 plan gives its date examples in 2025-2026 and never the
    years of another plan (the Column declarations hold placeholders; issue 9)."""
    from planfactory import cycle_2025_2026

    wb = _open(build_template(cycle_2025_2026()))
    texts = [str(c.value) for row in wb[INSTRUCTIONS].iter_rows() for c in row if c.value]
    texts += [
        ws.cell(row=1, column=j).comment.text
        for ws in wb.worksheets
        for j in range(1, ws.max_column + 1)
        if ws.cell(row=1, column=j).comment is not None
    ]
    joined = "\n".join(texts)
    assert "2025-T2" in joined and "2026-T4" in joined and "2025-09-30" in joined
    assert "{y" not in joined and "{p" not in joined
    # the one earlier year: «Continúa» names a product of the cycle before this plan's
    assert "red-de-prueba-2023-2024:2.1.1-1" in joined
    rest = joined.replace("red-de-prueba-2023-2024:2.1.1-1", "")
    assert not re.search(r"(?<!\d)(?:2023|2024)(?!\d)|per[uú]", rest, re.IGNORECASE)


def test_header_rows_are_frozen_and_protected_data_rows_editable(plan):
    wb = _open(build_template(plan))
    for sheet in model.SHEETS:
        ws = wb[sheet.name]
        assert ws.freeze_panes == "A2"
        assert ws.protection.sheet is True
        assert ws.protection.insertRows is False  # adding rows stays allowed
        assert [c.value for c in ws[1]][: len(sheet.headers)] == sheet.headers
        assert ws["A1"].protection.locked is True
        assert ws["A2"].protection.locked is False
        assert ws.cell(row=ws.max_row, column=len(sheet.headers)).protection.locked is False


def test_dropdowns_for_statuses_agencies_codes_and_gcm(plan):
    wb = _open(build_template(plan))
    progress = _validations(wb[model.PROGRESS.name])
    status = progress[_letter(model.PROGRESS, "Estado")]
    assert status.type == "list" and status.formula1.lstrip("'").startswith("Listas'!")
    assert status.showErrorMessage is True
    product = progress[_letter(model.PROGRESS, "Producto")]
    assert product.formula1 == f"'Productos'!$A$2:$A${len(plan.products) + 501}"
    products = _validations(wb[model.PRODUCTS.name])
    assert products[_letter(model.PRODUCTS, "Actividad")].formula1.startswith("'Actividades'!")
    for header in ("Líderes", "Socios", "Objetivos PMM"):
        dv = products[_letter(model.PRODUCTS, header)]
        assert dv.type == "list" and not dv.showErrorMessage  # several values may be typed
    roles = _validations(wb[model.AGENCIES.name])[_letter(model.AGENCIES, "Rol")]
    assert roles.formula1.lstrip("'").startswith("Listas'!")
    lists = wb[LISTS]
    values = {c.value for row in lists.iter_rows(min_row=2) for c in row if c.value is not None}
    assert {s.value for s in model.Status} <= values
    assert {r.value for r in model.Role} <= values
    assert set(plan.agencies["acronym"]) | {model.COMMITTEE} <= values
    assert set(range(1, 24)) | {"Todos"} <= values


def test_formula_looking_text_stays_text(plan):
    products = plan.products.copy()
    products.loc[0, "name"] = '=HYPERLINK("http://x")'
    products.loc[1, "notes"] = "@SUM(A1)"
    data = build_template(model.Plan(**{**plan.__dict__, "products": products}))
    ws = _open(data)[model.PRODUCTS.name]
    name = ws.cell(row=2, column=model.PRODUCTS.headers.index("Nombre") + 1)
    assert name.value == '=HYPERLINK("http://x")' and name.data_type == "s"
    assert load_workbook(data).plan.products.loc[0, "name"] == '=HYPERLINK("http://x")'


def _bad_workbook(plan: model.Plan) -> bytes:
    sheets = export.plan_to_sheets(plan, include=["Avances"])
    av = sheets["Avances"].copy()
    av.loc[1, "Estado"] = "Terminado"  # Excel row 3
    return export.write_workbook({"Avances": av})


def test_annotate_errors_marks_the_cell_with_a_comment(plan):
    data = _bad_workbook(plan)
    result = load_workbook(data, base=plan)
    assert not result.ok
    issues = result.issues
    bad = issues[issues["rule"] == "bad_status"].iloc[0]
    assert int(bad["row"]) == 3
    ws = _open(annotate_errors(data, issues))["Avances"]
    cell = ws.cell(row=3, column=model.PROGRESS.headers.index("Estado") + 1)
    assert cell.value == "Terminado"  # the data is untouched
    assert cell.fill.fgColor.rgb.endswith("FFC7CE")
    assert bad["message"] in cell.comment.text
    assert ws.cell(row=2, column=3).comment is None  # good cells are left alone


def test_annotate_issues_without_cell_go_on_header_or_a1(plan):
    data = _bad_workbook(plan)
    issues = pd.DataFrame(
        [
            {
                "sheet": "Avances",
                "row": pd.NA,
                "column": "Porcentaje",
                "rule": "x",
                "severity": "error",
                "value": "",
                "message": "columna mal",
                "message_en": "",
            },
            {
                "sheet": "",
                "row": pd.NA,
                "column": "",
                "rule": "missing_sheet",
                "severity": "error",
                "value": "",
                "message": "falta la hoja «Productos»",
                "message_en": "",
            },
        ],
        columns=model.ISSUE_COLUMNS,
    )
    ws = _open(annotate_errors(data, issues))["Avances"]
    header = ws.cell(row=1, column=model.PROGRESS.headers.index("Porcentaje") + 1)
    assert "columna mal" in header.comment.text
    assert "falta la hoja" in ws["A1"].comment.text


def test_annotate_refuses_what_is_not_a_workbook():
    with pytest.raises(ValueError):
        annotate_errors(b"Fecha,Producto\n2024-01-01,1.1.1-1\n", pd.DataFrame())


def test_template_always_has_a_plan_sheet_with_every_key_and_help() -> None:
    """Issue 9: the empty template states every «Plan» key, values empty, a help column."""
    from planmonitor.reading.planinfo import PLAN_KEYS

    ws = _open(build_template())[model.PLAN_SHEET.name]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0] == ("Clave", "Valor", "Ayuda")
    assert [r[0] for r in rows[1:]] == [pk.key for pk in PLAN_KEYS]
    assert all(r[1] is None for r in rows[1:])
    assert all(r[2] for r in rows[1:])


def test_template_of_a_plan_states_its_description_and_reads_back(plan) -> None:
    info = load_workbook(build_template(plan)).plan.info
    assert info == plan.info and not info.period_inferred


def test_a_blank_plan_sheet_counts_as_absent_for_an_update(plan) -> None:
    """The empty template used as an update keeps the current plan's description (issue 9)."""
    result = load_workbook(build_template(), base=plan)
    assert result.plan is not None
    assert result.plan.info == plan.info
    assert "plan_info_missing" not in set(result.issues["rule"])

"""One broken workbook per rule: the exact (rule, Excel row, column) set is reported."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pandas as pd
import pytest
from factory import TODAY, make_workbook, progress_only, valid_sheets

from planmonitor.catalog import gcm_catalog
from planmonitor.model import ISSUE_COLUMNS
from planmonitor.reading.loader import load_workbook
from planmonitor.reading.validate import IssueLog, Rule, issue_summary

NA = None

Sheets = dict[str, list[list]]


def _set(sheet: str, row: int, col: int, value) -> Callable[[Sheets], None]:
    """Change one cell; `row` is the Excel row (the header is row 1)."""

    def change(s: Sheets) -> None:
        s[sheet][row - 1][col] = value

    return change


def _drop_sheet(name: str) -> Callable[[Sheets], None]:
    return lambda s: s.pop(name)


def _drop_column(sheet: str, col: int) -> Callable[[Sheets], None]:
    def change(s: Sheets) -> None:
        s[sheet] = [r[:col] + r[col + 1 :] for r in s[sheet]]

    return change


def _append(sheet: str, row: list) -> Callable[[Sheets], None]:
    return lambda s: s[sheet].append(row)


def _add_gcm(rows: list[list]) -> Callable[[Sheets], None]:
    def change(s: Sheets) -> None:
        s["ObjetivosPMM"] = [["Número", "Etiqueta (plan)", "Etiqueta", "Título (inglés)"], *rows]

    return change


P_CODE, P_ACT, P_NAME, P_LEADS, P_PARTNERS, P_START, P_END, P_INTERP, P_GCM = range(9)
A_DATE, A_CODE, A_STATUS, A_PCT, A_COMMENT, A_BY, A_EVIDENCE = range(7)

CASES = [
    ("missing_sheet", _drop_sheet("Agencias"), {("missing_sheet", NA, "")}),
    ("missing_column", _drop_column("Objetivos", 1), {("missing_column", 1, "Nombre")}),
    ("required_value", _set("Productos", 2, P_NAME, ""), {("required_value", 2, "Nombre")}),
    ("required_value_blank", _set("Avances", 3, A_STATUS, "   "),
     {("required_value", 3, "Estado")}),
    ("duplicate_code", _append("Objetivos", ["1", "Otro objetivo"]),
     {("duplicate_code", 4, "Código")}),
    ("unknown_objective", _set("Estrategias", 3, 1, "9"),
     {("unknown_objective", 3, "Objetivo"), ("code_mismatch", 3, "Código")}),
    ("unknown_strategy", _set("Actividades", 3, 1, "2.9"),
     {("unknown_strategy", 3, "Estrategia"), ("code_mismatch", 3, "Código")}),
    ("unknown_activity", _set("Productos", 4, P_ACT, "2.1.9"),
     {("unknown_activity", 4, "Actividad"), ("code_mismatch", 4, "Código")}),
    ("unknown_agency", _set("Productos", 2, P_LEADS, "OIM, OMI"),
     {("unknown_agency", 2, "Líderes")}),
    ("unknown_partner", _set("Productos", 3, P_PARTNERS, "Banco Mundial"),
     {("unknown_agency", 3, "Socios")}),
    ("end_before_start", lambda s: (_set("Productos", 3, P_START, "2024-01-01")(s),
                                    _set("Productos", 3, P_END, "2023-T4")(s)),
     {("end_before_start", 3, "Fin")}),
    ("bad_date", _set("Productos", 2, P_START, "pronto"), {("bad_date", 2, "Inicio")}),
    ("bad_report_date", _set("Avances", 2, A_DATE, "2023-T3"), {("bad_date", 2, "Fecha")}),
    ("bad_gcm", _set("Productos", 2, P_GCM, "1, 30"), {("bad_gcm", 2, "Objetivos PMM")}),
    ("bad_bool", _set("Productos", 2, P_INTERP, "tal vez"),
     {("bad_bool", 2, "Fechas interpretadas")}),
    ("unknown_product", _set("Avances", 2, A_CODE, "9.9.9-9"),
     {("unknown_product", 2, "Producto")}),
    ("bad_percent", _set("Avances", 2, A_PCT, 140), {("bad_percent", 2, "Porcentaje")}),
    ("bad_status", _set("Avances", 2, A_STATUS, "Terminadito"), {("bad_status", 2, "Estado")}),
    ("bad_role", _set("Agencias", 2, 4, "Jefa"), {("bad_role", 2, "Rol")}),
    ("bad_number", _add_gcm([["x", "DATOS", "Datos", "Collect data"]]),
     {("bad_number", 2, "Número")}),
    # Warnings
    ("completed_below_100", _set("Avances", 4, A_PCT, 90),
     {("completed_below_100", 4, "Porcentaje")}),
    # A cell formatted as an Excel percentage holds 0.4 for "40 %" (regression: stored as 0.4 %)
    ("percent_as_fraction", _set("Avances", 3, A_PCT, 0.4),
     {("percent_as_fraction", 3, "Porcentaje")}),
    ("no_lead", _set("Productos", 3, P_LEADS, ""), {("no_lead", 3, "Líderes")}),
    ("bad_url", _set("Avances", 2, A_EVIDENCE, "carpeta compartida"),
     {("bad_url", 2, "Evidencia")}),
    ("javascript_url", _set("Avances", 2, A_EVIDENCE, "javascript:alert(1)"),
     {("bad_url", 2, "Evidencia")}),
    ("future_progress_date", _set("Avances", 2, A_DATE, dt.datetime(2025, 6, 30)),
     {("future_progress_date", 2, "Fecha")}),
    ("code_mismatch", _set("Productos", 4, P_CODE, "X-1"), {("code_mismatch", 4, "Código")}),
]  # fmt: skip

WARNINGS = {r.value for r in (Rule.COMPLETED_BELOW_100, Rule.NO_LEAD, Rule.BAD_URL,
                              Rule.FUTURE_PROGRESS_DATE, Rule.CODE_MISMATCH,
                              Rule.PERCENT_AS_FRACTION)}  # fmt: skip


def found(result) -> set[tuple]:
    return {
        (r, None if pd.isna(row) else int(row), c)
        for r, row, c in zip(
            result.issues["rule"], result.issues["row"], result.issues["column"], strict=True
        )
    }


@pytest.mark.parametrize(("name", "change", "expected"), CASES, ids=[c[0] for c in CASES])
def test_each_rule(name, change, expected) -> None:
    sheets = valid_sheets()
    change(sheets)
    result = load_workbook(make_workbook(sheets), today=TODAY)
    assert found(result) == expected
    only_warnings = {e[0] for e in expected} <= WARNINGS
    assert result.ok is only_warnings
    assert (result.plan is not None) is only_warnings
    assert list(result.issues.columns) == ISSUE_COLUMNS


def test_messages_name_sheet_row_column_and_value() -> None:
    sheets = valid_sheets()
    sheets["Productos"][1][P_LEADS] = "OMI"
    result = load_workbook(make_workbook(sheets), today=TODAY)
    issue = result.issues.iloc[0]
    assert issue["message"] == (
        "Hoja «Productos», fila 2, columna «Líderes»: agencia desconocida «OMI». "
        "¿Quiso decir «OIM»?"
    )
    assert issue["message_en"] == (
        "Sheet «Productos», row 2, column «Líderes»: unknown agency «OMI». Did you mean «OIM»?"
    )
    assert issue["value"] == "OMI" and issue["severity"] == "error"


def test_status_suggestion_in_message() -> None:
    sheets = valid_sheets()
    sheets["Avances"][1][A_STATUS] = "Completdo"
    issue = load_workbook(make_workbook(sheets), today=TODAY).issues.iloc[0]
    assert "¿Quiso decir «Completado»?" in issue["message"]


def test_every_problem_is_reported_in_one_pass() -> None:
    sheets = valid_sheets()
    for _, change, _ in CASES[2:]:  # all but the structural ones
        change(sheets)
    result = load_workbook(make_workbook(sheets), today=TODAY)
    expected = set().union(*(e for _, _, e in CASES[2:]))
    # A later change overwrites the report date of row 2 (bad text -> a future date).
    assert found(result) == expected - {("bad_date", 2, "Fecha")}
    assert not result.ok and result.plan is None
    errors, warnings = issue_summary(result.issues)
    assert errors > 10 and warnings >= 5
    # Errors come first.
    assert result.issues["severity"].tolist() == sorted(
        result.issues["severity"], key=lambda s: s != "error"
    )


def test_without_base_every_structure_sheet_is_required() -> None:
    result = load_workbook(make_workbook(progress_only([])), today=TODAY)
    assert found(result) == {
        ("missing_sheet", None, "")
    } and set(result.issues["sheet"]) == {
        "Objetivos", "Actividades", "Productos", "Agencias"  # «Estrategias» is optional (issue 9)
    }  # fmt: skip


def test_no_known_sheet_with_base(base_plan) -> None:
    data = make_workbook({"Hoja1": [["a", "b"], [1, 2]]})
    result = load_workbook(data, base=base_plan, today=TODAY)
    assert found(result) == {("no_known_sheet", None, "")}


def test_header_not_found_names_every_missing_column() -> None:
    sheets = valid_sheets()
    sheets["Avances"] = [["x", "y"], [1, 2]]
    result = load_workbook(make_workbook(sheets), today=TODAY)
    assert found(result) == {
        ("missing_column", None, h) for h in ("Fecha", "Producto", "Estado", "Porcentaje")
    }


def test_gcm_sheet_out_of_range_and_duplicates() -> None:
    rows = gcm_catalog().astype(object).values.tolist()
    rows.append([24, "X", "X", "X"])
    rows.append([1, "DATOS", "Datos", "Collect"])
    sheets = valid_sheets()
    _add_gcm(rows)(sheets)
    result = load_workbook(make_workbook(sheets), today=TODAY)
    assert found(result) == {("bad_number", 25, "Número"), ("duplicate_code", 26, "Número")}


def test_issue_log_frame_types() -> None:
    log = IssueLog()
    assert list(log.frame().columns) == ISSUE_COLUMNS and len(log.frame()) == 0
    log.add(Rule.NO_LEAD, "a", "b", sheet="Productos", row=3, column="Líderes")
    log.add(Rule.EMPTY_FILE, "vacío", "empty")
    df = log.frame()
    assert str(df["row"].dtype) == "Int64"
    assert df["rule"].tolist() == ["empty_file", "no_lead"]  # errors first
    assert df["message"].tolist() == ["vacío", "Hoja «Productos», fila 3, columna «Líderes»: a"]
    assert log.has_errors

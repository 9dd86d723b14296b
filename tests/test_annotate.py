"""annotate_errors by XML surgery (output/annotate.py, issue 12): the marks land where the
openpyxl version put them, nothing else in the workbook changes, existing notes are kept."""

from __future__ import annotations

import io
import zipfile

import hostile
import openpyxl
import pandas as pd
import pytest
from factory import TODAY, make_workbook, valid_sheets
from openpyxl.comments import Comment
from openpyxl.styles import Font

from planmonitor import model
from planmonitor.output.template import annotate_errors
from planmonitor.reading.loader import load_workbook


def _issue(sheet: str, row, column: str, message: str, severity: str = "error") -> dict:
    return {
        "sheet": sheet,
        "row": row,
        "column": column,
        "rule": "x",
        "severity": severity,
        "value": "",
        "message": message,
        "message_en": "",
    }


def _issues(*rows: dict) -> pd.DataFrame:
    return pd.DataFrame(list(rows), columns=model.ISSUE_COLUMNS)


def _open(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def _values(wb: openpyxl.Workbook) -> dict[str, list[tuple]]:
    return {ws.title: list(ws.iter_rows(values_only=True)) for ws in wb.worksheets}


def test_errors_are_red_warnings_yellow_and_no_value_changes() -> None:
    data = make_workbook(valid_sheets())
    issues = _issues(
        _issue("Avances", 3, "Estado", "estado raro"),
        _issue("Avances", 3, "Porcentaje", "aviso", severity="warning"),
        _issue("Productos", 2, "Líderes", "agencia desconocida"),
    )
    marked = _open(annotate_errors(data, issues))
    av, prods = marked["Avances"], marked["Productos"]
    assert av["C3"].fill.fgColor.rgb == "FFFFC7CE" and "Error: estado raro" in av["C3"].comment.text
    assert av["D3"].fill.fgColor.rgb == "FFFFEB9C"
    assert av["D3"].comment.text == "Advertencia: aviso"
    assert "agencia desconocida" in prods["D2"].comment.text
    assert av["C2"].comment is None and av["C2"].fill.fgColor.rgb != "FFFFC7CE"
    assert _values(marked) == _values(_open(data))
    assert av["A2"].is_date  # the date cell's number format survives in its copied style


def test_a_missing_cell_and_a_missing_row_are_added_to_hold_the_mark() -> None:
    data = make_workbook(valid_sheets())
    issues = _issues(
        _issue("Avances", 3, "Comentario", "falta el comentario"),  # an empty cell: no <c>
        _issue("Avances", 40, "Fecha", "fila lejana"),  # no such row
    )
    av = _open(annotate_errors(data, issues))["Avances"]
    assert "falta el comentario" in av["E3"].comment.text and av["E3"].value is None
    assert "fila lejana" in av["A40"].comment.text


def test_existing_notes_and_formats_are_kept() -> None:
    wb = openpyxl.load_workbook(io.BytesIO(make_workbook(valid_sheets())))
    ws = wb["Avances"]
    ws["B2"].comment = Comment("nota de la secretaría", "ana")
    ws["C3"].font = Font(bold=True)
    buf = io.BytesIO()
    wb.save(buf)
    data = buf.getvalue()
    issues = _issues(
        _issue("Avances", 2, "Producto", "producto desconocido"),
        _issue("Avances", 3, "Estado", "estado raro"),
    )
    av = _open(annotate_errors(data, issues))["Avances"]
    assert "nota de la secretaría" in av["B2"].comment.text
    assert "producto desconocido" in av["B2"].comment.text
    assert av["C3"].font.bold and "estado raro" in av["C3"].comment.text


def test_issues_of_the_loader_round_trip_through_the_marked_copy() -> None:
    sheets = valid_sheets()
    sheets["Avances"][2][2] = "Terminado"
    data = make_workbook(sheets)
    result = load_workbook(data, today=TODAY)
    marked = annotate_errors(data, result.issues)
    again = load_workbook(marked, today=TODAY)
    pd.testing.assert_frame_equal(again.issues, result.issues)


def test_shared_strings_are_copied_not_rewritten() -> None:
    data = make_workbook(valid_sheets())
    marked = annotate_errors(data, _issues(_issue("Avances", 2, "Estado", "x")))
    before, after = zipfile.ZipFile(io.BytesIO(data)), zipfile.ZipFile(io.BytesIO(marked))
    for name in before.namelist():
        if name.startswith("xl/worksheets/sheet") and "Avances" not in name:
            continue
        if name in ("xl/sharedStrings.xml", "docProps/core.xml", "xl/theme/theme1.xml"):
            assert after.read(name) == before.read(name), name


def test_a_sheet_not_written_as_excel_writes_is_not_guessed_at() -> None:
    data = hostile.cells_without_r()  # read fine, but cells have no r to find them by
    with pytest.raises(ValueError):
        annotate_errors(data, _issues(_issue("Avances", 2, "Estado", "x")))

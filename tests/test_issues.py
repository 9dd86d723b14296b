"""output.issues.issues_table: the one issues table of the upload page, Calidad and the CLI
(issue 8: it existed three times, in cli.plan, ui.tables and ui.upload)."""

from __future__ import annotations

import pandas as pd
from factory import make_workbook, valid_sheets

from planmonitor import model
from planmonitor.output.issues import CLI_COLUMNS, issues_table
from planmonitor.reading.loader import load_workbook


def issues() -> pd.DataFrame:
    sheets = valid_sheets()
    sheets["Productos"][1][3] = "OMI"  # an unknown lead: an error with a row and a value
    sheets["Productos"][2][3] = ""  # no lead: a warning
    return load_workbook(make_workbook(sheets)).issues


def test_screen_columns_in_both_languages_as_text_in_the_validation_order():
    found = issues()
    es = issues_table(found, "es")
    en = issues_table(found, "en")
    assert list(es.columns) == ["Gravedad", "Hoja", "Fila", "Columna", "Valor", "Mensaje"]
    assert list(en.columns) == ["Severity", "Sheet", "Row", "Column", "Value", "Message"]
    assert es["Gravedad"].tolist() == ["error", "advertencia"]  # errors first, as a word
    assert all(es[c].dtype == "str" for c in es.columns)
    assert es["Fila"].tolist() == [str(r) for r in found["row"]]  # "2", not "2.0"
    assert es["Mensaje"].tolist() == found["message"].tolist()
    assert en["Message"].tolist() == found["message_en"].tolist()
    assert "OMI" in es["Valor"].tolist()


def test_cli_columns_add_the_translated_severity_and_the_rule():
    found = issues()
    table = issues_table(found, "es", CLI_COLUMNS)
    assert list(table.columns) == ["Gravedad", "Hoja", "Fila", "Columna", "Regla", "Mensaje"]
    assert set(table["Gravedad"]) == {"error", "advertencia"}
    assert table["Regla"].tolist() == found["rule"].tolist()
    assert set(issues_table(found, "en", CLI_COLUMNS)["Severity"]) == {"error", "warning"}


def test_missing_cells_are_empty_and_english_falls_back_to_spanish():
    raw = pd.DataFrame(
        [["Productos", None, "", "no_lead", "warning", None, "Sin líder", ""]],
        columns=model.ISSUE_COLUMNS,
    ).astype({"row": "Int64"})
    en = issues_table(raw, "en")
    assert en.iloc[0].tolist() == ["warning", "Productos", "", "", "", "Sin líder"]
    assert "None" not in en.to_string() and "nan" not in en.to_string()


def test_the_input_is_not_mutated():
    found = issues()
    before = found.copy()
    issues_table(found, "en", CLI_COLUMNS)
    pd.testing.assert_frame_equal(found, before)

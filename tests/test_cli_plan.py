"""`python -m planmonitor validate|summary`: verdicts, exit codes, tables."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest
from factory import make_workbook, progress_only, valid_sheets

from planmonitor.cli import main
from planmonitor.cli.console import format_table


@pytest.fixture
def files(tmp_path):
    def write(name: str, data: bytes):
        path = tmp_path / name
        path.write_bytes(data)
        return str(path)

    return write


def test_valid_workbook_exits_0(files, capsys) -> None:
    path = files("plan.xlsx", make_workbook(valid_sheets()))
    assert main(["validate", path]) == 0
    assert "válido" in capsys.readouterr().out


def test_warnings_are_printed_but_exit_0(files, capsys) -> None:
    sheets = valid_sheets()
    sheets["Productos"][2][3] = ""
    assert main(["validate", files("plan.xlsx", make_workbook(sheets))]) == 0
    out = capsys.readouterr().out
    assert "1 advertencia" in out and "no_lead" in out and "fila 3" in out


def test_issues_exit_1_with_an_aligned_table(files, capsys) -> None:
    sheets = valid_sheets()
    sheets["Productos"][1][3] = "OMI"
    sheets["Avances"][1][3] = 140
    assert main(["validate", files("plan.xlsx", make_workbook(sheets))]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].endswith("2 error(es), 0 advertencia(s).")
    header, rule_line = out[1], out[2]
    assert header.split() == ["Gravedad", "Hoja", "Fila", "Columna", "Regla", "Mensaje"]
    assert set(rule_line) <= {"-", " "}
    # Columns are aligned: every row starts its «Hoja» cell where the header does.
    col = header.index("Hoja")
    assert all(line[col - 2 : col] == "  " for line in out[3:5])
    assert any("¿Quiso decir «OIM»?" in line for line in out)


def test_english_messages(files, capsys) -> None:
    sheets = valid_sheets()
    sheets["Avances"][1][2] = "Terminadito"
    assert main(["validate", files("plan.xlsx", make_workbook(sheets)), "--lang", "en"]) == 1
    out = capsys.readouterr().out
    assert "unknown status «Terminadito»" in out and "Severity" in out


@pytest.mark.parametrize(
    "data", [b"", b"a,b\n1,2\n", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600)]
)
def test_unreadable_file_exits_2(files, capsys, data) -> None:
    assert main(["validate", files("x.xlsx", data)]) == 2
    assert "no se puede leer" in capsys.readouterr().out


AVANCE = [dt.datetime(2024, 2, 1), "2.1.1-1", "En curso", 20, "", "", ""]


def test_an_avances_only_file_is_checked_against_the_stores_plan(files, capsys) -> None:
    """issue 10: without --base, a partial file gave five «missing_sheet» errors."""
    update = files("avances.xlsx", make_workbook(progress_only([AVANCE])))
    assert main(["validate", update]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "Libro parcial: se revisa contra la versión 2 del almacén."
    assert "missing_sheet" not in out and "válido" in out
    bad = files("bad.xlsx", make_workbook(progress_only([[*AVANCE[:1], "9-9", *AVANCE[2:]]])))
    assert main(["validate", bad, "--lang", "en"]) == 1
    out = capsys.readouterr().out
    assert "version 2 of the store" in out and "unknown_product" in out


def test_without_a_store_a_partial_file_is_checked_against_the_bundled_plan(
    files, capsys, no_store
) -> None:
    update = files("avances.xlsx", make_workbook(progress_only([AVANCE])))
    assert main(["validate", update]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == (
        "Libro parcial y no hay almacén: se revisa contra el plan incluido con la aplicación."
    )
    assert lines[1].endswith("válido.")


def test_base_overrides_the_store(files, capsys) -> None:
    base = files("plan.xlsx", make_workbook(valid_sheets()))
    rows = [[dt.datetime(2024, 2, 1), "1.1.1-2", "En curso", 20, "", "", ""]]
    update = files("avances.xlsx", make_workbook(progress_only(rows)))
    assert main(["validate", update, "--base", base]) == 0
    assert "almacén" not in capsys.readouterr().out
    bad = files("bad.xlsx", make_workbook(progress_only([[*rows[0][:1], "9-9", *rows[0][2:]]])))
    assert main(["validate", bad, "--base", base]) == 1
    assert "unknown_product" in capsys.readouterr().out


def test_summary_of_an_avances_only_file_counts_the_current_plan(files, capsys) -> None:
    update = files("avances.xlsx", make_workbook(progress_only([AVANCE])))
    assert main(["summary", update]) == 0
    out = capsys.readouterr().out
    assert "missing_sheet" not in out
    assert "20 productos" in out  # the bundled plan's products, the file's reports on top


def test_summary_prints_counts(files, capsys) -> None:
    assert main(["summary", files("plan.xlsx", make_workbook(valid_sheets()))]) == 0
    out = capsys.readouterr().out
    assert "3 productos, 3 reportes de avance, 14 agencias." in out
    lines = out.splitlines()
    oim = next(line for line in lines if line.startswith("OIM "))
    assert oim.split() == ["OIM", "2", "0", "2"]  # lead of two products, partner of none
    committee = next(line for line in lines if line.startswith("Comité Ejecutivo"))
    assert committee.split()[-3:] == ["0", "1", "1"]
    strat = lines.index("Productos por estrategia")
    assert lines[strat + 3].split()[0] == "1.1" and lines[strat + 3].split()[-1] == "2"


def test_summary_of_a_bad_file_shows_the_issues(files, capsys) -> None:
    assert main(["summary", files("x.xlsx", b"")]) == 2


def test_module_entry_point_runs(files) -> None:
    path = files("plan.xlsx", make_workbook(valid_sheets()))
    proc = subprocess.run(
        [sys.executable, "-m", "planmonitor", "validate", path, "--lang", "en"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert "valid." in proc.stdout


def test_format_table_cuts_long_cells_but_not_the_last() -> None:
    text = format_table([["x" * 100, "y" * 100]], ["A", "B"], max_width=10)
    row = text.splitlines()[2]
    assert row.startswith("x" * 9 + "…") and row.endswith("y" * 100)


def test_control_characters_from_a_workbook_are_printed_escaped(files, capsys) -> None:
    """issue 12: `_x001B_` in a cell is a real ESC once read; printed raw it drives the
    terminal (clears it, retitles it). The reader removes it from cells (with a warning), and
    the file name, which no reader cleans, is printed escaped."""
    sheets = valid_sheets()
    sheets["Productos"][1][3] = "OMI_x001B_[2J_x0000_"
    path = files("plan\x1b]0;titulo\x07.xlsx", make_workbook(sheets))  # a file name too
    assert main(["validate", path]) == 1
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x00" not in out
    assert "«OMI[2J»" in out and "U+001B" in out  # removed from the cell, and said
    assert "plan\\x1b]0;titulo\\x07.xlsx: 1 error(es)" in out
    assert all(ch >= " " for line in out.splitlines() for ch in line)


def test_summary_table_is_translated_and_aligned(files, capsys) -> None:
    assert main(["summary", files("plan.xlsx", make_workbook(valid_sheets())), "--lang", "en"]) == 0
    lines = capsys.readouterr().out.splitlines()
    i = lines.index("Products per agency")
    header, rule = lines[i + 1], lines[i + 2]
    assert header.split() == ["Agency", "Lead", "Partner", "Total"]
    starts = [header.index(h) for h in ("Lead", "Partner", "Total")]
    assert [rule[s - 2 : s] for s in starts] == ["  "] * 3
    oim = next(line for line in lines[i:] if line.startswith("OIM "))
    assert [oim[s] for s in starts] == ["2", "0", "2"]


def test_validate_shows_a_corrected_report_old_to_new(files, capsys) -> None:
    """Issue 10: a report of a product and date already in the log is a correction."""
    base = files("plan.xlsx", make_workbook(valid_sheets()))
    logged = valid_sheets()["Avances"][1]
    fixed = [logged[0], logged[1], logged[2], 55, *logged[4:]]
    update = files("avances.xlsx", make_workbook(progress_only([fixed])))
    assert main(["validate", update, "--base", base]) == 0
    lines = capsys.readouterr().out.splitlines()
    at = lines.index("1 avance(s) corregido(s)")
    assert lines[at + 1].split() == ["Fecha", "Código", "Cambio", "Campo", "Antes", "→", "después"]
    old = f"{logged[3]:g}"
    assert lines[at + 3].split()[1:] == [logged[1], "Corrección", "Porcentaje", old, "→", "55"]
    same = files("igual.xlsx", make_workbook(progress_only([logged])))
    assert main(["validate", same, "--base", base]) == 0
    assert "corregido" not in capsys.readouterr().out

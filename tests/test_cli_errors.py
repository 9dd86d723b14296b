"""The command line never prints a traceback: every error is a sentence and an exit code
(issue 12), its help is written for the secretariat (issue 10)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa
from factory import make_workbook, valid_sheets

from planmonitor import store
from planmonitor.cli import common, main
from planmonitor.store import engine

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def workbook(tmp_path) -> str:
    path = tmp_path / "plan.xlsx"
    path.write_bytes(make_workbook(valid_sheets()))
    return str(path)


def said(capsys) -> tuple[str, list[str]]:
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return out, err.splitlines()


# ---- input and output files --------------------------------------------------------------
@pytest.mark.parametrize("command", [["validate"], ["summary"], ["import", "--by", "Ana"]])
def test_a_missing_input_file_or_a_folder_is_a_sentence_and_exit_2(command, tmp_path, capsys):
    missing = str(tmp_path / "no-existe.xlsx")
    assert main([command[0], missing, *command[1:]]) == common.EXIT_USAGE
    assert said(capsys)[1] == [f"No existe el archivo «{missing}»."]
    assert main([command[0], str(tmp_path), *command[1:], "--lang", "en"]) == common.EXIT_USAGE
    assert said(capsys)[1] == [f"«{tmp_path}» is a folder, not a file."]


def test_an_output_that_cannot_be_written_is_exit_3(tmp_path, capsys):
    no_folder = tmp_path / "falta" / "plantilla.xlsx"
    assert main(["template", str(no_folder)]) == common.EXIT_OUTPUT
    assert said(capsys)[1] == [
        f"No se puede escribir «{no_folder}»: la carpeta «{no_folder.parent}» no existe."
    ]
    assert main(["template", str(tmp_path)]) == common.EXIT_OUTPUT
    assert said(capsys)[1] == [f"No se puede escribir «{tmp_path}»: es una carpeta."]
    a_file = tmp_path / "notas.txt"
    a_file.write_text("x")
    under_a_file = a_file / "plantilla.xlsx"
    assert main(["export", str(under_a_file), "--lang", "en"]) == common.EXIT_OUTPUT
    assert said(capsys)[1] == [f"Cannot write «{under_a_file}»: part of the path is not a folder."]
    assert main(["report", "--month", "2024-05", "--out", str(a_file)]) == common.EXIT_OUTPUT
    assert said(capsys)[1][-1].startswith(f"No se puede escribir «{a_file}»")


# ---- the database ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("url", "reason", "shown"),
    [
        ("esto no es una dirección", "no es válida", "esto no es una dirección"),
        ("mysql://ana@servidor/planes", "no es de un tipo admitido", "mysql://ana@servidor/planes"),
        (
            "postgresql+psycopg://ana:secreta@127.0.0.1:1/planes",
            "No se puede conectar",
            "postgresql+psycopg://ana:***@127.0.0.1:1/planes",
        ),
    ],
)
def test_a_database_that_cannot_be_used_is_a_sentence_and_exit_4(
    url, reason, shown, monkeypatch, capsys
):
    monkeypatch.setenv(engine.URL_ENV, url)
    assert main(["versions"]) == common.EXIT_STORE
    (line,) = said(capsys)[1]
    assert reason in line and f"«{shown}»" in line
    assert "secreta" not in line


def test_a_locked_sqlite_store_is_a_sentence_and_exit_4(tmp_path, monkeypatch, capsys, workbook):
    url = f"sqlite:///{tmp_path / 'bloqueado.sqlite'}"
    monkeypatch.setenv(engine.URL_ENV, url)
    store.open_store().dispose()  # created and seeded before another program locks it
    monkeypatch.setattr(engine, "LOCK_TIMEOUT_S", 0.2)
    holder = sa.create_engine(url)
    with holder.connect() as c:
        c.exec_driver_sql("BEGIN IMMEDIATE")  # another writer holds the lock
        assert main(["import", workbook, "--by", "Ana", "--allow-removals"]) == common.EXIT_STORE
        c.exec_driver_sql("ROLLBACK")
    holder.dispose()
    (line,) = said(capsys)[1]
    assert line.startswith("La base de datos «sqlite:///") and "está bloqueada" in line


def test_an_unknown_version_is_exit_2(capsys):
    assert main(["rollback", "99", "--lang", "en"]) == common.EXIT_USAGE
    assert said(capsys)[1] == ["There is no version 99."]


# ---- the last resort ---------------------------------------------------------------------
def test_ctrl_c_is_one_line_and_exit_130(workbook, monkeypatch, capsys):
    def interrupted(*_a, **_kw):
        raise KeyboardInterrupt

    monkeypatch.setattr("planmonitor.cli.plan.load_workbook", interrupted)
    assert main(["validate", workbook]) == common.EXIT_INTERRUPTED
    assert said(capsys)[1] == ["Interrumpido."]


def test_an_unexpected_error_is_internal_error_exit_70_without_traceback(
    workbook, monkeypatch, capsys
):
    def broken(*_a, **_kw):
        raise RuntimeError("algo se rompió")

    monkeypatch.setattr("planmonitor.cli.plan.load_workbook", broken)
    assert main(["validate", workbook]) == common.EXIT_INTERNAL
    (line,) = said(capsys)[1]
    assert line.startswith("error interno: RuntimeError: algo se rompió")
    monkeypatch.setenv("PLANMONITOR_DEBUG", "1")  # the developer's switch: the traceback too
    assert main(["validate", workbook]) == common.EXIT_INTERNAL
    err = capsys.readouterr().err
    assert "Traceback" in err and "algo se rompió" in err


def test_a_closed_pipe_ends_quietly(workbook):
    """`validate … | head -1`: the reader is gone before the first line is written."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    proc = subprocess.run(
        [sys.executable, "-m", "planmonitor", "summary", workbook],
        stdout=write_end, stderr=subprocess.PIPE, text=True, timeout=120,
    )  # fmt: skip
    os.close(write_end)
    assert proc.returncode in (0, common.EXIT_PIPE)
    assert proc.stderr == ""


def test_a_real_run_with_a_bad_url_prints_no_traceback(tmp_path):
    env = {**os.environ, engine.URL_ENV: "postgres://"}
    proc = subprocess.run(
        [sys.executable, "-m", "planmonitor", "versions"],
        env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert proc.returncode == common.EXIT_STORE
    assert "Traceback" not in proc.stderr and len(proc.stderr.splitlines()) == 1


# ---- help and usage ----------------------------------------------------------------------
def help_of(argv: list[str], capsys) -> str:
    assert main([*argv, "--help"]) == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("command", [[], ["validate"], ["import"], ["report"], ["diff"]])
def test_help_is_for_the_secretariat_in_the_catalogues_language(command, capsys):
    spanish = help_of(command, capsys)
    assert spanish.startswith("uso: python -m planmonitor")
    assert "códigos de salida:" in spanish and "opciones:" in spanish
    english = help_of([*command, "--lang", "en"], capsys)
    assert english.startswith("usage: ") and "exit codes:" in english
    for text in (spanish, english):  # no developer's words: modules, argparse, dispatch
        assert not re.search(r"cli_|\.py|argparse|dispatch|Namespace|show this help message", text)


def test_main_help_exits_0(capsys):
    assert main(["--help"]) == 0
    assert "validate" in capsys.readouterr().out


def test_a_usage_error_is_a_sentence_in_the_language(workbook, capsys):
    assert main(["import", workbook]) == common.EXIT_USAGE
    assert said(capsys)[1][-1] == "falta --by. Vea «python -m planmonitor import --help»."
    assert main(["diff", "1", "dos", "--lang", "en"]) == common.EXIT_USAGE
    assert said(capsys)[1][-1].startswith("V2: «dos» is not a version number.")


def test_the_readme_documents_every_exit_code():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    codes = [v for k, v in vars(common).items() if k.startswith("EXIT_")]
    for code in codes:
        assert re.search(rf"^\| {code} \|", readme, re.M), code

"""`python -m planmonitor report` end to end on the bundled data, in both languages."""

from __future__ import annotations

import os

import openpyxl
import pytest

from planmonitor import cli, store
from planmonitor.output import export
from planmonitor.output import report as rp
from planmonitor.reading.loader import load_default


def _pdf_expected() -> bool:
    if rp.chromium_path() is not None:
        return True
    if os.environ.get("CI") == "true":
        pytest.fail("CI=true but /usr/bin/chromium is missing: the PDF is not tested")
    return False


@pytest.mark.parametrize(
    ("lang", "sheet", "month", "note"),
    [
        ("es", "Resumen", "mayo de 2024", "datos de ejemplo ficticios"),
        ("en", "Summary", "May 2024", "fictitious example data"),
    ],
)
def test_report_on_the_bundled_data(no_store, tmp_path, capsys, lang, sheet, month, note):
    out = tmp_path / "out"
    argv = ["report", "--month", "2024-05", "--out", str(out), "--lang", lang]
    assert cli.main(argv) == 0
    printed = capsys.readouterr().out
    stem = f"informe-2024-05-{lang}"
    xlsx, html_path, pdf = (out / f"{stem}.{ext}" for ext in ("xlsx", "html", "pdf"))
    assert str(xlsx) in printed and str(html_path) in printed
    wb = openpyxl.load_workbook(xlsx)
    assert wb.sheetnames[0] == sheet
    # the report's sections, then the plan's data sheets (issue 11 §4: the report is an upload)
    assert wb.sheetnames[len(rp.SECTIONS) :] == list(export.plan_to_sheets(load_default().plan))
    text = html_path.read_text(encoding="utf-8")
    assert month in text and note in text  # the bundled progress log is the example one
    light = out / f"{stem}-ligero.html"  # issue 10: the light HTML for e-mail, always beside
    assert str(light) in printed
    assert light.read_text(encoding="utf-8") == rp.to_html(
        rp.build_report(load_default().plan, "2024-05", lang=lang), light=True
    )
    if _pdf_expected():
        assert pdf.read_bytes().startswith(b"%PDF") and str(pdf) in printed
    else:
        assert not pdf.exists()


def test_report_says_so_when_chromium_is_missing(no_store, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(rp.pdf, "chromium_path", lambda: None)
    out = tmp_path / "out"
    assert cli.main(["report", "--month", "2024-05", "--out", str(out)]) == 0
    assert "Chromium no está instalado" in capsys.readouterr().out
    names = sorted(p.name for p in out.iterdir())
    assert names == [
        "informe-2024-05-es-ligero.html",
        "informe-2024-05-es.html",
        "informe-2024-05-es.xlsx",
    ]


@pytest.mark.parametrize("month", ["2024-5", "2024-13", "mayo", "2024-05-01"])
def test_malformed_month_exits_2_with_a_clear_message(no_store, tmp_path, capsys, month):
    out = tmp_path / "out"
    assert cli.main(["report", "--month", month, "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "Mes no válido" in err and "AAAA-MM" in err
    assert not out.exists()


def test_report_reads_the_store_when_there_is_one(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv(store.URL_ENV, f"sqlite:///{tmp_path / 'pm.sqlite'}")
    monkeypatch.setattr(rp.pdf, "chromium_path", lambda: None)
    out = tmp_path / "out"
    assert cli.main(["report", "--month", "2024-05", "--out", str(out), "--lang", "en"]) == 0
    assert "Data: stored version" in capsys.readouterr().out
    assert (out / "informe-2024-05-en.xlsx").exists()


def test_a_report_in_english_does_not_overwrite_the_spanish_one(no_store, tmp_path, monkeypatch):
    """issue 10: `report --lang en` wrote over the Spanish files of the same month."""
    monkeypatch.setattr(rp.pdf, "chromium_path", lambda: None)
    out = tmp_path / "out"
    assert cli.main(["report", "--month", "2024-05", "--out", str(out)]) == 0
    spanish = (out / "informe-2024-05-es.html").read_text(encoding="utf-8")
    assert cli.main(["report", "--month", "2024-05", "--out", str(out), "--lang", "en"]) == 0
    assert (out / "informe-2024-05-es.html").read_text(encoding="utf-8") == spanish
    assert 'lang="en"' in (out / "informe-2024-05-en.html").read_text(encoding="utf-8")
    assert len(list(out.iterdir())) == 6  # xlsx, html and light html per language

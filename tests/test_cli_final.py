"""`python -m planmonitor report --final`: the end-of-cycle report from the CLI (issue 9 §4)."""

from __future__ import annotations

import os

import openpyxl
import pandas as pd
import pytest

from planmonitor import cli, store
from planmonitor.output import report as rp
from planmonitor.store.decisions import Entry

BUNDLED_ID = "red-de-las-naciones-unidas-sobre-la-migracion-en-peru-2023-2024"


@pytest.fixture
def no_chromium(monkeypatch):
    monkeypatch.setattr(rp.pdf, "chromium_path", lambda: None)


@pytest.mark.parametrize(
    ("lang", "sheet", "title"),
    [("es", "Resumen del ciclo", "Informe de cierre"), ("en", "Cycle summary", "End-of-cycle")],
)
def test_final_report_on_the_bundled_data(
    no_store, no_chromium, tmp_path, capsys, lang, sheet, title
):
    out = tmp_path / "out"
    assert cli.main(["report", "--final", "--out", str(out), "--lang", lang]) == 0
    printed = capsys.readouterr().out
    names = sorted(p.name for p in out.iterdir())
    # the bundled plan's code (from its «Plan» sheet), «cierre», the language
    stem = f"informe-cierre-{BUNDLED_ID}-{lang}"
    assert names == [f"{stem}-ligero.html", f"{stem}.html", f"{stem}.xlsx"]
    assert all(str(out / n) in printed for n in names)
    light = (out / f"{stem}-ligero.html").read_text(encoding="utf-8")
    # For e-mail: the same report with its charts as inline SVG, no plotly.js, under 1 MB.
    assert "<svg" in light and "Plotly.newPlot" not in light and title in light
    assert len(light.encode()) < 1_000_000 < len((out / f"{stem}.html").read_bytes())
    wb = openpyxl.load_workbook(out / f"{stem}.xlsx")
    assert wb.sheetnames[0] == sheet and len(wb.sheetnames) == len(rp.final.SECTIONS)
    text = (out / f"{stem}.html").read_text(encoding="utf-8")
    assert title in text and f'<html lang="{lang}">' in text


def test_final_report_prints_its_pdf_when_chromium_is_installed(no_store, tmp_path, capsys):
    out = tmp_path / "out"
    assert cli.main(["report", "--final", "--out", str(out)]) == 0
    pdf = out / f"informe-cierre-{BUNDLED_ID}-es.pdf"
    printed = capsys.readouterr().out
    if rp.chromium_path() is not None:  # as the monthly report's test: printed, or said
        assert pdf.read_bytes().startswith(b"%PDF") and str(pdf) in printed
    else:
        assert os.environ.get("CI") != "true", "CI=true but Chromium is missing"
        assert not pdf.exists() and "Chromium" in printed


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        ([], "indique --month AAAA-MM (informe mensual) o --final"),
        (["--final", "--month", "2024-05"], "--month y --final no van juntos"),
    ],
)
def test_month_or_final_exactly_one_else_a_sentence_and_exit_2(
    no_store, tmp_path, capsys, argv, said
):
    out = tmp_path / "out"
    assert cli.main(["report", *argv, "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert said in err and "Traceback" not in err
    assert not out.exists()


def test_an_unknown_plan_is_a_sentence_not_a_traceback(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv(store.URL_ENV, f"sqlite:///{tmp_path / 'pm.sqlite'}")
    store.open_store().dispose()
    code = cli.main(["report", "--final", "--plan", "no-such-plan", "--out", str(tmp_path)])
    err = capsys.readouterr().err
    assert code == 2 and "no-such-plan" in err and "Traceback" not in err


def test_final_report_from_the_store_lists_the_decisions_of_the_cycle(
    tmp_path, capsys, monkeypatch, no_chromium
):
    monkeypatch.setenv(store.URL_ENV, f"sqlite:///{tmp_path / 'pm.sqlite'}")
    opened = store.open_store()
    try:
        plan_store = opened.for_plan(None)
        info = plan_store.plan().info
        book = plan_store.decisions()
        for day, text in (
            (info.start + pd.Timedelta(days=40), "Revisar la guía en el Comité"),
            (info.end + pd.Timedelta(days=40), "Acuerdo del ciclo siguiente"),
        ):
            book.record(
                Entry(day.date(), "decision", "product", "1.1.1-1", text, owner="OIM"), "ana"
            )
    finally:
        opened.dispose()
    out = tmp_path / "out"
    assert cli.main(["report", "--final", "--out", str(out), "--lang", "en"]) == 0
    assert "Data: stored version" in capsys.readouterr().out
    wb = openpyxl.load_workbook(out / f"informe-cierre-{info.plan_id}-en.xlsx")
    ws = wb["Decisions and action points of "]  # the section's title, cut at 31 characters
    values = {c for row in ws.iter_rows(values_only=True) for c in row if c is not None}
    assert "Revisar la guía en el Comité" in values
    assert "Acuerdo del ciclo siguiente" not in values  # a meeting after the plan's end


def test_final_report_names_the_later_plan_of_the_store_that_continues_a_product(
    tmp_path, capsys, monkeypatch, no_chromium
):
    """A plan imported after the bundled one, whose «Plan anterior» is it, continues the
    unfinished products whose codes it keeps."""
    import io

    from planfactory import make_plan, product
    from plansheet import plan_info, with_info
    from plansheet import workbook as plans_workbook

    from planmonitor.output.carryover import unfinished_codes

    monkeypatch.setenv(store.URL_ENV, f"sqlite:///{tmp_path / 'pm.sqlite'}")
    opened = store.open_store()
    try:
        old = opened.for_plan(None)
        old_id, old_plan = old.plan_id, old.plan()
    finally:
        opened.dispose()
    code = unfinished_codes(old_plan)[0]
    later_end = old_plan.info.end + pd.DateOffset(years=2)
    info = plan_info(
        "red-siguiente",
        (old_plan.info.end + pd.Timedelta(days=1)).date().isoformat(),
        later_end.date().isoformat(),
        title="Plan Siguiente de Prueba",
    )
    data = plans_workbook(with_info(make_plan([product(code, "Continuación")]), info))
    book = openpyxl.load_workbook(io.BytesIO(data))
    book["Plan"].append(["Plan anterior", old_id])
    buffer = io.BytesIO()
    book.save(buffer)
    path = tmp_path / "siguiente.xlsx"
    path.write_bytes(buffer.getvalue())
    assert cli.main(["import", str(path), "--by", "Ana"]) == 0
    capsys.readouterr()
    out = tmp_path / "out"
    assert cli.main(["report", "--final", "--plan", old_id, "--out", str(out)]) == 0
    (xlsx,) = out.glob("informe-cierre-*-es.xlsx")
    ws = openpyxl.load_workbook(xlsx)["Trabajo que se traslada"]
    rows = {r[0]: r for r in ws.iter_rows(values_only=True) if r and r[0]}
    assert rows[code][-1] == f"Plan Siguiente de Prueba: {code} · Continuación"

"""`python -m planmonitor report --regional --month YYYY-MM` (issue 11, §3): the regional
report of every network of the store; clear messages and exit codes otherwise."""

from __future__ import annotations

import os

import openpyxl
import pytest
from planfactory import make_plan, product, report
from plansheet import plan_info, reading_plan_sheets, with_info  # noqa: F401  (fixture)
from plansheet import workbook as plans_workbook

from planmonitor import cli, model, store
from planmonitor.output import report as rp


def network_plan(pid: str, network: str, nid: str, start: str, end: str) -> model.Plan:
    """tests/app/test_network_access.py's builder: two products, one report in June."""
    year = start[:4]
    products = [
        product("2.1.1-1", "Observatorio", leads=["PNUD"], start=f"{year}-02-01"),
        product("2.2.1-1", "Campaña", start=f"{year}-03-01", end=end),
    ]
    progress = [report(f"{year}-06-30", "2.2.1-1", "En curso", 10, "Primer informe", "OIM")]
    info = plan_info(
        pid, start, end, title=f"Plan de {network}", network=network, network_id=nid,
        network_en=network.replace("Red", "Network"), country=f"País {nid[-1].upper()}",
    )  # fmt: skip
    return with_info(make_plan(products, progress), info)


PLAN_A = network_plan("red-a-2023-2024", "Red A", "red-a", "2023-01-01", "2024-12-31")
PLAN_B = network_plan("red-b-2025-2026", "Red B", "red-b", "2025-01-01", "2026-12-31")


def _pdf_expected() -> bool:
    if rp.chromium_path() is not None:
        return True
    if os.environ.get("CI") == "true":
        pytest.fail("CI=true but /usr/bin/chromium is missing: the PDF is not tested")
    return False


@pytest.fixture
def two_networks(tmp_path, monkeypatch, request):
    """A store of two networks: Red A (2023-2024) and Red B (2025-2026)."""
    request.getfixturevalue("reading_plan_sheets")
    monkeypatch.setenv(store.URL_ENV, f"sqlite:///{tmp_path / 'region.sqlite'}")
    s = store.open_store(seed=False)
    for p, name in ((PLAN_A, "a.xlsx"), (PLAN_B, "b.xlsx")):
        assert s.commit(plans_workbook(p), name, author="carga").stored
    s.dispose()


@pytest.mark.parametrize(
    ("lang", "summary", "outside"),
    [("es", "Calendario de reportes", "no incluye"), ("en", "Reporting calendar", "does not")],
)
def test_regional_report_writes_excel_html_and_pdf(
    two_networks, tmp_path, capsys, lang, summary, outside
):
    out = tmp_path / "out"
    argv = ["report", "--regional", "--month", "2024-06", "--out", str(out), "--lang", lang]
    assert cli.main(argv) == 0
    printed = capsys.readouterr().out
    stem = f"informe-regional-2024-06-{lang}"
    xlsx, html_path, pdf = (out / f"{stem}.{ext}" for ext in ("xlsx", "html", "pdf"))
    assert str(xlsx) in printed and str(html_path) in printed
    names = openpyxl.load_workbook(xlsx).sheetnames
    assert names[0] == summary
    assert any(n.startswith(("Red A · ", "Network A · ")) for n in names)
    text = html_path.read_text(encoding="utf-8")
    assert f'lang="{lang}"' in text and outside in text  # Red B's plan starts in 2025
    if _pdf_expected():
        assert pdf.read_bytes().startswith(b"%PDF") and str(pdf) in printed
    else:
        assert not pdf.exists()


def test_without_chromium_the_excel_and_html_are_written(two_networks, tmp_path, monkeypatch):
    monkeypatch.setattr(rp.pdf, "chromium_path", lambda: None)
    out = tmp_path / "out"
    assert cli.main(["report", "--regional", "--month", "2025-03", "--out", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == [
        "informe-regional-2025-03-es.html",
        "informe-regional-2025-03-es.xlsx",
    ]


def test_no_store_is_said_plainly(no_store, tmp_path, capsys):
    out = tmp_path / "out"
    assert cli.main(["report", "--regional", "--month", "2025-03", "--out", str(out)]) == 1
    captured = capsys.readouterr()
    assert "No hay almacén de datos" in captured.err and "Traceback" not in captured.err
    assert not out.exists()


def test_one_network_is_not_enough(tmp_path, monkeypatch, capsys, request):
    request.getfixturevalue("reading_plan_sheets")
    monkeypatch.setenv(store.URL_ENV, f"sqlite:///{tmp_path / 'one.sqlite'}")
    s = store.open_store(seed=False)
    assert s.commit(plans_workbook(PLAN_A), "a.xlsx", author="carga").stored
    s.dispose()
    out = tmp_path / "out"
    argv = ["report", "--regional", "--month", "2024-03", "--out", str(out), "--lang", "en"]
    assert cli.main(argv) == 1
    err = capsys.readouterr().err
    assert "needs at least 2 networks; the store holds 1" in err
    assert not out.exists()


@pytest.mark.parametrize("month", ["2025-3", "2025-13", "marzo"])
def test_malformed_month_exits_2(two_networks, tmp_path, capsys, month):
    out = tmp_path / "out"
    assert cli.main(["report", "--regional", "--month", month, "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "Mes no válido" in err and "Traceback" not in err
    assert not out.exists()


@pytest.mark.parametrize(
    "extra", [["--final"], ["--plan", "red-a-2023-2024"], ["--final", "--month", "2025-03"]]
)
def test_regional_with_final_or_plan_is_a_usage_error(two_networks, tmp_path, capsys, extra):
    out = tmp_path / "out"
    argv = ["report", "--regional", "--month", "2025-03", *extra, "--out", str(out)]
    if "--month" in extra:
        argv = ["report", "--regional", *extra, "--out", str(out)]
    assert cli.main(argv) == 2
    assert "--regional no se combina con --final ni con --plan" in capsys.readouterr().err
    assert not out.exists()


def test_regional_needs_a_month(two_networks, tmp_path, capsys):
    assert cli.main(["report", "--regional", "--out", str(tmp_path / "out")]) == 2
    assert "--regional necesita --month AAAA-MM" in capsys.readouterr().err

"""The monthly report: content on a hand-built plan, Excel, self-contained HTML, PDF."""

from __future__ import annotations

import dataclasses
import io
import os
import re
from pathlib import Path

import openpyxl
import pandas as pd
import plotly.offline
import pytest
from planfactory import cycle_info, make_plan, product, report

from planmonitor.model import NO_REPORT
from planmonitor.output import export
from planmonitor.output import report as rp

TS = pd.Timestamp
EVIL = "<script>alert(1)</script>"
FORMULA = '=HYPERLINK("evil.example/x","clic")'


def plan_may():
    products = [
        product(
            "1.1.1-1", "Diálogo", leads=["OIM"], start="2024-01-01", end="2024-12-31", gcm=[1, 2]
        ),
        product("1.1.1-2", EVIL, leads=["PNUD"], start="2024-01-01", end="2024-04-30"),
        product(
            "2.1.1-1", "Guía", leads=["OIT"], start="2024-03-01", end="2024-12-31", gcm_all=True
        ),
        product("2.1.1-2", "Evento", leads=["ACNUR"], start="2024-01-01", end="2024-12-31"),
    ]
    progress = [
        report("2024-04-10", "1.1.1-1", "En curso", 20, "Inicio", "OIM"),
        report("2024-04-20", "1.1.1-2", "En curso", 50, "", "PNUD"),
        report("2024-05-05", "1.1.1-1", "En curso", 60, FORMULA, "OIM - Ana"),
        report("2024-05-20", "2.1.1-2", "Cancelado", 0, "@x", "ACNUR"),
        report("2024-06-03", "1.1.1-1", "Completado", 100, "Después del mes", "OIM"),
    ]
    return make_plan(products, progress, info=MAY_INFO)


# A fictitious network's plan: its names come from plan.info, never from the catalog (issue 9)
MAY_INFO = cycle_info(
    "2024-01-01", "2024-12-31", "Plan de prueba 2024", "Red de Prueba", "Test Network"
)


@pytest.fixture(scope="module")
def may():
    return rp.build_report(plan_may(), "2024-05")


def test_parse_month():
    assert rp.parse_month("2024-05") == (TS("2024-05-01"), TS("2024-05-31"))
    assert rp.parse_month("2024-02") == (TS("2024-02-01"), TS("2024-02-29"))
    for bad in ("2024-5", "2024-13", "24-05", "", "2024-05-01", "mayo"):
        with pytest.raises(ValueError, match="AAAA-MM"):
            rp.parse_month(bad)


def test_headline_counts_as_of_month_end(may):
    counts = dict(zip(may.status_counts["status"], may.status_counts["count"], strict=True))
    assert counts["En curso"] == 2  # the June "Completado" is not seen
    assert counts["Cancelado"] == 1
    assert counts[NO_REPORT] == 1
    assert counts["Completado"] == 0
    assert may.n_products == 4
    assert may.n_no_report == 1
    assert may.overall == pytest.approx((60 + 50 + 0) / 3)  # cancelled excluded
    assert may.end == TS("2024-05-31")


def test_entries_are_the_months_only(may):
    assert may.entries["date"].tolist() == [TS("2024-05-05"), TS("2024-05-20")]
    assert may.entries["code"].tolist() == ["1.1.1-1", "2.1.1-2"]
    assert may.entries["name"].tolist() == ["Diálogo", "Evento"]


def test_changes_since_the_previous_month_end(may):
    ch = may.changes
    assert ch.reference == TS("2024-04-30")
    assert ch.status_changes[["code", "old_status", "new_status"]].values.tolist() == [
        ["2.1.1-2", NO_REPORT, "Cancelado"]
    ]
    assert ch.percent_gained[["code", "delta"]].values.tolist() == [["1.1.1-1", 40.0]]
    assert ch.new_comments["comment"].tolist() == [FORMULA, "@x"]


def test_changes_against_a_previous_version(may):
    plan = plan_may()
    previous = dataclasses.replace(
        plan, products=plan.products[plan.products["code"] != "2.1.1-2"].reset_index(drop=True)
    )
    rep = rp.build_report(plan, "2024-05", previous=previous)
    assert rep.against_version
    assert rep.changes.new_products["code"].tolist() == ["2.1.1-2"]
    kinds = rep.sections()[3].table["Tipo"].tolist()
    assert "Producto nuevo" in kinds


def test_alerts_as_of_month_end(may):
    found = set(zip(may.alerts["code"], may.alerts["kind"], strict=True))
    assert ("1.1.1-2", "overdue") in found  # ended 30 Apr, still "En curso"
    assert ("2.1.1-1", "stale") in found  # started, never reported
    assert not any(code == "1.1.1-1" for code, _ in found)  # reported 26 days before
    assert not any(code == "2.1.1-2" for code, _ in found)  # cancelled


def test_silent_agencies_are_leads_of_ongoing_products_without_a_report_in_the_month(may):
    # OIM reported ("OIM - Ana"), ACNUR's product is cancelled; PNUD and OIT said nothing.
    assert may.silent_agencies["agency"].tolist() == ["PNUD", "OIT"]
    last = dict(zip(may.silent_agencies["agency"], may.silent_agencies["last_date"], strict=True))
    assert last["PNUD"] == TS("2024-04-20")
    assert pd.isna(last["OIT"])
    table = may.sections()[5].table
    assert table.iloc[1].tolist()[-1] == "nunca"


def test_gcm_coverage_with_and_without_todos(may):
    gcm = may.gcm.set_index("number")
    assert gcm.loc[1, "n_specific"] == 1 and gcm.loc[1, "n_all"] == 1
    assert gcm.loc[3, "n_specific"] == 0 and gcm.loc[3, "n_all"] == 1
    lines = may.sections()[6].lines
    assert lines[0].endswith("ninguno")
    assert lines[1].endswith(": " + ", ".join(str(n) for n in range(3, 24)))


def test_sections_in_both_languages_fit_sheet_names():
    plan = plan_may()
    for lang in ("es", "en"):
        titles = [s.title for s in rp.build_report(plan, "2024-05", lang=lang).sections()]
        assert len(titles) == len(rp.SECTIONS) == len(set(titles))
        assert all(len(x) <= 31 and not re.search(r"[\[\]:*?/\\]", x) for x in titles)
    en = rp.build_report(plan, "2024-05", lang="en")
    assert en.sections()[0].title == "Summary"
    assert "Status change" in en.sections()[3].table["Kind"].tolist()


# --------------------------------------------------------------------------------------------
# Excel
# --------------------------------------------------------------------------------------------
def test_excel_has_one_sheet_per_section_and_text_stays_text(may):
    data = rp.to_excel(may)
    wb = openpyxl.load_workbook(io.BytesIO(data))
    titles = [s.title for s in may.sections()]
    assert wb.sheetnames[: len(titles)] == titles  # the report first, then the plan's data
    assert wb.sheetnames[len(titles) :] == list(export.plan_to_sheets(plan_may()))
    assert wb.sheetnames[0] == "Resumen"
    for ws in wb.worksheets[: len(titles)]:
        # the title row: the plan's own network and title
        assert str(ws["A1"].value) == (
            "Red de Prueba · Informe mensual de seguimiento · Plan de prueba 2024"
        )
    cells = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row]
    formula = [c for c in cells if c.value == FORMULA]
    at = [c for c in cells if c.value == "@x"]
    assert formula and at  # in the entries and in the changes
    assert all(c.data_type == "s" for c in formula + at)
    assert not [c for c in cells if c.data_type == "f"]


def test_excel_in_english_has_english_sheet_names():
    rep = rp.build_report(plan_may(), "2024-05", lang="en")
    wb = openpyxl.load_workbook(io.BytesIO(rp.to_excel(rep)))
    assert wb.sheetnames[:3] == ["Summary", "Status by product", "Progress this month"]


def test_same_input_same_bytes_and_strings():
    a = rp.build_report(plan_may(), "2024-05")
    b = rp.build_report(plan_may(), "2024-05")
    assert rp.to_excel(a) == rp.to_excel(b)
    assert rp.to_html(a) == rp.to_html(b)


# --------------------------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def html_may(may):
    return rp.to_html(may)


def test_html_is_self_contained(html_may):
    bundle = plotly.offline.get_plotlyjs()
    # plotly.js inlined exactly once (first chart), never fetched
    assert html_may.count(bundle) == 1
    # The library's own source holds URLs in strings and comments (its modebar link, geo and
    # mathjax defaults, unused here); our markup around it must hold none at all.
    rest = html_may.replace(bundle, "")
    assert "<script src" not in rest.lower()
    assert "<link" not in rest.lower()
    assert not re.search(r"""(src|href)\s*=""", rest, re.I)
    assert "url(" not in rest and "@import" not in rest
    assert "http://" not in rest and "https://" not in rest
    assert "https://cdn" not in rest
    assert rest.count('class="plotly-graph-div"') == 4


def test_html_escapes_workbook_text(html_may):
    assert EVIL not in html_may
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html_may
    assert "<script>alert" not in html_may


def test_html_header_print_rules_and_sections(html_may):
    assert '<div class="network">Red de Prueba</div>' in html_may
    assert "<h1>Informe mensual de seguimiento · Plan de prueba 2024</h1>" in html_may
    assert "mayo de 2024" in html_may
    assert 'lang="es"' in html_may and "Idioma: español" in html_may
    assert "@page { size: A4; margin: 15mm; }" in html_may
    assert "break-inside: avoid" in html_may
    assert html_may.count("<h2>") == len(rp.SECTIONS)
    assert 'width":660' in html_may.replace(" ", "")  # charts sized for A4


def test_long_tables_are_cut_in_the_html_and_say_so_but_kept_whole_in_excel(monkeypatch):
    # A network-scale month has thousands of rows per table: the printable report shows the
    # first HTML_MAX_ROWS and points to the Excel workbook, which keeps every row.
    monkeypatch.setattr(rp.html, "HTML_MAX_ROWS", 2)
    rep = rp.build_report(plan_may(), "2024-05")
    html_text = rp.to_html(rep)
    assert "Se muestran las primeras 2 de 4 filas" in html_text  # the status table: 4 products
    assert "de 10 filas" not in html_text  # the summary's indicators are never cut
    section = html_text.split('<section id="status"', 1)[1].split("</section>", 1)[0]
    status = section.split("<table>", 1)[1]  # the table (the Gantt above it shows all)
    assert status.count("<tr>") == 1 + 2  # header + two rows
    assert "1.1.1-1" in status and "2.1.1-2" not in status
    assert "Nada que informar." not in section
    wb = openpyxl.load_workbook(io.BytesIO(rp.to_excel(rep)))
    codes = [c.value for c in wb["Estado por producto"]["A"]]
    assert "2.1.1-2" in codes  # every product in the workbook
    en = rp.to_html(rp.build_report(plan_may(), "2024-05", lang="en"))
    assert "The first 2 of 4 rows are shown" in en
    monkeypatch.setattr(rp.html, "HTML_MAX_ROWS", 4)
    assert "Se muestran" not in rp.to_html(rep)  # exactly at the cap: nothing is cut


def test_the_timeline_collapses_to_activities_then_strategies_to_fit_a_page():
    def timeline(n_activities: int, per_activity: int):
        products = [
            product(f"1.{a % 9 + 1}.{a // 9 + 1}-{p}", start="2024-01-01", end="2024-12-31")
            for a in range(n_activities)
            for p in range(1, per_activity + 1)
        ]
        rep = rp.build_report(make_plan(products), "2024-05")
        return list(rp.html._figures(rep)["status"][0][1].layout.yaxis.categoryarray)

    assert len(timeline(6, 10)) == rp.GANTT_MAX_BARS  # 60 products: one bar each
    by_activity = timeline(7, 10)  # 70 products, 7 activities
    assert [row.split(" ")[0] for row in by_activity][:2] == ["1.1.1", "1.2.1"]
    assert len(by_activity) == 7
    assert len(timeline(70, 1)) == 9  # 70 activities do not fit: the 9 strategies


def test_html_example_note_only_for_example_data():
    plan = plan_may()
    note = "datos de ejemplo ficticios"
    assert note not in rp.to_html(rp.build_report(plan, "2024-05"))
    example = dataclasses.replace(plan, meta={"datos_ficticios": "Sí"})
    assert note in rp.to_html(rp.build_report(example, "2024-05"))
    en = rp.to_html(rp.build_report(example, "2024-05", lang="en"))
    assert "fictitious example data" in en and "May 2024" in en and 'lang="en"' in en


def test_generated_at_only_when_given():
    plan = plan_may()
    assert "Generado el" not in rp.to_html(rp.build_report(plan, "2024-05"))
    html_text = rp.to_html(rp.build_report(plan, "2024-05", generated_at=TS("2024-06-03")))
    assert "Generado el 03/06/2024" in html_text


def test_empty_month_says_nothing_to_report():
    rep = rp.build_report(plan_may(), "2023-01")
    assert rep.entries.empty and rep.changes.is_empty
    assert "Nada que informar." in rp.to_html(rep)


# --------------------------------------------------------------------------------------------
# PDF
# --------------------------------------------------------------------------------------------
def test_pdf_with_system_chromium(tmp_path, may):
    if rp.chromium_path() is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but /usr/bin/chromium is missing: the PDF is not tested")
        pytest.skip("/usr/bin/chromium is not installed: the PDF cannot be printed here")
    pdf = rp.to_pdf(rp.to_html(may))
    assert pdf is not None and pdf.startswith(b"%PDF")
    assert len(pdf) > 10_000


def test_pdf_is_none_without_chromium(monkeypatch):
    monkeypatch.setattr(rp.pdf, "CHROMIUM", Path("/nonexistent/chromium"))
    monkeypatch.setattr(rp.pdf.shutil, "which", lambda name: None)
    assert rp.to_pdf("<html></html>") is None


def test_pdf_failure_is_an_error_not_a_silent_none(monkeypatch):
    monkeypatch.setattr(rp.pdf, "CHROMIUM", Path("/bin/false"))
    with pytest.raises(rp.PdfError):
        rp.to_pdf("<html></html>")


def test_report_titles_come_from_the_plan_and_stay_neutral_without_one():
    # issue 9: English network name in English; no «Plan» sheet: no network line, no invention
    en = rp.build_report(plan_may(), "2024-05", lang="en")
    assert en.network == "Test Network"
    assert en.title == "Monthly monitoring report · Plan de prueba 2024"
    bare = make_plan([product("1.1.1-1")])
    neutral = rp.build_report(bare, "2024-05")
    assert neutral.network == "" and neutral.title == (
        "Informe mensual de seguimiento del plan de trabajo"
    )
    html_text = rp.to_html(neutral)
    assert 'class="network"' not in html_text
    assert "Perú" not in html_text and "Naciones Unidas" not in html_text

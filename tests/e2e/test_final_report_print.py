"""The end-of-cycle report's HTML (downloaded from the report page in «Cierre del ciclo» mode)
opens in Chromium without a script error and prints to PDF (issue 9 §4)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect
from test_report_print import TIMEOUT, open_and_print

from planmonitor.output import report
from planmonitor.reading.loader import load_default

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]


def test_final_report_downloaded_from_the_page_opens_and_prints(
    server, page, tmp_path, screenshots
):
    page.goto(f"{server.url}/informe")
    expect(page.get_by_role("heading", name="Informe mensual", exact=True)).to_be_visible(
        timeout=TIMEOUT
    )
    mode = page.get_by_test_id("stMain").get_by_text("Cierre del ciclo", exact=True)
    expect(mode).to_be_visible(timeout=TIMEOUT)
    mode.click()
    # The page has rerun in the end-of-cycle mode once the month selector is gone (the
    # caption about the last day is there in both modes, so it cannot be what is waited on).
    main = page.get_by_test_id("stMain")
    expect(main.get_by_test_id("stSelectbox")).to_have_count(0, timeout=TIMEOUT)
    # ... and the run has ended: the end-of-cycle preview is drawn (its sections are in the
    # collapsed expander) and no script is running, so the buttons hold the new files.
    expect(main.get_by_text("Productos no completados").first).to_be_attached(timeout=TIMEOUT)
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=TIMEOUT)
    expect(page.get_by_text("su último día").first).to_be_visible(timeout=TIMEOUT)
    button = page.get_by_role("button", name="Descargar HTML (para imprimir)")
    expect(button).to_be_visible(timeout=TIMEOUT)
    page.screenshot(path=str(screenshots / "informe-cierre.png"))
    with page.expect_download(timeout=TIMEOUT) as info:
        button.click()
    download = info.value
    assert download.suggested_filename.startswith("informe-cierre-")
    assert download.suggested_filename.endswith("-es.html")
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    html = saved.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "<script src=" not in html  # self-contained
    report_page = page.context.new_page()
    open_and_print(report_page, saved, screenshots / "informe-cierre-html.png")
    expect(report_page.get_by_role("heading", name="Productos no completados")).to_be_visible()


def test_final_report_html_in_english_prints(page, tmp_path):
    built = report.build_final_report(load_default().plan, "en")
    path = tmp_path / "final.html"
    path.write_text(report.final_html(built), encoding="utf-8")
    open_and_print(page, path)
    expect(page.locator(".js-plotly-plot")).to_have_count(2)
    expect(page.get_by_role("heading", name="Work carried over")).to_be_visible()

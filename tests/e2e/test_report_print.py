"""The monthly report's HTML (downloaded from the "Informe mensual" page) and the minutes open
in Chromium without a script error and print to PDF."""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import Page, expect

from planmonitor.output import minutes, report
from planmonitor.reading.loader import load_default
from planmonitor.store import decisions

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]

TIMEOUT = 30_000


def open_and_print(page: Page, path, screenshot=None) -> bytes:
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    if screenshot is not None:
        page.screenshot(path=str(screenshot), full_page=False)
    page.emulate_media(media="print")
    pdf = page.pdf(format="A4", print_background=True)
    assert not errors, errors
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
    return pdf


def test_report_downloaded_from_the_page_opens_and_prints(server, page, tmp_path, screenshots):
    page.goto(f"{server.url}/informe")
    expect(page.get_by_role("heading", name="Informe mensual", exact=True)).to_be_visible(
        timeout=TIMEOUT
    )
    button = page.get_by_role("button", name="Descargar HTML (para imprimir)")
    expect(button).to_be_visible(timeout=TIMEOUT)
    page.screenshot(path=str(screenshots / "informe.png"))
    with page.expect_download(timeout=TIMEOUT) as info:
        button.click()
    download = info.value
    assert download.suggested_filename.startswith("informe-mensual-")
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    html = saved.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "<script src=" not in html  # self-contained
    report_page = page.context.new_page()
    open_and_print(report_page, saved, screenshots / "informe-html.png")
    expect(report_page.locator(".js-plotly-plot").first).to_be_attached()
    expect(report_page.get_by_role("heading", name="Informe mensual")).to_be_visible()


def test_report_html_in_english_prints(page, tmp_path):
    plan = load_default().plan
    built = report.build_report(plan, "2024-05", lang="en")
    path = tmp_path / "report.html"
    path.write_text(report.to_html(built), encoding="utf-8")
    open_and_print(page, path)
    expect(page.locator(".js-plotly-plot")).to_have_count(4)


def test_minutes_html_prints(page, tmp_path):
    current = decisions._frame(
        [
            (
                "a" * 32, 1, dt.date(2024, 5, 14), "action", "product", "1.1.1-1",
                "<script>alert(1)</script> enviar la guía", "PNUD", dt.date(2024, 6, 30),
                "open", "ana", dt.datetime(2024, 5, 14, tzinfo=dt.UTC),
            )
        ]
    )  # fmt: skip
    path = tmp_path / "acta.html"
    path.write_text(minutes.minutes_html(current, "es", dt.date(2024, 5, 14)), encoding="utf-8")
    open_and_print(page, path)
    expect(page.get_by_text("<script>alert(1)</script> enviar la guía")).to_be_visible()

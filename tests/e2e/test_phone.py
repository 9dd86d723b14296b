"""Every page on a phone (390×844, issue 10): no horizontal scrolling of the page, every
heading, button, segmented control and metric inside the viewport, no two headings or metrics
on top of each other, and inside each chart no legend over the title and no two tile texts
on top of each other. Screenshots of each page go to a temporary folder (printed on failure).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from test_dashboard import TIMEOUT, wait_idle

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]

PHONE = {"width": 390, "height": 844}
# A phone's browser says so in its User-Agent ("Mobile"): the rule ui.page.phone reads
PHONE_AGENT = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Mobile Safari/537.36"
)
PAGES = ("", "cronograma", "carga", "cobertura", "avance", "calidad", "cambios", "decisiones",
         "informe", "secretaria")  # fmt: skip

# What the page shows, measured in the browser (phone_measure.js). A box counts when it is
# rendered (width and height above 0, in the main pane); 1 px of rounding allowed.
MEASURE = (Path(__file__).parent / "phone_measure.js").read_text()


def drawn(page: Page) -> None:
    expect(page.locator("[data-testid=stMain] h1").first).to_be_visible(timeout=TIMEOUT)
    wait_idle(page)
    charts = page.locator("[data-testid=stPlotlyChart]")
    for i in range(charts.count()):  # each chart drawn by plotly, not only its placeholder
        expect(charts.nth(i).locator(".main-svg").first).to_be_attached(timeout=TIMEOUT)


@pytest.fixture
def phone(browser):
    context = browser.new_context(
        viewport=PHONE,
        locale="es-PE",
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        user_agent=PHONE_AGENT,
    )
    pg = context.new_page()
    yield pg
    context.close()


@pytest.mark.parametrize("lang", ["es", "en"])
def test_every_page_is_readable_on_a_phone(server, phone, tmp_path, lang) -> None:
    found = {}
    for path in PAGES:
        phone.goto(f"{server.url}/{path}{'?lang=en' if lang == 'en' else ''}")
        drawn(phone)
        name = path or "resumen"
        phone.screenshot(path=str(tmp_path / f"{name}-{lang}.png"))
        charts = phone.get_by_test_id("stPlotlyChart")
        for i in range(charts.count()):  # the main pane scrolls, not the page: one per chart
            charts.nth(i).screenshot(path=str(tmp_path / f"{name}-{lang}-chart{i}.png"))
        found[name] = phone.evaluate(MEASURE)
    print(f"phone screenshots: {tmp_path}")
    (tmp_path / "problems.json").write_text(json.dumps(found, indent=1, ensure_ascii=False))
    assert {k: v for k, v in found.items() if v} == {}
    assert len(found) == len(PAGES)

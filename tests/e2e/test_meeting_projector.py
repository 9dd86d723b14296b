"""Meeting mode on a 1920x1080 projector: large type, no sidebar, arrow keys, links."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect
from test_dashboard import wait_idle

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]

TIMEOUT = 30_000
MIN_BODY_PX = 24


def heading(page: Page, name: str):
    return page.get_by_role("heading", name=name, exact=True)


def no_exception(page: Page) -> None:
    expect(page.get_by_test_id("stException")).to_have_count(0)
    assert "Traceback" not in page.content()


def font_px(page: Page, selector: str) -> float:
    return page.locator(selector).first.evaluate("el => parseFloat(getComputedStyle(el).fontSize)")


def test_meeting_mode_is_projector_ready_and_arrow_keys_step_through(server, page, screenshots):
    page.goto(f"{server.url}/?reunion=1")
    expect(heading(page, "Resumen del plan")).to_be_visible(timeout=TIMEOUT)
    expect(page.get_by_test_id("stPlotlyChart").first).to_be_visible(timeout=TIMEOUT)
    wait_idle(page)
    expect(page).to_have_url(re.compile(r"[?&]paso=1"))
    # the sidebar (filters, navigation) is not visible; the screen is the content
    expect(page.get_by_test_id("stSidebar")).to_be_hidden(timeout=TIMEOUT)
    # body text readable from the back of the room
    main = '[data-testid="stMain"]'
    assert font_px(page, f'{main} [data-testid="stCaptionContainer"]') >= MIN_BODY_PX
    assert font_px(page, "body") >= MIN_BODY_PX
    assert font_px(page, f'{main} [data-testid="stMetricValue"]') >= 48
    # charts use the full width: two side by side fill most of 1920 px
    widths = page.get_by_test_id("stPlotlyChart").evaluate_all(
        "els => els.map(e => e.getBoundingClientRect().width)"
    )
    assert sum(widths) > 1600
    tick = page.locator(".js-plotly-plot .ytick text").first
    assert float(tick.evaluate("el => parseFloat(el.style.fontSize)")) >= 20
    no_exception(page)
    page.screenshot(path=str(screenshots / "reunion-1-resumen.png"))

    heading(page, "Resumen del plan").click()  # focus the page, not a widget
    page.keyboard.press("ArrowRight")
    expect(heading(page, "Cronograma · Estrategia 1.1")).to_be_visible(timeout=TIMEOUT)
    expect(page).to_have_url(re.compile(r"[?&]paso=2"), timeout=TIMEOUT)
    wait_idle(page)
    no_exception(page)
    page.screenshot(path=str(screenshots / "reunion-2-cronograma.png"))

    page.keyboard.press("ArrowLeft")
    expect(heading(page, "Resumen del plan")).to_be_visible(timeout=TIMEOUT)
    expect(page).to_have_url(re.compile(r"[?&]paso=1"), timeout=TIMEOUT)


@pytest.mark.parametrize(
    ("query", "title", "shot"),
    [
        ("paso=8", "Carga por agencia", "reunion-carga"),
        ("paso=9", "Cobertura del PMM", "reunion-pmm"),
        # past the end: the last screen, whatever the filters left in the agenda; the
        # bundled plan has products without a lead: a table of what to act on
        ("paso=99", "Alertas", "reunion-alertas"),
        # OIM's products all have a lead and the plan has ended (no stale-report alerts):
        # nothing to act on, said in words (issue 10)
        ("paso=99&agencia=OIM", "Alertas", "reunion-alertas-oim"),
    ],
)
def test_a_link_opens_a_given_screen(server, page, screenshots, query, title, shot):
    page.goto(f"{server.url}/?reunion=1&{query}")
    expect(heading(page, title)).to_be_visible(timeout=TIMEOUT)
    wait_idle(page)
    content = "stTable" if title == "Alertas" else "stPlotlyChart"
    if "agencia=OIM" in query:
        expect(page.get_by_text("No hay alertas.")).to_be_visible(timeout=TIMEOUT)
        expect(page.get_by_test_id("stTable")).to_have_count(0)
    else:
        expect(page.get_by_test_id(content).first).to_be_visible(timeout=TIMEOUT)
    if content == "stPlotlyChart":
        expect(page.locator(".js-plotly-plot").first).to_be_visible(timeout=TIMEOUT)
    expect(page.get_by_test_id("stSidebar")).to_be_hidden(timeout=TIMEOUT)
    if "agencia=OIM" in query:
        expect(page.get_by_text(re.compile("Mostrando: OIM"))).to_be_visible()
    no_exception(page)
    page.screenshot(path=str(screenshots / f"{shot}.png"))


def test_leaving_meeting_mode_brings_the_sidebar_back(server, page):
    page.goto(f"{server.url}/?reunion=1&paso=2")
    expect(heading(page, "Cronograma · Estrategia 1.1")).to_be_visible(timeout=TIMEOUT)
    wait_idle(page)
    page.get_by_role("button", name="Salir").click()
    expect(page.get_by_test_id("stSidebar")).to_be_visible(timeout=TIMEOUT)
    expect(page).not_to_have_url(re.compile(r"reunion="), timeout=TIMEOUT)
    no_exception(page)

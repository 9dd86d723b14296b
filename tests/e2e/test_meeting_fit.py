"""Meeting mode fits the projector (issue 10): every screen of the agenda at 1920×1080 without
scrolling, and no focus frame drawn over the screen after the buttons or the arrow keys."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect
from test_dashboard import TIMEOUT, wait_idle

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]

# Every box that could scroll: the document and Streamlit's main pane (the app scrolls in it).
OVERFLOW = """() => [document.scrollingElement, ...document.querySelectorAll(
    '[data-testid=stAppViewContainer], [data-testid=stMain]')]
  .filter(el => el.scrollHeight > el.clientHeight + 1)
  .map(el => (el.getAttribute('data-testid') || el.tagName)
    + `: ${el.scrollHeight} > ${el.clientHeight}`)"""

# The focused element, when it draws a frame (an outline or a focus ring) over the heading.
FOCUS_FRAME = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const s = getComputedStyle(el);
  const framed = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0)
    || (s.boxShadow && s.boxShadow !== 'none' && el.tagName !== 'BUTTON');
  if (!framed) return null;
  const h = document.querySelector('[data-testid=stMain] h1').getBoundingClientRect();
  const r = el.getBoundingClientRect();
  const over = Math.min(r.right, h.right) > Math.max(r.left, h.left)
    && Math.min(r.bottom, h.bottom) > Math.max(r.top, h.top);
  return over ? `${el.tagName} ${el.getAttribute('data-testid') || ''} ${s.outline}` : null;
}"""


def screen_title(page: Page) -> str:
    return page.locator("[data-testid=stMain] h1").first.inner_text()


def settled(page: Page) -> None:
    wait_idle(page)
    charts = page.locator("[data-testid=stPlotlyChart]")
    for i in range(charts.count()):
        expect(charts.nth(i).locator(".main-svg").first).to_be_attached(timeout=TIMEOUT)


@pytest.mark.parametrize("lang", ["es", "en"])
def test_every_meeting_screen_fits_1080p_without_scrolling(server, page, tmp_path, lang) -> None:
    page.goto(f"{server.url}/?reunion=1{'&lang=en' if lang == 'en' else ''}")
    nxt = page.get_by_role("button", name="Siguiente" if lang == "es" else "Next")
    expect(nxt).to_be_visible(timeout=TIMEOUT)
    settled(page)
    found: dict[str, list[str]] = {}
    for step in range(1, 60):  # bounded: the plan has far fewer screens
        found[f"{step}: {screen_title(page)}"] = page.evaluate(OVERFLOW)
        page.screenshot(path=str(tmp_path / f"reunion-{lang}-{step}.png"))
        if nxt.is_disabled():
            break
        nxt.click()
        expect(page).to_have_url(re.compile(rf"[?&]paso={step + 1}(&|$)"), timeout=TIMEOUT)
        settled(page)
    assert len(found) > 3, found  # it did step through the screens
    assert {k: v for k, v in found.items() if v} == {}


def test_no_focus_frame_over_the_screen_after_a_click_and_the_arrow_keys(server, page) -> None:
    page.goto(f"{server.url}/?reunion=1")
    nxt = page.get_by_role("button", name="Siguiente")
    expect(nxt).to_be_visible(timeout=TIMEOUT)
    settled(page)
    frames = {}
    nxt.click()
    expect(page).to_have_url(re.compile(r"paso=2"), timeout=TIMEOUT)
    settled(page)
    frames["click →"] = page.evaluate(FOCUS_FRAME)
    page.keyboard.press("ArrowRight")
    expect(page).to_have_url(re.compile(r"paso=3"), timeout=TIMEOUT)
    settled(page)
    frames["then the → key"] = page.evaluate(FOCUS_FRAME)
    page.keyboard.press("ArrowLeft")
    expect(page).to_have_url(re.compile(r"paso=2"), timeout=TIMEOUT)
    settled(page)
    frames["then the ← key"] = page.evaluate(FOCUS_FRAME)
    assert frames == {k: None for k in frames}

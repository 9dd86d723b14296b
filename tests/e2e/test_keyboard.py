"""Every control works from the keyboard alone (issue 10): no mouse click in these tests."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Locator, Page, expect
from test_dashboard import TIMEOUT, no_exception, open_page, sidebar_multiselect, wait_idle

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]

MAX_TABS = 80  # more than the controls before the last sidebar widget and the navigation


def tab_to(page: Page, target: Locator) -> None:
    """Press Tab until `target` has the focus (fails if it never gets it)."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if target.evaluate("el => el === document.activeElement"):
            return
    pytest.fail(f"Tab never reached {target}")


def test_agency_filter_from_the_keyboard_goes_to_the_url(server, page):
    open_page(page, server.url, "cronograma")
    agency = sidebar_multiselect(page, "Agencia")
    box = agency.get_by_role("combobox")
    tab_to(page, box)
    expect(box).to_be_focused()
    page.keyboard.press("ArrowDown")  # opens the list of agencies
    oit = page.get_by_role("option", name="OIT", exact=False)
    expect(oit.first).to_be_visible(timeout=TIMEOUT)
    page.keyboard.type("OIT")  # narrows the open list to that agency
    expect(page.get_by_role("option").filter(has_text="OIT").first).to_be_visible()
    page.keyboard.press("Enter")  # picks it
    page.keyboard.press("Escape")  # closes the list
    expect(page).to_have_url(re.compile(r"[?&]agencia=OIT(&|$)"), timeout=TIMEOUT)
    wait_idle(page)
    expect(agency).to_contain_text("OIT")
    expect(page.get_by_text(re.compile("Mostrando: OIT"))).to_be_visible()
    no_exception(page)


def test_a_page_link_of_the_navigation_opens_with_enter(server, page):
    open_page(page, server.url, "resumen")
    expect(page.get_by_role("heading", name="Resumen", exact=True)).to_be_visible()
    link = page.locator(".st-key-pm-nav").get_by_role("link", name="Cronograma")
    tab_to(page, link)
    expect(link).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/cronograma(\?|$)"), timeout=TIMEOUT)
    expect(page.get_by_role("heading", name="Cronograma", exact=True)).to_be_visible(
        timeout=TIMEOUT
    )
    wait_idle(page)
    no_exception(page)

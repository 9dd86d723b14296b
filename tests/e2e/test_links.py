"""Shared links: every page's own URL opens that page, with its filters (regression)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect
from test_dashboard import TIMEOUT, open_page, sidebar_multiselect, wait_idle

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]


def test_link_to_the_default_page_by_its_name_opens_it_without_page_not_found(server, page):
    """/resumen used to end in Streamlit's "Page not found" dialog: the default page lives at /."""
    open_page(page, server.url, "")  # the server has been visited: navigation mode is on
    open_page(page, server.url, "resumen", "agencia=OIT&lang=en")
    expect(page.get_by_role("heading", name="Overview", exact=True)).to_be_visible()
    # English lists the agencies by their English acronyms; the link keeps the plan's (issue 8)
    expect(sidebar_multiselect(page, "Agency")).to_contain_text("ILO", timeout=TIMEOUT)
    assert "agencia=OIT" in page.url
    expect(page.get_by_text("Showing: ILO")).to_be_visible()
    wait_idle(page)  # the dialog, when it comes, comes with the run that draws the page
    expect(page.get_by_role("dialog")).to_have_count(0)
    expect(page.get_by_text(re.compile("page not found", re.I))).to_have_count(0)
    expect(page.get_by_test_id("stException")).to_have_count(0)

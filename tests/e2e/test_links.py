"""Shared links: every page's own URL opens that page, with its filters (regression)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect
from test_dashboard import TIMEOUT, open_page, sidebar_multiselect

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]


def test_link_to_the_default_page_by_its_name_opens_it_without_page_not_found(server, page):
    """/resumen used to end in Streamlit's "Page not found" dialog: the default page lives at /."""
    open_page(page, server.url, "")  # the server has been visited: navigation mode is on
    open_page(page, server.url, "resumen", "agencia=OIT&lang=en")
    expect(page.get_by_role("heading", name="Overview", exact=True)).to_be_visible()
    expect(sidebar_multiselect(page, "Agency")).to_contain_text("OIT", timeout=TIMEOUT)
    expect(page.get_by_text("Showing: ILO")).to_be_visible()
    page.wait_for_timeout(1000)  # the dialog, when it comes, comes after the first render
    expect(page.get_by_text(re.compile("page not found", re.I))).to_have_count(0)
    expect(page.get_by_test_id("stException")).to_have_count(0)

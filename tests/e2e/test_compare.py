"""Browser: a shared link to the comparison of two plans opens on that pair (issue 9 §4, §6)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from playwright.sync_api import expect
from test_accessibility import drawn, violations
from test_dashboard import TIMEOUT, no_exception, open_page

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from planfactory import make_plan, product, report  # noqa: E402
from plansheet import plan_info, reading_plan_sheets, with_info  # noqa: E402, F401  (fixture)
from plansheet import workbook as plans_workbook  # noqa: E402

from planmonitor import store  # noqa: E402
from planmonitor.analysis import describe  # noqa: E402
from planmonitor.ui import plans  # noqa: E402

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]

B_ID = "red-b-2025-2026"
B_TITLE = "Plan B 2025-2026"
WORDS = {
    "es": ("Comparar planes", "Plan A", "Plan B (comparar con)", "Objetivos del PMM"),
    "en": ("Compare plans", "Plan A", "Plan B (compare with)", "GCM objectives"),
}


@pytest.fixture
def pair(tmp_path, request):
    """A server on a store holding the bundled plan and plan B (made before it starts), and
    the bundled plan's id and title."""
    request.getfixturevalue("reading_plan_sheets")
    folder = tmp_path / "fresh"  # where the fresh_server fixture keeps its store
    folder.mkdir()
    s = store.open_store(f"sqlite:///{folder / 'planmonitor.sqlite'}")
    products = [
        product("2.1.1-1", "Observatorio regional", leads=["PNUD"], start="2025-02-01", gcm=[3]),
        product("2.2.1-1", "Campaña", start="2025-03-01", end="2026-06-30", gcm=[3, 17]),
    ]
    progress = [report("2025-06-30", "2.2.1-1", "En curso", 10, "Primer informe", "OIM")]
    info = plan_info(B_ID, "2025-01-01", "2026-12-31", title=B_TITLE)
    assert s.commit(
        plans_workbook(with_info(make_plan(products, progress), info)), "b.xlsx", "ana"
    ).stored
    bundled = next(p for p in s.plans()["plan_id"] if p != B_ID)
    title = describe.plan_title(s.for_plan(bundled).plan())
    row = s.plans().set_index("plan_id").loc[bundled].to_dict() | {"plan_id": bundled}
    s.dispose()
    assert title
    # the selectors name a plan as the sidebar's does (ui.plans.label: its stored title, else
    # its id); the page's legend names it by its own title (describe.plan_title)
    labels = {lang: plans.label(row, lang) for lang in WORDS}
    return request.getfixturevalue("fresh_server"), bundled, title, labels


@pytest.mark.parametrize("lang", ["es", "en"])
def test_a_shared_comparison_link_opens_its_pair_with_both_titles(pair, page, screenshots, lang):
    server, bundled, bundled_title, labels = pair
    heading, a_label, b_label, gcm = WORDS[lang]
    query = f"plan={B_ID}&con={bundled}" + ("&lang=en" if lang == "en" else "")
    open_page(page, server.url, "comparar", query)
    drawn(page)
    main = page.get_by_test_id("stMain")
    expect(page.get_by_role("heading", name=heading, exact=True)).to_be_visible(timeout=TIMEOUT)
    a_box = main.get_by_role("combobox", name=a_label, exact=True)
    b_box = main.get_by_role("combobox", name=b_label, exact=True)
    expect(a_box).to_have_value(re.compile(f"^{re.escape(B_TITLE)} · "), timeout=TIMEOUT)
    expect(b_box).to_have_value(labels[lang], timeout=TIMEOUT)
    legend = main.get_by_test_id("stMarkdown").filter(has_text="A:").first
    expect(legend).to_contain_text(B_TITLE)
    expect(legend).to_contain_text(bundled_title)
    expect(main.get_by_role("heading", name=gcm, exact=True)).to_be_visible()
    expect(main.get_by_test_id("stPlotlyChart")).to_have_count(3, timeout=TIMEOUT)
    assert f"plan={B_ID}" in page.url and f"con={bundled}" in page.url
    # listed in the page list once the store holds several plans
    nav = page.locator(".st-key-pm-nav").get_by_test_id("stPageLink-NavLink")
    expect(nav.filter(has_text=heading)).to_have_count(1)
    no_exception(page)
    assert violations(page) == []
    page.screenshot(path=str(screenshots / f"comparar-{lang}.png"))
    for i, name in enumerate(("objectives", "agencies", "status")):
        chart = main.get_by_test_id("stPlotlyChart").nth(i)
        chart.screenshot(path=str(screenshots / f"comparar-{lang}-{name}.png"))


def test_choosing_plan_b_rewrites_the_link(pair, page):
    server, bundled, _title, labels = pair
    open_page(page, server.url, "comparar", f"plan={bundled}&con={B_ID}")
    drawn(page)
    main = page.get_by_test_id("stMain")
    a_box = main.get_by_role("combobox", name="Plan A", exact=True)
    expect(a_box).to_have_value(labels["es"], timeout=TIMEOUT)
    a_box.click()
    page.get_by_role("option", name=re.compile(f"^{re.escape(B_TITLE)}")).click()
    # A is the session's plan: the link names it, and B moves off it to the other plan
    expect(page).to_have_url(re.compile(f"plan={B_ID}"), timeout=TIMEOUT)
    expect(page).to_have_url(re.compile(f"con={re.escape(bundled)}"), timeout=TIMEOUT)
    sidebar_plan = page.get_by_test_id("stSidebar").get_by_role("combobox", name="Plan", exact=True)
    expect(sidebar_plan).to_have_value(re.compile(f"^{re.escape(B_TITLE)} · "), timeout=TIMEOUT)
    no_exception(page)

"""Browser: a shared link to the second plan of a store opens that plan (issue 9)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from playwright.sync_api import expect
from test_dashboard import TIMEOUT, gantt_bars, no_exception, open_page, wait_idle

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from planfactory import make_plan, product, report  # noqa: E402
from plansheet import plan_info, reading_plan_sheets, with_info  # noqa: E402, F401  (fixture)
from plansheet import workbook as plans_workbook  # noqa: E402

from planmonitor import store  # noqa: E402

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]

B_ID = "red-b-2025-2026"


@pytest.fixture
def two_plans_server(tmp_path, request):
    """A server on a store holding the bundled plan and plan B (made here, before it starts:
    the server's loader reads what the store holds)."""
    request.getfixturevalue("reading_plan_sheets")
    folder = tmp_path / "fresh"  # where the fresh_server fixture keeps its store
    folder.mkdir()
    s = store.open_store(f"sqlite:///{folder / 'planmonitor.sqlite'}")
    request.node.bundled_id = s.plan().info.plan_id  # the seeded plan's own code
    products = [
        product("2.1.1-1", "Observatorio regional", leads=["PNUD"], start="2025-02-01"),
        product("2.2.1-1", "Campaña", start="2025-03-01", end="2026-06-30"),
    ]
    progress = [report("2025-06-30", "2.2.1-1", "En curso", 10, "Primer informe", "OIM")]
    info = plan_info(B_ID, "2025-01-01", "2026-12-31", title="Plan B 2025-2026")
    assert s.commit(
        plans_workbook(with_info(make_plan(products, progress), info)), "b.xlsx", "ana"
    ).stored
    s.dispose()
    return request.getfixturevalue("fresh_server")


def plan_box(page):
    return page.get_by_test_id("stSidebar").get_by_role("combobox", name="Plan", exact=True)


def test_a_shared_link_opens_the_second_plan_and_the_selector_switches(
    two_plans_server, page, request
):
    url = two_plans_server.url
    open_page(page, url, "cronograma", f"plan={B_ID}")
    expect(plan_box(page)).to_have_value(re.compile("^Plan B 2025-2026 · "), timeout=TIMEOUT)
    b_bars = gantt_bars(page)  # plan B's two products (an undated one also drawn hatched)
    assert 2 <= b_bars <= 4
    assert f"plan={B_ID}" in page.url
    no_exception(page)

    plan_box(page).click()
    # A substring, not a regex: Playwright serialises a regex between slashes, so a date's
    # own slashes would end it early.
    page.get_by_role("option", name="01/01/2023").click()
    wait_idle(page)
    bundled_id = re.escape(request.node.bundled_id)
    expect(page).to_have_url(re.compile(rf"plan={bundled_id}\b"), timeout=TIMEOUT)
    assert gantt_bars(page) > 4  # the bundled plan's products
    no_exception(page)


def test_an_unknown_plan_in_a_link_is_said_and_the_default_opens(two_plans_server, page):
    open_page(page, two_plans_server.url, "", "plan=no-existe-2030")
    expect(page.get_by_text(re.compile("No existe el plan «no-existe-2030»"))).to_be_visible(
        timeout=TIMEOUT
    )
    no_exception(page)

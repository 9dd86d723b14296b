"""Browser: the regional views of a deployment hosting two networks (issue 11 §2, §6).

A shared regional link (``?red=``) opens the view narrowed to that network; every regional page
has no serious axe-core violation in either language; a network's secretariat that follows a
link to another network's upload page is refused and sees no uploader.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from playwright.sync_api import expect
from test_accessibility import drawn, violations
from test_dashboard import TIMEOUT, no_exception, open_page, wait_idle

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "app"))
from plansheet import reading_plan_sheets  # noqa: E402, F401  (fixture)
from plansheet import workbook as plans_workbook  # noqa: E402
from test_network_access import B_ID, PLAN_A, PLAN_B  # noqa: E402

from planmonitor import store  # noqa: E402
from planmonitor.i18n import t  # noqa: E402
from planmonitor.ui import region as rv  # noqa: E402

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]

SECRETS = """
[planmonitor.networks.red-a]
passwords = ["ana:clave-de-la-red-a"]
[planmonitor.networks.red-b]
passwords = ["beto:clave-de-la-red-b"]
"""


@pytest.fixture
def region_server(tmp_path, request, server_with_secrets):
    """A server on a store of two networks, Red A (2023-2024) and Red B (2025-2026)."""
    request.getfixturevalue("reading_plan_sheets")
    folder = tmp_path / "fresh"  # where server_with_secrets keeps its store
    folder.mkdir()
    s = store.open_store(f"sqlite:///{folder / 'planmonitor.sqlite'}", seed=False)
    for plan, name in ((PLAN_A, "a.xlsx"), (PLAN_B, "b.xlsx")):
        assert s.commit(plans_workbook(plan), name, author="carga").stored
    s.dispose()
    return server_with_secrets(SECRETS)


def test_a_shared_regional_link_opens_the_view_of_that_network(region_server, page):
    open_page(page, region_server.url, "region-cobertura", "red=red-b&lang=en")
    main = page.get_by_test_id("stMain")
    expect(main.get_by_role("heading", name=t("page.region-cobertura", "en"))).to_be_visible(
        timeout=TIMEOUT
    )
    expect(main.get_by_text(t("region.showing", "en", n=1, names="Network B"))).to_be_visible()
    expect(page.get_by_test_id("stPlotlyChart").first.locator(".js-plotly-plot")).to_be_visible(
        timeout=TIMEOUT
    )
    assert "red=red-b" in page.url
    # the page list names the regional section, and the filter shows the network of the link
    nav = page.locator(".st-key-pm-nav")
    expect(nav.get_by_role("link", name=t("page.region-calendario", "en"))).to_be_visible()
    network_box = page.get_by_test_id("stSidebar").get_by_role(
        "combobox", name=t("region.filter.network", "en"), exact=True
    )
    expect(network_box).to_have_value("Network B")
    no_exception(page)


@pytest.mark.parametrize("lang", ["es", "en"])
def test_every_regional_page_has_no_serious_violation(region_server, page, lang):
    found = {}
    for _, url, _ in rv.PAGES:
        open_page(page, region_server.url, url, "lang=en" if lang == "en" else "")
        drawn(page)
        no_exception(page)
        found[url] = violations(page)
    assert found == {url: [] for _, url, _ in rv.PAGES}


def test_a_network_secretariat_cannot_reach_another_networks_upload(region_server, page):
    # a shared link to Red B's plan on the secretariat's page: the log-in lands on its upload
    open_page(page, region_server.url, "secretaria", f"plan={B_ID}")
    page.get_by_label("Nombre").fill("ana")
    page.get_by_label("Contraseña").fill("clave-de-la-red-a")
    page.get_by_role("button", name="Entrar").click()
    heading = page.get_by_test_id("stMain").get_by_role("heading", name="Actualizar datos")
    expect(heading).to_be_visible(timeout=TIMEOUT)
    expect(page.get_by_text("No puede actualizar los datos de la red «Red B»")).to_be_visible(
        timeout=TIMEOUT
    )
    wait_idle(page)
    expect(page.get_by_test_id("stFileUploader")).to_have_count(0)
    assert f"plan={B_ID}" in page.url
    # through the navigation: choosing its own network's plan offers the uploader
    plan_box = page.get_by_test_id("stSidebar").get_by_role("combobox", name="Plan", exact=True)
    plan_box.click()
    page.get_by_role("option", name="Plan de Red A", exact=False).click()
    expect(page.get_by_test_id("stFileUploader")).to_be_visible(timeout=TIMEOUT)
    expect(page.get_by_text("No puede actualizar los datos de la red")).to_have_count(0)
    no_exception(page)

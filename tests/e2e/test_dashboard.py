"""The dashboard in a real browser: charts, URL-bound filters, language, deep links."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]

# url path, Spanish title, English title, what proves the page drew its content
PAGES = [
    ("resumen", "Resumen", "Overview", "stPlotlyChart"),
    ("cronograma", "Cronograma", "Timeline", "stPlotlyChart"),
    ("carga", "Carga por agencia", "Agency workload", "stPlotlyChart"),
    ("cobertura", "Cobertura PMM", "GCM coverage", "stPlotlyChart"),
    ("avance", "Avance de productos", "Product progress", "stPlotlyChart"),
    ("calidad", "Calidad de datos", "Data quality", "stDataFrame"),
]
TIMEOUT = 30_000
VIEWPORT_SIZE = {"width": 1920, "height": 1080}


def wait_idle(page: Page) -> None:
    """Wait until the script run finished: the app says it is not running (an interaction
    sets "rerunRequested" at once, so this does not pass before the run starts), no element
    is stale from the previous run and the running indicator is gone."""
    app = page.locator('[data-testid="stApp"]')
    expect(app).to_have_attribute("data-test-script-state", "notRunning", timeout=TIMEOUT)
    expect(page.locator('[data-stale="true"]')).to_have_count(0, timeout=TIMEOUT)
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=TIMEOUT)


def open_page(page: Page, base: str, path: str, query: str = "") -> None:
    page.goto(f"{base}/{path}{'?' + query if query else ''}")
    expect(page.get_by_test_id("stSidebar")).to_be_visible(timeout=TIMEOUT)
    wait_idle(page)


def no_exception(page: Page) -> None:
    expect(page.get_by_test_id("stException")).to_have_count(0)
    assert "Traceback" not in page.content()


def gantt_bars(page: Page) -> int:
    """Number of plan bars in the first Plotly chart (the traces' points; not legend-only
    entries nor the «Real (según avances)» lane, issue 10)."""
    chart = page.get_by_test_id("stPlotlyChart").first.locator(".js-plotly-plot")
    expect(chart).to_be_visible(timeout=TIMEOUT)
    return chart.evaluate(
        "el => el.data.filter(t => t.type === 'bar' && t.legendgroup !== 'actual')"
        ".map(t => (t.y || []).filter(y => y !== null).length).reduce((a, b) => a + b, 0)"
    )


def sidebar_multiselect(page: Page, label: str):
    return page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").filter(has_text=label)


@pytest.mark.parametrize(("path", "title_es", "title_en", "content"), PAGES)
def test_each_page_shows_its_content_without_exception(
    server, page, screenshots, path, title_es, title_en, content
):
    open_page(page, server.url, path)
    expect(page.get_by_role("heading", name=title_es, exact=True)).to_be_visible()
    expect(page.get_by_test_id(content).first).to_be_visible(timeout=TIMEOUT)
    expect(page.get_by_text("datos de ejemplo ficticios")).to_be_visible()
    expect(page.get_by_text("Mostrando:")).to_be_visible()
    no_exception(page)
    page.screenshot(path=str(screenshots / f"{path}.png"))
    open_page(page, server.url, path, "lang=en")
    expect(page.get_by_role("heading", name=title_en, exact=True)).to_be_visible()
    no_exception(page)
    page.screenshot(path=str(screenshots / f"{path}-en.png"))


def test_sidebar_filter_changes_chart_goes_to_url_and_link_restores_it(server, browser, page):
    open_page(page, server.url, "cronograma")
    all_bars = gantt_bars(page)
    agency = sidebar_multiselect(page, "Agencia")
    agency.click()
    page.keyboard.type("OIT")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    expect(page).to_have_url(re.compile(r"[?&]agencia=OIT"), timeout=TIMEOUT)
    wait_idle(page)
    filtered_bars = gantt_bars(page)
    assert 0 < filtered_bars < all_bars
    expect(page.get_by_text(re.compile("Mostrando: OIT"))).to_be_visible()
    no_exception(page)

    shared = page.url
    other = browser.new_context(viewport={"width": 1920, "height": 1080}).new_page()
    try:
        other.goto(shared)
        expect(other.get_by_test_id("stSidebar")).to_be_visible(timeout=TIMEOUT)
        wait_idle(other)
        expect(other.get_by_role("heading", name="Cronograma", exact=True)).to_be_visible()
        expect(sidebar_multiselect(other, "Agencia")).to_contain_text("OIT")
        assert gantt_bars(other) == filtered_bars
        no_exception(other)
    finally:
        other.context.close()


def test_language_switch_translates_the_page_and_keeps_filters(server, browser, page):
    open_page(page, server.url, "carga", "agencia=OIM&estado=En+curso")
    expect(page.get_by_role("heading", name="Carga por agencia", exact=True)).to_be_visible()
    page.get_by_test_id("stSidebar").get_by_text("English", exact=True).click()
    expect(page.get_by_role("heading", name="Agency workload", exact=True)).to_be_visible(
        timeout=TIMEOUT
    )
    expect(page).to_have_url(re.compile(r"[?&]lang=en"))
    # translated filter values follow the language in the URL, so the link still restores
    expect(page).to_have_url(re.compile(r"[?&]estado=In\+progress"), timeout=TIMEOUT)
    wait_idle(page)
    showing = re.compile("Showing: IOM.*Status: In progress")
    expect(page.get_by_text(showing)).to_be_visible()
    expect(page.get_by_text("fictitious example data")).to_be_visible()
    no_exception(page)

    other = browser.new_context(viewport=VIEWPORT_SIZE).new_page()
    try:
        other.goto(page.url)
        expect(other.get_by_role("heading", name="Agency workload", exact=True)).to_be_visible(
            timeout=TIMEOUT
        )
        expect(other.get_by_text(showing)).to_be_visible(timeout=TIMEOUT)
        no_exception(other)
    finally:
        other.context.close()


# First request to a freshly started server: Streamlit's legacy pages/ mode runs the page file
# on its own and ui.guard hands over to the frame. Every case gets its own fresh server.
# (url path and query, heading, url path shown after landing, query that must survive)
FIRST_REQUESTS = [
    ("resumen", "Resumen", ("", "resumen"), ""),
    ("cronograma?agencia=OIM", "Cronograma", ("cronograma",), "agencia=OIM"),
    ("carga?agencia=OIT&estado=En+curso", "Carga por agencia", ("carga",), "agencia=OIT"),
    ("avance?lang=en", "Product progress", ("avance",), "lang=en"),
    ("cobertura", "Cobertura PMM", ("cobertura",), ""),
    # the log-in page too (it was a function page: "Page not found" on a fresh server)
    ("secretaria", "Acceso de la Secretaría", ("secretaria",), ""),
]


def frame_settled(page: Page) -> None:
    """The frame's navigation is on show (not the legacy pages/ list) and the run is over."""
    nav = page.locator(".st-key-pm-nav").get_by_test_id("stPageLink-NavLink")
    login = re.compile("Acceso de la Secretaría|Secretariat access")
    expect(nav.filter(has_text=login)).to_have_count(1, timeout=TIMEOUT)
    wait_idle(page)
    # Streamlit's own list (the legacy pages/ one included) is never drawn: the frame's is
    expect(page.get_by_test_id("stSidebarNav")).to_have_count(0)
    expect(page.get_by_role("dialog")).to_have_count(0)  # no "Page not found"
    no_exception(page)


@pytest.mark.parametrize(("path", "title", "landed", "query"), FIRST_REQUESTS)
def test_deep_link_as_first_request_to_a_fresh_server_runs_inside_the_frame(
    fresh_server, browser, path, title, landed, query
):
    context = browser.new_context(viewport=VIEWPORT_SIZE)
    page = context.new_page()
    try:
        page.goto(f"{fresh_server.url}/{path}")
        expect(page.get_by_role("heading", name=title, exact=True)).to_be_visible(timeout=TIMEOUT)
        frame_settled(page)
        expect(page.get_by_role("heading", name=title, exact=True)).to_be_visible()
        shown = page.url.removeprefix(fresh_server.url).split("?")[0].strip("/")
        assert shown in landed, page.url
        if query:
            assert query in page.url, page.url
        if path != "secretaria":  # the log-in page shows no filtered data
            expect(page.get_by_text(re.compile("^(Mostrando|Showing):"))).to_be_visible()
        if "agencia=" in path:
            agency = path.split("agencia=")[1].split("&")[0]
            expect(sidebar_multiselect(page, "Agencia")).to_contain_text(agency)
    finally:
        context.close()


@pytest.fixture
def fresh_secretariat_server(request, monkeypatch):
    """A fresh server where the secretariat's pages exist (a password is configured)."""
    monkeypatch.setenv("PLANMONITOR_SECRETARIAT_PASSWORDS", "ana:e2e-clave-larga")
    return request.getfixturevalue("fresh_server")


# Installed before the page loads: every change of the document is looked at, so even a
# restricted element drawn for a moment and removed again is recorded.
WATCH_RESTRICTED = """
window.__restrictedSeen = [];
new MutationObserver(() => {
  const seen = window.__restrictedSeen;
  if (document.querySelector('[data-testid="stFileUploader"]')) seen.push("uploader");
  const text = document.body ? document.body.innerText : "";
  if (text.includes("Versión actual:")) seen.push("version list");
  for (const h of document.querySelectorAll("h1, h2, h3")) {
    if (h.innerText.trim() === "Historial de versiones") seen.push("history heading");
  }
}).observe(document, {subtree: true, childList: true, characterData: true});
"""


@pytest.mark.parametrize("path", ["actualizar", "historial?desde=1"])
def test_restricted_page_is_never_shown_by_a_first_deep_link(
    fresh_secretariat_server, browser, path
):
    """Watched all along, not only at the end: no uploader, no version list at any moment."""
    context = browser.new_context(viewport=VIEWPORT_SIZE)
    context.add_init_script(WATCH_RESTRICTED)
    page = context.new_page()
    try:
        page.goto(f"{fresh_secretariat_server.url}/{path}")
        nav = page.locator(".st-key-pm-nav").get_by_test_id("stPageLink-NavLink")
        expect(nav.filter(has_text="Acceso de la Secretaría")).to_have_count(1, timeout=60_000)
        expect(page.get_by_role("heading", name="Resumen", exact=True)).to_be_visible(
            timeout=60_000
        )
        frame_settled(page)
        assert page.evaluate("window.__restrictedSeen") == []
        expect(page.get_by_role("heading", name="Resumen", exact=True)).to_be_visible()
        expect(page.get_by_test_id("stFileUploader")).to_have_count(0)
        expect(nav.filter(has_text="Actualizar datos")).to_have_count(0)
    finally:
        context.close()

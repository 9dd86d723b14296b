"""Accessibility in a real browser: axe-core on every page, both languages, meeting mode and
the secretariat's pages included (issue 10: 0 serious or critical violations of WCAG 2.1 A/AA).

axe-core ships inside axe-playwright-python (no download). A page is scanned once its script
run is over (``wait_idle``): a scan during a rerun sees half-drawn markup.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect
from test_dashboard import TIMEOUT, open_page, wait_idle
from test_upload_flow import PASSWORD, start_on, stop

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]

WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
SERIOUS = {"serious", "critical"}
PAGES = ("", "cronograma", "carga", "cobertura", "avance", "calidad", "cambios", "decisiones",
         "informe", "secretaria")  # fmt: skip
AXE = Axe()


def drawn(page: Page) -> None:
    """The page's first run has drawn the frame's page list and a heading, and is over (the
    app reports "notRunning" before a fresh page's first run even starts)."""
    expect(page.locator(".st-key-pm-nav")).to_be_visible(timeout=TIMEOUT)
    expect(page.locator("[data-testid=stMain] h1").first).to_be_visible(timeout=TIMEOUT)
    wait_idle(page)


def _scan(page: Page) -> set[str]:
    found = AXE.run(page, options=WCAG).response["violations"]
    return {
        f"{v['id']} ({v['impact']}): {v['nodes'][0]['target']} {v['help']}"
        for v in found
        if v["impact"] in SERIOUS
    }


def violations(page: Page) -> list[str]:
    """The serious and critical WCAG 2.1 A/AA violations on the page as it is now.

    A Streamlit rerun can start between the idle check and the scan (the language or a bound
    filter rewrites the URL), and a scan of half-replaced markup reports what no user sees
    for more than an instant: a violation counts when a second scan, after the page settled
    again, still finds it.
    """
    first = _scan(page)
    if not first:
        return []
    drawn(page)
    return sorted(first & _scan(page))


@pytest.mark.parametrize("lang", ["es", "en"])
def test_every_dashboard_page_has_no_serious_violation(server, page, lang) -> None:
    found = {}
    for path in PAGES:
        open_page(page, server.url, path, "lang=en" if lang == "en" else "")
        drawn(page)
        found[path or "resumen"] = violations(page)
    assert found == {p or "resumen": [] for p in PAGES}


@pytest.mark.parametrize("lang", ["es", "en"])
def test_every_meeting_screen_has_no_serious_violation(server, page, lang) -> None:
    page.goto(f"{server.url}/?reunion=1{'&lang=en' if lang == 'en' else ''}")
    nxt = page.get_by_role("button", name="Siguiente" if lang == "es" else "Next")
    expect(nxt).to_be_visible(timeout=TIMEOUT)
    wait_idle(page)
    found: dict[str, list[str]] = {}
    for step in range(1, 60):  # bounded: the plan has far fewer screens
        found[f"{step}: {page.locator('h1').first.inner_text()}"] = violations(page)
        if nxt.is_disabled():
            break
        nxt.click()
        wait_idle(page)
    assert len(found) > 3, found  # it did step through the screens
    assert {k: v for k, v in found.items() if v} == {}


@pytest.fixture
def secretariat(tmp_path, monkeypatch):
    monkeypatch.setenv("PLANMONITOR_SECRETARIAT_PASSWORDS", f"ana:{PASSWORD}")
    s = start_on(f"sqlite:///{tmp_path / 'planmonitor.sqlite'}", tmp_path / "srv")
    yield s
    stop(s)


@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_secretariats_pages_have_no_serious_violation(secretariat, page, lang) -> None:
    words = {
        "es": ("Acceso de la Secretaría", "Nombre", "Contraseña", "Entrar"),
        "en": ("Secretariat access", "Name", "Password", "Log in"),
    }[lang]
    open_page(page, secretariat.url, "secretaria", "lang=en" if lang == "en" else "")
    drawn(page)
    page.get_by_label(words[1], exact=True).fill("ana")
    page.get_by_label(words[2], exact=True).fill(PASSWORD)
    page.get_by_role("button", name=words[3]).click()
    wait_idle(page)
    found = {}
    links = page.locator(".st-key-pm-nav").get_by_test_id("stPageLink-NavLink")
    names = {"es": ("Actualizar datos", "Historial de versiones"),
             "en": ("Update data", "Version history")}[lang]  # fmt: skip
    for name in names:
        links.filter(has_text=name).click()
        expect(page.get_by_role("heading", name=name, exact=True)).to_be_visible(timeout=TIMEOUT)
        wait_idle(page)
        found[name] = violations(page)
    assert found == {name: [] for name in found} and len(found) == 2

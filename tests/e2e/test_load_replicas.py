"""The load test of issue 11 (§5-6): two `streamlit run` replicas on one PostgreSQL, viewer
sessions browsing regional and network pages while a secretariat uploads a new version of one
network's plan.

Bounded in count (PLANMONITOR_LOAD_SESSIONS sessions, default 4, split over both replicas;
PLANMONITOR_LOAD_ROUNDS page visits each before and after the upload) and in time (DEADLINE).
Asserted: no session ever shows an exception or the app's error text; no page ever shows a
mix of the old and the new version (the new version renames both products of Red A, so a
page shows the old names or the new ones, never one of each); and after the upload is
committed each session shows the new version at its next interaction (a click on a page of
the navigation: one rerun of its own session).

The secretariat uploads through the «Actualizar datos» page in a browser session of its own
(log-in, file, preview, «Confirmar»); the viewers go on clicking while the server stores it.
"""

from __future__ import annotations

import importlib.util
import os
import sys
import time
from pathlib import Path

import pytest
from pg import cluster
from planfactory import make_plan, product, report
from plansheet import plan_info, reading_plan_sheets, with_info  # noqa: F401  (fixture)
from plansheet import workbook as plans_workbook
from playwright.sync_api import Page, expect

from planmonitor import model
from planmonitor.i18n import t
from planmonitor.store import open_store
from planmonitor.ui import auth

# this folder's conftest (its `start_server`), by path: tests/conftest.py is also "conftest"
_spec = importlib.util.spec_from_file_location(
    "e2e_servers", Path(__file__).with_name("conftest.py")
)
assert _spec is not None and _spec.loader is not None
servers = sys.modules.setdefault("e2e_servers", importlib.util.module_from_spec(_spec))
_spec.loader.exec_module(servers)

pytestmark = [pytest.mark.e2e, pytest.mark.postgres]

SESSIONS = int(os.environ.get("PLANMONITOR_LOAD_SESSIONS", "4"))
ROUNDS = int(os.environ.get("PLANMONITOR_LOAD_ROUNDS", "2"))
DEADLINE = float(os.environ.get("PLANMONITOR_LOAD_DEADLINE", "120"))
PAGES = ("cronograma", "resumen", "avance", "cobertura")
A_ID = "red-a-2025-2026"
OLD = ("Observatorio andino", "Campaña andina")
NEW = ("Faro de datos", "Brújula migratoria")


def _network(pid: str, network: str, nid: str, names: tuple[str, str]) -> model.Plan:
    products = [
        product("2.1.1-1", names[0], leads=["PNUD"], start="2025-02-01"),
        product("2.2.1-1", names[1], start="2025-03-01", end="2026-12-31"),
    ]
    progress = [report("2025-06-30", "2.2.1-1", "En curso", 10, "Primer informe", "OIM")]
    info = plan_info(
        pid, "2025-01-01", "2026-12-31", title=f"Plan de {network}", network=network,
        network_id=nid, network_en=network.replace("Red", "Network"),
        country=f"País {nid[-1].upper()}",
    )  # fmt: skip
    return with_info(make_plan(products, progress), info)


def _seed(url: str) -> None:
    """Three networks, each plan committed as a workbook with its «Plan» sheet."""
    s = open_store(url, seed=False)
    try:
        for pid, name, nid, names in (
            (A_ID, "Red A", "red-a", OLD),
            ("red-b-2025-2026", "Red B", "red-b", ("Mesa B", "Guía B")),
            ("red-c-2025-2026", "Red C", "red-c", ("Mesa C", "Guía C")),
        ):
            data = plans_workbook(_network(pid, name, nid, names))
            assert s.commit(data, f"{nid}.xlsx", "carga inicial").version_id is not None
    finally:
        s.dispose()


# The navigation's pages the sessions click through in turn: the regional pages (issue 11 §5)
# between pages that list product names (where the version shown is told apart)
NAV_TITLES = (
    "Cronograma", "Calendario de reportes", "Avance de productos", "Agencias por red",
    "Resumen", "Avance por red",
)  # fmt: skip
REGIONAL = frozenset({"Calendario de reportes", "Agencias por red", "Avance por red"})


def _rss_mb(pid: int, field: str = "VmRSS") -> float:
    """A process's resident memory now (VmRSS) or at its peak (VmHWM), in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _settle(page: Page) -> None:
    app = page.locator('[data-testid="stApp"]')
    expect(app).to_have_attribute("data-test-script-state", "notRunning")
    expect(page.locator('[data-stale="true"]')).to_have_count(0)
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0)


def _visit(page: Page, k: int) -> str:
    """One interaction: a click on the next page of the navigation (a rerun of the session);
    the page's title."""
    title = NAV_TITLES[k % len(NAV_TITLES)]
    page.locator(".st-key-pm-nav").get_by_test_id("stPageLink-NavLink").filter(
        has_text=title
    ).first.click()
    expect(page.get_by_test_id("stMain").get_by_test_id("stHeading").first).to_contain_text(title)
    _settle(page)
    return title


def _checked(page: Page, title: str, error: str) -> str:
    """A regional page drawn with no error (it shows no product names: "regional"), else the
    version the page shows (`_seen`)."""
    if title not in REGIONAL:
        return _seen(page, error)
    expect(page.get_by_test_id("stException")).to_have_count(0, timeout=1)
    text = page.locator("[data-testid='stMain']").text_content() or ""
    assert error not in text, page.url
    assert "Red A" in text and "Red B" in text, f"the region is not on {page.url}"
    return "regional"


def _seen(page: Page, error: str) -> str:
    """ "old" or "new": the version the page shows (never both, never an error)."""
    # the page's run is over (_settle); its charts draw in the browser after it: wait for
    # one of Red A's product names, old or new
    page.wait_for_function(
        "names => { const m = document.querySelector('[data-testid=stMain]');"
        " return m && names.some(n => m.textContent.includes(n)); }",
        arg=[*OLD, *NEW],
        timeout=20_000,
    )
    expect(page.get_by_test_id("stException")).to_have_count(0, timeout=1)
    text = page.locator("[data-testid='stMain']").text_content() or ""
    assert error not in text, page.url
    old, new = (any(n in text for n in names) for names in (OLD, NEW))
    assert not (old and new), f"a half-written version on {page.url}"
    assert old or new, f"Red A's products are not on {page.url}"
    return "new" if new else "old"


def test_replicas_under_load(browser, tmp_path, reading_plan_sheets):  # noqa: F811
    start = time.monotonic()
    url = cluster().create_database()
    _seed(url)
    env = {auth.ENV_PASSWORDS: "sara:clave-de-carga"}
    replicas = [
        servers.start_server(tmp_path / f"replica{i}", database_url=url, extra_env=env)
        for i in (1, 2)
    ]
    error = t("app.error", "es")
    contexts = []
    interactions = 0
    try:
        pages = []
        for i in range(SESSIONS):
            ctx = browser.new_context(viewport=servers.VIEWPORT, locale="es-PE")
            contexts.append(ctx)
            page = ctx.new_page()
            page.goto(f"{replicas[i % 2].url}/cronograma?plan={A_ID}")
            expect(page.get_by_test_id("stMain").get_by_test_id("stHeading").first).to_contain_text(
                "Cronograma"
            )
            _settle(page)
            assert _seen(page, error) == "old"
            pages.append(page)
        for k in range(1, ROUNDS + 1):  # before the upload: everyone sees the old version
            for page in pages:
                title = _visit(page, k)
                interactions += 1
                assert _checked(page, title, error) in ("old", "regional")

        # The secretariat, in a browser session of its own on the first replica: log in on a
        # link to Red A's plan (it lands on that plan's upload page), choose the new workbook
        # and wait for the preview; nothing is stored before «Confirmar».
        sec_ctx = browser.new_context(viewport=servers.VIEWPORT, locale="es-PE")
        contexts.append(sec_ctx)
        sec = sec_ctx.new_page()
        sec.goto(f"{replicas[0].url}/secretaria?plan={A_ID}")
        expect(sec.get_by_label("Nombre")).to_be_visible()
        sec.get_by_label("Nombre").fill("sara")
        sec.get_by_label("Contraseña").fill("clave-de-carga")
        sec.get_by_role("button", name="Entrar").click()
        expect(sec.get_by_test_id("stFileUploader")).to_be_visible()
        _settle(sec)
        data = plans_workbook(_network(A_ID, "Red A", "red-a", NEW))
        sec.locator("input[type=file]").set_input_files(
            files=[{"name": "red-a.xlsx", "mimeType": "application/octet-stream", "buffer": data}]
        )
        confirm = sec.get_by_role("button", name="Confirmar")
        expect(confirm).to_be_enabled()
        for page in pages:  # the preview changed nothing: everyone still sees the old version
            assert _seen(page, error) == "old"
        saved = sec.get_by_text("Guardada la versión", exact=False)
        confirm.click()  # the server stores the version while the viewers go on browsing
        k = ROUNDS + 1
        while not saved.count() and time.monotonic() - start < DEADLINE:  # during the upload
            for page in pages:
                title = _visit(page, k)
                interactions += 1
                _checked(page, title, error)  # old or new, never a mix
            k += 1
        expect(saved).to_be_visible()  # the secretariat's page says the version is stored
        expect(sec.get_by_test_id("stException")).to_have_count(0)
        lags = []
        while NAV_TITLES[k % len(NAV_TITLES)] in REGIONAL:  # a page that tells the version
            k += 1
        for page in pages:  # the first interaction after the commit shows the new version
            clicked = time.monotonic()
            _visit(page, k)
            interactions += 1
            assert _seen(page, error) == "new", page.url
            lags.append(time.monotonic() - clicked)
        assert time.monotonic() - start < DEADLINE, "the load test ran past its deadline"
        for r in replicas:
            assert r.process.poll() is None, r.output()
        rss = ",".join(f"{_rss_mb(r.process.pid):.0f}" for r in replicas)
        peak = ",".join(f"{_rss_mb(r.process.pid, 'VmHWM'):.0f}" for r in replicas)
        print(
            f"\nLOAD sessions={SESSIONS} interactions={interactions} errors=0 "
            f"max_seconds_to_new={max(lags):.2f} replica_rss_mb={rss} replica_peak_mb={peak} "
            f"total_seconds={time.monotonic() - start:.1f}"
        )
    except Exception:
        for r in replicas:
            print(r.output())
        raise
    finally:
        for ctx in contexts:
            ctx.close()
        for r in replicas:
            servers.stop_server(r)

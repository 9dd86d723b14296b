"""Issue 12 in a real browser: the 2 KB workbook with one cell at XFD1048576, uploaded by the
secretariat, used to make calamine abort `streamlit run` for everyone. Now the page shows the
refusal and the server answers the next requests."""

from __future__ import annotations

import sys
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]
TIMEOUT = 30_000
PASSWORD = "e2e-secreto-hostil"

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from hostile import far_cell  # noqa: E402


@pytest.fixture
def secretariat_server(monkeypatch, request):
    """A fresh server that knows the secretariat's password (set before it starts)."""
    monkeypatch.setenv("PLANMONITOR_SECRETARIAT_PASSWORDS", f"ana:{PASSWORD}")
    return request.getfixturevalue("fresh_server")


def wait_idle(page: Page) -> None:
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=TIMEOUT)


def nav(page: Page, name: str) -> None:
    page.locator(".st-key-pm-nav").get_by_role("link", name=name).click()
    expect(page.get_by_role("heading", name=name, exact=True)).to_be_visible(timeout=TIMEOUT)
    wait_idle(page)


def test_a_workbook_asking_for_512_gib_is_refused_and_the_server_lives_on(
    secretariat_server, page, browser
) -> None:  # issue 12
    base = secretariat_server.url
    page.goto(base)
    expect(page.get_by_test_id("stSidebar")).to_be_visible(timeout=TIMEOUT)
    wait_idle(page)
    nav(page, "Acceso de la Secretaría")
    page.get_by_label("Nombre").fill("ana")
    page.get_by_label("Contraseña").fill(PASSWORD)
    page.get_by_role("button", name="Entrar").click()
    expect(page.get_by_text("Sesión de la Secretaría: ana")).to_be_visible(timeout=TIMEOUT)
    wait_idle(page)

    nav(page, "Actualizar datos")
    # The uploader drawn and idle before the file goes in (a file set while the page still
    # reruns after the navigation can be dropped with the old widget).
    expect(page.get_by_test_id("stFileUploader")).to_be_visible(timeout=TIMEOUT)
    wait_idle(page)
    page.locator("input[type=file]").set_input_files(
        files=[
            {
                "name": "xfd1048576.xlsx",
                "mimeType": "application/octet-stream",
                "buffer": far_cell("XFD1048576", 1_048_576),
            }
        ]
    )
    # the file reached the server (its chip is drawn), then the refusal; reading it under the
    # full suite's load can take longer than one ordinary wait
    expect(page.get_by_test_id("stFileUploader")).to_contain_text("xfd1048576.xlsx")
    expect(page.get_by_text("El archivo tiene 1 error(es)", exact=False)).to_be_visible(
        timeout=2 * TIMEOUT
    )
    wait_idle(page)
    grid = page.get_by_test_id("stDataFrame")
    expect(grid).to_be_visible()
    expect(grid.get_by_text("XFD1048576", exact=False).first).to_be_attached()
    expect(page.get_by_test_id("stException")).to_have_count(0)

    assert secretariat_server.process.poll() is None, secretariat_server.output()
    with urllib.request.urlopen(f"{base}/_stcore/health", timeout=10) as response:
        assert response.status == 200
    other = browser.new_page()
    try:
        other.goto(base)
        expect(other.get_by_test_id("stMetric").first).to_be_visible(timeout=TIMEOUT)
        expect(other.get_by_test_id("stException")).to_have_count(0)
    finally:
        other.close()
    assert "Traceback" not in secretariat_server.output()

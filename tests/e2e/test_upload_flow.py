"""The secretariat's workflow in a real browser: log in, upload, preview, confirm, the pages
show the new data; roll back, they show the old data again. And two servers on one
PostgreSQL store: an upload through the first appears in the second."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest
from playwright.sync_api import Page, expect
from test_dashboard import wait_idle

from planmonitor.output import export
from planmonitor.reading.loader import load_default

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]
ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
TIMEOUT = 30_000
PASSWORD = "e2e-secreto-largo"
NEW_NAME = "Producto agregado en la prueba e2e"


def new_product_file() -> bytes:
    """Productos only: the bundled products plus one."""
    prods = export.plan_to_sheets(load_default().plan, include=["Productos"])["Productos"]
    extra = {**prods.iloc[0].to_dict(), "Código": "1.1.1-9", "Nombre": NEW_NAME}
    return export.write_workbook({"Productos": pd.concat([prods, pd.DataFrame([extra])])})


def no_exception(page: Page) -> None:
    expect(page.get_by_test_id("stException")).to_have_count(0)
    assert "Traceback" not in page.content()


def nav(page: Page, name: str) -> None:
    """Follow a sidebar link (a page.goto would start a new, logged-out session)."""
    page.locator(".st-key-pm-nav").get_by_role("link", name=name).click()
    expect(page.get_by_role("heading", name=name, exact=True)).to_be_visible(timeout=TIMEOUT)
    wait_idle(page)


def products_count(page: Page) -> str:
    metric = page.get_by_test_id("stMetric").filter(has_text="Productos").first
    return metric.get_by_test_id("stMetricValue").inner_text()


def log_in(page: Page, base: str) -> None:
    page.goto(base)
    expect(page.get_by_test_id("stSidebar")).to_be_visible(timeout=TIMEOUT)
    wait_idle(page)
    nav(page, "Acceso de la Secretaría")
    page.get_by_label("Nombre").fill("ana")
    page.get_by_label("Contraseña").fill(PASSWORD)
    page.get_by_role("button", name="Entrar").click()
    expect(page.get_by_text("Sesión de la Secretaría: ana")).to_be_visible(timeout=TIMEOUT)
    wait_idle(page)


def upload_and_confirm(page: Page, data: bytes) -> None:
    nav(page, "Actualizar datos")
    expect(page.get_by_test_id("stFileUploader")).to_be_visible(timeout=TIMEOUT)
    wait_idle(page)
    page.locator("input[type=file]").set_input_files(
        files=[
            {"name": "nuevo-producto.xlsx", "mimeType": "application/octet-stream", "buffer": data}
        ]
    )
    expect(page.get_by_text("Vista previa de los cambios", exact=False)).to_be_visible(
        timeout=TIMEOUT
    )
    expect(page.get_by_text("Productos nuevos")).to_be_visible()
    page.get_by_role("button", name="Confirmar").click()
    expect(page.get_by_text("Guardada la versión", exact=False)).to_be_visible(timeout=TIMEOUT)
    wait_idle(page)
    no_exception(page)


@pytest.fixture
def secretariat_server(tmp_path, monkeypatch):
    monkeypatch.setenv("PLANMONITOR_SECRETARIAT_PASSWORDS", f"ana:{PASSWORD}")
    s = start_on(f"sqlite:///{tmp_path / 'planmonitor.sqlite'}", tmp_path / "srv")
    yield s
    stop(s)


def test_upload_preview_confirm_then_rollback(secretariat_server, page):
    base = secretariat_server.url
    # the upload page is not reachable before logging in, not even by URL
    page.goto(f"{base}/actualizar")
    expect(page.get_by_test_id("stSidebar")).to_be_visible(timeout=TIMEOUT)
    wait_idle(page)
    expect(page.locator("input[type=file]")).to_have_count(0)
    expect(
        page.locator(".st-key-pm-nav").get_by_role("link", name="Actualizar datos")
    ).to_have_count(0)

    log_in(page, base)
    nav(page, "Resumen")
    before = products_count(page)

    upload_and_confirm(page, new_product_file())
    nav(page, "Resumen")
    assert int(products_count(page)) == int(before) + 1

    nav(page, "Historial de versiones")
    page.get_by_role("button", name="Restaurar la versión 2").click()
    # nothing is restored before the confirmation
    page.get_by_role("button", name="Sí, restaurar la versión 2").click()
    expect(page.get_by_text("restaurada como versión nueva", exact=False)).to_be_visible(
        timeout=TIMEOUT
    )
    no_exception(page)
    nav(page, "Resumen")
    assert products_count(page) == before


# --------------------------------------------------------------------------------------------
# Two servers, one PostgreSQL store
# --------------------------------------------------------------------------------------------
@dataclass
class Server:
    url: str
    process: subprocess.Popen
    log: Path


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_on(url: str, tmp: Path, timeout: float = 60.0) -> Server:
    """`streamlit run dashboard.py` on a free port with the store at `url` (output to a log).

    Ready when the server says so on its output (read line by line as it comes: no polling
    sleep), then its health endpoint answers. Helpers of tests/e2e/conftest.py are not
    imported: several conftest modules share the name.
    """
    if not CHROMIUM.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{CHROMIUM} is missing")
        pytest.skip(f"{CHROMIUM} is missing: install Debian's chromium package")
    tmp.mkdir(parents=True, exist_ok=True)
    port = _free_port()
    log = tmp / "streamlit.log"
    env = {**os.environ, "PLANMONITOR_DATABASE_URL": url}
    env.pop("PLANMONITOR_WORKBOOK", None)
    cmd = [
        sys.executable, "-m", "streamlit", "run", "dashboard.py",
        "--server.port", str(port), "--server.headless", "true",
        "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
        "--server.fileWatcherType", "none",
    ]  # fmt: skip
    proc = subprocess.Popen(
        cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    ready = threading.Event()

    def copy_output() -> None:  # the whole output goes to the log; the ready line is noticed
        with log.open("wb") as out:
            for line in proc.stdout:
                out.write(line)
                out.flush()
                if f":{port}".encode() in line:
                    ready.set()
        ready.set()  # the process ended

    threading.Thread(target=copy_output, daemon=True).start()
    base = f"http://127.0.0.1:{port}"
    if ready.wait(timeout) and proc.poll() is None:
        with urllib.request.urlopen(f"{base}/_stcore/health", timeout=10) as r:
            if r.status == 200:
                return Server(base, proc, log)
    proc.terminate()
    raise RuntimeError(log.read_text(errors="replace"))


def stop(server: Server) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait(timeout=10)


def test_an_upload_through_one_server_appears_in_the_other(browser, tmp_path, monkeypatch):
    sys.path.insert(0, str(ROOT / "tests"))
    from pg import cluster

    url = cluster().create_database()
    monkeypatch.setenv("PLANMONITOR_SECRETARIAT_PASSWORDS", f"ana:{PASSWORD}")
    first = start_on(url, tmp_path / "a")
    second = start_on(url, tmp_path / "b")
    ctx_a, ctx_b = browser.new_context(), browser.new_context()
    try:
        viewer = ctx_b.new_page()
        viewer.goto(second.url)  # the default page: Resumen
        expect(viewer.get_by_test_id("stMetric").first).to_be_visible(timeout=TIMEOUT)
        wait_idle(viewer)
        before = products_count(viewer)

        uploader = ctx_a.new_page()
        log_in(uploader, first.url)
        upload_and_confirm(uploader, new_product_file())

        nav(viewer, "Cronograma")  # the viewer's next interaction
        nav(viewer, "Resumen")
        assert int(products_count(viewer)) == int(before) + 1
        no_exception(viewer)
    finally:
        ctx_a.close()
        ctx_b.close()
        stop(first)
        stop(second)
        for s in (first, second):
            print(s.log.read_text(errors="replace")[-3000:])

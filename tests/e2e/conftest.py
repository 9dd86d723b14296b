"""Browser tests: Playwright driving Debian's Chromium against a real `streamlit run`.

The server gets its own store (a SQLite file in a temporary folder, seeded from the bundled
workbooks), no secrets file (`--secrets.files` points at a path that does not exist, so a
developer's .streamlit/secrets.toml is never read) and the environment of the test session
(tests/conftest.py: HOME in a temporary folder, no PLANMONITOR_* variable but those a test
sets); its output goes to a log file that a failing test prints.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import expect

ROOT = Path(__file__).resolve().parents[2]

# A Streamlit rerun on a busy 2-core CI machine can take seconds: Playwright's default 5 s for
# expect() made correct pages fail now and then (seen in a loaded full run). Explicit
# timeouts in the tests still apply.
expect.set_options(timeout=20_000)
CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = ROOT / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORT = {"width": 1920, "height": 1080}


def _require_chromium() -> None:
    if CHROMIUM.exists():
        return
    reason = f"{CHROMIUM} is missing: install Debian's chromium package to run browser tests"
    if os.environ.get("CI") == "true":
        pytest.fail(reason)
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    url: str
    process: subprocess.Popen
    log: Path

    def output(self) -> str:
        return self.log.read_text(errors="replace")[-5000:]


def start_server(
    tmp: Path,
    timeout: float = 60.0,
    database_url: str | None = None,
    extra_env: dict[str, str] | None = None,
    secrets: str = "",
) -> Server:
    """A fresh `streamlit run dashboard.py` on a free port with its own store (or the store at
    `database_url`, shared by several replicas; issue 11's load test); `secrets` is the TOML of
    its own secrets file (never the developer's: none when empty)."""
    tmp.mkdir(parents=True, exist_ok=True)
    secrets_file = tmp / ("secrets.toml" if secrets else "no-secrets.toml")
    if secrets:
        secrets_file.write_text(secrets, encoding="utf-8")
    port = _free_port()
    log = tmp / "streamlit.log"
    env = dict(os.environ)
    env["PLANMONITOR_DATABASE_URL"] = database_url or f"sqlite:///{tmp / 'planmonitor.sqlite'}"
    env.pop("PLANMONITOR_WORKBOOK", None)
    env.update(extra_env or {})
    cmd = [
        sys.executable, "-m", "streamlit", "run", "dashboard.py",
        "--server.port", str(port), "--server.headless", "true",
        "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
        "--server.fileWatcherType", "none",
        "--secrets.files", str(secrets_file),
    ]  # fmt: skip
    with log.open("wb") as out:
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited early:\n{log.read_text(errors='replace')}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return Server(url, proc, log)
        except OSError:
            pass
        time.sleep(0.2)
    proc.terminate()
    raise RuntimeError(f"streamlit did not become healthy:\n{log.read_text(errors='replace')}")


def stop_server(server: Server) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.process.kill()


@pytest.fixture(scope="session")
def browser():
    _require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="session")
def server(tmp_path_factory) -> Iterator[Server]:
    """One server shared by the browser tests (they run in one xdist group)."""
    _require_chromium()
    s = start_server(tmp_path_factory.mktemp("e2e-server"))
    yield s
    stop_server(s)


@pytest.fixture
def fresh_server(tmp_path) -> Iterator[Server]:
    """A server no browser has visited yet (for first-request scenarios)."""
    _require_chromium()
    s = start_server(tmp_path / "fresh")
    yield s
    stop_server(s)


@pytest.fixture
def server_with_secrets(tmp_path):
    """A factory of fresh servers on the store in tmp_path / "fresh" (as fresh_server), each
    with the secrets TOML given; stopped at the end of the test."""
    _require_chromium()
    started: list[Server] = []

    def start(secrets: str) -> Server:
        s = start_server(tmp_path / "fresh", secrets=secrets)
        started.append(s)
        return s

    yield start
    for s in started:
        stop_server(s)


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport=VIEWPORT, locale="es-PE")
    pg = context.new_page()
    yield pg
    context.close()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(exist_ok=True)
    return SCREENSHOTS

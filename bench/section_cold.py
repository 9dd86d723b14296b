"""Cold start (issue 10): the first chart of each chart page in a fresh browser, against a bare
one-chart Streamlit app started the same way, side by side.

Two `streamlit run` servers start together: the dashboard on its bundled data (its own store in
a temporary folder, no secrets file, as tests/e2e/conftest.py starts it) and the bare page of
section_pages.py written to a temporary folder. Each load opens a FRESH Chromium context (no
cache, no cookies, no session) and times navigation → the first Plotly chart drawn
(`.js-plotly-plot .main-svg` visible). The bare app is loaded once per round, then every chart
page once (deep link with the page's URL path), three rounds, so a machine busy with something
else slows both sides alike; the figures are medians of the rounds. The very first load of the
dashboard's server (its caches empty) is printed apart.

Goal: every chart page within 1.5x the bare app.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
CHART = "[data-testid=stMain] .js-plotly-plot .main-svg"  # the page's chart, not the sidebar
GOAL_VS_BARE = 1.5
TIMEOUT_MS = 60_000


def add_arguments(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("cold")
    g.add_argument("--cold-rounds", type=int, default=3, help="fresh-browser loads per page")


def bare_page() -> str:
    """The bare one-chart page of section_pages.py (one yardstick for both sections)."""
    path = HERE / "section_pages.py"
    spec = importlib.util.spec_from_file_location("bench_section_pages_bare", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.BARE_PAGE


def chart_pages() -> list[str]:
    """URL paths of the dashboard pages that draw a chart, in the navigation's order."""
    sys.path.insert(0, str(ROOT / "src"))
    from planmonitor.ui.frame import PAGES

    return [url for path, url, _ in PAGES if "page.chart(" in (ROOT / path).read_text()]


class Server(NamedTuple):
    url: str
    process: subprocess.Popen
    log: Path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(script: Path, cwd: Path, tmp: Path, database_url: str | None = None) -> Server:
    """`streamlit run script` on a free port: its own store (or the one at `database_url`), no
    secrets, output to a log."""
    port = _free_port()
    env = dict(os.environ)
    env["PLANMONITOR_DATABASE_URL"] = database_url or f"sqlite:///{tmp / 'planmonitor.sqlite'}"
    env.pop("PLANMONITOR_WORKBOOK", None)
    # This checkout's code, whatever the virtualenv has installed (an editable install may
    # point at another clone).
    env["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(ROOT / "src"), os.environ.get("PYTHONPATH", "")) if p
    )
    log = tmp / "streamlit.log"
    cmd = [
        sys.executable, "-m", "streamlit", "run", str(script),
        "--server.port", str(port), "--server.headless", "true",
        "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
        "--server.fileWatcherType", "none",
        "--secrets.files", str(tmp / "no-secrets.toml"),
    ]  # fmt: skip
    with log.open("wb") as out:
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT)
    return Server(f"http://127.0.0.1:{port}", proc, log)


def wait_healthy(server: Server, timeout: float = 60.0) -> float:
    """Seconds until /_stcore/health answers."""
    begin = time.perf_counter()
    while time.perf_counter() - begin < timeout:
        if server.process.poll() is not None:
            raise RuntimeError(f"streamlit exited early:\n{server.log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(f"{server.url}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return time.perf_counter() - begin
        except OSError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"streamlit did not become healthy:\n{server.log.read_text()[-3000:]}")


def stop(server: Server) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.process.kill()


def first_chart(browser, url: str) -> float:
    """Seconds from navigation to the first Plotly chart drawn, in a fresh browser context."""
    context = browser.new_context(viewport={"width": 1920, "height": 1080}, locale="es-PE")
    try:
        page = context.new_page()
        begin = time.perf_counter()
        page.goto(url, wait_until="commit", timeout=TIMEOUT_MS)
        page.wait_for_selector(CHART, state="visible", timeout=TIMEOUT_MS)
        elapsed = time.perf_counter() - begin
        if page.get_by_test_id("stException").count():
            raise RuntimeError(f"{url} showed an exception")
        return elapsed
    finally:
        context.close()


def measure(rounds: int) -> tuple[float, dict[str, list[float]], list[float], tuple[float, float]]:
    """(first load of the fresh dashboard, page -> times, bare times, (health s dash, bare))."""
    from playwright.sync_api import sync_playwright

    pages = chart_pages()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        (tmp / "dash").mkdir()
        (tmp / "bare").mkdir()
        app = tmp / "bare" / "app.py"
        app.write_text(bare_page())
        dash = start(ROOT / "dashboard.py", ROOT, tmp / "dash")
        bare = start(app, tmp / "bare", tmp / "bare")
        try:
            health = (wait_healthy(dash), wait_healthy(bare))
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
                try:
                    first = first_chart(browser, f"{dash.url}/{pages[0]}")
                    first_chart(browser, bare.url)  # both servers past their first session
                    times: dict[str, list[float]] = {name: [] for name in pages}
                    bare_times: list[float] = []
                    for _ in range(max(1, rounds)):
                        bare_times.append(first_chart(browser, bare.url))
                        for name in pages:
                            times[name].append(first_chart(browser, f"{dash.url}/{name}"))
                finally:
                    browser.close()
        finally:
            stop(dash)
            stop(bare)
    return first, times, bare_times, health


def run(args: argparse.Namespace) -> None:
    if not CHROMIUM.exists():
        print(f"   cold start: skipped ({CHROMIUM} is missing)")
        return
    rounds = getattr(args, "cold_rounds", 3)
    first, times, bare_times, health = measure(rounds)
    bare = statistics.median(bare_times)
    print(
        f"   first chart in a fresh Chromium context, median of {rounds} "
        f"(servers healthy after {health[0]:.1f} s dashboard, {health[1]:.1f} s bare)"
    )
    print(f"   {'page':<12}{'first chart':>12}{'bare':>8}{'x bare':>8}")
    for name, ts in times.items():
        t = statistics.median(ts)
        verdict = "ok" if t / bare <= GOAL_VS_BARE else "MISSED"
        print(f"   {name:<12}{t:>11.2f}s{bare:>7.2f}s{t / bare:>7.2f}x  {verdict}")
    print(f"   first load of the fresh server ({next(iter(times))}): {first:.2f} s")
    print(f"   goal: every chart page within {GOAL_VS_BARE:g}x the bare one-chart app")

"""Dashboard pages: warm rerun time of each page (AppTest), against a bare one-chart page,
at the default data and at network scale, and the server's peak memory at network scale.

Goals: each page within 2x the bare page at the default data, under 1 s at network scale,
and a `streamlit run` server under 500 MB after visiting every page at network scale.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGES = ("resumen", "cronograma", "carga", "cobertura", "avance", "calidad")
GOAL_VS_BARE = 2.0
GOAL_NETWORK_S = 1.0
GOAL_RSS_MB = 500.0
CHROMIUM = Path("/usr/bin/chromium")

# The yardstick: one page, one Plotly chart of the size of the dashboard's (20 horizontal bars
# with a few lines of hover each, like the Gantt of the default plan: ~19 KB of JSON), drawn
# through st.plotly_chart and timed the same way. It builds its figure each run, as a bare
# page does (about 1 ms); the dashboard's pages keep theirs (cached functions of each page).
BARE_PAGE = """
import plotly.graph_objects as go
import streamlit as st

labels = [f"1.{i // 5 + 1}.{i % 5 + 1}-1 Producto de ejemplo número {i}" for i in range(20)]
hover = [f"<b>{x}</b><br>Líderes: OIM<br>Socios: PNUD, OIT<br>Estado: En curso · 40 %<br>"
         f"Del 1 abr 2023 al 31 dic 2023<br>Último comentario: avance según lo previsto"
         for x in labels]
st.title("Bare page")
st.plotly_chart(
    go.Figure(go.Bar(y=labels, x=list(range(20, 40)), orientation="h", hovertext=hover,
                     text=[f"{i} %" for i in range(20)])),
    width="stretch",
)
"""


def add_arguments(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("pages")
    g.add_argument("--page-reruns", type=int, default=7, help="warm reruns per page (median)")
    g.add_argument("--no-server", action="store_true", help="skip the server memory measure")


def _keep_navigation_mode() -> None:
    """Same AppTest fix as tests/app/conftest.py: keep st.navigation's mode across runs."""
    from streamlit.runtime.pages_manager import PagesManager

    original = PagesManager.__init__
    if getattr(original, "_planmonitor_patched", False):
        return

    def init(self, *args, **kwargs):
        if PagesManager.uses_pages_directory is None:
            PagesManager.uses_pages_directory = False
        original(self, *args, **kwargs)

    init._planmonitor_patched = True
    PagesManager.__init__ = init


_DATA_HOOKS = ("version_key", "uses_store", "load_for_key")


def _use_plan(plan, key: str) -> None:
    """Point the dashboard's data layer at a plan in memory (as the AppTests do); `_restore`
    gives the data layer back (later sections measure the store)."""
    import pandas as pd

    from planmonitor import model
    from planmonitor.ui import data

    _SAVED.update({n: getattr(data, n) for n in _DATA_HOOKS if n not in _SAVED})
    issues = pd.DataFrame(columns=model.ISSUE_COLUMNS)
    data.version_key = lambda: key
    data.uses_store = lambda: False
    data.load_for_key = lambda _key: (plan, issues)


_SAVED: dict[str, object] = {}


def _restore() -> None:
    from planmonitor.ui import data

    for name, original in _SAVED.items():
        setattr(data, name, original)
    _SAVED.clear()


def _rerun(at) -> float:
    start = time.perf_counter()
    at.run()
    elapsed = time.perf_counter() - start
    if at.exception:
        raise RuntimeError(f"page raised: {[e.value for e in at.exception]}")
    return elapsed


def page_times(reruns: int) -> dict[str, tuple[float, float]]:
    """page -> (median warm rerun of the page, median warm rerun of the bare page).

    The bare page is rerun in turn with each page (one page rerun, one bare rerun, ...), so
    a machine busy with something else slows both sides alike and the ratio stays honest.
    """
    from streamlit.testing.v1 import AppTest

    out: dict[str, tuple[float, float]] = {}
    bare = AppTest.from_string(BARE_PAGE, default_timeout=60)
    bare.run()
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    at.run()
    for name in PAGES:
        if name != PAGES[0]:
            at.switch_page(f"pages/{name}.py")
        at.run()  # warm: caches filled, page imported
        page_t, bare_t = [], []
        for _ in range(max(1, reruns)):
            page_t.append(_rerun(at))
            bare_t.append(_rerun(bare))
        if at.error:
            raise RuntimeError(f"{name} showed an error: {[e.value for e in at.error]}")
        out[name] = (statistics.median(page_t), statistics.median(bare_t))
    return out


def _rss_mb(pid: int) -> float:
    import psutil

    proc = psutil.Process(pid)
    total = proc.memory_info().rss
    for child in proc.children(recursive=True):
        try:
            total += child.memory_info().rss
        except psutil.NoSuchProcess:
            pass
    return total / 1024 / 1024


def server_peak_rss(workbook: Path) -> float:
    """Peak RSS of `streamlit run dashboard.py` on the workbook after visiting every page."""
    import socket

    from playwright.sync_api import sync_playwright

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = dict(os.environ, PLANMONITOR_WORKBOOK=str(workbook))
    log = workbook.with_suffix(".log")
    cmd = [
        sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.port", str(port),
        "--server.headless", "true", "--server.address", "127.0.0.1",
        "--server.fileWatcherType", "none",
    ]  # fmt: skip
    with log.open("wb") as out:
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    peak = 0.0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not stop.is_set():
            try:
                peak = max(peak, _rss_mb(proc.pid))
            except Exception:
                return
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2):
                    break
            except OSError:
                time.sleep(0.2)
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"]
            )
            page = browser.new_page(viewport={"width": 1920, "height": 1080})
            for name in PAGES:
                page.goto(f"{url}/{name}")
                page.get_by_role("heading", level=1).first.wait_for(timeout=120_000)
                page.wait_for_timeout(500)
                page.get_by_test_id("stStatusWidget").wait_for(state="detached", timeout=120_000)
            browser.close()
        peak = max(peak, _rss_mb(proc.pid))
    finally:
        stop.set()
        sampler.join(timeout=2)
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
    return peak


def _verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def run(args: argparse.Namespace) -> None:
    import streamlit as st

    from planmonitor.reading.loader import load_default
    from planmonitor.synth import make_network_plan, make_network_workbook

    _keep_navigation_mode()
    reruns = getattr(args, "page_reruns", 7)
    n_products = getattr(args, "products", 2000)
    n_progress = getattr(args, "progress", 50000)

    default = load_default()
    if default.plan is None:
        raise RuntimeError("the bundled workbooks did not load")
    try:
        _use_plan(default.plan, "bench:default")
        st.cache_data.clear()
        st.cache_resource.clear()
        at_default = page_times(reruns)

        network = make_network_plan(n_products, n_progress)
        _use_plan(network, "bench:network")
        st.cache_data.clear()
        st.cache_resource.clear()
        at_network = page_times(reruns)
    finally:
        # the store section, run after this one, measures the dashboard on a real store: the
        # data layer patched here made it read no store (a KeyError at its plan switch)
        _restore()
        st.cache_data.clear()
        st.cache_resource.clear()

    print(
        f"   warm rerun, median of {reruns} (AppTest), each page interleaved with the bare "
        "one-chart page"
    )
    print(f"   {'page':<12}{'default':>10}{'bare':>8}{'x bare':>8}{'':>8}{'network':>10}{'':>8}")
    for name in PAGES:
        (d, bare), (n, _) = at_default[name], at_network[name]
        print(
            f"   {name:<12}{d * 1000:>8.0f}ms{bare * 1000:>6.0f}ms{d / bare:>7.1f}x"
            f"{_verdict(d / bare <= GOAL_VS_BARE):>8}{n * 1000:>8.0f}ms"
            f"{_verdict(n < GOAL_NETWORK_S):>8}"
        )
    print(
        f"   goals: within {GOAL_VS_BARE:.0f}x the bare page at the default data; "
        f"under {GOAL_NETWORK_S:.0f} s at {n_products} products / {n_progress} reports"
    )

    if getattr(args, "no_server", False):
        return
    if not CHROMIUM.exists():
        print(f"   server memory: skipped ({CHROMIUM} is missing)")
        return
    with tempfile.TemporaryDirectory() as tmp:
        workbook = Path(tmp) / "network.xlsx"
        workbook.write_bytes(make_network_workbook(n_products, n_progress))
        peak = server_peak_rss(workbook)
    print(
        f"   server peak RSS at network scale, every page visited: {peak:.0f} MB "
        f"(goal < {GOAL_RSS_MB:.0f} MB: {_verdict(peak < GOAL_RSS_MB)})"
    )

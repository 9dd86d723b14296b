"""A region (issue 11 §5): a PostgreSQL store of 20 fictitious networks × 300 products ×
6,000 reports (synth.make_region_plans) beside a store of one of them: load_region cold and
warm, the regional core (analysis/region.py) on 20 networks vs 1 (ratio), a network's page
warm rerun (AppTest) on that PostgreSQL store, the regional pages and the regional report
when they exist ("not present" otherwise), and this process's peak memory.

The cluster is a throw-away one (tests/pg.py's Cluster, Debian's binaries); the plans are
written as versions directly (schema.insert_version), as section_store does, so the section
times the store and the roll-up, not the loader. `--only loadtest` runs the load test.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
NETWORK_PAGES = ("pages/cronograma.py", "pages/carga.py", "pages/cobertura.py", "pages/avance.py")
REGION_PAGES = (
    "pages/region_calendario.py",
    "pages/region_cobertura.py",
    "pages/region_agencias.py",
    "pages/region_avance.py",
    "pages/region_informe.py",
)
TODAY = pd.Timestamp("2024-06-15")  # inside the synthetic plans' period (2023-2024)


def add_arguments(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("region")
    g.add_argument("--region-networks", type=int, default=20)
    g.add_argument("--region-products", type=int, default=300)
    g.add_argument("--region-progress", type=int, default=6000)
    g.add_argument("--region-reruns", type=int, default=5, help="warm reruns per page (median)")


def best_of(n: int, fn: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(max(1, n)):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def build(url: str, plans: list) -> None:
    from planmonitor import model
    from planmonitor.store import open_store, schema
    from planmonitor.store.engine import write_lock

    s = open_store(url, seed=False)
    try:
        for plan in plans:
            data = f"bench region plan {plan.info.plan_id}".encode()
            cand = schema.Candidate(
                plan=plan,
                issues=model.empty_table(model.ISSUE_COLUMNS),
                data=data,
                filename=f"{plan.info.plan_id}.xlsx",
                sha256=hashlib.sha256(data).hexdigest(),
                sheets=(),
                kind="upload",
                author="bench",
                note="",
            )
            with write_lock(s.engine) as conn:
                schema.insert_version(conn, plan.info.plan_id, cand, parent_id=None)
    finally:
        s.dispose()


def core(region) -> dict[str, Callable[[], object]]:
    from planmonitor.analysis import region as r

    months = r.region_months(region, TODAY)
    return {
        f"reporting_calendar ({len(months)} months)": lambda: r.reporting_calendar(region, months),
        "gcm_coverage": lambda: r.gcm_coverage(region),
        "agency_networks": lambda: r.agency_networks(region),
        "completion_by_network": lambda: r.completion_by_network(region, TODAY),
        "alerts_by_network": lambda: r.alerts_by_network(region, TODAY),
    }


def pages(url: str, plan_id: str, reruns: int) -> dict[str, float | str | None]:
    """Median warm rerun (s) of a network's overview page and of each regional page (None:
    the page file is not there) in the dashboard (AppTest) on the store at `url`."""
    import importlib.util

    from streamlit.testing.v1 import AppTest

    from planmonitor.ui import data

    spec = importlib.util.spec_from_file_location(
        "bench_region_pages", Path(__file__).with_name("section_pages.py")
    )
    assert spec is not None and spec.loader is not None
    section_pages = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(section_pages)
    section_pages._keep_navigation_mode()
    saved = os.environ.get("PLANMONITOR_DATABASE_URL")
    workbook = os.environ.pop(data.WORKBOOK_ENV, None)
    out: dict[str, float | str | None] = {}

    def warm(at: AppTest) -> float:
        times = []
        for _ in range(reruns):
            start = time.perf_counter()
            at.run()
            times.append(time.perf_counter() - start)
        if at.exception:
            raise RuntimeError(f"dashboard raised: {[e.value for e in at.exception]}")
        return statistics.median(times)

    try:
        os.environ["PLANMONITOR_DATABASE_URL"] = url
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=300)
        at.query_params["plan"] = plan_id
        at.run()
        out["a network's overview page, warm rerun"] = warm(at)
        for page in (*NETWORK_PAGES, *REGION_PAGES):
            if not (ROOT / page).exists():
                out[page] = None
                continue
            try:
                at.switch_page(page)
                at.run()
                out[page] = warm(at)
            except Exception as exc:  # noqa: BLE001 - said, and the other figures still print
                out[page] = f"failed: {type(exc).__name__}: {exc}"[:200]
    finally:
        if saved is None:
            os.environ.pop("PLANMONITOR_DATABASE_URL", None)
        else:
            os.environ["PLANMONITOR_DATABASE_URL"] = saved
        if workbook is not None:
            os.environ[data.WORKBOOK_ENV] = workbook
    return out


def browser_cold(url: str) -> list[str]:
    """The first chart of each regional chart page in a fresh Chromium context, on a fresh
    `streamlit run` server holding the region (its first load apart: the server's caches are
    empty), and that server's peak memory after them."""
    import tempfile

    from playwright.sync_api import sync_playwright

    spec = importlib.util.spec_from_file_location(
        "bench_region_cold", Path(__file__).with_name("section_cold.py")
    )
    assert spec is not None and spec.loader is not None
    cold = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(cold)
    lines = []
    with tempfile.TemporaryDirectory() as tmp:
        server = cold.start(ROOT / "dashboard.py", ROOT, Path(tmp), database_url=url)
        try:
            cold.wait_healthy(server)
            with sync_playwright() as pw:
                browser = pw.chromium.launch(
                    executable_path=str(cold.CHROMIUM), args=cold.CHROMIUM_ARGS
                )
                try:
                    for path in ("region-cobertura", "region-agencias", "region-avance"):
                        first = cold.first_chart(browser, f"{server.url}/{path}")
                        again = cold.first_chart(browser, f"{server.url}/{path}")
                        lines.append(
                            f"{path:24s} first chart, fresh browser: {first:.2f} s "
                            f"(server's first load of the page), {again:.2f} s (next visitor)"
                        )
                finally:
                    browser.close()
            status = Path(f"/proc/{server.process.pid}/status").read_text().splitlines()
            peak = next((ln.split()[1] for ln in status if ln.startswith("VmHWM:")), "0")
            lines.append(f"server holding the region: peak RSS {int(peak) / 1024:.0f} MB")
        finally:
            cold.stop(server)
    return lines


def regional_report(store, repeat: int) -> str:
    """Best time of building the regional report of TODAY's month, and of its HTML."""
    from planmonitor.output.report import regional
    from planmonitor.store.region import load_region

    region = load_region(store, TODAY)
    month = TODAY.strftime("%Y-%m")
    build = best_of(repeat, lambda: regional.build_regional_report(region, month, "es", TODAY))
    built = regional.build_regional_report(region, month, "es", TODAY)
    html = best_of(repeat, lambda: regional.regional_html(built))
    xlsx = best_of(repeat, lambda: regional.regional_excel(built))
    return f"build {build:.2f} s, HTML {html:.2f} s, Excel {xlsx:.2f} s"


def run(args: argparse.Namespace) -> None:
    sys.path.insert(0, str(ROOT / "tests"))
    from pg import Cluster  # tests/pg.py: the throw-away cluster of the store's tests

    from planmonitor.store import open_store
    from planmonitor.store.region import load_region
    from planmonitor.synth import make_region_plans

    n = getattr(args, "region_networks", 20)
    n_products = getattr(args, "region_products", 300)
    n_progress = getattr(args, "region_progress", 6000)
    reruns = getattr(args, "region_reruns", 5)
    repeat = max(getattr(args, "repeat", 3), 3)
    start = time.perf_counter()
    cluster = Cluster()
    try:
        plans = make_region_plans(n, n_products, n_progress, seed=0)
        many_url, one_url = cluster.create_database(), cluster.create_database()
        build(many_url, plans)
        build(one_url, plans[:1])
        print(
            f"region: {n} networks and 1 network × {n_products} products / {n_progress} "
            f"reports, PostgreSQL (built in {time.perf_counter() - start:.1f} s)"
        )
        many, one = open_store(many_url, seed=False), open_store(one_url, seed=False)
        try:
            t0 = time.perf_counter()
            region_many = load_region(many, TODAY)
            cold = time.perf_counter() - t0
            warm = best_of(repeat, lambda: load_region(many, TODAY))
            region_one = load_region(one, TODAY)
            print(f"load_region, {n} networks: cold {cold:.2f} s, warm {warm:.2f} s")
            print(f"{'':34s} {'1 network':>10s} {f'{n} networks':>12s}   ratio")
            fns_one, fns_many = core(region_one), core(region_many)
            for name in fns_many:
                a = best_of(repeat, fns_one[name])
                b = best_of(repeat, fns_many[name])
                print(f"{name:34s} {a * 1000:8.1f} ms {b * 1000:10.1f} ms   {b / a:5.1f}x")
            report = regional_report(many, 1)
        finally:
            one.dispose()
            many.dispose()
        print(f"build_regional_report ({n} networks): {report}")
        for name, seconds in pages(many_url, plans[n // 2].info.plan_id, reruns).items():
            if seconds is None or isinstance(seconds, str):
                print(f"{name:38s} {seconds or 'not present'}")
            else:
                print(f"{name:38s} {seconds * 1000:.0f} ms (warm rerun, median of {reruns})")
        for line in browser_cold(many_url):
            print(line)
    finally:
        cluster.stop()
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS of the bench process so far: {peak:.0f} MB")

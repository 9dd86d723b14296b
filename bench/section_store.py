"""A store of several plans (issue 9): `Store.plans()` and one plan's `for_plan(id).plan()`
in a store of 10 plans × 2,000 products, beside the same figures in a store of one plan; then
what a user feels: the load + validate of an upload (PlanStore.preview), a warm rerun of a
page and a switch of plan (`?plan=`), in the dashboard itself (AppTest), beside one plan.

The plans are built by code (synth.make_network_plan, each with its own PlanInfo) and written
as versions directly (schema.insert_version), so the section times the store, not the loader.
A plan in a store of ten should read as fast as the only plan of a store: every query of a
plan goes through the plan_id index, and `plans()` reads one row per plan, never a snapshot.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from planmonitor import model
from planmonitor.store import open_store, schema
from planmonitor.store.engine import write_lock
from planmonitor.synth import make_network_plan


def add_arguments(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("store")
    g.add_argument("--store-plans", type=int, default=10)
    g.add_argument("--store-products", type=int, default=2000)
    g.add_argument("--store-progress", type=int, default=50000)


def best_of(n: int, fn: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(max(1, n)):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def _info(i: int) -> model.PlanInfo:
    start = pd.Timestamp(f"{2001 + 2 * i}-01-01")
    end = pd.Timestamp(f"{2002 + 2 * i}-12-31")
    return model.PlanInfo(
        plan_id=f"bench-{i:02d}",
        title=f"Plan de prueba {i}",
        network_es="Red de prueba",
        network_en="Test network",
        network_id="red-de-prueba",
        country="",
        region="Región de prueba",
        start=start,
        end=end,
        fictitious=True,
    )


def build(url: str, n_plans: int, n_products: int, n_progress: int, first: int = 0) -> list[str]:
    """A store at `url` with `n_plans` plans of one version each; their ids (distinct between
    the stores of one run: the dashboard's caches are keyed by plan id and version)."""
    s = open_store(url, seed=False)
    ids = []
    try:
        for i in range(first, first + n_plans):
            info = _info(i)
            plan = dataclasses.replace(make_network_plan(n_products, n_progress, seed=i), info=info)
            data = f"bench plan {i}".encode()
            cand = schema.Candidate(
                plan=plan,
                issues=model.empty_table(model.ISSUE_COLUMNS),
                data=data,
                filename=f"{info.plan_id}.xlsx",
                sha256=hashlib.sha256(data).hexdigest(),
                sheets=(),
                kind="upload",
                author="bench",
                note="",
            )
            with write_lock(s.engine) as conn:
                schema.insert_version(conn, info.plan_id, cand, parent_id=None)
            ids.append(info.plan_id)
    finally:
        s.dispose()
    return ids


def measure(urls: list[tuple[str, str]], repeat: int) -> list[list[float]]:
    """[plans(), current_version_id(), plan(), the default plan's current_version_id()] of
    one plan per store, best of `repeat` in
    seconds; interleaved, so that a busy machine slows every store alike."""
    stores = [open_store(url, seed=False) for url, _ in urls]
    try:
        calls = [
            (
                s.plans,
                s.for_plan(pid).current_version_id,
                s.for_plan(pid).plan,
                s.current_version_id,
            )
            for s, (_, pid) in zip(stores, urls, strict=True)
        ]
        for fns in calls:  # warm up: the first call pays imports and the page cache
            for fn in fns:
                fn()
        best = [[float("inf")] * 4 for _ in calls]
        for _ in range(repeat):
            for i, fns in enumerate(calls):
                for k, fn in enumerate(fns):
                    best[i][k] = min(best[i][k], best_of(1, fn))
    finally:
        for s in stores:
            s.dispose()
    return best


def run(args: argparse.Namespace) -> None:
    n_plans = getattr(args, "store_plans", 10)
    n_products = getattr(args, "store_products", 2000)
    n_progress = getattr(args, "store_progress", 50000)
    repeat = max(getattr(args, "repeat", 3), 3)
    with tempfile.TemporaryDirectory() as tmp:
        one_url = f"sqlite:///{Path(tmp) / 'one.sqlite'}"
        many_url = f"sqlite:///{Path(tmp) / 'many.sqlite'}"
        start = time.perf_counter()
        (single,) = build(one_url, 1, n_products, n_progress, first=n_plans)
        many = build(many_url, n_plans, n_products, n_progress)
        print(
            f"stores: 1 plan and {n_plans} plans × {n_products} products / {n_progress} "
            f"reports, SQLite (built in {time.perf_counter() - start:.1f} s)"
        )
        # in the store of ten, the middle plan: neither the first nor the last rows written
        alone, among = measure([(one_url, single), (many_url, many[len(many) // 2])], repeat)
        upload = measure_upload([(one_url, single), (many_url, many[len(many) // 2])], repeat)
        pages = measure_pages(one_url, single, many_url, many, max(repeat, 5))
    names = (
        "Store.plans()",
        "for_plan(id).current_version_id()",
        "for_plan(id).plan()",
        "Store.current_version_id() (default)",
    )
    print(f"{'':38s} {'1 plan':>10s} {f'{n_plans} plans':>10s}   ratio")
    for name, a, b in zip(names, alone, among, strict=True):
        print(f"{name:38s} {a * 1000:8.1f} ms {b * 1000:8.1f} ms   {b / a:5.2f}x")
    a, b = upload
    print(f"{'load + validate an upload (preview)':38s} {a:8.2f} s  {b:8.2f} s    {b / a:5.2f}x")
    for name, (a, b) in pages.items():
        print(f"{name:38s} {a * 1000:8.1f} ms {b * 1000:8.1f} ms   {b / a:5.2f}x")
    print(
        f"(best of {repeat}, pages median of {max(repeat, 5)}; the ratio is {n_plans} plans / "
        "1 plan; a switch to a plan never shown reads it from the store, as a first visit "
        "of the one plan does)"
    )


def measure_upload(urls: list[tuple[str, str]], repeat: int) -> tuple[float, float]:
    """Seconds of PlanStore.preview (load, validate, route, diff; nothing written) of the
    plan's own data as a workbook, in each store; interleaved."""
    stores = [open_store(url, seed=False) for url, _ in urls]
    try:
        targets = [s.for_plan(pid) for s, (_, pid) in zip(stores, urls, strict=True)]
        files = [t.export_bytes() for t in targets]
        best = [float("inf")] * len(targets)
        for _ in range(repeat):
            for i, (t, data) in enumerate(zip(targets, files, strict=True)):
                best[i] = min(best[i], best_of(1, lambda t=t, d=data: t.preview(d, "plan.xlsx")))
        return best[0], best[1]
    finally:
        for s in stores:
            s.dispose()


def measure_pages(
    one_url: str, single: str, many_url: str, many: list[str], reruns: int
) -> dict[str, tuple[float, float]]:
    """The overview page in the dashboard (AppTest) on each store: a warm rerun (median), the
    first run on a plan (cold: the plan is read from the store), and in the store of ten a
    switch to another plan never shown, and back to one already shown (warm caches)."""
    import importlib.util
    import os
    import statistics

    from streamlit.testing.v1 import AppTest

    from planmonitor.ui import data, plans

    spec = importlib.util.spec_from_file_location(
        "bench_store_pages", Path(__file__).with_name("section_pages.py")
    )
    pages = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(pages)  # its AppTest fix and the repository root
    pages._keep_navigation_mode()
    root = pages.ROOT
    saved = os.environ.get("PLANMONITOR_DATABASE_URL")
    # an earlier section may have named a workbook (the dashboard then reads no store): the
    # store's pages are measured on the store, and the name is given back afterwards
    workbook = os.environ.pop(data.WORKBOOK_ENV, None)

    def app(url: str, plan_id: str) -> tuple[AppTest, float]:
        os.environ["PLANMONITOR_DATABASE_URL"] = url
        at = AppTest.from_file(str(root / "dashboard.py"), default_timeout=300)
        at.query_params["plan"] = plan_id
        start = time.perf_counter()
        at.run()
        cold = time.perf_counter() - start
        if at.exception:
            raise RuntimeError(f"dashboard raised: {[e.value for e in at.exception]}")
        return at, cold

    def warm(at: AppTest) -> float:
        times = []
        for _ in range(reruns):
            start = time.perf_counter()
            at.run()
            times.append(time.perf_counter() - start)
        return statistics.median(times)

    def switch(at: AppTest, plan_id: str) -> float:
        """The user picks another plan in the sidebar's selector (the URL is read once): the
        selector's value in the session, as a pick leaves it (AppTest's later runs may not
        list the frame's sidebar widgets, see tests/conftest.py)."""
        at.session_state[plans.WIDGET] = plan_id
        start = time.perf_counter()
        at.run()
        elapsed = time.perf_counter() - start
        if at.exception or at.session_state[data.SELECTED_PLAN] != plan_id:
            raise RuntimeError(f"the switch to {plan_id} did not happen")
        return elapsed

    try:
        app(many_url, many[-1])  # imports and the first script run, paid by no figure
        one, one_cold = app(one_url, single)
        one_warm = warm(one)
        ten, ten_cold = app(many_url, many[len(many) // 2])
        ten_warm = warm(ten)
        switch_new = switch(ten, many[0])
        switch_back = switch(ten, many[len(many) // 2])
    finally:
        if saved is None:
            os.environ.pop("PLANMONITOR_DATABASE_URL", None)
        else:
            os.environ["PLANMONITOR_DATABASE_URL"] = saved
        if workbook is not None:
            os.environ[data.WORKBOOK_ENV] = workbook
    return {
        "overview page, warm rerun": (one_warm, ten_warm),
        "overview page, first run on a plan": (one_cold, ten_cold),
        "switch to a plan never shown": (one_cold, switch_new),
        "switch back to a plan shown": (one_warm, switch_back),
    }

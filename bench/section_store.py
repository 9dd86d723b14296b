"""A store of several plans (issue 9): `Store.plans()` and one plan's `for_plan(id).plan()`
in a store of 10 plans × 2,000 products, beside the same figures in a store of one plan.

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


def build(url: str, n_plans: int, n_products: int, n_progress: int) -> list[str]:
    """A store at `url` with `n_plans` plans of one version each; their ids."""
    s = open_store(url, seed=False)
    ids = []
    try:
        for i in range(n_plans):
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
        (single,) = build(one_url, 1, n_products, n_progress)
        many = build(many_url, n_plans, n_products, n_progress)
        print(
            f"stores: 1 plan and {n_plans} plans × {n_products} products / {n_progress} "
            f"reports, SQLite (built in {time.perf_counter() - start:.1f} s)"
        )
        # in the store of ten, the middle plan: neither the first nor the last rows written
        alone, among = measure([(one_url, single), (many_url, many[len(many) // 2])], repeat)
    names = (
        "Store.plans()",
        "for_plan(id).current_version_id()",
        "for_plan(id).plan()",
        "Store.current_version_id() (default)",
    )
    print(f"{'':38s} {'1 plan':>10s} {f'{n_plans} plans':>10s}   ratio")
    for name, a, b in zip(names, alone, among, strict=True):
        print(f"{name:38s} {a * 1000:8.1f} ms {b * 1000:8.1f} ms   {b / a:5.2f}x")
    print(f"(best of {repeat}; the ratio is {n_plans} plans / 1 plan)")

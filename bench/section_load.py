"""Load + validate a network-scale workbook, against pandas/openpyxl and calamine's raw parse.

Goals: load+validate within 2x of calamine's raw parse of the same file, and at least 4x
faster than pandas.read_excel(engine="openpyxl") on the same sheets.
"""

from __future__ import annotations

import argparse
import io
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pandas as pd
import python_calamine

from planmonitor.reading.loader import load_workbook
from planmonitor.synth import make_network_plan, make_network_workbook

GOAL_VS_RAW = 2.0
GOAL_VS_OPENPYXL = 4.0


def add_arguments(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("load")
    g.add_argument("--products", type=int, default=2000)
    g.add_argument("--progress", type=int, default=50000)
    g.add_argument("--openpyxl-repeat", type=int, default=1, help="openpyxl is slow: best of N")


def best_of(n: int, fn: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(max(1, n)):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def raw_parse(path: Path) -> None:
    book = python_calamine.CalamineWorkbook.from_path(str(path))
    for name in book.sheet_names:
        book.get_sheet_by_name(name).to_python()


def avances_only(codes: list[str], n_rows: int, mistyped: bool) -> bytes:
    """An «Avances»-only update of `n_rows` reports; with `mistyped` each code is a distinct
    typo of a real one (a letter swapped in), the case of issue 8 (13.3 s with difflib)."""
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Avances")
    ws.append(["Fecha", "Producto", "Estado", "Porcentaje"])
    for i in range(n_rows):
        code = codes[i % len(codes)]
        if mistyped:
            code = code.replace("-", "_", 1) + "x"
        ws.append([f"2024-{i % 12 + 1:02d}-15", code, "En curso", 40])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def run_suggestions(n_products: int, repeat: int, n_rows: int = 300) -> None:
    """«¿Quiso decir …?» against a plan of `n_products`: mistyped codes vs correct ones."""
    plan = make_network_plan(n_products, 1000, seed=0)
    codes = plan.products["code"].tolist()
    right = avances_only(codes, n_rows, mistyped=False)
    wrong = avances_only(codes, n_rows, mistyped=True)
    check = load_workbook(wrong, base=plan)
    hinted = check.issues["message"].str.contains("¿Quiso decir").sum()
    t_right = best_of(repeat, lambda: load_workbook(right, base=plan))
    t_wrong = best_of(repeat, lambda: load_workbook(wrong, base=plan))
    print(
        f"Avances-only, {n_rows} rows on {n_products} products: correct codes {t_right:.3f} s, "
        f"mistyped codes {t_wrong:.3f} s ({hinted} suggestions; {t_wrong / t_right:.1f}x; "
        "13.3 s with difflib before issue 8)"
    )


def run(args: argparse.Namespace) -> None:
    n_products = getattr(args, "products", 2000)
    n_progress = getattr(args, "progress", 50000)
    repeat = max(getattr(args, "repeat", 5), 5)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "network.xlsx"
        start = time.perf_counter()
        path.write_bytes(make_network_workbook(n_products, n_progress, seed=0))
        size = path.stat().st_size / 1024 / 1024
        print(
            f"workbook: {n_products} products, {n_progress} progress rows, {size:.1f} MB "
            f"(built in {time.perf_counter() - start:.1f} s)"
        )

        result = load_workbook(path)
        assert result.ok, result.issues.head().to_string()
        # Interleaved, so that a busy machine slows both sides alike.
        t_load = t_raw = float("inf")
        for _ in range(max(1, repeat)):
            t_load = min(t_load, best_of(1, lambda: load_workbook(path)))
            t_raw = min(t_raw, best_of(1, lambda: raw_parse(path)))
        t_openpyxl = best_of(
            getattr(args, "openpyxl_repeat", 1),
            lambda: pd.read_excel(path, engine="openpyxl", sheet_name=None, header=None),
        )
    run_suggestions(n_products, repeat)
    print(f"planmonitor load+validate     {t_load:8.3f} s   (best of {repeat})")
    print(f"calamine raw parse            {t_raw:8.3f} s")
    print(f"pandas read_excel(openpyxl)   {t_openpyxl:8.3f} s")
    vs_raw = t_load / t_raw
    vs_openpyxl = t_openpyxl / t_load
    print(
        f"load / raw parse     = {vs_raw:5.2f}x  (goal <= {GOAL_VS_RAW:g}x) "
        f"{'OK' if vs_raw <= GOAL_VS_RAW else 'MISSED'}"
    )
    print(
        f"openpyxl / load      = {vs_openpyxl:5.2f}x  (goal >= {GOAL_VS_OPENPYXL:g}x) "
        f"{'OK' if vs_openpyxl >= GOAL_VS_OPENPYXL else 'MISSED'}"
    )

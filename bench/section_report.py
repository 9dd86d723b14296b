"""The monthly report: build_report, to_html and to_excel at the default data and at network
scale (best of N each); with --pdf, the PDF printed by headless Chromium too (once: it takes
seconds and a browser).

What it watches: the report of a network-scale month must stay a matter of seconds, and its
printable form must stay a document people can read (HTML and PDF sizes are printed too), and
the light HTML for e-mail under 1 MB (issue 10).
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

GOAL_BUILD_S = 2.0  # build_report at network scale
GOAL_PDF_S = 30.0  # the PDF at network scale, when --pdf


def add_arguments(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("report")
    g.add_argument("--pdf", action="store_true", help="also print the PDF (needs Chromium)")
    g.add_argument("--report-month", default="2024-05", help="month of the report (YYYY-MM)")


def _best(n: int, fn: Callable[[], object]) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(max(1, n)):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best, result


def _verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def run(args: argparse.Namespace) -> None:
    from planmonitor.output import report
    from planmonitor.reading.loader import load_default
    from planmonitor.synth import make_network_plan

    repeat = getattr(args, "repeat", 3)
    month = getattr(args, "report_month", "2024-05")
    n_products = getattr(args, "products", 2000)
    n_progress = getattr(args, "progress", 50000)
    with_pdf = getattr(args, "pdf", False)

    default = load_default().plan
    if default is None:
        raise RuntimeError("the bundled workbooks did not load")
    plans = {
        "default": default,
        f"network ({n_products}/{n_progress})": make_network_plan(n_products, n_progress),
    }
    print(f"   report of {month}, best of {repeat}")
    header = f"   {'data':<24}{'build':>9}{'html':>9}{'excel':>9}{'html MB':>9}{'light MB':>10}"
    print(header + (f"{'pdf':>9}{'pdf MB':>8}" if with_pdf else ""))
    for label, plan in plans.items():
        t_build, rep = _best(repeat, lambda plan=plan: report.build_report(plan, month))
        t_html, html_text = _best(repeat, lambda rep=rep: report.to_html(rep))
        t_excel, _ = _best(repeat, lambda rep=rep: report.to_excel(rep))
        light = report.to_html(rep, light=True)  # for e-mail: goal under 1 MB (issue 10)
        line = (
            f"   {label:<24}{t_build:>8.2f}s{t_html:>8.2f}s{t_excel:>8.2f}s"
            f"{len(html_text) / 1e6:>9.1f}{len(light.encode()) / 1e6:>10.2f}"
        )
        if with_pdf:
            start = time.perf_counter()
            pdf = report.to_pdf(html_text)
            t_pdf = time.perf_counter() - start
            line += "  (no Chromium)" if pdf is None else f"{t_pdf:>8.1f}s{len(pdf) / 1e6:>8.1f}"
        print(line)
        if label != "default":
            print(
                f"   goal: build_report under {GOAL_BUILD_S:g} s at network scale: "
                f"{_verdict(t_build < GOAL_BUILD_S)}; light HTML under 1 MB: "
                f"{_verdict(len(light.encode()) < 1e6)}"
                + (
                    f"; PDF under {GOAL_PDF_S:g} s: {_verdict(t_pdf < GOAL_PDF_S)}"
                    if with_pdf and pdf is not None
                    else ""
                )
            )

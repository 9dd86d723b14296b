"""`python -m planmonitor report --final [--plan ID] --out DIR [--lang en]`: the end-of-cycle
report (issue 9 §4).

Writes informe-cierre-<plan id>-<lang>.xlsx, .html, -ligero.html (for e-mail) and, when the
system Chromium is installed, .pdf into DIR (the language and «cierre» in the name: never over
a monthly report or the other language), and prints their paths. The data is the store's plan
(`--plan`, else the default one) with its decisions and the store's later plans, which may
continue its unfinished products; without a store, the bundled workbooks (no decisions, no
later plan). A plan that has not ended yet is read as of today, and the CLI says so. Exit codes
as `report --month`.
"""

from __future__ import annotations

import argparse

import pandas as pd

from planmonitor.cli.common import (
    EXIT_ISSUES,
    open_store,
    output_folder,
    plan_store,
    store_exists,
    write_output,
    write_pdf,
)
from planmonitor.cli.console import Console
from planmonitor.i18n import fmt_date, t
from planmonitor.model import Plan
from planmonitor.output import report as rp

FILE_STEM = "informe-cierre-{plan}-{lang}"


def _from_store(
    lang: str, plan_id: str | None
) -> tuple[Plan, pd.DataFrame | None, list[Plan], str] | None:
    """(plan, its decisions, the plans that start after it, source line), or None when there
    is no store."""
    if not store_exists():
        return None
    opened = open_store()
    try:
        store = plan_store(opened, plan_id)
        current_id = store.current_version_id()
        plan = store.plan(current_id)
        decisions = store.decisions().current()
        later = []
        plans = opened.plans()
        start = plan.info.start
        for row in plans.itertuples(index=False):
            if row.plan_id != store.plan_id and pd.Timestamp(row.start) > start:
                later.append(opened.for_plan(row.plan_id).plan())
    finally:
        opened.dispose()
    return plan, decisions, later, t("report.cli.source_store", lang, v=current_id)


def _load(lang: str, plan_id: str | None):
    found = _from_store(lang, plan_id)
    if found is not None:
        return found
    from planmonitor.reading.loader import load_default

    result = load_default()
    if not result.ok or result.plan is None:
        return None
    return result.plan, None, [], t("report.cli.source_default", lang)


def run(args: argparse.Namespace, con: Console) -> int:
    lang = args.lang
    loaded = _load(lang, getattr(args, "plan", None))
    if loaded is None:
        con.line(t("report.cli.load_failed", lang), err=True)
        return EXIT_ISSUES
    plan, decisions, later, source = loaded
    con.line(source)
    today = pd.Timestamp.today().normalize()
    info = plan.info
    assert info is not None
    if not info.is_closed(today):
        con.line(t("final.cli.not_ended", lang, date=fmt_date(info.end, lang)))
    built = rp.build_final_report(
        plan, lang, decisions=decisions, later_plans=later, as_of=info.as_of(today)
    )
    out = output_folder(args.out)
    stem = FILE_STEM.format(plan=info.plan_id, lang=built.lang)

    xlsx = write_output(out / f"{stem}.xlsx", rp.final_excel(built))
    con.line(t("report.cli.wrote", lang, path=xlsx))
    html_text = rp.final_html(built)
    html_path = write_output(out / f"{stem}.html", html_text)
    con.line(t("report.cli.wrote", lang, path=html_path))
    # The light version for e-mail (issue 10), as the monthly report's: charts as inline SVG.
    light = write_output(out / f"{stem}-ligero.html", rp.final_html(built, light=True))
    con.line(t("report.cli.wrote", lang, path=light))
    return write_pdf(out / f"{stem}.pdf", html_text, lang, con)

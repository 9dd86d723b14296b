"""`python -m planmonitor report --month AAAA-MM --out DIR [--lang en]`; with `--final`
instead of `--month`, the end-of-cycle report (cli/final.py).

Writes informe-YYYY-MM-LANG.xlsx, .html, -ligero.html (the light HTML for e-mail: charts
as inline SVG, under 1 MB) and, when the system Chromium is installed, .pdf into
DIR (the language in the name: a Spanish and an English report side by side never overwrite
each other), and prints their paths. The data is the store's current version when a store
exists (PLANMONITOR_DATABASE_URL set, or the default SQLite file present); the report never
creates a database as a side effect, so otherwise it reads the bundled workbooks.
With `--regional` (issue 11, §3): the regional report of every network of the store,
informe-regional-YYYY-MM-LANG.xlsx, .html and .pdf (a store with at least 2 networks needed).
Exit codes: 0 written, 1 data could not be loaded or the PDF failed, 2 malformed month,
3 the folder or a file cannot be written, 4 the store cannot be used.
"""

from __future__ import annotations

import argparse

import pandas as pd

from planmonitor.cli.common import (
    EXIT_ISSUES,
    EXIT_USAGE,
    open_store,
    output_folder,
    plan_store,
    store_exists,
    write_output,
    write_pdf,
)
from planmonitor.cli.console import Console
from planmonitor.i18n import t
from planmonitor.model import Plan
from planmonitor.output import report as rp

FILE_STEM = "informe-{month}-{lang}"
LIGHT_SUFFIX = "-ligero"  # informe-YYYY-MM-LANG-ligero.html: the light HTML for e-mail


def _store_plans(
    month_end: pd.Timestamp, lang: str, plan_id: str | None = None
) -> tuple[Plan, Plan | None, str] | None:
    """(current plan, version current at the previous month's end or None, source line) of
    the store's plan (`--plan`, else the default one), or None when there is no store (a store
    that cannot be used is an error: StoreUnavailable)."""
    if not store_exists():
        return None
    opened = open_store()
    try:
        store = plan_store(opened, plan_id)
        current_id = store.current_version_id()
        plan = store.plan(current_id)
        previous = _previous_version(store, current_id, month_end)
    finally:
        opened.dispose()
    return plan, previous, t("report.cli.source_store", lang, v=current_id)


def _previous_version(store: object, current_id: int, month_end: pd.Timestamp) -> Plan | None:
    """The version that was current at the end of the month before the report's month."""
    versions = store.versions()
    if not len(versions):
        return None
    month_start = month_end.normalize().replace(day=1)  # stored before it: current at ref date
    created = pd.to_datetime(versions["created_at"], utc=True).dt.tz_localize(None)
    before = versions[created < month_start]
    if not len(before):
        return None
    vid = int(before["id"].max())
    return None if vid == current_id else store.plan(vid)


def _load(
    month_end: pd.Timestamp, lang: str, plan_id: str | None = None
) -> tuple[Plan, Plan | None, str] | None:
    found = _store_plans(month_end, lang, plan_id)
    if found is not None:
        return found
    from planmonitor.reading.loader import load_default

    result = load_default()
    if not result.ok or result.plan is None:
        return None
    return result.plan, None, t("report.cli.source_default", lang)


def run(args: argparse.Namespace, con: Console) -> int:
    lang = args.lang
    if getattr(args, "regional", False):
        return run_regional(args, con)
    final = bool(getattr(args, "final", False))
    if final == (args.month is not None):  # exactly one of --month and --final
        key = "final.cli.both" if final else "final.cli.month_or_final"
        prog = "python -m planmonitor report"
        con.line(t("cli.err.usage", lang, detail=t(key, lang), prog=prog), err=True)
        return EXIT_USAGE
    if final:
        from planmonitor.cli import final as final_report

        return final_report.run(args, con)
    try:
        _, month_end = rp.parse_month(args.month)
    except ValueError:
        con.line(
            t("report.cli.bad_month", lang, month=args.month, example=rp.example_month()), err=True
        )
        return EXIT_USAGE
    loaded = _load(month_end, lang, getattr(args, "plan", None))
    if loaded is None:
        con.line(t("report.cli.load_failed", lang), err=True)
        return EXIT_ISSUES
    plan, previous, source = loaded
    con.line(source)
    report = rp.build_report(plan, args.month, lang=lang, previous=previous)
    out = output_folder(args.out)
    stem = FILE_STEM.format(month=report.month, lang=lang)

    xlsx = write_output(out / f"{stem}.xlsx", rp.to_excel(report))
    con.line(t("report.cli.wrote", lang, path=xlsx))
    html_text = rp.to_html(report)
    html_path = write_output(out / f"{stem}.html", html_text)
    con.line(t("report.cli.wrote", lang, path=html_path))
    # The light version for e-mail (issue 10): same document, charts as inline SVG, < 1 MB.
    light_path = write_output(out / f"{stem}{LIGHT_SUFFIX}.html", rp.to_html(report, light=True))
    con.line(t("report.cli.wrote", lang, path=light_path))

    return write_pdf(out / f"{stem}.pdf", html_text, lang, con)


# -- the regional report (issue 11, §3) ------------------------------------------------------
REGIONAL_STEM = "informe-regional-{month}-{lang}"


def run_regional(args: argparse.Namespace, con: Console) -> int:
    """`report --regional --month YYYY-MM`: every network of the store, a summary then each
    network's report; informe-regional-YYYY-MM-LANG.xlsx, .html and .pdf (with Chromium)."""
    lang = args.lang
    prog = "python -m planmonitor report"
    detail = None
    if getattr(args, "final", False) or getattr(args, "plan", None):
        detail = t("regreport.cli.with_final_or_plan", lang)
    elif args.month is None:
        detail = t("regreport.cli.needs_month", lang)
    if detail is not None:
        con.line(t("cli.err.usage", lang, detail=detail, prog=prog), err=True)
        return EXIT_USAGE
    try:
        rp.parse_month(args.month)
    except ValueError:
        con.line(
            t("report.cli.bad_month", lang, month=args.month, example=rp.example_month()), err=True
        )
        return EXIT_USAGE
    if not store_exists():
        con.line(t("regreport.cli.no_store", lang), err=True)
        return EXIT_ISSUES
    from planmonitor.store.region import load_region

    today = pd.Timestamp.today().normalize()
    opened = open_store()
    try:
        region = load_region(opened, today, args.month)
    finally:
        opened.dispose()
    if len(region.ids()) < 2:
        con.line(t("regreport.cli.few_networks", lang, n=len(region.ids())), err=True)
        return EXIT_ISSUES
    built = rp.build_regional_report(region, args.month, lang=lang, today=today)
    out = output_folder(args.out)
    stem = REGIONAL_STEM.format(month=built.month, lang=lang)
    xlsx = write_output(out / f"{stem}.xlsx", rp.regional_excel(built))
    con.line(t("report.cli.wrote", lang, path=xlsx))
    html_text = rp.regional_html(built)
    html_path = write_output(out / f"{stem}.html", html_text)
    con.line(t("report.cli.wrote", lang, path=html_path))
    return write_pdf(out / f"{stem}.pdf", html_text, lang, con)

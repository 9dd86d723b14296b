"""`python -m planmonitor report --month 2024-05 --out DIR [--lang en]`.

Writes informe-YYYY-MM.xlsx, informe-YYYY-MM.html and, when the system Chromium is installed,
informe-YYYY-MM.pdf into DIR, and prints their paths. The data is the store's current version
when a store exists (PLANMONITOR_DATABASE_URL set, or the default SQLite file present); the
report never creates a database as a side effect, so otherwise it reads the bundled workbooks.
Exit codes: 0 written, 1 data could not be loaded or the PDF failed, 2 malformed month.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import pandas as pd

from planmonitor.i18n import t
from planmonitor.model import Plan
from planmonitor.output import report as rp

FILE_STEM = "informe-{month}"


def _store_plans(month_end: pd.Timestamp, lang: str) -> tuple[Plan, Plan | None, str] | None:
    """(current plan, version current at the previous month's end or None, source line).

    None when there is no store to read (or it fails: then a warning goes to stderr).
    """
    try:
        from planmonitor import store as store_mod
    except ImportError:
        return None
    url = os.environ.get(store_mod.URL_ENV, "").strip()
    default_file = Path(store_mod.DATA_DIR) / store_mod.SQLITE_NAME
    if not url and not default_file.exists():
        return None
    try:
        store = store_mod.open_store(url or None)
        try:
            current_id = store.current_version_id()
            plan = store.plan(current_id)
            previous = _previous_version(store, current_id, month_end)
        finally:
            store.dispose()
    except Exception as exc:  # noqa: BLE001 - any store failure falls back to the bundled data
        print(t("report.cli.store_failed", lang, error=exc), file=sys.stderr)
        return None
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


def _load(month_end: pd.Timestamp, lang: str) -> tuple[Plan, Plan | None, str] | None:
    found = _store_plans(month_end, lang)
    if found is not None:
        return found
    from planmonitor.reading.loader import load_default

    result = load_default()
    if not result.ok or result.plan is None:
        return None
    return result.plan, None, t("report.cli.source_default", lang)


def run(args: argparse.Namespace) -> int:
    lang = getattr(args, "lang", "es") or "es"
    try:
        _, month_end = rp.parse_month(args.month)
    except ValueError:
        print(t("report.cli.bad_month", lang, month=args.month), file=sys.stderr)
        return 2
    loaded = _load(month_end, lang)
    if loaded is None:
        print(t("report.cli.load_failed", lang), file=sys.stderr)
        return 1
    plan, previous, source = loaded
    print(source)
    report = rp.build_report(plan, args.month, lang=lang, previous=previous)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    stem = FILE_STEM.format(month=report.month)

    xlsx = out / f"{stem}.xlsx"
    xlsx.write_bytes(rp.to_excel(report))
    print(t("report.cli.wrote", lang, path=xlsx))
    html_text = rp.to_html(report)
    html_path = out / f"{stem}.html"
    html_path.write_text(html_text, encoding="utf-8")
    print(t("report.cli.wrote", lang, path=html_path))

    try:
        pdf = rp.to_pdf(html_text)
    except rp.PdfError as exc:
        print(t("report.cli.pdf_failed", lang, error=exc), file=sys.stderr)
        return 1
    if pdf is None:
        print(t("report.cli.no_pdf", lang))
        return 0
    pdf_path = out / f"{stem}.pdf"
    pdf_path.write_bytes(pdf)
    print(t("report.cli.wrote", lang, path=pdf_path))
    return 0

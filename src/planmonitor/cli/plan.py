"""`validate` and `summary`: check a workbook from the command line.

Exit codes of `validate`: 0 valid (warnings are printed), 1 issues to fix, 2 the file cannot
be read at all (not an .xlsx, damaged, encrypted, too large, unsafe).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

import pandas as pd

from planmonitor.analysis.summary import summarize
from planmonitor.output.issues import CLI_COLUMNS, issues_table
from planmonitor.reading.loader import LoadResult, load_workbook
from planmonitor.reading.validate import FILE_RULES, issue_summary

EXIT_OK, EXIT_ISSUES, EXIT_UNREADABLE = 0, 1, 2

_TEXT = {
    "es": {
        "valid": "{file}: válido.",
        "valid_warnings": "{file}: válido, con {w} advertencia(s).",
        "invalid": "{file}: {e} error(es), {w} advertencia(s).",
        "unreadable": "{file}: no se puede leer.",
        "base_invalid": "El plan base {file} no es válido:",
        "level_titles": {
            "objective": "Productos por objetivo específico",
            "strategy": "Productos por estrategia",
            "activity": "Productos por actividad",
            "agency": "Productos por agencia",
        },
        "level_headers": ["Código", "Nombre", "Productos"],
        "agency_headers": ["Agencia", "Líder", "Socia", "Total"],
        "totals": "{products} productos, {progress} reportes de avance, {agencies} agencias.",
    },
    "en": {
        "valid": "{file}: valid.",
        "valid_warnings": "{file}: valid, with {w} warning(s).",
        "invalid": "{file}: {e} error(s), {w} warning(s).",
        "unreadable": "{file}: cannot be read.",
        "base_invalid": "The base plan {file} is not valid:",
        "level_titles": {
            "objective": "Products per specific objective",
            "strategy": "Products per strategy",
            "activity": "Products per activity",
            "agency": "Products per agency",
        },
        "level_headers": ["Code", "Name", "Products"],
        "agency_headers": ["Agency", "Lead", "Partner", "Total"],
        "totals": "{products} products, {progress} progress reports, {agencies} agencies.",
    },
}


def format_table(rows: Sequence[Sequence[object]], headers: Sequence[str], max_width: int = 60):
    """An aligned plain-text table; every column but the last is cut at `max_width`."""

    def cell(value: object, last: bool) -> str:
        text = "" if value is None or value is pd.NA else str(value)
        text = " ".join(text.split())
        return text if last or len(text) <= max_width else text[: max_width - 1] + "…"

    n = len(headers)
    body = [[cell(v, i == n - 1) for i, v in enumerate(r)] for r in rows]
    widths = [max([len(headers[i])] + [len(r[i]) for r in body]) for i in range(n)]

    def line(values: Sequence[str]) -> str:
        return "  ".join(
            v if i == n - 1 else v.ljust(widths[i]) for i, v in enumerate(values)
        ).rstrip()

    sep = "  ".join("-" * w for w in widths)
    return "\n".join([line(list(headers)), sep, *(line(r) for r in body)])


def issues_text(issues: pd.DataFrame, lang: str = "es") -> str:
    """The issues table of the dashboard (output.issues), with severity and rule, aligned."""
    table = issues_table(issues, lang, CLI_COLUMNS)
    return format_table(table.to_numpy().tolist(), list(table.columns))


def exit_code(result: LoadResult) -> int:
    if result.issues["rule"].isin({r.value for r in FILE_RULES}).any():
        return EXIT_UNREADABLE
    return EXIT_OK if result.ok else EXIT_ISSUES


def _report(result: LoadResult, file: str, lang: str, out) -> int:
    tx = _TEXT[lang]
    errors, warnings = issue_summary(result.issues)
    code = exit_code(result)
    if code == EXIT_UNREADABLE:
        print(tx["unreadable"].format(file=file), file=out)
    elif code == EXIT_OK:
        key = "valid_warnings" if warnings else "valid"
        print(tx[key].format(file=file, w=warnings), file=out)
    else:
        print(tx["invalid"].format(file=file, e=errors, w=warnings), file=out)
    if len(result.issues):
        print(issues_text(result.issues, lang), file=out)
    return code


def validate(file: str, base: str | None = None, lang: str = "es", out=None) -> int:
    """Print the verdict and the issues of `file` (loaded on top of `base` when given)."""
    out = out or sys.stdout
    base_plan = None
    if base:
        base_result = load_workbook(base)
        if base_result.plan is None:
            print(_TEXT[lang]["base_invalid"].format(file=base), file=out)
            _report(base_result, base, lang, out)
            return EXIT_UNREADABLE
        base_plan = base_result.plan
    return _report(load_workbook(file, base=base_plan), file, lang, out)


def summary(file: str, lang: str = "es", out=None) -> int:
    """Print products per objective, strategy, activity and agency (or the issues)."""
    out = out or sys.stdout
    tx = _TEXT[lang]
    result = load_workbook(file)
    if result.plan is None:
        return _report(result, file, lang, out)
    plan = result.plan
    print(
        tx["totals"].format(
            products=len(plan.products), progress=len(plan.progress),
            agencies=len(plan.agencies),
        ),
        file=out,
    )  # fmt: skip
    for key, table in summarize(plan).items():
        print(f"\n{tx['level_titles'][key]}", file=out)
        headers = tx["agency_headers"] if key == "agency" else tx["level_headers"]
        print(format_table(table.values.tolist(), headers), file=out)
    return EXIT_OK


def run(args: argparse.Namespace) -> int:
    lang = getattr(args, "lang", "es") or "es"
    if args.command == "validate":
        return validate(args.file, getattr(args, "base", None), lang)
    if args.command == "summary":
        return summary(args.file, lang)
    raise ValueError(f"cli_plan does not handle {args.command!r}")

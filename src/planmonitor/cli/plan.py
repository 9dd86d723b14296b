"""`validate` and `summary`: check a workbook from the command line.

Exit codes of `validate`: 0 valid (warnings are printed), 1 issues to fix, 2 the file cannot
be read at all (not an .xlsx, damaged, encrypted, too large, unsafe; or missing, a folder).
A partial workbook (only some sheets, e.g. only «Avances») is checked against the store's
current version, or the bundled plan when there is no store, or `--base FILE`; one line says
which.
"""

from __future__ import annotations

import argparse

import pandas as pd

from planmonitor.analysis.summary import summarize
from planmonitor.cli.common import (
    EXIT_ISSUES,
    EXIT_OK,
    EXIT_USAGE,
    open_store,
    plan_store,
    read_input,
    store_exists,
)
from planmonitor.cli.console import Console, format_table
from planmonitor.i18n import t
from planmonitor.model import Plan
from planmonitor.output.issues import CLI_COLUMNS, issues_table
from planmonitor.reading.loader import LoadResult, load_default, load_workbook
from planmonitor.reading.validate import FILE_RULES, Rule, issue_summary

EXIT_UNREADABLE = EXIT_USAGE

__all__ = ["EXIT_ISSUES", "EXIT_OK", "EXIT_UNREADABLE", "format_table", "issues_text"]


def issues_text(issues: pd.DataFrame, lang: str = "es") -> str:
    """The issues table of the dashboard (output.issues), with severity and rule, aligned."""
    table = issues_table(issues, lang, CLI_COLUMNS)
    return format_table(table.to_numpy().tolist(), list(table.columns))


def exit_code(result: LoadResult) -> int:
    if result.issues["rule"].isin({r.value for r in FILE_RULES}).any():
        return EXIT_UNREADABLE
    return EXIT_OK if result.ok else EXIT_ISSUES


def _report(result: LoadResult, file: str, lang: str, con: Console) -> int:
    errors, warnings = issue_summary(result.issues)
    code = exit_code(result)
    if code == EXIT_UNREADABLE:
        con.line(t("cli.unreadable", lang, file=file))
    elif code == EXIT_OK:
        key = "cli.valid_warnings" if warnings else "cli.valid"
        con.line(t(key, lang, file=file, w=warnings))
    else:
        con.line(t("cli.invalid", lang, file=file, e=errors, w=warnings))
    if len(result.issues):
        con.block(issues_text(result.issues, lang))
    return code


def _is_partial(result: LoadResult) -> bool:
    """Some sheets only: the structure sheets are missing and nothing else is wrong with it."""
    rules = set(result.issues["rule"])
    return Rule.MISSING_SHEET.value in rules and not rules & {r.value for r in FILE_RULES}


def _current_plan(lang: str, con: Console, plan_id: str | None = None) -> Plan | None:
    """The plan a partial workbook updates: the current version of the store's plan
    (`--plan`, else the default one), else the bundled plan; one line says which."""
    if store_exists():
        s = open_store()
        try:
            one = plan_store(s, plan_id)
            v = one.current_version_id()
            plan = one.plan(v)
        finally:
            s.dispose()
        con.line(t("cli.base.store", lang, v=v))
        return plan
    bundled = load_default()
    con.line(t("cli.base.bundled", lang))
    return bundled.plan


def _load(
    file: str,
    base: str | None,
    lang: str,
    con: Console,
    plan_id: str | None = None,
    bases: list[Plan] | None = None,
) -> tuple[LoadResult, int | None]:
    """The file loaded on top of the plan it updates; (result, None), or (base's result, code)
    when the --base file itself is not a valid plan. The plan it was loaded on is appended to
    `bases` when given."""
    data = read_input(file)
    if base:
        base_result = load_workbook(read_input(base))
        if base_result.plan is None:
            con.line(t("cli.base_invalid", lang, file=base))
            _report(base_result, base, lang, con)
            return base_result, EXIT_UNREADABLE
        if bases is not None:
            bases.append(base_result.plan)
        return load_workbook(data, base=base_result.plan), None
    result = load_workbook(data)
    if _is_partial(result):
        plan = _current_plan(lang, con, plan_id)
        if plan is not None:
            result = load_workbook(data, base=plan)
            if bases is not None:
                bases.append(plan)
    return result, None


def _corrections(result: LoadResult, base: Plan, lang: str, con: Console) -> None:
    """The file's reports of a product and date the plan already holds with other values,
    old → new: what `import` would replace (issue 10)."""
    from dataclasses import replace

    from planmonitor.analysis.diff import diff_plans
    from planmonitor.model import PROGRESS
    from planmonitor.reading.loader import append_log

    plan = result.plan
    if plan is None or PROGRESS.name not in plan.sheets:
        return
    merged = replace(plan, progress=append_log(base.progress, plan.progress))
    changes = diff_plans(base, merged)
    if changes.corrected_progress.empty:
        return
    con.blank()
    con.line(t("diff.count.corrected_progress", lang, n=changes.counts()["corrected_progress"]))
    con.frame(changes.to_frames(lang)[t("diff.title.corrected_progress", lang)])


def validate(
    file: str,
    base: str | None = None,
    lang: str = "es",
    con: Console | None = None,
    plan_id: str | None = None,
):
    """Print the verdict and the issues of `file`; the exit code."""
    con = con or Console()
    bases: list[Plan] = []
    result, failed = _load(file, base, lang, con, plan_id, bases)
    if failed is not None:
        return failed
    code = _report(result, file, lang, con)
    if bases:
        _corrections(result, bases[0], lang, con)
    return code


def summary(
    file: str,
    base: str | None = None,
    lang: str = "es",
    con: Console | None = None,
    plan_id: str | None = None,
):
    """Print products per objective, strategy, activity and agency (or the issues)."""
    con = con or Console()
    result, failed = _load(file, base, lang, con, plan_id)
    if failed is not None:
        return failed
    if result.plan is None:
        return _report(result, file, lang, con)
    plan = result.plan
    con.line(
        t("cli.totals", lang, products=len(plan.products), progress=len(plan.progress),
          agencies=len(plan.agencies))
    )  # fmt: skip
    for key, table in summarize(plan).items():
        con.blank()
        con.line(t(f"cli.level.{key}", lang))
        names = (
            ("agency", "lead", "partner", "total")
            if key == "agency"
            else ("code", "name", "products")
        )
        con.table(table.values.tolist(), [t(f"cli.col.{n}", lang) for n in names])
    return EXIT_OK


def run(args: argparse.Namespace, con: Console) -> int:
    if args.command == "validate":
        return validate(args.file, args.base, args.lang, con, getattr(args, "plan", None))
    if args.command == "summary":
        return summary(args.file, args.base, args.lang, con, getattr(args, "plan", None))
    raise ValueError(f"cli.plan does not handle {args.command!r}")

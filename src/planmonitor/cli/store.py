"""The store's commands: plans, import, versions, diff, rollback, template, export.

The same validation and store as the "Actualizar datos" page, for scripts and for the
secretariat's terminal. The store holds several plans: `plans` lists them, and every other
command works on `--plan ID` (by default the plan under way today, else the most recent);
`import` goes to the plan the workbook's «Plan» sheet names (created when new), and to
`--plan` when the workbook has no such sheet, and says which before the result.

Exit codes (cli.common): 0 done (or nothing to do), 1 refused (the issues are printed, nothing
stored; also a file that removes products or over 20 % of the progress log without
--allow-removals), 2 a missing input file, an unknown plan or version, 3 an output that cannot
be written, 4 a store that cannot be used.
"""

from __future__ import annotations

import argparse

import pandas as pd

from planmonitor.cli.common import (
    EXIT_ISSUES,
    EXIT_OK,
    open_store,
    plan_store,
    read_input,
    write_output,
)
from planmonitor.cli.console import Console
from planmonitor.cli.plan import issues_text
from planmonitor.i18n import fmt_date, fmt_datetime, t


def _print_changes(changes, lang: str, con: Console) -> None:
    con.line(changes.summary(lang))
    for title, frame in changes.to_frames(lang).items():
        con.blank()
        con.line(f"== {title} ==")
        con.frame(frame)


def cmd_import(s, args: argparse.Namespace, con: Console) -> int:
    from pathlib import Path

    lang = args.lang
    data = read_input(args.file)
    selected = plan_store(s, args.plan).plan_id if args.plan else None
    res = s.commit(
        data,
        Path(args.file).name,
        author=args.by,
        note=args.note,
        plan_id=selected,
        allow_removals=bool(args.allow_removals),
        append_progress=not args.replace_progress,
    )
    if res.preview.ok and res.preview.target_plan_id:
        from planmonitor.output.report import upload_text

        report_of = upload_text(data, res.preview.plan, lang)  # a network's report workbook
        if report_of:
            con.line(report_of)
        con.line(res.preview.target_text(lang))
    if res.refused_removals:
        con.line(res.message(lang), err=True)
        changes = res.preview.changes
        if changes is not None and len(changes.removed):
            con.frame(changes.to_frames(lang)[t("diff.title.removed", lang)], err=True)
        return EXIT_ISSUES
    if not res.preview.ok:
        con.line(res.message(lang), err=True)
        con.block(issues_text(res.preview.errors, lang), err=True)
        return EXIT_ISSUES
    con.line(res.message(lang))
    if not res.stored:
        return EXIT_OK
    if len(res.preview.warnings):
        con.line(t("upload.warnings", lang, n=len(res.preview.warnings)))
        con.block(issues_text(res.preview.warnings, lang))
    if res.preview.changes is not None:
        _print_changes(res.preview.changes, lang, con)
    return EXIT_OK


_VERSION_COLUMNS = ("id", "created_at", "kind", "author", "filename", "note", "sheets")


def cmd_plans(s, args: argparse.Namespace, con: Console) -> int:
    """The store's plans, one a line; «*» marks the default plan."""
    lang = args.lang
    plans = s.plans()
    if plans.empty:
        con.line(t("cli.plans.none", lang))
        return EXIT_OK
    from planmonitor.store import default_plan_id

    default = default_plan_id(plans)
    today = pd.Timestamp.today().normalize()
    rows = []
    for r in plans.itertuples(index=False):
        state = "closed" if r.closed else ("upcoming" if r.start > today else "open")
        network = r.network_en if lang == "en" and r.network_en else r.network_es
        rows.append(
            [
                "*" if r.plan_id == default else "",
                r.plan_id,
                r.title,
                network,
                f"{fmt_date(r.start, lang)} – {fmt_date(r.end, lang)}",
                "" if pd.isna(r.current_version_id) else int(r.current_version_id),
                r.versions,
                t(f"plans.state.{state}", lang),
            ]
        )
    con.table(rows, [t(f"plans.col.{c}", lang) for c in _PLAN_COLUMNS])
    return EXIT_OK


_PLAN_COLUMNS = ("default", "plan_id", "title", "network", "period", "current", "versions", "state")


def cmd_versions(s, args: argparse.Namespace, con: Console) -> int:
    lang = args.lang
    v = plan_store(s, args.plan).versions()
    rows = [
        [
            r.id,
            fmt_datetime(r.created_at, lang),
            t(f"store.kind.{r.kind}", lang),
            r.author,
            r.filename,
            r.note,
            r.sheets.replace(",", ", "),
        ]
        for r in v.itertuples(index=False)
    ]
    con.table(rows, [t(f"history.col.{c}", lang) for c in _VERSION_COLUMNS])
    return EXIT_OK


def cmd_diff(s, args: argparse.Namespace, con: Console) -> int:
    _print_changes(plan_store(s, args.plan).diff(args.v1, args.v2), args.lang, con)
    return EXIT_OK


def cmd_rollback(s, args: argparse.Namespace, con: Console) -> int:
    s = plan_store(s, args.plan)
    current = s.current_version_id()
    new = s.rollback(args.version, author=args.by, note=args.note)
    if new == current:
        con.line(t("history.rollback_same", args.lang, v=args.version))
    else:
        con.line(t("history.rolled_back", args.lang, v=args.version, new=new))
    return EXIT_OK


def cmd_template(s, args: argparse.Namespace, con: Console) -> int:
    from planmonitor.output.template import build_template

    if getattr(args, "carry_over", False):
        return _carry_over(s, args, con)
    plan = plan_store(s, args.plan).plan() if s is not None else None
    path = write_output(args.out, build_template(plan))
    con.line(t("cli.template_written", args.lang, path=path))
    return EXIT_OK


def _carry_over(s, args: argparse.Namespace, con: Console) -> int:
    """The next plan's template, prefilled with the unfinished products of --plan."""
    from planmonitor.output.carryover import carry_over_template, unfinished_codes

    ps = plan_store(s, args.plan)
    plan = ps.plan()
    path = write_output(args.out, carry_over_template(plan))
    title = plan.info.title if plan.info is not None and plan.info.title else ps.plan_id
    n = len(unfinished_codes(plan))
    con.line(t("cli.template_carried", args.lang, path=path, n=n, plan=title, plan_id=ps.plan_id))
    return EXIT_OK


def cmd_export(s, args: argparse.Namespace, con: Console) -> int:
    s = plan_store(s, args.plan)
    v = args.version if args.version is not None else s.current_version_id()
    path = write_output(args.out, s.export_bytes(v))
    con.line(t("cli.export_written", args.lang, v=v, path=path))
    return EXIT_OK


_COMMANDS = {
    "plans": cmd_plans,
    "import": cmd_import,
    "versions": cmd_versions,
    "diff": cmd_diff,
    "rollback": cmd_rollback,
    "template": cmd_template,
    "export": cmd_export,
}


def run(args: argparse.Namespace, con: Console) -> int:
    """Dispatch one store command (called by planmonitor.cli, which says the errors)."""
    if args.command == "template" and not args.with_data and not args.carry_over:
        return cmd_template(None, args, con)
    if args.command == "import":
        read_input(args.file)  # a missing file is said before a store is opened or created
    s = open_store()
    try:
        return _COMMANDS[args.command](s, args, con)
    finally:
        s.dispose()

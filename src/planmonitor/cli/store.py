"""The store's commands: import, versions, diff, rollback, template, export.

The same validation and store as the "Actualizar datos" page, for scripts and for the
secretariat's terminal. Exit codes (cli.common): 0 done (or nothing to do), 1 refused (the
issues are printed, nothing stored; also a file that removes products or over 20 % of the
progress log without --allow-removals), 2 a missing input file or an unknown version, 3 an
output that cannot be written, 4 a store that cannot be used.
"""

from __future__ import annotations

import argparse

from planmonitor.cli.common import (
    EXIT_ISSUES,
    EXIT_OK,
    open_store,
    read_input,
    write_output,
)
from planmonitor.cli.console import Console
from planmonitor.cli.plan import issues_text
from planmonitor.i18n import t


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
    res = s.commit(
        data,
        Path(args.file).name,
        author=args.by,
        note=args.note,
        allow_removals=bool(args.allow_removals),
        append_progress=not args.replace_progress,
    )
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


def cmd_versions(s, args: argparse.Namespace, con: Console) -> int:
    lang = args.lang
    v = s.versions()
    rows = [
        [
            r.id,
            r.created_at.strftime("%Y-%m-%d %H:%M"),
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
    _print_changes(s.diff(args.v1, args.v2), args.lang, con)
    return EXIT_OK


def cmd_rollback(s, args: argparse.Namespace, con: Console) -> int:
    current = s.current_version_id()
    new = s.rollback(args.version, author=args.by, note=args.note)
    if new == current:
        con.line(t("history.rollback_same", args.lang, v=args.version))
    else:
        con.line(t("history.rolled_back", args.lang, v=args.version, new=new))
    return EXIT_OK


def cmd_template(s, args: argparse.Namespace, con: Console) -> int:
    from planmonitor.output.template import build_template

    path = write_output(args.out, build_template(s.plan() if s is not None else None))
    con.line(t("cli.template_written", args.lang, path=path))
    return EXIT_OK


def cmd_export(s, args: argparse.Namespace, con: Console) -> int:
    v = args.version if args.version is not None else s.current_version_id()
    path = write_output(args.out, s.export_bytes(v))
    con.line(t("cli.export_written", args.lang, v=v, path=path))
    return EXIT_OK


_COMMANDS = {
    "import": cmd_import,
    "versions": cmd_versions,
    "diff": cmd_diff,
    "rollback": cmd_rollback,
    "template": cmd_template,
    "export": cmd_export,
}


def run(args: argparse.Namespace, con: Console) -> int:
    """Dispatch one store command (called by planmonitor.cli, which says the errors)."""
    if args.command == "template" and not args.with_data:
        return cmd_template(None, args, con)
    if args.command == "import":
        read_input(args.file)  # a missing file is said before a store is opened or created
    s = open_store()
    try:
        return _COMMANDS[args.command](s, args, con)
    finally:
        s.dispose()

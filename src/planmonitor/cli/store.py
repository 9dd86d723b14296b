"""The store's subcommands: import, versions, diff, rollback, template, export.

The same validation and store as the "Actualizar datos" page, for scripts and for the
secretariat's terminal. Exit codes: 0 done (or nothing to do), 1 refused (issues printed,
nothing stored; also a file that removes products or over 20 % of the progress log without
--allow-removals), 2 the store or a version could not be used.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

from planmonitor import store as store_mod
from planmonitor.i18n import t


def _print_frame(df: pd.DataFrame, out=None) -> None:
    out = out or sys.stdout
    with pd.option_context(
        "display.max_rows", 500, "display.max_colwidth", 80, "display.width", 200
    ):
        print(df.to_string(index=False), file=out)


def _print_issues(issues: pd.DataFrame, out=None) -> None:
    out = out or sys.stderr
    cols = ["sheet", "row", "column", "value", "message"]
    shown = issues[[c for c in cols if c in issues.columns]].copy()
    shown["row"] = shown["row"].astype("string").fillna("")
    _print_frame(shown, out)


def _print_changes(changes, lang: str = "es") -> None:
    print(changes.summary(lang))
    for title, frame in changes.to_frames(lang).items():
        print(f"\n== {title} ==")
        _print_frame(frame)


def cmd_import(s: store_mod.Store, args: argparse.Namespace) -> int:
    path = Path(args.file)
    if not path.is_file():
        print(f"No existe el archivo {path}.", file=sys.stderr)
        return 1
    res = s.commit(
        path.read_bytes(),
        path.name,
        author=args.by,
        note=args.note,
        allow_removals=bool(getattr(args, "allow_removals", False)),
        append_progress=not getattr(args, "replace_progress", False),
    )
    if res.refused_removals:
        print(res.message("es"), file=sys.stderr)
        changes = res.preview.changes
        if changes is not None and len(changes.removed):
            _print_frame(changes.to_frames("es")[t("diff.title.removed", "es")], sys.stderr)
        return 1
    if not res.preview.ok:
        print(res.message("es"), file=sys.stderr)
        _print_issues(res.preview.errors)
        return 1
    if not res.stored:
        print(res.message("es"))
        return 0
    print(res.message("es"))
    if len(res.preview.warnings):
        print(t("upload.warnings", "es", n=len(res.preview.warnings)))
        _print_issues(res.preview.warnings, sys.stdout)
    if res.preview.changes is not None:
        _print_changes(res.preview.changes)
    return 0


def cmd_versions(s: store_mod.Store, args: argparse.Namespace) -> int:
    v = s.versions()
    shown = v[["id", "created_at", "kind", "author", "filename", "note", "sheets"]].copy()
    shown["created_at"] = shown["created_at"].dt.strftime("%Y-%m-%d %H:%M:%S UTC")
    _print_frame(shown)
    return 0


def cmd_diff(s: store_mod.Store, args: argparse.Namespace) -> int:
    _print_changes(s.diff(args.v1, args.v2))
    return 0


def cmd_rollback(s: store_mod.Store, args: argparse.Namespace) -> int:
    current = s.current_version_id()
    new = s.rollback(args.version, author=args.by, note=args.note)
    if new == current:
        print(t("history.rollback_same", "es", v=args.version))
    else:
        print(t("history.rolled_back", "es", v=args.version, new=new))
    return 0


def cmd_template(s: store_mod.Store | None, args: argparse.Namespace) -> int:
    from planmonitor.output.template import build_template

    plan = s.plan() if s is not None else None
    Path(args.out).write_bytes(build_template(plan))
    print(f"Plantilla escrita en {args.out}.")
    return 0


def cmd_export(s: store_mod.Store, args: argparse.Namespace) -> int:
    Path(args.out).write_bytes(s.export_bytes(args.version))
    v = args.version if args.version is not None else s.current_version_id()
    print(f"Versión {v} escrita en {args.out}.")
    return 0


_COMMANDS = {
    "import": cmd_import,
    "versions": cmd_versions,
    "diff": cmd_diff,
    "rollback": cmd_rollback,
    "export": cmd_export,
}


def run(args: argparse.Namespace) -> int:
    """Dispatch one store subcommand (called by planmonitor.cli)."""
    try:
        if args.command == "template" and not args.with_data:
            return cmd_template(None, args)
        s = store_mod.open_store()
        try:
            if args.command == "template":
                return cmd_template(s, args)
            return _COMMANDS[args.command](s, args)
        finally:
            s.dispose()
    except store_mod.StoreError as exc:
        print(str(exc), file=sys.stderr)
        return 2

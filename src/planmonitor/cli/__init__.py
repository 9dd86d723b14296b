"""Command line: `python -m planmonitor SUBCOMMAND ...`.

Each group of subcommands lives in its own module; this file only declares the arguments and
dispatches, so that the groups can grow independently.
"""

from __future__ import annotations

import argparse
import sys


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m planmonitor", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)

    # Plan files (cli_plan.py)
    s = sub.add_parser("validate", help="validate a workbook: exit 0 valid, 1 issues, 2 unreadable")
    s.add_argument("file")
    s.add_argument("--base", help="plan workbook the file updates (for a partial workbook)")
    s.add_argument("--lang", choices=["es", "en"], default="es")
    s = sub.add_parser("summary", help="products per objective, strategy, activity and agency")
    s.add_argument("file")
    s.add_argument("--lang", choices=["es", "en"], default="es")

    # The store (cli_store.py)
    s = sub.add_parser("import", help="validate a workbook and store it as a new version")
    s.add_argument("file")
    s.add_argument("--by", required=True, help="who stores it")
    s.add_argument("--note", default="")
    s.add_argument(
        "--allow-removals",
        action="store_true",
        help="store it even if it removes products or over 20%% of the progress log",
    )
    s.add_argument(
        "--replace-progress",
        action="store_true",
        help="the file's Avances sheet replaces the whole progress log (default: its entries "
        "are added to the log, those already there are not doubled)",
    )
    sub.add_parser("versions", help="list the stored versions")
    s = sub.add_parser("diff", help="what changed between two versions")
    s.add_argument("v1", type=int)
    s.add_argument("v2", type=int)
    s = sub.add_parser("rollback", help="store a new version that restores version V")
    s.add_argument("version", type=int)
    s.add_argument("--by", default="cli")
    s.add_argument("--note", default="")
    s = sub.add_parser("template", help="write the Excel template (empty)")
    s.add_argument("out")
    s.add_argument("--with-data", action="store_true", help="fill it with the current data")
    s = sub.add_parser("export", help="write the data of a version as a workbook")
    s.add_argument("out")
    s.add_argument("--version", type=int)

    # Reports (cli_report.py)
    s = sub.add_parser("report", help="the monthly report to the Regional Network")
    s.add_argument("--month", required=True, help="YYYY-MM")
    s.add_argument("--out", required=True, help="output folder")
    s.add_argument("--lang", choices=["es", "en"], default="es")
    return p


_GROUPS = {
    "validate": "plan",
    "summary": "plan",
    "import": "store",
    "versions": "store",
    "diff": "store",
    "rollback": "store",
    "template": "store",
    "export": "store",
    "report": "report",
}


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    import importlib

    module = importlib.import_module(f"planmonitor.cli.{_GROUPS[args.command]}")
    return int(module.run(args) or 0)


if __name__ == "__main__":
    sys.exit(main())

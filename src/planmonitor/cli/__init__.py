"""Command line: `python -m planmonitor COMMAND ...`, for the secretariat's terminal and scripts.

This module declares the commands (their help in the catalogue's language: Spanish, or English
with --lang en), dispatches to the groups (plan.py, store.py, report.py) and turns every
failure into a sentence and an exit code (see cli.common): never a traceback. An unexpected
exception is «error interno: …» with code 70, its traceback logged only with
PLANMONITOR_DEBUG=1; Ctrl+C is one line and 130; a closed pipe (`… | head`) ends quietly.
"""

from __future__ import annotations

import argparse
import importlib
import os
import re
import sys
import textwrap
import traceback
from collections.abc import Sequence

from planmonitor.cli.common import (
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_PIPE,
    EXIT_STORE,
    EXIT_USAGE,
    CliError,
)
from planmonitor.cli.console import Console
from planmonitor.i18n import DEFAULT_LANG, LANGS, t

PROG = "python -m planmonitor"
DEBUG_ENV = "PLANMONITOR_DEBUG"

_GROUPS = {
    "validate": "plan",
    "summary": "plan",
    "plans": "store",
    "import": "store",
    "versions": "store",
    "diff": "store",
    "rollback": "store",
    "template": "store",
    "export": "store",
    "report": "report",
}


def _help(text: str) -> str:
    """A help text as argparse wants it (it %-formats them: "20 %" must be "20 %%")."""
    return text.replace("%", "%%")


def _formatter(lang: str) -> type[argparse.HelpFormatter]:
    class Formatter(argparse.RawDescriptionHelpFormatter):
        """argparse's layout with the usage line's prefix in the language."""

        def add_usage(self, usage, actions, groups, prefix=None) -> None:
            if prefix is None:  # argparse passes "" when it builds a subcommand's prog
                prefix = t("cli.usage", lang)
            super().add_usage(usage, actions, groups, prefix)

    return Formatter


# argparse's own messages (Python 3.11), said again in the catalogue's language.
_ARGPARSE_MESSAGES = (
    (re.compile(r"the following arguments are required: (?P<args>.+)"), "cli.err.required"),
    (re.compile(r"unrecognized arguments: (?P<args>.+)"), "cli.err.unrecognized"),
    (
        re.compile(
            r"argument (?P<arg>.+?): invalid choice: (?P<value>.+?) \(choose from (?P<choices>.+)\)"
        ),
        "cli.err.choice",
    ),
    (re.compile(r"argument (?P<arg>.+?): expected one argument"), "cli.err.expected_one"),
    (re.compile(r"argument (?P<arg>.+?): (?P<detail>.+)"), "cli.err.argument"),
)


class Parser(argparse.ArgumentParser):
    """An ArgumentParser that speaks the catalogue's language, help and errors alike."""

    def __init__(self, *args, lang: str = DEFAULT_LANG, **kwargs) -> None:
        self.lang = lang
        kwargs.setdefault("formatter_class", _formatter(lang))
        kwargs["add_help"] = False
        if kwargs.get("description"):
            kwargs["description"] = textwrap.fill(kwargs["description"], 88)
        super().__init__(*args, **kwargs)
        self.arguments = self.add_argument_group(t("cli.arguments", lang))
        self.options = self.add_argument_group(t("cli.options", lang))
        self.options.add_argument(
            "-h",
            "--help",
            action="help",
            default=argparse.SUPPRESS,
            help=_help(t("cli.help.help", lang)),
        )
        self.options.add_argument(
            "--lang", choices=list(LANGS), default=lang, help=_help(t("cli.help.lang", lang))
        )

    def error(self, message: str) -> None:
        detail = message
        for pattern, key in _ARGPARSE_MESSAGES:
            m = pattern.fullmatch(message)
            if m:
                values = {k: v.replace("'", "") for k, v in m.groupdict().items()}
                detail = t(key, self.lang, **values)
                break
        self.print_usage(sys.stderr)
        text = t("cli.err.usage", self.lang, detail=detail, prog=self.prog)
        Console().line(text, err=True)
        self.exit(EXIT_USAGE)


def _version_number(lang: str):
    def parse(text: str) -> int:
        if not text.strip().isdigit():
            raise argparse.ArgumentTypeError(t("cli.err.not_a_number", lang, value=text))
        return int(text)

    return parse


def build_parser(lang: str = DEFAULT_LANG) -> Parser:
    """The commands and their arguments, described in `lang`."""
    p = Parser(
        prog=PROG,
        lang=lang,
        description=t("cli.description", lang),
        epilog=t("cli.epilog", lang),
    )
    sub = p.add_subparsers(
        dest="command",
        required=True,
        title=t("cli.commands", lang),
        metavar=t("cli.command", lang),
        parser_class=Parser,
    )
    version = _version_number(lang)

    def command(name: str) -> tuple[Parser, argparse._ArgumentGroup]:
        s = sub.add_parser(
            name,
            lang=lang,
            help=_help(t(f"cli.{name}.help", lang)),
            description=t(f"cli.{name}.description", lang),
            epilog=t("cli.epilog", lang),
        )
        return s, s.arguments

    def arg(group, name: str, key: str, metavar: str | None = None, **kw) -> None:
        if metavar is not None:
            kw["metavar"] = t(f"cli.metavar.{metavar}", lang) if metavar.islower() else metavar
        group.add_argument(name, help=_help(t(f"cli.help.{key}", lang)), **kw)

    def plan_option(s: Parser) -> None:
        arg(s.options, "--plan", "plan", "plan_id", default=None)

    # Plan files (plan.py)
    for name in ("validate", "summary"):
        s, args = command(name)
        arg(args, "file", "file", "file")
        arg(s.options, "--base", "base", "plan")
        plan_option(s)

    # The store (store.py): every command that reads or writes it takes --plan
    command("plans")
    s, args = command("import")
    plan_option(s)
    arg(args, "file", "file", "file")
    arg(s.options, "--by", "by", "name", required=True)
    arg(s.options, "--note", "note", "text", default="")
    arg(s.options, "--allow-removals", "allow_removals", action="store_true")
    arg(s.options, "--replace-progress", "replace_progress", action="store_true")
    s, _args = command("versions")
    plan_option(s)
    s, args = command("diff")
    plan_option(s)
    arg(args, "v1", "v1", "V1", type=version)
    arg(args, "v2", "v2", "V2", type=version)
    s, args = command("rollback")
    plan_option(s)
    arg(args, "version", "version_restore", "V", type=version)
    arg(s.options, "--by", "by_default", "name", default="cli")
    arg(s.options, "--note", "note", "text", default="")
    s, args = command("template")
    arg(args, "out", "out", "out")
    arg(s.options, "--with-data", "with_data", action="store_true")
    arg(s.options, "--carry-over", "carry_over", action="store_true")
    plan_option(s)
    s, args = command("export")
    plan_option(s)
    arg(args, "out", "out", "out")
    arg(s.options, "--version", "version", "V", type=version)

    # Reports (report.py)
    s, _args = command("report")
    arg(s.options, "--month", "month", "month", default=None)  # or --final (report.py)
    arg(s.options, "--final", "final", action="store_true")
    arg(s.options, "--regional", "regional", action="store_true")  # issue 11 §3 (report.py)
    arg(s.options, "--out", "out_folder", "folder", required=True)
    plan_option(s)
    return p


def requested_lang(argv: Sequence[str]) -> str:
    """The --lang of a command line, read before parsing it (help and errors use it too)."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            value = argv[i + 1]
        elif arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
        else:
            continue
        return value if value in LANGS else DEFAULT_LANG
    return DEFAULT_LANG


def _quiet_stdout() -> None:
    """After a closed pipe: send what is still buffered nowhere, so exit stays quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # no real file descriptor (tests)
        pass


def main(argv: list[str] | None = None) -> int:
    """Run one command; the exit code (never a traceback, see the module docstring)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = requested_lang(argv)
    console = Console()
    try:
        args = build_parser(lang).parse_args(argv)
        lang = args.lang
        module = importlib.import_module(f"planmonitor.cli.{_GROUPS[args.command]}")
        code = int(module.run(args, console) or 0)
        sys.stdout.flush()
        return code
    except SystemExit as exc:  # --help, or a usage error already said
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    except BrokenPipeError:
        _quiet_stdout()
        return EXIT_PIPE
    except KeyboardInterrupt:
        console.line(t("cli.err.interrupted", lang), err=True)
        return EXIT_INTERRUPTED
    except CliError as exc:
        console.line(exc.message(lang), err=True)
        return exc.code
    except Exception as exc:  # noqa: BLE001 - the last resort: a sentence, never a traceback
        return _last_resort(exc, lang, console)


def _last_resort(exc: Exception, lang: str, console: Console) -> int:
    from planmonitor import store

    problem = store.unavailable(exc, store.default_url()) if _is_database_error(exc) else None
    if isinstance(exc, store.StoreUnavailable) or problem is not None:
        console.line((problem or exc).message(lang), err=True)
        return EXIT_STORE
    if isinstance(exc, store.StoreError):
        console.line(exc.message(lang), err=True)
        return EXIT_USAGE
    if os.environ.get(DEBUG_ENV, "").strip() not in {"", "0"}:  # for a developer only
        traceback.print_exception(exc, file=console.err)
    console.line(t("cli.err.internal", lang, error=f"{type(exc).__name__}: {exc}"), err=True)
    return EXIT_INTERNAL


def _is_database_error(exc: Exception) -> bool:
    import sqlalchemy as sa

    return isinstance(exc, sa.exc.SQLAlchemyError)


if __name__ == "__main__":
    sys.exit(main())

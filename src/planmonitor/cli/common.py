"""What every command shares: the exit codes, the errors said as sentences, reading an input
file, writing an output, and finding the store.

The exit codes (also in `--help` and the README):
    0   done, or nothing to do
    1   the file has problems to fix, or the import was refused: nothing was stored
    2   the command cannot be done this way: a missing or invalid argument, an input file
        that does not exist, is a folder or cannot be read, a version that does not exist
    3   the output file or folder cannot be written
    4   the database cannot be used (a mistyped or unsupported URL, a server that does not
        answer, a SQLite file locked by another program, a schema of a newer release)
    70  internal error (a bug: «error interno: …»; PLANMONITOR_DEBUG=1 logs the traceback)
    130 interrupted (Ctrl+C)
    141 the output was closed early (`… | head`): nothing more is printed
"""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

from planmonitor.i18n import t

EXIT_OK = 0
EXIT_ISSUES = 1
EXIT_USAGE = 2
EXIT_OUTPUT = 3
EXIT_STORE = 4
EXIT_INTERNAL = 70
EXIT_INTERRUPTED = 130
EXIT_PIPE = 141


class CliError(Exception):
    """A command that cannot go on: an i18n key, its values, and the exit code."""

    def __init__(self, key: str, code: int, **kw: Any) -> None:
        self.key = key
        self.code = code
        self.kw = kw
        super().__init__(self.message("es"))

    def message(self, lang: str = "es") -> str:
        return t(self.key, lang, **self.kw)


_REASONS = {
    errno.EACCES: "cli.reason.permission",
    errno.EPERM: "cli.reason.permission",
    errno.EROFS: "cli.reason.read_only",
    errno.ENOSPC: "cli.reason.disk_full",
    errno.ENOTDIR: "cli.reason.not_a_folder",
    errno.ENOENT: "cli.reason.not_found",
}


class FileError(CliError):
    """A file that cannot be read or written; `exc` gives the reason, in the message's
    language when it is a common one (permission, read-only or full disk), else the system's."""

    def __init__(self, key: str, code: int, exc: OSError | None = None, **kw: Any) -> None:
        self.exc = exc
        super().__init__(key, code, **kw)

    def message(self, lang: str = "es") -> str:
        if self.exc is None:
            return t(self.key, lang, **self.kw)
        key = _REASONS.get(self.exc.errno or 0)
        reason = t(key, lang) if key else (self.exc.strerror or type(self.exc).__name__)
        return t(self.key, lang, reason=reason, **self.kw)


def read_input(path: str | Path) -> bytes:
    """The bytes of an input file, or a FileError that says why not (exit 2)."""
    p = Path(path)
    try:
        return p.read_bytes()
    except FileNotFoundError as exc:
        raise FileError("cli.err.missing_file", EXIT_USAGE, path=str(p)) from exc
    except IsADirectoryError as exc:
        raise FileError("cli.err.is_directory", EXIT_USAGE, path=str(p)) from exc
    except OSError as exc:
        raise FileError("cli.err.unreadable_file", EXIT_USAGE, exc, path=str(p)) from exc


def write_output(path: str | Path, data: bytes | str) -> Path:
    """Write a whole output file, or a FileError that says why not (exit 3)."""
    p = Path(path)
    if p.is_dir():
        raise FileError("cli.err.output_is_directory", EXIT_OUTPUT, path=str(p))
    parent = p.parent
    if not parent.exists():
        raise FileError("cli.err.no_folder", EXIT_OUTPUT, path=str(p), folder=str(parent))
    try:
        if isinstance(data, str):
            p.write_text(data, encoding="utf-8")
        else:
            p.write_bytes(data)
    except OSError as exc:
        raise FileError("cli.err.cannot_write", EXIT_OUTPUT, exc, path=str(p)) from exc
    return p


def output_folder(path: str | Path) -> Path:
    """A folder to write into, created when missing; a FileError when it cannot be (exit 3)."""
    p = Path(path)
    if p.exists() and not p.is_dir():
        raise FileError("cli.err.no_folder", EXIT_OUTPUT, path=str(p), folder=str(p))
    try:
        p.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise FileError("cli.err.cannot_write", EXIT_OUTPUT, exc, path=str(p)) from exc
    if not os.access(p, os.W_OK):
        raise FileError(
            "cli.err.cannot_write", EXIT_OUTPUT, PermissionError(errno.EACCES, ""), path=str(p)
        )
    return p


def store_exists() -> bool:
    """A store is configured (PLANMONITOR_DATABASE_URL) or the default SQLite file exists.

    The commands that only read (validate, summary, report) use the store when there is one
    and never create a database as a side effect.
    """
    from planmonitor.store import engine

    if os.environ.get(engine.URL_ENV, "").strip():
        return True
    return (Path(engine.DATA_DIR) / engine.SQLITE_NAME).exists()


def open_store():
    """The store (created and seeded on first use, as the dashboard does)."""
    from planmonitor import store

    return store.open_store()


def plan_store(s, plan_id: str | None):
    """The plan a command works on: `--plan`, else the store's default plan (the one under way
    today, else the most recent). An unknown id is a sentence and exit code 2."""
    from planmonitor.store import StoreError

    try:
        return s.for_plan(plan_id or None)
    except StoreError as exc:
        raise CliError(exc.key, EXIT_USAGE, **exc.kw) from exc


def write_pdf(path: Path, html_text: str, lang: str, con: Any) -> int:
    """Print `html_text` to the PDF at `path` with the system Chromium and say so on `con`:
    EXIT_OK when written or when there is no Chromium (said), EXIT_ISSUES when printing
    failed. The last step of every report command (monthly, final, regional)."""
    from planmonitor.output import report as rp

    try:
        pdf = rp.to_pdf(html_text)
    except rp.PdfError as exc:
        con.line(t("report.cli.pdf_failed", lang, error=exc), err=True)
        return EXIT_ISSUES
    if pdf is None:
        con.line(t("report.cli.no_pdf", lang))
        return EXIT_OK
    con.line(t("report.cli.wrote", lang, path=write_output(path, pdf)))
    return EXIT_OK

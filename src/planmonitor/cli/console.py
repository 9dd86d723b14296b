"""Everything the command line prints goes through here: lines, and one table printer.

Text from a workbook or a file name may hold control characters (an Excel cell's `_x001B_` is
a real ESC once read): printed raw, they would drive the terminal. `printable` shows each one
escaped (`\\x1b`, `\\x00`, `\\u202e`), so every printed line and table cell is safe; a cell's
line breaks and tabs become spaces so that a row stays on one line.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from typing import TextIO

import pandas as pd

# C0 and C1 controls (Unicode Cc), and the invisible characters that reorder or hide text:
# bidirectional embeddings, overrides and isolates, line/paragraph separators, BOM.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff]")
_CELL_SPACE = re.compile("[ \t\r\n]+")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(value: object) -> str:
    """The text of `value` with every control character shown escaped ("" for a missing one)."""
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return ""
    return _CONTROL.sub(_escape, str(value))


def cell(value: object) -> str:
    """A table cell: line breaks and tabs as one space, then `printable`."""
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return ""
    return printable(_CELL_SPACE.sub(" ", str(value)).strip())


def format_table(
    rows: Sequence[Sequence[object]], headers: Sequence[str], max_width: int = 60
) -> str:
    """An aligned plain-text table; every column but the last is cut at `max_width`."""
    n = len(headers)

    def fit(value: object, last: bool) -> str:
        text = cell(value)
        return text if last or len(text) <= max_width else text[: max_width - 1] + "…"

    head = [cell(h) for h in headers]
    body = [[fit(v, i == n - 1) for i, v in enumerate(r)] for r in rows]
    widths = [max([len(head[i])] + [len(r[i]) for r in body]) for i in range(n)]

    def line(values: Sequence[str]) -> str:
        return "  ".join(
            v if i == n - 1 else v.ljust(widths[i]) for i, v in enumerate(values)
        ).rstrip()

    sep = "  ".join("-" * w for w in widths)
    return "\n".join([line(head), sep, *(line(r) for r in body)])


def frame_table(df: pd.DataFrame, max_width: int = 60) -> str:
    """A DataFrame as the same table (its column names are the headers, already translated)."""
    return format_table(df.astype(object).values.tolist(), [str(c) for c in df.columns], max_width)


class Console:
    """Where a command prints: stdout for results, stderr for problems (read at each call,
    so a test's captured streams are used)."""

    def __init__(self, out: TextIO | None = None, err: TextIO | None = None) -> None:
        self._out = out
        self._err = err

    @property
    def out(self) -> TextIO:
        return self._out or sys.stdout

    @property
    def err(self) -> TextIO:
        return self._err or sys.stderr

    def line(self, text: object = "", *, err: bool = False) -> None:
        """One line; any control character in it (a newline too) is shown escaped."""
        print(printable(text), file=self.err if err else self.out)

    def blank(self, *, err: bool = False) -> None:
        print(file=self.err if err else self.out)

    def table(
        self, rows: Sequence[Sequence[object]], headers: Sequence[str], *, err: bool = False
    ) -> None:
        print(format_table(rows, headers), file=self.err if err else self.out)

    def block(self, table: str, *, err: bool = False) -> None:
        """A table already made by `format_table` (its cells are escaped there)."""
        print(table, file=self.err if err else self.out)

    def frame(self, df: pd.DataFrame, *, err: bool = False) -> None:
        print(frame_table(df), file=self.err if err else self.out)

"""The kinds of a workbook column (model.Column.kind), in one table.

Each kind says how a cell is read (its parser, called once per distinct value), which rule a
cell that cannot be read breaks and the catalogue key of that issue's message
(i18n/catalogs/rules.py), and how the parsed values become the plan's column(s). The loader
reads every sheet through `read_columns` with this table; what is not one cell (a duplicate
code, an end before its start) is a check of reading/sheets.py.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from typing import Any

import numpy as np
import pandas as pd

from planmonitor import model
from planmonitor.i18n import t
from planmonitor.reading.normalize import (
    BAD,
    FIRST_DATE,
    LAST_DATE,
    AgencyResolver,
    Suggester,
    cell_text,
    date_out_of_range,
    map_unique,
    object_column,
    parse_bool,
    parse_date,
    parse_gcm,
    parse_int,
    parse_percent,
    parse_roles,
    parse_status,
    parse_url,
    split_list,
)
from planmonitor.reading.validate import Rule

Hint = Callable[[str], str]  # a message part computed per language, only for a kept issue


@dataclass
class Reading:
    """What parsing a sheet may need beyond its cells: the agency names of the plan."""

    resolver: AgencyResolver | None = None
    _suggesters: dict[tuple[str, ...], Suggester] = field(default_factory=dict)

    def suggester(self, choices: tuple[str, ...]) -> Suggester:
        if choices not in self._suggesters:
            self._suggesters[choices] = Suggester(choices)
        return self._suggesters[choices]


@dataclass(frozen=True)
class Issue:
    """One issue of a cell that cannot be read: the value to name and the message's fields."""

    value: str
    key: str
    fields: dict[str, Any] = field(default_factory=dict)


def char_names(points: str, lang: str) -> str:
    """'U+200B espacio de ancho cero, U+FEFF …' from 'U+200B, U+FEFF'."""
    return ", ".join(f"{p} {t('char.' + p[2:], lang)}" for p in points.split(", "))


def _bad(v: Any) -> bool:
    return v is BAD


def _hint(suggester: Suggester, text: str) -> Hint:
    def part(lang: str) -> str:
        found = suggester(text)
        return t("rule.hint", lang, hint=found) if found else ""

    return part


# ---- how the parsed values of a column become the plan's column(s) ------------------------
def _as_text(name: str, parsed: list, texts: pd.Series) -> dict[str, pd.Series]:
    return {name: texts}


def _as_objects(name: str, parsed: list, texts: pd.Series) -> dict[str, pd.Series]:
    return {name: object_column([list(v) for v in parsed], texts.index)}


def _as_agencies(name: str, parsed: list, texts: pd.Series) -> dict[str, pd.Series]:
    return {name: object_column([list(found) for found, _unknown in parsed], texts.index)}


def _as_dates(name: str, parsed: list, texts: pd.Series) -> dict[str, pd.Series]:
    stamps = pd.Series([pd.NaT if v is BAD else v for v in parsed], dtype=object)
    days = pd.Series(pd.to_datetime(stamps).to_numpy(), index=texts.index)
    return {name: days.astype("datetime64[ns]"), f"{name}_text": texts}


def _as_int(name: str, parsed: list, texts: pd.Series) -> dict[str, pd.Series]:
    values = [v if isinstance(v, int) else None for v in parsed]
    return {name: pd.Series(pd.array(values, dtype="Int64"), index=texts.index)}


def _as_float(name: str, parsed: list, texts: pd.Series) -> dict[str, pd.Series]:
    values = [np.nan if v is BAD else v for v in parsed]
    return {name: pd.Series(values, index=texts.index, dtype="float64")}


def _as_enum(name: str, parsed: list, texts: pd.Series) -> dict[str, pd.Series]:
    return {name: pd.Series(["" if v is BAD else v for v in parsed], index=texts.index, dtype=str)}


def _as_bool(name: str, parsed: list, texts: pd.Series) -> dict[str, pd.Series]:
    return {name: pd.Series([v is True for v in parsed], index=texts.index, dtype=bool)}


def _as_gcm(name: str, parsed: list, texts: pd.Series) -> dict[str, pd.Series]:
    return {
        name: object_column([list(g[0]) for g in parsed], texts.index),
        f"{name}_all": pd.Series([g[1] for g in parsed], index=texts.index, dtype=bool),
    }


# ---- the issues of a cell that cannot be read ----------------------------------------------
def _one(kind: Kind, text: str, parsed: Any, reading: Reading) -> Iterator[Issue]:
    """The kind's message for the cell; with choices, the list and «¿Quiso decir …?»."""
    key = kind.message
    fields: dict[str, Any] = {}
    if kind.choices:
        fields = {
            "choices": " / ".join(kind.choices),
            "hint": _hint(reading.suggester(kind.choices), text),
        }
    if kind.rule is Rule.BAD_DATE and date_out_of_range(text):
        key = "rule.bad_date.range"
        fields = {"first": f"{FIRST_DATE:%Y-%m-%d}", "last": f"{LAST_DATE:%Y-%m-%d}"}
    yield Issue(text, key, fields)


def _unknown_agencies(kind: Kind, text: str, parsed: Any, reading: Reading) -> Iterator[Issue]:
    """One issue per unknown name of the cell, with the closest acronym or "add it"."""
    resolver = reading.resolver
    for token in parsed[1]:

        def hint(lang: str, token: str = token) -> str:
            found = resolver.suggestion(token) if resolver is not None else None
            if found:
                return t("rule.hint", lang, hint=found)
            return t("rule.unknown_agency.new", lang)

        yield Issue(token, kind.message, {"hint": hint})


def _unknown_roles(kind: Kind, text: str, parsed: Any, reading: Reading) -> Iterator[Issue]:
    """One issue per piece of the cell that names no role, with the roles and «¿Quiso decir?»."""
    for piece in parsed[1]:
        yield from _one(kind, piece, parsed, reading)


def _agency_parser(reading: Reading, column: model.Column) -> Callable[[object], Any]:
    # Without a usable agency table every name would be "unknown": that sheet's own issue
    # (missing sheet/column) is the one to report, so names are kept as written.
    if reading.resolver is None:
        return lambda v: (list(dict.fromkeys(split_list(v))), [])
    return reading.resolver.parse


@dataclass(frozen=True)
class Kind:
    """How one kind of column is read (see the module's docstring)."""

    parse: Callable[[object], Any] | None  # one cell -> value (BAD: unreadable); None: its text
    rule: Rule | None = None  # the rule a cell that cannot be read breaks
    message: str = ""  # the catalogue key of that issue (i18n/catalogs/rules.py)
    store: Callable[[str, list, pd.Series], dict[str, pd.Series]] = _as_text
    bad: Callable[[Any], bool] = _bad  # is a parsed value one that cannot be read
    choices: tuple[str, ...] = ()  # the accepted values, listed and matched in the message
    issues: Callable[..., Iterator[Issue]] = _one  # the issues of one such cell
    # the parser from what the sheet knows and the column declares, instead of `parse`
    parser: Callable[[Reading, model.Column], Callable[[object], Any]] | None = None
    invisible: bool = False  # invisible characters are removed, with a warning (codes)

    def parser_for(self, reading: Reading, column: model.Column) -> Callable[[object], Any] | None:
        return self.parser(reading, column) if self.parser is not None else self.parse


def _period_parser(reading: Reading, column: model.Column) -> Callable[[object], Any]:
    """A date or a period: its first day, or its last for a column declared `period_end`."""
    return partial(parse_date, end=column.period_end)


def _int_parser(reading: Reading, column: model.Column) -> Callable[[object], Any]:
    """A whole number, within the column's declared `bounds`."""
    low, high = column.bounds or (-math.inf, math.inf)

    def parse(value: object) -> Any:
        n = parse_int(value)
        return n if not isinstance(n, int) or low <= n <= high else BAD

    return parse


_EXACT = partial(parse_date, periods=False)

KINDS: dict[str, Kind] = {
    "code": Kind(None, invisible=True),
    "text": Kind(None),
    "list": Kind(split_list, store=_as_objects),
    "agencies": Kind(
        None,
        Rule.UNKNOWN_AGENCY,
        "rule.unknown_agency",
        store=_as_agencies,
        bad=lambda v: bool(v[1]),
        issues=_unknown_agencies,
        parser=_agency_parser,
        invisible=True,
    ),
    "date_or_quarter": Kind(
        None, Rule.BAD_DATE, "rule.bad_date", store=_as_dates, parser=_period_parser
    ),
    "date": Kind(_EXACT, Rule.BAD_DATE, "rule.bad_date.exact", store=_as_dates),
    # the one whole-number column is the GCM objective's number: its message says so
    "int": Kind(None, Rule.BAD_NUMBER, "rule.bad_number", _as_int, parser=_int_parser),
    "percent": Kind(parse_percent, Rule.BAD_PERCENT, "rule.bad_percent", _as_float),
    "status": Kind(
        parse_status, Rule.BAD_STATUS, "rule.bad_status", _as_enum, choices=model.STATUS_ORDER
    ),
    "roles": Kind(
        parse_roles,
        Rule.BAD_ROLE,
        "rule.bad_role",
        store=_as_agencies,  # (found, unknown) pairs: the roles found
        bad=lambda v: bool(v[1]),
        choices=tuple(r.value for r in model.Role),
        issues=_unknown_roles,
    ),
    "bool": Kind(parse_bool, Rule.BAD_BOOL, "rule.bad_bool", _as_bool),
    "gcm": Kind(parse_gcm, Rule.BAD_GCM, "rule.bad_gcm", _as_gcm, bad=lambda g: bool(g[2])),
    # A link that is not http(s) is kept as text and said (a warning): it is not shown as one.
    "url": Kind(parse_url, Rule.BAD_URL, "rule.bad_url"),
}


@dataclass(frozen=True)
class BadCell:
    """A cell its kind cannot read: where it is and its issues."""

    column: model.Column
    row: int
    issues: tuple[Issue, ...]


def read_column(
    column: model.Column, raw: pd.Series, texts: pd.Series, reading: Reading
) -> tuple[dict[str, pd.Series], np.ndarray, list]:
    """(the plan's column(s), mask of cells that cannot be read, parsed values)."""
    kind = KINDS[column.kind]
    parse = kind.parser_for(reading, column)
    parsed = list(texts) if parse is None else map_unique(raw, parse)
    bad = np.fromiter((kind.bad(v) for v in parsed), dtype=bool, count=len(parsed))
    return kind.store(column.name, parsed, texts), bad, parsed


def cell_issues(
    column: model.Column, raw: object, parsed: Any, reading: Reading
) -> Iterator[Issue]:
    kind = KINDS[column.kind]
    return kind.issues(kind, cell_text(raw), parsed, reading)


__all__ = ["KINDS", "Issue", "Kind", "Reading", "cell_issues", "char_names", "read_column"]

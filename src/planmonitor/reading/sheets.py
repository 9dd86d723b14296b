"""One sheet's cells -> one table of the plan, for every sheet alike.

`build_table` reads each column through its kind (reading/kinds.py), reports the cells that
cannot be read and the empty required ones, fills the plan's derived columns, then runs the
sheet's checks: the rules that look at more than one cell (a repeated code, a code filed under
another parent, an end before its start…), listed per sheet in `CHECKS`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from planmonitor import model
from planmonitor.reading.kinds import KINDS, Reading, cell_issues, char_names, read_column
from planmonitor.reading.normalize import text_series
from planmonitor.reading.validate import IssueLog, Rule
from planmonitor.reading.workbook import INVISIBLE_PREFIX, LONG_PREFIX, TEXT_PREFIX

# The plan's columns of each table, in order.
TABLE_COLUMNS: dict[str, list[str]] = {
    "objectives": model.OBJECTIVE_COLUMNS,
    "strategies": model.STRATEGY_COLUMNS,
    "activities": model.ACTIVITY_COLUMNS,
    "products": model.PRODUCT_COLUMNS,
    "agencies": model.AGENCY_COLUMNS,
    "gcm": model.GCM_COLUMNS,
    "progress": model.PROGRESS_COLUMNS,
}


@dataclass
class Ctx:
    """Where issues go while a plan is built."""

    log: IssueLog
    today: pd.Timestamp
    emit: bool = True  # False while building default (empty) tables

    def issue(self, rule: Rule, key: str | None = None, **kw: object) -> None:
        if self.emit:
            self.log.issue(rule, key, **kw)  # type: ignore[arg-type]

    def count(self, rule: Rule, n: int) -> None:
        """`n` more issues of `rule` past the log's limit (counted, never formatted)."""
        if self.emit and n:
            self.log.more[rule.value] += n


def column(data: pd.DataFrame, name: str) -> pd.Series:
    """A raw column, or empty cells when the (optional) column is absent."""
    if name in data:
        return data[name]
    return pd.Series([""] * len(data), index=data.index, dtype=object)


def text(data: pd.DataFrame, name: str) -> pd.Series:
    """A column's cells as text ("" when empty or absent); precomputed by extract_table."""
    if TEXT_PREFIX + name in data:
        return data[TEXT_PREFIX + name]
    return text_series(column(data, name))


def too_long(data: pd.DataFrame, name: str) -> np.ndarray:
    """Mask of the cells too long to read (Limits.max_cell_chars): their own issue, and empty
    for every other rule."""
    if LONG_PREFIX + name in data:
        return data[LONG_PREFIX + name].to_numpy(dtype=bool)
    return np.zeros(len(data), dtype=bool)


def read_cells(
    ctx: Ctx, sheet: model.Sheet, data: pd.DataFrame, reading: Reading
) -> dict[str, pd.Series]:
    """Every column of the sheet through its kind; bad and missing required cells reported."""
    rows = data["row"].to_numpy()
    out: dict[str, pd.Series] = {}
    for c in sheet.columns:
        kind = KINDS[c.kind]
        raw, texts = column(data, c.name), text(data, c.name)
        values, bad, parsed = read_column(c, raw, texts, reading)
        out.update(values)
        for i in np.flatnonzero(bad):
            if ctx.log.full:  # past Limits.max_issues: counted per rule, never formatted
                ctx.count(kind.rule, int(bad[i:].sum()))  # type: ignore[arg-type]
                break
            for issue in cell_issues(c, raw.iloc[i], parsed[i], reading):
                ctx.issue(
                    kind.rule,  # type: ignore[arg-type]
                    issue.key,
                    sheet=sheet.name,
                    row=int(rows[i]),
                    column=c.header,
                    value=issue.value,
                    **issue.fields,
                )
        if c.required and c.name in data:
            empty = texts.eq("").to_numpy() & ~too_long(data, c.name)
            for row in rows[empty]:
                ctx.issue(Rule.REQUIRED_VALUE, sheet=sheet.name, row=int(row), column=c.header)
    return out


def build_table(ctx: Ctx, sheet: model.Sheet, data: pd.DataFrame, reading: Reading) -> pd.DataFrame:
    """The plan's table of `sheet` from its cells (model.*_COLUMNS, in plan order)."""
    out = pd.DataFrame(read_cells(ctx, sheet, data, reading), index=data.index)
    for name in TABLE_COLUMNS[sheet.key]:
        if name == "seq":
            out[name] = np.arange(1, len(out) + 1, dtype="int64")
        elif name not in out:  # derived later from the parents (objective, strategy)
            out[name] = pd.Series([""] * len(out), index=out.index, dtype=str)
    out["row"] = pd.array(data["row"].tolist(), dtype="Int64")
    for check in CHECKS.get(sheet.key, ()):
        check(ctx, sheet, out, data)
    if sheet.key == "gcm":
        out = out[out["number"].notna()].astype({"number": "int64"})
    if sheet.key == "progress":
        out = out.sort_values(["date", "row"], kind="stable", na_position="last")
    return out.reset_index(drop=True)[TABLE_COLUMNS[sheet.key]]


# --------------------------------------------------------------------------------------------
# Checks of more than one cell
# --------------------------------------------------------------------------------------------
Check = Callable[[Ctx, model.Sheet, pd.DataFrame, pd.DataFrame], None]


def _as_codes(values: pd.Series) -> pd.Series:
    if values.dtype == "Int64":
        return values.astype(str).replace("<NA>", "")
    return values


def duplicates(name: str) -> Check:
    """DUPLICATE_CODE: a sheet's own code seen in an earlier row (also when the two differed
    only by invisible characters, which the message then names)."""

    def check(ctx: Ctx, sheet: model.Sheet, out: pd.DataFrame, data: pd.DataFrame) -> None:
        codes, rows = _as_codes(out[name]), out["row"]
        header = next(c.header for c in sheet.columns if c.name == name)
        nonempty = codes.ne("") & codes.notna()
        dup = codes.duplicated(keep="first") & nonempty
        if not dup.any():
            return
        first = dict(zip(codes[nonempty & ~dup], rows[nonempty & ~dup], strict=True))
        hidden = column(data, INVISIBLE_PREFIX + name).astype(str)
        first_hidden = dict(zip(codes[nonempty & ~dup], hidden[nonempty & ~dup], strict=True))
        for code, row, chars in zip(codes[dup], rows[dup], hidden[dup], strict=True):
            chars = chars or first_hidden.get(code, "")
            key, extra = "rule.duplicate_code", {}
            if chars:
                key = "rule.duplicate_code.invisible"
                extra = {"chars": lambda lang, chars=chars: char_names(chars, lang)}
            ctx.issue(
                Rule.DUPLICATE_CODE, key, sheet=sheet.name, row=int(row), column=header,
                value=code, first=first.get(code), **extra,
            )  # fmt: skip

    return check


def prefix(parent: str, sep: str) -> Check:
    """CODE_MISMATCH warning: '2.1.1' filed under strategy '1.1' (likely a typo)."""

    def check(ctx: Ctx, sheet: model.Sheet, out: pd.DataFrame, data: pd.DataFrame) -> None:
        codes, parents = out["code"], out[parent]
        both = codes.ne("") & parents.ne("")
        ok = pd.Series(
            [c.startswith(p + sep) for c, p in zip(codes, parents, strict=True)],
            index=codes.index,
            dtype=bool,
        )
        wrong = both & ~ok
        for code, up, row in zip(codes[wrong], parents[wrong], out["row"][wrong], strict=True):
            ctx.issue(
                Rule.CODE_MISMATCH, sheet=sheet.name, row=int(row),
                column=sheet.columns[0].header, value=code, parent=up, sep=sep,
            )  # fmt: skip

    return check


def end_before_start(ctx: Ctx, sheet: model.Sheet, out: pd.DataFrame, data: pd.DataFrame):
    start, end = out["start"], out["end"]
    inverted = start.notna() & end.notna() & (end < start)
    for row, a, b in zip(out["row"][inverted], start[inverted], end[inverted], strict=True):
        ctx.issue(
            Rule.END_BEFORE_START, sheet=sheet.name, row=int(row), column="Fin",
            value=f"{b:%Y-%m-%d}", end=f"{b:%Y-%m-%d}", start=f"{a:%Y-%m-%d}",
        )  # fmt: skip


def no_lead(ctx: Ctx, sheet: model.Sheet, out: pd.DataFrame, data: pd.DataFrame) -> None:
    # A lead cell with only unknown names is already an unknown_agency error.
    missing = text(data, "leads").eq("") & out["code"].ne("") & ~too_long(data, "leads")
    for code, row in zip(out["code"][missing], out["row"][missing], strict=True):
        ctx.issue(Rule.NO_LEAD, sheet=sheet.name, row=int(row), column="Líderes", value=code)


def completed_below_100(ctx: Ctx, sheet: model.Sheet, out: pd.DataFrame, data: pd.DataFrame):
    below = out["status"].eq(model.Status.COMPLETED.value) & out["percent"].lt(100)
    for row, p in zip(out["row"][below], out["percent"][below], strict=True):
        ctx.issue(
            Rule.COMPLETED_BELOW_100, sheet=sheet.name, row=int(row), column="Porcentaje",
            value=f"{p:g}",
        )  # fmt: skip


def percent_as_fraction(ctx: Ctx, sheet: model.Sheet, out: pd.DataFrame, data: pd.DataFrame):
    # An Excel cell formatted as a percentage holds 0.4 for "40 %" (the reader sees no
    # format): a value strictly between 0 and 1 is almost surely that.
    fraction = out["percent"].gt(0) & out["percent"].lt(1)
    for row, p in zip(out["row"][fraction], out["percent"][fraction], strict=True):
        ctx.issue(
            Rule.PERCENT_AS_FRACTION, sheet=sheet.name, row=int(row), column="Porcentaje",
            value=f"{p:g}", percent=f"{p * 100:g}",
        )  # fmt: skip


def future_date(ctx: Ctx, sheet: model.Sheet, out: pd.DataFrame, data: pd.DataFrame) -> None:
    future = out["date"].gt(ctx.today)
    for row, d in zip(out["row"][future], out["date"][future], strict=True):
        ctx.issue(
            Rule.FUTURE_PROGRESS_DATE, sheet=sheet.name, row=int(row), column="Fecha",
            value=f"{d:%Y-%m-%d}", today=f"{ctx.today:%Y-%m-%d}",
        )  # fmt: skip


CHECKS: dict[str, tuple[Check, ...]] = {
    "objectives": (duplicates("code"),),
    "strategies": (duplicates("code"), prefix("objective", ".")),
    "activities": (duplicates("code"), prefix("strategy", ".")),
    "products": (end_before_start, duplicates("code"), prefix("activity", "-"), no_lead),
    "agencies": (duplicates("acronym"),),
    "gcm": (duplicates("number"),),
    "progress": (completed_below_100, percent_as_fraction, future_date),
}

"""When work actually ran, read from the progress log (issue 10): the Gantt's «Real» bars.

A product's actual span starts at its first report that says work is under way (En curso,
Retrasado or Completado, or any percent above 0) and ends at its first Completado report after
that, or at its cancellation; a product still under way runs to the as-of date (`ongoing`).
A product never reported under way has no span: the plan's dates are all there is.
"""

from __future__ import annotations

import pandas as pd

from planmonitor.analysis.metrics import quarter_bounds
from planmonitor.model import Plan, Status

SPAN_COLUMNS = ["code", "start", "end", "ongoing"]
ACTUAL_COLUMNS = ["actual_start", "actual_end", "actual_ongoing"]
_UNDER_WAY = {Status.IN_PROGRESS.value, Status.DELAYED.value, Status.COMPLETED.value}


def actual_spans(plan: Plan, as_of: pd.Timestamp | str | None = None) -> pd.DataFrame:
    """One row per product with an actual span (SPAN_COLUMNS), plan order; reports after
    `as_of` are ignored. `as_of` None: the last report's date closes an ongoing span."""
    progress = plan.progress
    empty = pd.DataFrame(
        {
            "code": pd.Series([], dtype="str"),
            "start": pd.Series([], dtype="datetime64[us]"),
            "end": pd.Series([], dtype="datetime64[us]"),
            "ongoing": pd.Series([], dtype="bool"),
        }
    )
    if not len(progress):
        return empty
    dates = pd.to_datetime(progress["date"])
    if as_of is not None:
        progress = progress[dates <= pd.Timestamp(as_of)]
        dates = dates[progress.index]
    if not len(progress):
        return empty
    close = pd.Timestamp(as_of).normalize() if as_of is not None else dates.max()
    log = progress.assign(date=dates).sort_values("date", kind="stable")
    rows = []
    for code, entries in log.groupby("code", sort=False):
        statuses = entries["status"].astype(str).tolist()
        percents = pd.to_numeric(entries["percent"]).fillna(0).tolist()
        days = entries["date"].tolist()
        first = next(
            (i for i, (s, p) in enumerate(zip(statuses, percents, strict=True))
             if s in _UNDER_WAY or p > 0),
            None,
        )  # fmt: skip
        if first is None:
            continue
        end, ongoing = close, True
        for s, day in zip(statuses[first:], days[first:], strict=True):
            if s in (Status.COMPLETED.value, Status.CANCELLED.value):
                end, ongoing = day, False
                break
        rows.append({"code": str(code), "start": days[first], "end": max(end, days[first]),
                     "ongoing": ongoing})  # fmt: skip
    if not rows:
        return empty
    out = pd.DataFrame(rows)
    order = {c: i for i, c in enumerate(_plan_order(plan))}
    out = out.sort_values("code", key=lambda s: s.map(order), kind="stable")
    out["start"] = pd.to_datetime(out["start"]).astype("datetime64[us]")
    out["end"] = pd.to_datetime(out["end"]).astype("datetime64[us]")
    out["ongoing"] = out["ongoing"].astype(bool)
    out["code"] = out["code"].astype("str")
    return out[SPAN_COLUMNS].reset_index(drop=True)


def _plan_order(plan: Plan) -> list[str]:
    products = plan.products
    if "seq" in products.columns and len(products):
        products = products.sort_values("seq", kind="stable")
    return products["code"].astype(str).tolist()


def with_actual(latest: pd.DataFrame, spans: pd.DataFrame) -> pd.DataFrame:
    """`latest` (metrics.latest_status) with ACTUAL_COLUMNS (NaT / False without a span); a
    copy, the input is left alone."""
    by_code = spans.set_index("code")
    codes = latest["code"].astype(str)
    out = latest.copy()
    out["actual_start"] = pd.to_datetime(codes.map(by_code["start"]))
    out["actual_end"] = pd.to_datetime(codes.map(by_code["end"]))
    out["actual_ongoing"] = codes.map(by_code["ongoing"]).fillna(False).astype(bool)
    return out


def period_window(period: tuple[str, str] | None) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """The first and last day of a period filter's quarters (Filters.period), None without."""
    if period is None:
        return None
    return quarter_bounds(period[0])[0], quarter_bounds(period[1])[1]


def in_window(rows: pd.DataFrame, window: tuple[pd.Timestamp, pd.Timestamp]) -> pd.Series:
    """Which rows of `with_actual(...)` belong in a chart zoomed to `window`.

    Plan dates decide when the plan has any (a missing bound is open, as in Filters); a
    product without dates is kept unless its actual span shows it ran wholly outside the
    window (no information: kept, never silently dropped).
    """
    first, last = window
    start = pd.to_datetime(rows["start"])
    end = pd.to_datetime(rows["end"])
    by_plan = (start.isna() | (start <= last)) & (end.isna() | (end >= first))
    undated = start.isna() & end.isna()
    if "actual_start" not in rows.columns:
        return by_plan
    a_start = pd.to_datetime(rows["actual_start"])
    a_end = pd.to_datetime(rows["actual_end"])
    by_actual = a_start.isna() | ((a_start <= last) & (a_end >= first))
    return (by_plan & ~undated) | (undated & by_actual)

"""What changed since a date or since a stored version ("¿qué cambió desde…?").

The committee asks the same question every month: what moved since the last meeting. Against
a date, the answer comes from the progress log alone (the plan cut at that date versus the plan
now); against a stored version, product-level changes (new, removed, edited products) come from
`diff.diff_plans`, whose logic is not repeated here. The result keeps typed values (Timestamps,
floats) so the report can format them per language and the Gantt can place markers.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import pandas as pd

from planmonitor.analysis import diff, metrics
from planmonitor.i18n import fmt_date, fmt_percent, status_label, t
from planmonitor.model import Plan

STATUS_CHANGE_COLUMNS = ["code", "name", "old_status", "new_status"]
PERCENT_COLUMNS = ["code", "name", "old", "new", "delta"]
PRODUCT_COLUMNS = ["code", "activity", "name"]
SLIP_COLUMNS = ["code", "name", "old_end", "new_end", "days"]
COMMENT_COLUMNS = ["date", "code", "name", "comment", "reported_by"]
MARKER_COLUMNS = ["code", "date", "label"]


def default_reference(today: pd.Timestamp | str) -> pd.Timestamp:
    """The last day of the month before `today`: "since the last monthly report"."""
    first = pd.Timestamp(today).normalize().replace(day=1)
    return first - pd.Timedelta(days=1)


def version_at(versions: pd.DataFrame, day: pd.Timestamp | str) -> int | None:
    """The stored version that was current at the end of `day` (UTC), or None if none was.

    "The data as it was at the end of last month" is that version when the store is older
    than the reference; it holds product changes too, which a cut of the log cannot show.
    """
    if len(versions) == 0:
        return None
    end = pd.Timestamp(day).normalize() + pd.Timedelta(days=1)
    if end.tzinfo is None:
        end = end.tz_localize("UTC")
    created = pd.to_datetime(versions["created_at"], utc=True)
    before = versions.loc[created < end, "id"]
    return int(before.max()) if len(before) else None


@dataclasses.dataclass(frozen=True)
class Reference:
    """What «Qué cambió» compares the current data with when nobody chose (issue 10).

    why: "meeting" (the version current at the last recorded meeting), "previous" (the
    version before the current one) or "month_end" (the data at the end of last month: the
    version current then when the store is that old, else the progress log cut at that day).
    """

    why: str
    day: pd.Timestamp  # the meeting's day, or the end of last month
    version: int | None = None  # a stored version, or None: a cut of the log at `day`


def default_since(
    versions: pd.DataFrame,
    meetings: list | tuple,
    today: pd.Timestamp | str,
    as_of: pd.Timestamp | str | None = None,
) -> Reference:
    """The default reference: what the committee saw last, said as such.

    The version current at the last meeting recorded on or before `today`; else the previous
    stored version; else the end of the month before `as_of` (the day the plan is read at:
    today, or a closed plan's last day; issue 9).
    """
    today = pd.Timestamp(today).normalize()
    as_of = today if as_of is None else pd.Timestamp(as_of).normalize()
    past = sorted(pd.Timestamp(m).normalize() for m in meetings if pd.Timestamp(m) <= today)
    if past and (at_meeting := version_at(versions, past[-1])) is not None:
        return Reference("meeting", past[-1], at_meeting)
    ids = sorted(int(i) for i in versions["id"]) if len(versions) else []
    if len(ids) >= 2:
        return Reference("previous", today, ids[-2])
    month_end = default_reference(as_of)
    return Reference("month_end", month_end, version_at(versions, month_end))


def plan_as_of(plan: Plan, date: pd.Timestamp | str) -> Plan:
    """The plan as it was known on `date`: progress entries on or before that day only."""
    progress = plan.progress
    if len(progress):
        cut = pd.Timestamp(date).normalize() + pd.Timedelta(days=1)
        progress = progress[pd.to_datetime(progress["date"]) < cut].reset_index(drop=True)
    return dataclasses.replace(plan, progress=progress)


@dataclass(frozen=True)
class ChangeReport:
    """The changes between a reference (date or version) and the current plan, as tables."""

    reference: pd.Timestamp | None  # the reference date; None when it was a stored version
    as_of: pd.Timestamp | None  # the current plan was cut at this date (None: not cut)
    status_changes: pd.DataFrame  # STATUS_CHANGE_COLUMNS
    percent_gained: pd.DataFrame  # PERCENT_COLUMNS; delta > 0 or < 0, never 0
    new_products: pd.DataFrame  # PRODUCT_COLUMNS
    removed_products: pd.DataFrame  # PRODUCT_COLUMNS
    slips: pd.DataFrame  # SLIP_COLUMNS: end date moved later
    new_comments: pd.DataFrame  # COMMENT_COLUMNS
    changed_fields: pd.DataFrame  # diff.CHANGED_COLUMNS: product fields edited (versions only;
    #                               against a date the products are the same, so it is empty)
    _last_dates: pd.DataFrame = dataclasses.field(repr=False, default=None)  # code, date

    @property
    def is_empty(self) -> bool:
        return all(len(df) == 0 for df in self.tables().values())

    def tables(self) -> dict[str, pd.DataFrame]:
        return {
            "status_changes": self.status_changes,
            "percent_gained": self.percent_gained,
            "new_products": self.new_products,
            "removed_products": self.removed_products,
            "slips": self.slips,
            "new_comments": self.new_comments,
            "changed_fields": self.changed_fields,
        }

    def markers(self, lang: str = "es") -> pd.DataFrame:
        """(code, date, label): one marker per changed product, for the Gantt.

        The date is the product's latest new progress entry, else its new end date (a slip),
        else the cut date; the label lists what changed, e.g. "En curso → Completado · +40 %".
        """
        parts: dict[str, list[str]] = {}

        def add(code: str, text: str) -> None:
            parts.setdefault(code, []).append(text)

        for r in self.status_changes.itertuples(index=False):
            add(r.code, f"{status_label(r.old_status, lang)} → {status_label(r.new_status, lang)}")
        for r in self.percent_gained.itertuples(index=False):
            sign = "+" if r.delta > 0 else "−"
            add(r.code, f"{sign}{fmt_percent(abs(r.delta), lang)}")
        for r in self.new_products.itertuples(index=False):
            add(r.code, t("changes.marker.new", lang))
        slip_ends = dict(zip(self.slips["code"], self.slips["new_end"], strict=True))
        for r in self.slips.itertuples(index=False):
            add(r.code, t("changes.marker.slip", lang, end=fmt_date(r.new_end, lang)))
        for code in self.new_comments["code"]:
            if code not in parts:
                add(code, t("changes.marker.comment", lang))
        last = (
            dict(zip(self._last_dates["code"], self._last_dates["date"], strict=True))
            if self._last_dates is not None
            else {}
        )
        rows = []
        for code, texts in parts.items():
            date = last.get(code, slip_ends.get(code, self.as_of or self.reference))
            rows.append(
                (code, pd.Timestamp(date) if date is not None else pd.NaT, " · ".join(texts))
            )
        out = pd.DataFrame(rows, columns=MARKER_COLUMNS)
        out = out.astype({"code": "str", "label": "str"})
        out["date"] = pd.to_datetime(out["date"])
        return out.sort_values(["date", "code"], kind="stable").reset_index(drop=True)


def changes_since(
    current: Plan,
    reference: Plan | pd.Timestamp | str,
    as_of: pd.Timestamp | str | None = None,
) -> ChangeReport:
    """What changed from `reference` (a date or a stored version's Plan) to `current`.

    `as_of` cuts the current plan's progress log first (e.g. the end of the reported month).
    With a date, both sides are the same products, so only progress-based changes appear.
    """
    as_of_ts = None if as_of is None else pd.Timestamp(as_of).normalize()
    new = current if as_of_ts is None else plan_as_of(current, as_of_ts)
    if isinstance(reference, Plan):
        ref_date, old = None, reference
        d = diff.diff_plans(old, new)
        added, removed, changed = d.added, d.removed, d.changed
        new_progress = pd.concat(
            [d.new_progress, _recommented(new, d.corrected_progress)], ignore_index=True
        )
    else:
        ref_date = pd.Timestamp(reference).normalize()
        old = plan_as_of(current, ref_date)
        # One plan cut at two dates: the same products, and the new entries are those after
        # the reference day. diff_plans would find the same by formatting every cell of both
        # logs (most of a network-scale report's time).
        added = removed = _empty(diff.ADDED_COLUMNS)
        changed = _empty(diff.CHANGED_COLUMNS)
        new_progress = _entries_after(new, ref_date)

    names = _names(new, old)
    old_latest = metrics.latest_status(old)
    new_latest = metrics.latest_status(new)
    order = _order(new_latest, old_latest)
    before = dict(
        zip(
            old_latest["code"],
            zip(old_latest["status"], old_latest["percent"], strict=True),
            strict=True,
        )
    )
    status_rows, percent_rows = [], []
    for code, status, percent in zip(
        new_latest["code"], new_latest["status"], new_latest["percent"], strict=True
    ):
        if code not in before:
            continue  # a new product: listed in new_products, not as a status change
        old_status, old_percent = before[code]
        if old_status != status:
            status_rows.append((code, names[code], old_status, status))
        delta = float(percent) - float(old_percent)
        if delta != 0:
            percent_rows.append((code, names[code], float(old_percent), float(percent), delta))

    new_entries = _new_entries(new_progress, order)
    comments = new_entries[new_entries["comment"].str.strip() != ""]
    comments = comments.assign(name=[names.get(c, "") for c in comments["code"]])
    last_dates = (
        new_entries.groupby("code", sort=False)["date"].max().reset_index()
        if len(new_entries)
        else pd.DataFrame(
            {"code": pd.Series([], dtype="str"), "date": pd.Series([], dtype="M8[s]")}
        )
    )
    return ChangeReport(
        reference=ref_date,
        as_of=as_of_ts,
        status_changes=_sorted(_frame(status_rows, STATUS_CHANGE_COLUMNS), order),
        percent_gained=_sorted(
            _frame(percent_rows, PERCENT_COLUMNS, floats=("old", "new", "delta")), order
        ),
        new_products=_sorted(_text_frame(added, PRODUCT_COLUMNS), order),
        removed_products=_sorted(_text_frame(removed, PRODUCT_COLUMNS), order),
        slips=_sorted(_slips(old, new, names), order),
        new_comments=comments[COMMENT_COLUMNS].reset_index(drop=True),
        changed_fields=_sorted(_text_frame(changed, diff.CHANGED_COLUMNS), order),
        _last_dates=last_dates,
    )


# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------
def _names(new: Plan, old: Plan) -> dict[str, str]:
    out = dict(zip(old.products["code"].astype(str), old.products["name"].astype(str), strict=True))
    out.update(zip(new.products["code"].astype(str), new.products["name"].astype(str), strict=True))
    return out


def _order(new_latest: pd.DataFrame, old_latest: pd.DataFrame) -> dict[str, int]:
    """Plan order of every code: the current plan's, then removed products after it."""
    codes = list(new_latest["code"])
    seen = set(codes)
    codes += [c for c in old_latest["code"] if c not in seen]
    return {c: i for i, c in enumerate(codes)}


def _frame(rows: list[tuple], columns: list[str], floats: tuple[str, ...] = ()) -> pd.DataFrame:
    out = pd.DataFrame(rows, columns=columns)
    return out.astype({c: ("float64" if c in floats else "str") for c in columns})


def _text_frame(df: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame({c: df[c].astype("str") for c in columns}).reset_index(drop=True)


def _sorted(df: pd.DataFrame, order: dict[str, int]) -> pd.DataFrame:
    if not len(df):
        return df.reset_index(drop=True)
    key = df["code"].map(lambda c: order.get(c, len(order)))
    return (
        df.assign(_k=key).sort_values("_k", kind="stable").drop(columns="_k").reset_index(drop=True)
    )


def _empty(columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series([], dtype="str") for c in columns})


_ENTRY_COLUMNS = ("date", "code", "comment", "reported_by")


def _entries_after(plan: Plan, day: pd.Timestamp) -> pd.DataFrame:
    """Entries dated after `day`, as text the way diff.diff_plans gives its new_progress."""
    progress = plan.progress
    if not len(progress):
        return _empty(list(_ENTRY_COLUMNS))
    rows = progress[pd.to_datetime(progress["date"]) >= day + pd.Timedelta(days=1)]
    return pd.DataFrame(
        {c: pd.Series([diff.fmt(v) for v in rows[c]], dtype="str") for c in _ENTRY_COLUMNS}
    )


def _recommented(plan: Plan, corrected: pd.DataFrame) -> pd.DataFrame:
    """The entries of `plan` whose comment a correction changed (issue 10: a corrected report
    is not a new entry of the diff, but its new comment is one the meeting has not seen)."""
    keys = set(
        corrected.loc[corrected["field"] == "comment", ["date", "code"]].itertuples(
            index=False, name=None
        )
    )
    progress = plan.progress
    if not keys or not len(progress):
        return _empty(list(_ENTRY_COLUMNS))
    hit = [
        (diff.fmt(d), diff.fmt(c)) in keys
        for d, c in zip(progress["date"], progress["code"], strict=True)
    ]
    rows = progress[hit]
    return pd.DataFrame(
        {c: pd.Series([diff.fmt(v) for v in rows[c]], dtype="str") for c in _ENTRY_COLUMNS}
    )


def _new_entries(entries: pd.DataFrame, order: dict[str, int]) -> pd.DataFrame:
    """Progress entries only in the current log (text, as from the diff), typed and sorted."""
    out = pd.DataFrame(
        {
            "date": pd.to_datetime(entries["date"]),
            "code": entries["code"].astype("str"),
            "comment": entries["comment"].astype("str"),
            "reported_by": entries["reported_by"].astype("str"),
        }
    )
    out["_k"] = out["code"].map(lambda c: order.get(c, len(order)))
    out = out.sort_values(["date", "_k"], kind="stable").drop(columns="_k")
    return out.reset_index(drop=True)


def _slips(old: Plan, new: Plan, names: dict[str, str]) -> pd.DataFrame:
    """Products whose end date moved later (an earlier end or a missing date is no slip)."""
    old_end = dict(zip(old.products["code"], pd.to_datetime(old.products["end"]), strict=True))
    rows = []
    for code, end in zip(new.products["code"], pd.to_datetime(new.products["end"]), strict=True):
        before = old_end.get(code, pd.NaT)
        if pd.isna(before) or pd.isna(end) or end <= before:
            continue
        rows.append((str(code), names[str(code)], before, end, int((end - before).days)))
    out = pd.DataFrame(rows, columns=SLIP_COLUMNS)
    out = out.astype({"code": "str", "name": "str", "days": "int64"})
    out["old_end"] = pd.to_datetime(out["old_end"])
    out["new_end"] = pd.to_datetime(out["new_end"])
    return out

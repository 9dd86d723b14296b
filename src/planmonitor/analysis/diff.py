"""What changed between two plans.

One function, `diff_plans(old, new)`, feeds three views: the preview before an upload is
stored, the comparison of two stored versions, and "what changed since the last meeting".
Every table in the result is plain text, ready to show (no list or Timestamp cells), so that a
page can draw it without knowing the data model and no workbook text is interpreted.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

import pandas as pd

from planmonitor import model
from planmonitor.analysis import metrics
from planmonitor.i18n import fmt_date, status_label, t

# Product fields compared one by one, in the workbook's column order. `start`/`end` are shown
# as the cell was written (start_text) when the loader kept it, else as the date.
PRODUCT_FIELDS: tuple[str, ...] = (
    "activity",
    "name",
    "leads",
    "partners",
    "start",
    "end",
    "dates_interpreted",
    "gcm",
    "timeline_text",
    "notes",
)
PROGRESS_KEY: tuple[str, ...] = model.PROGRESS_IDENTITY

ADDED_COLUMNS = ["code", "activity", "name"]
CHANGED_COLUMNS = ["code", "field", "header", "old", "new"]
PROGRESS_OUT_COLUMNS = list(PROGRESS_KEY)
STATUS_COLUMNS = ["code", "name", "old_status", "new_status", "old_percent", "new_percent"]
STRUCTURE_COLUMNS = ["sheet", "key", "change", "field", "old", "new"]
# A report of a product and date already in the log, with other values: a correction, one row
# per field that differs (issue 10). (date, code) is what names "the report of that day".
CORRECTED_COLUMNS = ["date", "code", "field", "header", "old", "new"]
CORRECTION_KEY: tuple[str, ...] = ("date", "code")
CORRECTION_FIELDS: tuple[str, ...] = tuple(f for f in PROGRESS_KEY if f not in CORRECTION_KEY)
# Columns whose cells are status values (shown in the reader's language).
_STATUS_CELLS = ("status", "old_status", "new_status")
# Columns whose cells are days (ISO text here, the language's day format when shown).
_DATE_CELLS = ("date",)
# The raw tables say yes and "all GCM objectives" in Spanish (fmt, _product_value); to_frames
# says them in the reader's language (issue 10).
_YES, _ALL = "Sí", "Todos"
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")

# Structure tables: key column and the compared fields.
_STRUCTURE: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("objectives", "code", ("name",)),
    ("strategies", "code", ("objective", "name")),
    ("activities", "code", ("strategy", "name")),
    ("agencies", "acronym", ("name_es", "name_en", "acronym_en", "roles", "aliases")),
    ("gcm", "number", ("label_plan", "label_es", "title_en")),
)


def _is_missing(value: object) -> bool:
    if value is None or value is pd.NaT or value is pd.NA:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return False


def fmt(value: object) -> str:
    """A cell as display text: lists joined, dates as ISO, whole floats without '.0'."""
    if isinstance(value, (list, tuple)):
        return ", ".join(fmt(v) for v in value)
    if hasattr(value, "tolist") and not isinstance(value, (str, pd.Timestamp)):
        # numpy arrays (e.g. lists read back from Arrow) and numpy scalars
        return fmt(value.tolist())
    if _is_missing(value):
        return ""
    if isinstance(value, bool):
        return "Sí" if value else "No"
    if isinstance(value, pd.Timestamp):
        if value == value.normalize():
            return value.strftime("%Y-%m-%d")
        return value.isoformat(sep=" ")
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:g}"
    return str(value)


def _product_value(row: pd.Series, field: str) -> str:
    if field in ("start", "end"):
        text = row.get(f"{field}_text", "")
        return fmt(text) if not _is_missing(text) and str(text).strip() else fmt(row.get(field))
    if field == "dates_interpreted":
        return "Sí" if bool(row.get(field)) is True else ""
    if field == "gcm":
        if bool(row.get("gcm_all")) is True:
            return "Todos"
        return fmt(row.get("gcm"))
    return fmt(row.get(field))


def _header(sheet: model.Sheet, field: str) -> str:
    for c in sheet.columns:
        if c.name == field:
            return c.header
    return field


@dataclass(frozen=True)
class Changes:
    """The difference between two plans, as display-ready tables of text."""

    added: pd.DataFrame  # ADDED_COLUMNS: products only in the new plan
    removed: pd.DataFrame  # ADDED_COLUMNS: products only in the old plan
    changed: pd.DataFrame  # CHANGED_COLUMNS: one row per product field that differs
    new_progress: pd.DataFrame  # PROGRESS_OUT_COLUMNS: entries only in the new log
    removed_progress: pd.DataFrame  # PROGRESS_OUT_COLUMNS: entries only in the old log
    status_changes: pd.DataFrame  # STATUS_COLUMNS: latest status per product, before/after
    structure: pd.DataFrame  # STRUCTURE_COLUMNS: objectives, strategies, activities, agencies…
    # CORRECTED_COLUMNS: reports of a product and date on both sides with other values; such a
    # pair is in neither new_progress nor removed_progress
    corrected_progress: pd.DataFrame = field(default_factory=lambda: _frame([], CORRECTED_COLUMNS))

    @property
    def is_empty(self) -> bool:
        return all(len(df) == 0 for df in self._tables().values())

    def _tables(self) -> dict[str, pd.DataFrame]:
        return {
            "added": self.added,
            "removed": self.removed,
            "changed": self.changed,
            "new_progress": self.new_progress,
            "corrected_progress": self.corrected_progress,
            "removed_progress": self.removed_progress,
            "status_changes": self.status_changes,
            "structure": self.structure,
        }

    def counts(self) -> dict[str, int]:
        """Number of rows of each table; `changed` counts products, not fields."""
        out = {k: len(v) for k, v in self._tables().items()}
        out["changed"] = int(self.changed["code"].nunique()) if len(self.changed) else 0
        fixed = self.corrected_progress
        out["corrected_progress"] = len(fixed[list(CORRECTION_KEY)].drop_duplicates())
        return out

    def summary(self, lang: str = "es") -> str:
        """One line: "2 productos nuevos · 1 modificado · 5 avances nuevos" (or "sin cambios")."""
        if self.is_empty:
            return t("diff.none", lang)
        parts = [t(f"diff.count.{k}", lang, n=n) for k, n in self.counts().items() if n]
        return " · ".join(parts)

    def to_frames(self, lang: str = "es") -> dict[str, pd.DataFrame]:
        """Non-empty tables keyed by their localised title, with localised column names."""
        out: dict[str, pd.DataFrame] = {}
        for key, df in self._tables().items():
            if len(df) == 0:
                continue
            if key == "corrected_progress":
                shown = _corrections_shown(df, lang)
            else:
                shown = df.drop(columns=["field"], errors="ignore")
            if key == "structure":
                shown = shown.assign(change=[t(f"diff.kind.{c}", lang) for c in shown["change"]])
            if key == "changed":
                shown = localized_changes(shown.assign(field=df["field"]), lang)
                shown = shown.drop(columns=["field"])
            for col in _DATE_CELLS:
                if col in shown.columns:
                    shown = shown.assign(**{col: [_day(v, lang) for v in shown[col]]})
            for col in _STATUS_CELLS:
                if col in shown.columns:
                    shown = shown.assign(**{col: [status_label(v, lang) for v in shown[col]]})
            shown = shown.rename(columns={c: t(f"diff.col.{c}", lang) for c in shown.columns})
            out[t(f"diff.title.{key}", lang)] = shown.reset_index(drop=True)
        return out


def _day(value: str, lang: str) -> str:
    """An ISO day (as fmt writes a Timestamp) in the language's format; other text as is."""
    return fmt_date(value, lang) if _ISO_DAY.fullmatch(value or "") else value


def shown_value(field: str, value: str, lang: str) -> str:
    """One old/new cell of the `changed` table in the reader's language: the yes of
    «fechas interpretadas», the «Todos» of the GCM objectives and a start/end that was a date
    (not text as written) are the project's words, translated; workbook text is kept."""
    if field == "dates_interpreted":
        return t("diff.value.yes" if value == _YES else "diff.value.no", lang)
    if field == "gcm" and value == _ALL:
        return t("diff.value.all", lang)
    if field in ("start", "end"):
        return _day(value, lang)
    return value


def localized_changes(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    """A frame with the `changed` table's field, old and new columns, its old/new in `lang`
    (the «Qué cambió» page shows it too)."""
    return df.assign(
        **{
            col: [shown_value(f, v, lang) for f, v in zip(df["field"], df[col], strict=True)]
            for col in ("old", "new")
        }
    )


def _corrections_shown(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    """date, code, «Corrección», field, «old → new» (a status in the reader's language)."""

    def shown(f: str, value: str) -> str:
        if not value:
            return "—"
        return status_label(value, lang) if f == "status" else value

    return pd.DataFrame(
        {
            "date": [_day(v, lang) for v in df["date"]],
            "code": df["code"],
            "change": [t("diff.kind.corrected", lang)] * len(df),
            "header": [t(f"diff.col.{f}", lang) for f in df["field"]],
            "old_new": [
                f"{shown(f, o)} → {shown(f, n)}"
                for f, o, n in zip(df["field"], df["old"], df["new"], strict=True)
            ],
        },
        dtype="str",
    )


def _frame(rows: list[dict], columns: list[str]) -> pd.DataFrame:
    if not rows:
        return pd.DataFrame({c: pd.Series([], dtype="str") for c in columns})
    return pd.DataFrame(rows, columns=columns).astype("str")


def _by_code(df: pd.DataFrame, key: str) -> dict[str, pd.Series]:
    out: dict[str, pd.Series] = {}
    for _, row in df.iterrows():
        out[fmt(row[key])] = row
    return out


# What _product_value reads: a product whose raw values are all equal has no changed field.
_PRODUCT_RAW = (*PRODUCT_FIELDS, "start_text", "end_text", "gcm_all")


def _unchanged_codes(old: pd.DataFrame, new: pd.DataFrame) -> set[str]:
    """Codes whose product row (the last one of the code) is raw-equal on both sides."""
    cols = [c for c in ("code", *_PRODUCT_RAW) if c in old.columns and c in new.columns]
    if "code" not in cols or not len(old) or not len(new):
        return set()

    def hashes(df: pd.DataFrame) -> dict[str, int]:
        parts = {}
        for col in cols:
            values = df[col]
            if values.dtype == object:  # lists: repr tells 1 from "1" and None from "None"
                values = values.map(repr).astype("str")
            parts[col] = values.reset_index(drop=True)
        h = pd.util.hash_pandas_object(pd.DataFrame(parts), index=False)
        return dict(zip([fmt(c) for c in df["code"]], h.tolist(), strict=True))

    h_old, h_new = hashes(old), hashes(new)
    return {c for c, h in h_new.items() if h_old.get(c) == h}


def _products(old: pd.DataFrame, new: pd.DataFrame) -> tuple[list, list, list]:
    # only products that differ in some raw value are read field by field
    same = _unchanged_codes(old, new)
    if same:
        old = old[[fmt(c) not in same for c in old["code"]]]
        new = new[[fmt(c) not in same for c in new["code"]]]
    o, n = _by_code(old, "code"), _by_code(new, "code")
    added = [
        {"code": c, "activity": fmt(r.get("activity")), "name": fmt(r.get("name"))}
        for c, r in n.items()
        if c not in o
    ]
    removed = [
        {"code": c, "activity": fmt(r.get("activity")), "name": fmt(r.get("name"))}
        for c, r in o.items()
        if c not in n
    ]
    changed = []
    for code, nrow in n.items():
        if code not in o:
            continue
        orow = o[code]
        for f in PRODUCT_FIELDS:
            before, after = _product_value(orow, f), _product_value(nrow, f)
            if before != after:
                changed.append(
                    {
                        "code": code,
                        "field": f,
                        "header": _header(model.PRODUCTS, f),
                        "old": before,
                        "new": after,
                    }
                )
    return added, removed, changed


def _progress_rows(df: pd.DataFrame) -> list[tuple[str, ...]]:
    cols = [c for c in PROGRESS_KEY if c in df.columns]
    return [tuple(fmt(v) for v in values) for values in df[cols].itertuples(index=False, name=None)]


def _row_hashes(df: pd.DataFrame, cols: list[str]) -> pd.Series:
    """One hash per log entry over its raw values, such that equal hashes mean equal text.

    Dates and numbers are brought to one resolution/type first (exact), so that the same entry
    read back from the store or from a workbook hashes alike; any other column that is not text
    is hashed as its display text (slow, but never seen in a loaded plan).
    """
    parts = {}
    for col in cols:
        values = df[col]
        if pd.api.types.is_datetime64_any_dtype(values) and values.dt.tz is None:
            values = values.dt.as_unit("ns")
        elif pd.api.types.is_bool_dtype(values):
            values = values.map(fmt).astype("str")
        elif pd.api.types.is_numeric_dtype(values):
            values = values.astype("float64")
        elif values.dtype != "str":
            values = values.map(fmt).astype("str")
        parts[col] = values.reset_index(drop=True)
    return pd.util.hash_pandas_object(pd.DataFrame(parts), index=False)


def _unmatched(own: pd.Series, other: pd.Series) -> list[int]:
    """Positions of the entries of `own` left once each is paired with an equal one in
    `other`: of n copies against m, the first n - m in log order (as a multiset difference)."""
    seen = own.groupby(own, sort=False).cumcount()
    mine = own.map(own.value_counts())
    theirs = own.map(other.value_counts()).fillna(0)
    return [i for i, keep in enumerate((seen < mine - theirs).tolist()) if keep]


def _progress(old: pd.DataFrame, new: pd.DataFrame) -> tuple[list, list, list]:
    """Entries only in the new log and only in the old one (counted as multisets), and the
    corrections among them (see _corrections).

    Only the entries whose raw values find no partner are formatted: at 50,000 reports the
    formatting of every cell was most of a comparison's time.
    """
    cols = [c for c in PROGRESS_KEY if c in new.columns]
    if cols == [c for c in PROGRESS_KEY if c in old.columns] and len(old) and len(new):
        h_old, h_new = _row_hashes(old, cols), _row_hashes(new, cols)
        old = old.iloc[_unmatched(h_old, h_new)]
        new = new.iloc[_unmatched(h_new, h_old)]
    old_rows, new_rows = _progress_rows(old), _progress_rows(new)
    before, after = Counter(old_rows), Counter(new_rows)
    added = after - before
    gone = before - after

    def rows(counter: Counter, order: list[tuple[str, ...]]) -> list[dict]:
        left = Counter(counter)
        out = []
        for entry in order:
            if left[entry] > 0:
                left[entry] -= 1
                out.append(dict(zip(PROGRESS_KEY, entry, strict=False)))
        return out

    return _corrections(rows(added, new_rows), rows(gone, old_rows))


def _corrections(added: list[dict], gone: list[dict]) -> tuple[list, list, list]:
    """Pairs an entry only in the new log with one only in the old log of the same product and
    date: (new, removed, corrected rows). Of several old entries of that key, the one with the
    most equal fields (the first of those) is the one corrected."""
    pending: dict[tuple[str, ...], list[dict]] = {}
    for entry in gone:
        pending.setdefault(tuple(entry[k] for k in CORRECTION_KEY), []).append(entry)
    new, corrected, paired = [], [], set()
    for entry in added:
        candidates = [
            o for o in pending.get(tuple(entry[k] for k in CORRECTION_KEY), [])
            if id(o) not in paired
        ]  # fmt: skip
        if not candidates:
            new.append(entry)
            continue
        old = max(candidates, key=lambda o: sum(o[f] == entry[f] for f in CORRECTION_FIELDS))
        paired.add(id(old))
        for f in CORRECTION_FIELDS:
            if old[f] != entry[f]:
                corrected.append(
                    {
                        "date": entry["date"],
                        "code": entry["code"],
                        "field": f,
                        "header": _header(model.PROGRESS, f),
                        "old": old[f],
                        "new": entry[f],
                    }
                )
    removed = [o for o in gone if id(o) not in paired]
    return new, removed, corrected


def _reported_status(plan: model.Plan) -> dict[str, tuple[str, str]]:
    """(status, percent) as text of each product that has a report, in plan order: the rows
    of metrics.latest_status (the one rule of "the latest entry")."""
    latest = metrics.latest_status(plan)
    reported = latest[latest["n_reports"] > 0]
    return {
        fmt(c): (fmt(s), fmt(p))
        for c, s, p in zip(reported["code"], reported["status"], reported["percent"], strict=True)
    }


def _status(old: model.Plan, new: model.Plan) -> list[dict]:
    before, after = _reported_status(old), _reported_status(new)
    names = {
        fmt(c): fmt(nm) for c, nm in zip(new.products["code"], new.products["name"], strict=True)
    }
    for c, nm in zip(old.products["code"], old.products["name"], strict=True):
        names.setdefault(fmt(c), fmt(nm))
    order = list(dict.fromkeys([*after.keys(), *before.keys()]))
    out = []
    for code in order:
        b = before.get(code, (model.NO_REPORT, ""))
        a = after.get(code, (model.NO_REPORT, ""))
        if a != b:
            out.append(
                {
                    "code": code,
                    "name": names.get(code, ""),
                    "old_status": b[0],
                    "new_status": a[0],
                    "old_percent": b[1],
                    "new_percent": a[1],
                }
            )
    return out


def _structure(old: model.Plan, new: model.Plan) -> list[dict]:
    out: list[dict] = []
    for key, idx, fields in _STRUCTURE:
        sheet = model.SHEETS_BY_KEY[key]
        o_df, n_df = getattr(old, key), getattr(new, key)
        if idx not in o_df.columns or idx not in n_df.columns:
            continue
        o, n = _by_code(o_df, idx), _by_code(n_df, idx)
        for k, r in n.items():
            if k not in o:
                out.append(
                    {
                        "sheet": sheet.name,
                        "key": k,
                        "change": "added",
                        "field": "",
                        "old": "",
                        "new": fmt(r.get(fields[-1] if key != "agencies" else "name_es")),
                    }
                )
        for k, r in o.items():
            if k not in n:
                out.append(
                    {
                        "sheet": sheet.name,
                        "key": k,
                        "change": "removed",
                        "field": "",
                        "old": fmt(r.get(fields[-1] if key != "agencies" else "name_es")),
                        "new": "",
                    }
                )
        for k, nrow in n.items():
            if k not in o:
                continue
            for f in fields:
                before, after = fmt(o[k].get(f)), fmt(nrow.get(f))
                if before != after:
                    out.append(
                        {
                            "sheet": sheet.name,
                            "key": k,
                            "change": "changed",
                            "field": _header(sheet, f),
                            "old": before,
                            "new": after,
                        }
                    )
    o_meta, n_meta = dict(old.meta or {}), dict(new.meta or {})
    for k in sorted(set(o_meta) | set(n_meta)):
        before, after = fmt(o_meta.get(k)), fmt(n_meta.get(k))
        if before != after:
            change = "added" if k not in o_meta else "removed" if k not in n_meta else "changed"
            out.append(
                {
                    "sheet": model.META.name,
                    "key": k,
                    "change": change,
                    "field": "",
                    "old": before,
                    "new": after,
                }
            )
    return out


def diff_plans(old: model.Plan, new: model.Plan) -> Changes:
    """Compare two plans table by table (never mutates them)."""
    added, removed, changed = _products(old.products, new.products)
    new_progress, removed_progress, corrected = _progress(old.progress, new.progress)
    return Changes(
        added=_frame(added, ADDED_COLUMNS),
        removed=_frame(removed, ADDED_COLUMNS),
        changed=_frame(changed, CHANGED_COLUMNS),
        new_progress=_frame(new_progress, PROGRESS_OUT_COLUMNS),
        removed_progress=_frame(removed_progress, PROGRESS_OUT_COLUMNS),
        status_changes=_frame(_status(old, new), STATUS_COLUMNS),
        structure=_frame(_structure(old, new), STRUCTURE_COLUMNS),
        corrected_progress=_frame(corrected, CORRECTED_COLUMNS),
    )

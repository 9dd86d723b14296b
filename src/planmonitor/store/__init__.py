"""Versions of the data: an append-only store (SQLite by default, PostgreSQL by URL).

Every upload, rollback and the initial seed is a version: a row in `versions`, the uploaded
file byte for byte in `files`, and the full resulting plan in `snapshots` (JSON of the tables,
with dtypes, so that it round-trips exactly). Nothing is ever updated or deleted.

Writes take one lock for the whole transaction (SQLite: BEGIN IMMEDIATE with a busy timeout;
PostgreSQL: a transaction-level advisory lock), so the parent of a new version is always the
version that was current when it was written, ids follow commit order, and a crash leaves no
half-written version.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sys
import time
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from planmonitor import model
from planmonitor.analysis.diff import Changes, diff_plans
from planmonitor.i18n import t
from planmonitor.reading.validate import Rule

URL_ENV = "PLANMONITOR_DATABASE_URL"
REPO_ROOT = Path(__file__).resolve().parents[3]
DATA_DIR = REPO_ROOT / "data"
SQLITE_NAME = "planmonitor.sqlite"
SEED_FILES: tuple[str, ...] = ("plan-de-trabajo-2023-2024.xlsx", "avances-ejemplo.xlsx")

# A bound on what is read at all; the loader has its own finer checks (zip ratio, XML).
MAX_UPLOAD_BYTES = 20 * 1024 * 1024

# An upload that removes any product, or more than this share of the progress log, needs an
# explicit confirmation (a checkbox on the page, --allow-removals on the command line).
REMOVED_PROGRESS_SHARE = 0.2

# Test hook: seconds to sleep inside the write transaction, after the version row is written
# and before the commit (the crash test kills the process during this sleep).
SLEEP_ENV = "PLANMONITOR_TEST_SLEEP_IN_COMMIT"

# Key of the PostgreSQL advisory lock that serialises writers (any constant of the app).
_PG_LOCK_KEY = 0x706C616E  # "plan"
SNAPSHOT_FORMAT = 1

metadata = sa.MetaData()
versions_table = sa.Table(
    "versions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("author", sa.String(200), nullable=False),
    sa.Column("filename", sa.String(500), nullable=False),
    sa.Column("sha256", sa.String(64), nullable=False),
    sa.Column("note", sa.Text, nullable=False, default=""),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("parent_id", sa.Integer, sa.ForeignKey("versions.id"), nullable=True),
    sa.Column("restored_from", sa.Integer, sa.ForeignKey("versions.id"), nullable=True),
    sa.Column("sheets", sa.Text, nullable=False, default=""),
    sa.Column("content_sha256", sa.String(64), nullable=False),
)
files_table = sa.Table(
    "files",
    metadata,
    sa.Column("version_id", sa.Integer, sa.ForeignKey("versions.id"), primary_key=True),
    sa.Column("bytes", sa.LargeBinary, nullable=False),
)
snapshots_table = sa.Table(
    "snapshots",
    metadata,
    sa.Column("version_id", sa.Integer, sa.ForeignKey("versions.id"), primary_key=True),
    sa.Column("format", sa.Integer, nullable=False),
    sa.Column("plan", sa.LargeBinary, nullable=False),  # zlib(JSON), see plan_to_json
    sa.Column("issues", sa.LargeBinary, nullable=False),  # zlib(JSON) of the warnings
)

VERSION_COLUMNS = [
    "id",
    "created_at",
    "author",
    "filename",
    "sha256",
    "note",
    "kind",
    "parent_id",
    "restored_from",
    "sheets",
]


class StoreError(RuntimeError):
    """A store operation that cannot be done; the message is for the user (Spanish)."""


# --------------------------------------------------------------------------------------------
# Plan <-> JSON, exact round trip (dtypes, NaT, lists, nullable integers)
# --------------------------------------------------------------------------------------------
def _enc(v: object) -> object:
    """One object-column cell as JSON; non-JSON types carry a "$" tag."""
    if v is None or isinstance(v, (str, bool)):
        return v
    if isinstance(v, int) and not isinstance(v, np.integer):
        return v
    if isinstance(v, float) and not isinstance(v, np.floating):
        return v
    if v is pd.NaT:
        return {"$nat": 1}
    if v is pd.NA:
        return {"$na": 1}
    if isinstance(v, list):
        return [_enc(x) for x in v]
    if isinstance(v, tuple):
        return {"$tuple": [_enc(x) for x in v]}
    if isinstance(v, pd.Timestamp):
        return {"$ts": v.isoformat(), "unit": v.unit, "tz": str(v.tz) if v.tz else None}
    if isinstance(v, np.ndarray):
        return {"$nd": v.dtype.str, "v": [_enc(x) for x in v.tolist()]}
    if isinstance(v, np.generic):
        return {"$np": v.dtype.str, "v": v.item()}
    if isinstance(v, dt.datetime):
        return {"$dt": v.isoformat()}
    if isinstance(v, dt.date):
        return {"$date": v.isoformat()}
    if isinstance(v, dict):
        return {"$dict": [[_enc(k), _enc(x)] for k, x in v.items()]}
    raise TypeError(f"cannot store a {type(v).__name__} in a snapshot")


def _dec(v: object) -> object:
    if isinstance(v, list):
        return [_dec(x) for x in v]
    if not isinstance(v, dict):
        return v
    if "$nat" in v:
        return pd.NaT
    if "$na" in v:
        return pd.NA
    if "$tuple" in v:
        return tuple(_dec(x) for x in v["$tuple"])
    if "$ts" in v:
        ts = pd.Timestamp(v["$ts"])
        return ts.as_unit(v["unit"])
    if "$nd" in v:
        return np.array([_dec(x) for x in v["v"]], dtype=np.dtype(v["$nd"]))
    if "$np" in v:
        return np.dtype(v["$np"]).type(v["v"])
    if "$dt" in v:
        return dt.datetime.fromisoformat(v["$dt"])
    if "$date" in v:
        return dt.date.fromisoformat(v["$date"])
    if "$dict" in v:
        return {_dec(k): _dec(x) for k, x in v["$dict"]}
    raise ValueError(f"unknown tag in a snapshot: {sorted(v)}")


def _encode_series(s: pd.Series) -> dict:
    dtype = s.dtype
    out: dict = {"name": _enc(s.name), "dtype": str(dtype)}
    if isinstance(dtype, np.dtype) and dtype.kind in "mM":
        ints = s.to_numpy().view("i8")
        mask = s.isna().to_numpy()
        out["values"] = [None if m else int(i) for i, m in zip(ints, mask, strict=True)]
    elif isinstance(dtype, pd.CategoricalDtype):
        out["categories"] = _encode_series(pd.Series(dtype.categories))
        out["ordered"] = bool(dtype.ordered)
        out["values"] = [int(c) for c in s.cat.codes]
    elif isinstance(dtype, np.dtype) and dtype.kind in "biuf":
        out["values"] = s.to_numpy().tolist()
    elif isinstance(dtype, np.dtype) and dtype.kind == "O":
        out["values"] = [_enc(v) for v in s.tolist()]
    else:  # extension dtypes: str, string, Int64, boolean, Float64…
        mask = s.isna().to_numpy()
        out["values"] = [None if m else _enc(v) for v, m in zip(s.tolist(), mask, strict=True)]
    return out


def _decode_series(d: dict, index: pd.Index) -> pd.Series:
    dtype_s, values, name = d["dtype"], d["values"], _dec(d["name"])
    if "categories" in d:
        cats = _decode_series(d["categories"], pd.RangeIndex(len(d["categories"]["values"])))
        cat = pd.Categorical.from_codes(values, categories=cats, ordered=d["ordered"])
        return pd.Series(cat, index=index, name=name)
    dtype = pd.api.types.pandas_dtype(dtype_s)
    if isinstance(dtype, np.dtype) and dtype.kind in "mM":
        nat = np.iinfo("i8").min
        ints = np.array([nat if v is None else v for v in values], dtype="i8")
        return pd.Series(ints.view(dtype), index=index, name=name)
    if isinstance(dtype, np.dtype) and dtype.kind in "biuf":
        return pd.Series(np.array(values, dtype=dtype), index=index, name=name)
    if isinstance(dtype, np.dtype) and dtype.kind == "O":
        arr = np.empty(len(values), dtype=object)
        for i, v in enumerate(values):
            arr[i] = _dec(v)
        return pd.Series(arr, index=index, name=name, dtype=object)
    return pd.Series([_dec(v) for v in values], index=index, name=name, dtype=dtype)


def frame_to_json(df: pd.DataFrame) -> dict:
    default_index = isinstance(df.index, pd.RangeIndex) and df.index.equals(pd.RangeIndex(len(df)))
    return {
        "index": None if default_index else _encode_series(df.index.to_series()),
        "columns": [_encode_series(df.iloc[:, i]) for i in range(df.shape[1])],
        "length": len(df),
    }


def frame_from_json(d: dict) -> pd.DataFrame:
    if d["index"] is None:
        index: pd.Index = pd.RangeIndex(d["length"])
    else:
        index = pd.Index(_decode_series(d["index"], pd.RangeIndex(d["length"])))
        index.name = _dec(d["index"]["name"])
    cols = [_decode_series(c, index) for c in d["columns"]]
    if not cols:
        return pd.DataFrame(index=index)
    return pd.concat(cols, axis=1, keys=[c.name for c in cols]) if cols else pd.DataFrame()


_TABLES = ("objectives", "strategies", "activities", "products", "agencies", "gcm", "progress")


def plan_to_json(plan: model.Plan) -> dict:
    """The whole plan as JSON-able data; `plan_from_json` gives it back exactly."""
    return {
        "tables": {k: frame_to_json(getattr(plan, k)) for k in _TABLES},
        "meta": [[k, _enc(v)] for k, v in (plan.meta or {}).items()],
        "sheets": list(plan.sheets),
    }


def plan_from_json(d: dict) -> model.Plan:
    tables = {k: frame_from_json(v) for k, v in d["tables"].items()}
    return model.Plan(**tables, meta={k: _dec(v) for k, v in d["meta"]}, sheets=tuple(d["sheets"]))


def content_sha256(plan: model.Plan) -> str:
    """Hash of the data itself: the same data read from other rows or sheets hashes the same."""
    tables = {}
    for k in _TABLES:
        df = getattr(plan, k)
        tables[k] = frame_to_json(df.drop(columns=["row"], errors="ignore").reset_index(drop=True))
    payload = {"tables": tables, "meta": sorted([str(k), str(v)] for k, v in plan.meta.items())}
    raw = json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def _pack(obj: object) -> bytes:
    return zlib.compress(json.dumps(obj, ensure_ascii=False).encode("utf-8"), 6)


def _unpack(raw: bytes) -> object:
    return json.loads(zlib.decompress(raw).decode("utf-8"))


def _issues_frame(df: pd.DataFrame | None) -> pd.DataFrame:
    if df is None:
        return model.empty_table(model.ISSUE_COLUMNS)
    return df


# --------------------------------------------------------------------------------------------
# Results
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Preview:
    """What storing a file would do: its issues, or the changes against the current version."""

    ok: bool
    issues: pd.DataFrame  # model.ISSUE_COLUMNS
    filename: str
    sha256: str
    size: int
    base_version_id: int
    sheets: tuple[str, ...] = ()
    plan: model.Plan | None = None
    changes: Changes | None = None
    identical: bool = False  # same data as the base version: nothing to store
    base_progress: int = 0  # progress entries of the base version (for the removal share)

    @property
    def removed_products(self) -> int:
        return 0 if self.changes is None else len(self.changes.removed)

    @property
    def removed_progress(self) -> int:
        return 0 if self.changes is None else len(self.changes.removed_progress)

    @property
    def needs_removal_confirmation(self) -> bool:
        """Removing products, or more than REMOVED_PROGRESS_SHARE of the log, is never silent."""
        if not self.ok or self.identical:
            return False
        many = self.removed_progress > REMOVED_PROGRESS_SHARE * self.base_progress
        return self.removed_products > 0 or (self.removed_progress > 0 and many)

    def removal_text(self, lang: str = "es") -> str:
        """ "3 productos y 40 de los 120 avances del registro" (what confirming would remove)."""
        parts = []
        if self.removed_products == 1:
            parts.append(t("removal.product", lang))
        elif self.removed_products:
            parts.append(t("removal.products", lang, n=self.removed_products))
        if self.removed_progress > REMOVED_PROGRESS_SHARE * self.base_progress:
            parts.append(
                t("removal.progress", lang, n=self.removed_progress, total=self.base_progress)
            )
        return t("removal.and", lang).join(parts)

    @property
    def errors(self) -> pd.DataFrame:
        return self.issues[self.issues["severity"] == model.Severity.ERROR.value]

    @property
    def warnings(self) -> pd.DataFrame:
        return self.issues[self.issues["severity"] != model.Severity.ERROR.value]

    def message(self, lang: str = "es") -> str:
        if not self.ok:
            return t("store.invalid", lang)
        if self.identical:
            return t("store.unchanged", lang, v=self.base_version_id)
        return self.changes.summary(lang) if self.changes is not None else ""


@dataclass(frozen=True)
class CommitResult:
    stored: bool  # False: invalid, or identical to the current data
    version_id: int  # the new version, or the current one when nothing was stored
    preview: Preview
    parent_id: int | None = None
    refused_removals: bool = False  # it would remove data and that was not confirmed

    def message(self, lang: str = "es") -> str:
        if self.stored:
            return t("store.stored", lang, v=self.version_id)
        if self.refused_removals:
            return t("store.removals_refused", lang, what=self.preview.removal_text(lang))
        return self.preview.message(lang)


@dataclass
class _Candidate:
    """A version about to be written."""

    plan: model.Plan
    issues: pd.DataFrame
    data: bytes
    filename: str
    sha256: str
    sheets: tuple[str, ...]
    kind: str
    author: str
    note: str
    restored_from: int | None = None
    content: str = field(default="")


def _issue(rule: str, message: str, message_en: str, value: str = "") -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "sheet": "",
                "row": pd.NA,
                "column": "",
                "rule": rule,
                "severity": model.Severity.ERROR.value,
                "value": value,
                "message": message,
                "message_en": message_en,
            }
        ],
        columns=model.ISSUE_COLUMNS,
    ).astype({"row": "Int64"})


# --------------------------------------------------------------------------------------------
# The store
# --------------------------------------------------------------------------------------------
class Store:
    """Append-only versions of the plan in one database."""

    def __init__(self, engine: Engine, data_dir: Path = DATA_DIR) -> None:
        self.engine = engine
        self.data_dir = Path(data_dir)
        self.is_sqlite = engine.dialect.name == "sqlite"

    # -- locking --------------------------------------------------------------------------
    def _write(self) -> _WriteTx:
        return _WriteTx(self)

    # -- reads ----------------------------------------------------------------------------
    def current_version_id(self) -> int:
        """The latest version's id: one query on the primary key (every rerun calls it)."""
        with self.engine.connect() as c:
            v = c.execute(sa.select(sa.func.max(versions_table.c.id))).scalar()
        if v is None:
            raise StoreError("El almacén de datos está vacío.")
        return int(v)

    def _resolve(self, c: Connection, version_id: int | None) -> int:
        if version_id is None:
            v = c.execute(sa.select(sa.func.max(versions_table.c.id))).scalar()
            if v is None:
                raise StoreError("El almacén de datos está vacío.")
            return int(v)
        exists = c.execute(
            sa.select(versions_table.c.id).where(versions_table.c.id == int(version_id))
        ).scalar()
        if exists is None:
            raise StoreError(t("store.no_version", "es", v=version_id))
        return int(version_id)

    def plan(self, version_id: int | None = None) -> model.Plan:
        """The full plan of a version (the current one by default)."""
        with self.engine.connect() as c:
            v = self._resolve(c, version_id)
            raw = c.execute(
                sa.select(snapshots_table.c.plan).where(snapshots_table.c.version_id == v)
            ).scalar_one()
        return plan_from_json(_unpack(raw))

    def issues(self, version_id: int | None = None) -> pd.DataFrame:
        """The warnings found when that version's data was checked."""
        with self.engine.connect() as c:
            v = self._resolve(c, version_id)
            raw = c.execute(
                sa.select(snapshots_table.c.issues).where(snapshots_table.c.version_id == v)
            ).scalar_one()
        return frame_from_json(_unpack(raw))

    def versions(self) -> pd.DataFrame:
        """Every version, oldest first."""
        cols = [versions_table.c[c] for c in VERSION_COLUMNS]
        with self.engine.connect() as c:
            rows = c.execute(sa.select(*cols).order_by(versions_table.c.id)).all()
        df = pd.DataFrame([tuple(r) for r in rows], columns=VERSION_COLUMNS)
        df["created_at"] = pd.to_datetime(df["created_at"], utc=True)
        for col in ("parent_id", "restored_from"):
            df[col] = df[col].astype("Int64")
        df["id"] = df["id"].astype("int64")
        for col in ("author", "filename", "sha256", "note", "kind", "sheets"):
            df[col] = df[col].astype("str")
        return df

    def version(self, version_id: int) -> dict:
        """One version's row as a dict (raises StoreError when it does not exist)."""
        with self.engine.connect() as c:
            v = self._resolve(c, version_id)
            row = c.execute(
                sa.select(*[versions_table.c[k] for k in VERSION_COLUMNS]).where(
                    versions_table.c.id == v
                )
            ).one()
        return dict(zip(VERSION_COLUMNS, row, strict=True))

    def file_bytes(self, version_id: int) -> bytes:
        """The file stored with a version, byte for byte."""
        with self.engine.connect() as c:
            v = self._resolve(c, version_id)
            return bytes(
                c.execute(
                    sa.select(files_table.c.bytes).where(files_table.c.version_id == v)
                ).scalar_one()
            )

    def diff(self, old_id: int, new_id: int) -> Changes:
        return diff_plans(self.plan(old_id), self.plan(new_id))

    def export_bytes(self, version_id: int | None = None) -> bytes:
        """The full data of a version as a normalised workbook."""
        from planmonitor.output import export

        return export.write_workbook(export.plan_to_sheets(self.plan(version_id)))

    # -- checking an upload -----------------------------------------------------------------
    def _check(
        self,
        data: bytes,
        filename: str,
        base_id: int,
        base: model.Plan,
        append_progress: bool = True,
    ) -> Preview:
        digest = hashlib.sha256(data).hexdigest()
        common = dict(filename=filename, sha256=digest, size=len(data), base_version_id=base_id)
        if len(data) > MAX_UPLOAD_BYTES:
            mb = MAX_UPLOAD_BYTES // (1024 * 1024)
            issues = _issue(
                Rule.FILE_TOO_LARGE.value,
                f"El archivo pesa {len(data) / 1e6:.1f} MB; el máximo es {mb} MB.",
                f"The file is {len(data) / 1e6:.1f} MB; the limit is {mb} MB.",
            )
            return Preview(ok=False, issues=issues, **common)
        from planmonitor.reading.loader import load_workbook

        result = load_workbook(data, base=base, append_progress=append_progress)
        issues = _issues_frame(result.issues)
        if not result.ok or result.plan is None:
            return Preview(ok=False, issues=issues, sheets=tuple(result.sheets), **common)
        changes = diff_plans(base, result.plan)
        identical = content_sha256(result.plan) == content_sha256(base)
        return Preview(
            ok=True,
            issues=issues,
            sheets=tuple(result.sheets),
            plan=result.plan,
            changes=changes,
            identical=identical,
            base_progress=len(base.progress),
            **common,
        )

    def preview(self, data: bytes, filename: str, *, append_progress: bool = True) -> Preview:
        """Load and validate a file against the current version and diff it; writes nothing.

        `append_progress` (the default): a file's `Avances` rows are added to the current log
        (entries it already holds are not added twice), so the monthly update can be just the
        new reports; False replaces the whole log with the file's (to correct or remove
        entries; the removal confirmation then applies).
        """
        base_id = self.current_version_id()
        # The current version's own file changes nothing when added again; replacing the log
        # with it can (that version may have added its reports to a longer log).
        if append_progress and self._sha_of(base_id) == hashlib.sha256(data).hexdigest():
            return self._same_file_preview(data, filename, base_id)
        return self._check(data, filename, base_id, self.plan(base_id), append_progress)

    def _sha_of(self, version_id: int) -> str:
        return str(self.version(version_id)["sha256"])

    def _same_file_preview(self, data: bytes, filename: str, base_id: int) -> Preview:
        # The very file of the current version: recognised without loading it again.
        empty = diff_plans(plan := self.plan(base_id), plan)
        return Preview(
            ok=True,
            issues=self.issues(base_id),
            filename=filename,
            sha256=hashlib.sha256(data).hexdigest(),
            size=len(data),
            base_version_id=base_id,
            plan=plan,
            changes=empty,
            identical=True,
        )

    def commit(
        self,
        data: bytes,
        filename: str,
        author: str,
        note: str = "",
        *,
        allow_removals: bool = True,
        append_progress: bool = True,
    ) -> CommitResult:
        """Validate and store a file as a new version (nothing stored on error or no change).

        The file is checked against the current version first; if another version lands before
        the lock is taken, it is checked again against that one, so a partial upload always
        applies to the version it is written after. With `allow_removals=False` a file that
        would remove products (or much of the progress log) against that version is refused
        (`refused_removals`): the page and the CLI pass it until the person confirmed.
        """
        author = (author or "").strip()
        if not author:
            raise StoreError("Falta el nombre de quien guarda la versión.")
        preview = self.preview(data, filename, append_progress=append_progress)
        if not preview.ok or preview.identical:
            return CommitResult(False, preview.base_version_id, preview)
        if not allow_removals and preview.needs_removal_confirmation:
            return CommitResult(False, preview.base_version_id, preview, refused_removals=True)
        with self._write() as tx:
            current = tx.current_id()
            if current != preview.base_version_id:
                if append_progress and tx.sha_of(current) == preview.sha256:
                    return CommitResult(
                        False, current, self._same_file_preview(data, filename, current)
                    )
                preview = self._check(data, filename, current, tx.plan(current), append_progress)
                if not preview.ok or preview.identical:
                    return CommitResult(False, current, preview)
                if not allow_removals and preview.needs_removal_confirmation:
                    return CommitResult(False, current, preview, refused_removals=True)
            assert preview.plan is not None
            new_id = tx.insert(
                _Candidate(
                    plan=preview.plan,
                    issues=preview.issues,
                    data=data,
                    filename=filename,
                    sha256=preview.sha256,
                    sheets=preview.sheets,
                    kind="upload",
                    author=author,
                    note=note,
                ),
                parent_id=current,
            )
        return CommitResult(True, new_id, preview, parent_id=current)

    def rollback(self, version_id: int, author: str, note: str = "") -> int:
        """Store a new version with the data of an older one; returns its id.

        When that data is already the current data, nothing is stored and the current id is
        returned.
        """
        author = (author or "").strip()
        if not author:
            raise StoreError("Falta el nombre de quien guarda la versión.")
        with self._write() as tx:
            target = tx.resolve(version_id)
            current = tx.current_id()
            row = tx.row(target)
            cur_row = tx.row(current)
            if row["content_sha256"] == cur_row["content_sha256"]:
                return current
            plan = tx.plan(target)
            return tx.insert(
                _Candidate(
                    plan=plan,
                    issues=tx.issues(target),
                    data=tx.file_bytes(target),
                    filename=row["filename"],
                    sha256=row["sha256"],
                    sheets=tuple(s for s in row["sheets"].split(",") if s),
                    kind="rollback",
                    author=author,
                    note=note or t("store.rollback_note", "es", v=target),
                    restored_from=target,
                    content=row["content_sha256"],
                ),
                parent_id=current,
            )

    # -- seeding --------------------------------------------------------------------------
    def ensure_seeded(self, files: Sequence[Path] | None = None) -> None:
        """Store the bundled workbooks as the first versions when the store is empty.

        Safe under concurrency: the emptiness is checked again under the write lock.
        """
        with self.engine.connect() as c:
            if c.execute(sa.select(versions_table.c.id).limit(1)).first() is not None:
                return
        paths = [Path(p) for p in (files or [self.data_dir / n for n in SEED_FILES])]
        candidates = _seed_candidates(paths)
        with self._write() as tx:
            if tx.conn.execute(sa.select(versions_table.c.id).limit(1)).first() is not None:
                return
            parent = None
            for cand in candidates:
                parent = tx.insert(cand, parent_id=parent)

    def dispose(self) -> None:
        self.engine.dispose()


def _seed_candidates(paths: Sequence[Path]) -> list[_Candidate]:
    from planmonitor.reading.loader import load_workbook

    base: model.Plan | None = None
    out = []
    for p in paths:
        if not p.exists():
            raise StoreError(f"Falta el libro inicial {p}; no se puede crear el almacén.")
        data = p.read_bytes()
        result = load_workbook(data, base=base)
        if not result.ok or result.plan is None:
            errors = _issues_frame(result.issues)
            first = errors["message"].head(3).tolist()
            raise StoreError(f"El libro inicial {p.name} tiene errores: {first}")
        base = result.plan
        out.append(
            _Candidate(
                plan=result.plan,
                issues=_issues_frame(result.issues),
                data=data,
                filename=p.name,
                sha256=hashlib.sha256(data).hexdigest(),
                sheets=tuple(result.sheets),
                kind="seed",
                author="planmonitor",
                note="Datos incluidos con la aplicación",
            )
        )
    return out


class _WriteTx:
    """One write transaction holding the store's single writer lock."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.conn: Connection
        self._ctx = None

    def __enter__(self) -> _WriteTx:
        conn = self.store.engine.connect()
        if self.store.is_sqlite:
            conn.execution_options(sqlite_immediate=True)
        self.conn = conn
        self._tx = conn.begin()
        if not self.store.is_sqlite:
            conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK_KEY})
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        try:
            if exc_type is None:
                self._tx.commit()
            else:
                self._tx.rollback()
        finally:
            self.conn.close()

    def current_id(self) -> int:
        return self.resolve(None)

    def resolve(self, version_id: int | None) -> int:
        return self.store._resolve(self.conn, version_id)

    def row(self, version_id: int) -> dict:
        cols = [*VERSION_COLUMNS, "content_sha256"]
        r = self.conn.execute(
            sa.select(*[versions_table.c[k] for k in cols]).where(versions_table.c.id == version_id)
        ).one()
        return dict(zip(cols, r, strict=True))

    def sha_of(self, version_id: int) -> str:
        return str(self.row(version_id)["sha256"])

    def plan(self, version_id: int) -> model.Plan:
        raw = self.conn.execute(
            sa.select(snapshots_table.c.plan).where(snapshots_table.c.version_id == version_id)
        ).scalar_one()
        return plan_from_json(_unpack(raw))

    def issues(self, version_id: int) -> pd.DataFrame:
        raw = self.conn.execute(
            sa.select(snapshots_table.c.issues).where(snapshots_table.c.version_id == version_id)
        ).scalar_one()
        return frame_from_json(_unpack(raw))

    def file_bytes(self, version_id: int) -> bytes:
        return bytes(
            self.conn.execute(
                sa.select(files_table.c.bytes).where(files_table.c.version_id == version_id)
            ).scalar_one()
        )

    def insert(self, cand: _Candidate, parent_id: int | None) -> int:
        res = self.conn.execute(
            versions_table.insert().values(
                created_at=dt.datetime.now(dt.UTC),
                author=cand.author[:200],
                filename=(cand.filename or "")[:500],
                sha256=cand.sha256,
                note=cand.note or "",
                kind=cand.kind,
                parent_id=parent_id,
                restored_from=cand.restored_from,
                sheets=",".join(cand.sheets),
                content_sha256=cand.content or content_sha256(cand.plan),
            )
        )
        new_id = int(res.inserted_primary_key[0])
        sleep = os.environ.get(SLEEP_ENV)
        if sleep:
            print("planmonitor: sleeping in commit", file=sys.stderr, flush=True)
            time.sleep(float(sleep))
        self.conn.execute(files_table.insert().values(version_id=new_id, bytes=cand.data))
        self.conn.execute(
            snapshots_table.insert().values(
                version_id=new_id,
                format=SNAPSHOT_FORMAT,
                plan=_pack(plan_to_json(cand.plan)),
                issues=_pack(frame_to_json(_issues_frame(cand.issues))),
            )
        )
        return new_id


# --------------------------------------------------------------------------------------------
# Opening
# --------------------------------------------------------------------------------------------
def default_url(data_dir: Path | None = None) -> str:
    """The database URL: env PLANMONITOR_DATABASE_URL, else the SQLite file under data/."""
    url = os.environ.get(URL_ENV, "").strip()
    if url:
        return url
    return f"sqlite:///{(Path(data_dir or DATA_DIR) / SQLITE_NAME).resolve()}"


def make_engine(url: str) -> Engine:
    """An engine whose write transactions can take the store's lock."""
    if url.startswith("sqlite"):
        engine = sa.create_engine(url, connect_args={"timeout": 60})

        @sa.event.listens_for(engine, "connect")
        def _connect(dbapi_conn, _record) -> None:
            # Let SQLAlchemy's "begin" event emit BEGIN itself (pysqlite's own is deferred).
            dbapi_conn.isolation_level = None
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA busy_timeout=60000")
            cur.close()

        @sa.event.listens_for(engine, "begin")
        def _begin(conn: Connection) -> None:
            if conn.get_execution_options().get("sqlite_immediate"):
                conn.exec_driver_sql("BEGIN IMMEDIATE")
            else:
                conn.exec_driver_sql("BEGIN")

        return engine
    return sa.create_engine(url, pool_pre_ping=True)


def _create_schema(store: Store) -> None:
    """Create the tables once, under the writer lock (two first starts may race)."""
    with store.engine.connect() as c:
        if sa.inspect(c).has_table("snapshots"):
            return
    with store._write() as tx:
        metadata.create_all(tx.conn, checkfirst=True)


def open_store(
    url: str | None = None,
    data_dir: Path | None = None,
    seed: bool | Sequence[Path] = True,
) -> Store:
    """Open (and create and seed, on first use) the store.

    url None -> env PLANMONITOR_DATABASE_URL -> sqlite:///<data_dir>/planmonitor.sqlite.
    `seed` True seeds from the bundled workbooks in data_dir, a list of paths from those files
    (a plan, then partial updates), False not at all.
    """
    data_dir = Path(data_dir or DATA_DIR)
    url = url or default_url(data_dir)
    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    store = Store(make_engine(url), data_dir)
    _create_schema(store)
    if seed:
        store.ensure_seeded(None if seed is True else list(seed))
    return store

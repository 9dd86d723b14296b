"""The store's tables as the code reads and writes them, and the row-level operations.

Every version is a row in `versions`, the uploaded file byte for byte in `files` and the full
resulting plan in `snapshots` (see codec). Nothing is ever updated or deleted. The tables are
created and changed only by the migrations (store/migrations/); these definitions must match
the head revision (tests/test_store_migrations.py compares them).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from planmonitor import model
from planmonitor.store import codec
from planmonitor.store.errors import StoreError

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
    sa.Column("plan", sa.LargeBinary, nullable=False),  # codec.pack_plan
    sa.Column("issues", sa.LargeBinary, nullable=False),  # codec.pack_frame of the warnings
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


@dataclass
class Candidate:
    """A version about to be written."""

    plan: model.Plan
    issues: pd.DataFrame
    data: bytes
    filename: str
    sha256: str
    sheets: tuple[str, ...]
    kind: str  # seed | upload | rollback
    author: str
    note: str
    restored_from: int | None = None
    content: str = field(default="")  # content_sha256 when already known


def issues_or_empty(df: pd.DataFrame | None) -> pd.DataFrame:
    return model.empty_table(model.ISSUE_COLUMNS) if df is None else df


def latest_id(conn: Connection) -> int | None:
    """The current version's id (None in an empty store): one query on the primary key."""
    v = conn.execute(sa.select(sa.func.max(versions_table.c.id))).scalar()
    return None if v is None else int(v)


def resolve(conn: Connection, version_id: int | None) -> int:
    """The id of an existing version (the current one for None); StoreError otherwise."""
    if version_id is None:
        v = latest_id(conn)
        if v is None:
            raise StoreError("store.err.empty")
        return v
    exists = conn.execute(
        sa.select(versions_table.c.id).where(versions_table.c.id == int(version_id))
    ).scalar()
    if exists is None:
        raise StoreError("store.no_version", v=version_id)
    return int(version_id)


def read_row(conn: Connection, version_id: int) -> dict:
    cols = [*VERSION_COLUMNS, "content_sha256"]
    r = conn.execute(
        sa.select(*[versions_table.c[k] for k in cols]).where(versions_table.c.id == version_id)
    ).one()
    return dict(zip(cols, r, strict=True))


def read_plan(conn: Connection, version_id: int) -> model.Plan:
    raw = conn.execute(
        sa.select(snapshots_table.c.plan).where(snapshots_table.c.version_id == version_id)
    ).scalar_one()
    return codec.unpack_plan(raw)


def read_issues(conn: Connection, version_id: int) -> pd.DataFrame:
    raw = conn.execute(
        sa.select(snapshots_table.c.issues).where(snapshots_table.c.version_id == version_id)
    ).scalar_one()
    return codec.unpack_frame(raw)


def read_file(conn: Connection, version_id: int) -> bytes:
    return bytes(
        conn.execute(
            sa.select(files_table.c.bytes).where(files_table.c.version_id == version_id)
        ).scalar_one()
    )


def read_versions(conn: Connection) -> pd.DataFrame:
    """Every version, oldest first, with stable dtypes."""
    cols = [versions_table.c[c] for c in VERSION_COLUMNS]
    rows = conn.execute(sa.select(*cols).order_by(versions_table.c.id)).all()
    df = pd.DataFrame([tuple(r) for r in rows], columns=VERSION_COLUMNS)
    df["created_at"] = pd.to_datetime(df["created_at"], utc=True)
    for col in ("parent_id", "restored_from"):
        df[col] = df[col].astype("Int64")
    df["id"] = df["id"].astype("int64")
    for col in ("author", "filename", "sha256", "note", "kind", "sheets"):
        df[col] = df[col].astype("str")
    return df


def insert_version(conn: Connection, cand: Candidate, parent_id: int | None) -> int:
    """Write a version's three rows (inside the caller's write transaction); its new id."""
    res = conn.execute(
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
            content_sha256=cand.content or codec.content_sha256(cand.plan),
        )
    )
    new_id = int(res.inserted_primary_key[0])
    conn.execute(files_table.insert().values(version_id=new_id, bytes=cand.data))
    conn.execute(
        snapshots_table.insert().values(
            version_id=new_id,
            format=SNAPSHOT_FORMAT,
            plan=codec.pack_plan(cand.plan),
            issues=codec.pack_frame(issues_or_empty(cand.issues)),
        )
    )
    return new_id

"""The store's tables as the code reads and writes them, and the row-level operations.

The store holds several plans (issue 9): each is a row of `plans` (its id, network, title,
period and its whole description, `model.PlanInfo`, as JSON). Every version is a row in
`versions`, the uploaded file byte for byte in `files` and the full resulting plan in
`snapshots` (see codec); every one of those rows carries its `plan_id`, and every read below
takes the plan it reads from, so a version of one plan is never found through another
(api.PlanStore is the one caller). Versions are never updated or deleted; a plan's row is
rewritten with the description of its latest version. The tables are created and changed only
by the migrations (store/migrations/); these definitions must match the head revision
(tests/test_store_migrations.py compares them).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from dataclasses import dataclass, field

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from planmonitor import model
from planmonitor.store import codec
from planmonitor.store.errors import StoreError

SNAPSHOT_FORMAT = 1

PLAN_ID_LENGTH = 80

metadata = sa.MetaData()
plans_table = sa.Table(
    "plans",
    metadata,
    sa.Column("plan_id", sa.String(PLAN_ID_LENGTH), primary_key=True),
    sa.Column("network_id", sa.String(PLAN_ID_LENGTH), nullable=False),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("start", sa.Date, nullable=False),
    sa.Column("end", sa.Date, nullable=False),
    sa.Column("info", sa.Text, nullable=False),  # codec.info_to_json, as JSON text
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
)


def _plan_key(table: str) -> sa.Column:
    """The plan a row belongs to (revision 0002 adds it to every per-plan table)."""
    return sa.Column(
        "plan_id",
        sa.String(PLAN_ID_LENGTH),
        sa.ForeignKey("plans.plan_id", name=f"fk_{table}_plan_id"),
        nullable=False,
        index=True,
    )


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
    _plan_key("versions"),
)
files_table = sa.Table(
    "files",
    metadata,
    sa.Column("version_id", sa.Integer, sa.ForeignKey("versions.id"), primary_key=True),
    sa.Column("bytes", sa.LargeBinary, nullable=False),
    _plan_key("files"),
)
snapshots_table = sa.Table(
    "snapshots",
    metadata,
    sa.Column("version_id", sa.Integer, sa.ForeignKey("versions.id"), primary_key=True),
    sa.Column("format", sa.Integer, nullable=False),
    sa.Column("plan", sa.LargeBinary, nullable=False),  # codec.pack_plan
    sa.Column("issues", sa.LargeBinary, nullable=False),  # codec.pack_frame of the warnings
    _plan_key("snapshots"),
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


def named_plan_id(plan: model.Plan | None) -> str | None:
    """The plan a loaded workbook names, or None when it states none: the loader gives a
    workbook without a «Plan» sheet the inferred description, id "plan" with its period
    inferred (docs/plans-as-data.md §3)."""
    if plan is None or plan.info is None:
        return None
    info = plan.info
    if info.period_inferred and info.plan_id == model.inferred_info(plan).plan_id:
        return None
    return info.plan_id


def issues_or_empty(df: pd.DataFrame | None) -> pd.DataFrame:
    return model.empty_table(model.ISSUE_COLUMNS) if df is None else df


def latest_id(conn: Connection, plan_id: str) -> int | None:
    """A plan's current version id (None when it has none): one query on an index."""
    v = conn.execute(
        sa.select(sa.func.max(versions_table.c.id)).where(versions_table.c.plan_id == plan_id)
    ).scalar()
    return None if v is None else int(v)


def resolve(conn: Connection, plan_id: str, version_id: int | None) -> int:
    """The id of an existing version of the plan (its current one for None); StoreError
    otherwise, also for a version that belongs to another plan."""
    if version_id is None:
        v = latest_id(conn, plan_id)
        if v is None:
            raise StoreError("store.err.empty")
        return v
    try:
        wanted = int(version_id)
    except (TypeError, ValueError) as exc:
        raise StoreError("store.no_version", v=version_id) from exc
    exists = conn.execute(
        sa.select(versions_table.c.id).where(
            versions_table.c.id == wanted, versions_table.c.plan_id == plan_id
        )
    ).scalar()
    if exists is None:
        raise StoreError("store.no_version", v=version_id)
    return wanted


def read_row(conn: Connection, plan_id: str, version_id: int) -> dict:
    cols = [*VERSION_COLUMNS, "content_sha256"]
    r = conn.execute(
        sa.select(*[versions_table.c[k] for k in cols]).where(
            versions_table.c.id == version_id, versions_table.c.plan_id == plan_id
        )
    ).one()
    return dict(zip(cols, r, strict=True))


def _snapshot(conn: Connection, plan_id: str, version_id: int, column: str) -> bytes:
    s = snapshots_table
    return conn.execute(
        sa.select(s.c[column]).where(s.c.version_id == version_id, s.c.plan_id == plan_id)
    ).scalar_one()


def read_plan(conn: Connection, plan_id: str, version_id: int) -> model.Plan:
    return codec.unpack_plan(_snapshot(conn, plan_id, version_id, "plan"))


def read_issues(conn: Connection, plan_id: str, version_id: int) -> pd.DataFrame:
    return codec.unpack_frame(_snapshot(conn, plan_id, version_id, "issues"))


def read_file(conn: Connection, plan_id: str, version_id: int) -> bytes:
    f = files_table
    return bytes(
        conn.execute(
            sa.select(f.c.bytes).where(f.c.version_id == version_id, f.c.plan_id == plan_id)
        ).scalar_one()
    )


def read_versions(conn: Connection, plan_id: str) -> pd.DataFrame:
    """Every version of a plan, oldest first, with stable dtypes."""
    cols = [versions_table.c[c] for c in VERSION_COLUMNS]
    rows = conn.execute(
        sa.select(*cols).where(versions_table.c.plan_id == plan_id).order_by(versions_table.c.id)
    ).all()
    df = pd.DataFrame([tuple(r) for r in rows], columns=VERSION_COLUMNS)
    df["created_at"] = pd.to_datetime(df["created_at"], utc=True)
    for col in ("parent_id", "restored_from"):
        df[col] = df[col].astype("Int64")
    df["id"] = df["id"].astype("int64")
    for col in ("author", "filename", "sha256", "note", "kind", "sheets"):
        df[col] = df[col].astype("str")
    return df


# --------------------------------------------------------------------------------------------
# The plans
# --------------------------------------------------------------------------------------------
PLAN_ROW_COLUMNS = ["plan_id", "network_id", "title", "start", "end", "info", "created_at"]


def plan_values(info: model.PlanInfo) -> dict:
    """The columns of a plan's row that its description gives."""
    return {
        "network_id": (info.network_id or "")[:PLAN_ID_LENGTH],
        "title": info.title or "",
        "start": pd.Timestamp(info.start).date(),
        "end": pd.Timestamp(info.end).date(),
        "info": json.dumps(codec.info_to_json(info), ensure_ascii=False, sort_keys=True),
    }


def plan_ids(conn: Connection) -> list[str]:
    return [str(r) for r in conn.execute(sa.select(plans_table.c.plan_id)).scalars()]


def plan_exists(conn: Connection, plan_id: str) -> bool:
    q = sa.select(plans_table.c.plan_id).where(plans_table.c.plan_id == plan_id)
    return conn.execute(q).first() is not None


def read_periods(conn: Connection) -> list[tuple[str, object, object]]:
    """(plan_id, start, end) of every plan: what choosing the default plan needs."""
    p = plans_table
    return [tuple(r) for r in conn.execute(sa.select(p.c.plan_id, p.c.start, p.c.end)).all()]


def read_plans(conn: Connection) -> list[tuple[model.PlanInfo, int | None, int]]:
    """Every plan: its description, current version id and number of versions."""
    v = versions_table
    counts = (
        sa.select(
            v.c.plan_id,
            sa.func.max(v.c.id).label("current"),
            sa.func.count(v.c.id).label("n"),
        )
        .group_by(v.c.plan_id)
        .subquery()
    )
    p = plans_table
    q = (
        sa.select(p.c.info, counts.c.current, counts.c.n)
        .select_from(p.outerjoin(counts, counts.c.plan_id == p.c.plan_id))
        .order_by(p.c.start, p.c.plan_id)
    )
    out = []
    for info, current, n in conn.execute(q).all():
        out.append(
            (
                codec.info_from_json(json.loads(info)),
                None if current is None else int(current),
                int(n or 0),
            )
        )
    return out


def save_plan(conn: Connection, info: model.PlanInfo) -> None:
    """Create the plan's row, or rewrite it with this (its latest) description."""
    values = plan_values(info)
    if plan_exists(conn, info.plan_id):
        conn.execute(
            plans_table.update().where(plans_table.c.plan_id == info.plan_id).values(**values)
        )
    else:
        conn.execute(
            plans_table.insert().values(
                plan_id=info.plan_id, created_at=dt.datetime.now(dt.UTC), **values
            )
        )


def insert_version(conn: Connection, plan_id: str, cand: Candidate, parent_id: int | None) -> int:
    """Write a version of a plan (inside the caller's write transaction); its new id.

    The plan's row is created, or rewritten with the description of this version, first.
    """
    info = cand.plan.info
    assert info is not None
    save_plan(conn, info if info.plan_id == plan_id else dataclasses.replace(info, plan_id=plan_id))
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
            plan_id=plan_id,
        )
    )
    new_id = int(res.inserted_primary_key[0])
    conn.execute(files_table.insert().values(version_id=new_id, bytes=cand.data, plan_id=plan_id))
    conn.execute(
        snapshots_table.insert().values(
            version_id=new_id,
            format=SNAPSHOT_FORMAT,
            plan=codec.pack_plan(cand.plan),
            issues=codec.pack_frame(issues_or_empty(cand.issues)),
            plan_id=plan_id,
        )
    )
    return new_id

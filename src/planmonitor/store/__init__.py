"""Versions of the data: an append-only store (SQLite by default, PostgreSQL by URL).

The store holds several plans (issue 9), each with its own versions, files, progress log and
decisions; every upload, rollback and the initial seed is a version of one plan, and nothing
is ever updated or deleted. The package, by concern:
    api         Store (the plans, routing an upload to its plan), PlanStore (one plan's
                reads, preview, commit, rollback, decisions), default_plan_id, open_store
    engine      the database URL, the engine, the single writer lock, database errors
    schema      the tables and the row-level reads and writes of a version
    codec       a Plan / DataFrame as JSON and back, exactly; the content hash
    results     Preview and CommitResult, what checking and storing a file answer
    policy      the upload size bound and what removing data needs
    seed        the first versions: the bundled workbooks
    migrations  the schema's Alembic revisions, run by open_store
    decisions   the Executive Committee's decisions, on the same database
    errors      StoreError and StoreUnavailable, said in either language

`from planmonitor import store; store.open_store(...)` is the way in; the names below are
the package's public API.
"""

from __future__ import annotations

from planmonitor.store.api import (
    PLANS_COLUMNS,
    PlanStore,
    Store,
    default_plan_id,
    open_store,
    workbook_plan_id,
)
from planmonitor.store.codec import (
    content_sha256,
    frame_from_json,
    frame_to_json,
    plan_from_json,
    plan_to_json,
)
from planmonitor.store.engine import (
    DATA_DIR,
    SQLITE_NAME,
    URL_ENV,
    default_url,
    make_engine,
    unavailable,
)
from planmonitor.store.errors import StoreError, StoreUnavailable
from planmonitor.store.policy import MAX_UPLOAD_BYTES, REMOVED_PROGRESS_SHARE
from planmonitor.store.results import CommitResult, Preview
from planmonitor.store.schema import (
    VERSION_COLUMNS,
    files_table,
    metadata,
    plans_table,
    snapshots_table,
    versions_table,
)
from planmonitor.store.seed import SEED_FILES

__all__ = [
    "DATA_DIR",
    "MAX_UPLOAD_BYTES",
    "PLANS_COLUMNS",
    "REMOVED_PROGRESS_SHARE",
    "SEED_FILES",
    "SQLITE_NAME",
    "URL_ENV",
    "VERSION_COLUMNS",
    "CommitResult",
    "PlanStore",
    "Preview",
    "Store",
    "StoreError",
    "StoreUnavailable",
    "content_sha256",
    "default_plan_id",
    "default_url",
    "files_table",
    "frame_from_json",
    "frame_to_json",
    "make_engine",
    "metadata",
    "open_store",
    "plan_from_json",
    "plan_to_json",
    "plans_table",
    "snapshots_table",
    "unavailable",
    "versions_table",
    "workbook_plan_id",
]

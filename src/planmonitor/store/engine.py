"""Where the store lives and how writers take turns: the URL, the engine, the write lock.

One lock serialises every write (a version, a decision, a schema migration), so the parent of
a new version is always the version that was current when it was written, ids follow commit
order, and a crash leaves nothing half-written:
- SQLite: BEGIN IMMEDIATE (the database's write lock) with a busy timeout;
- PostgreSQL: a transaction-level advisory lock, released by the commit or the rollback.

Database errors that mean "this database cannot be used" (a malformed URL, a missing driver,
a server that does not answer, a file locked by another program) become `StoreUnavailable`
with the reason, through `unavailable()`.
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from planmonitor.store.errors import StoreUnavailable

URL_ENV = "PLANMONITOR_DATABASE_URL"
REPO_ROOT = Path(__file__).resolve().parents[3]
DATA_DIR = REPO_ROOT / "data"
SQLITE_NAME = "planmonitor.sqlite"

# How long a writer waits for another one on SQLite before giving up with "locked".
LOCK_TIMEOUT_S = 60.0

# Key of the PostgreSQL advisory lock that serialises writers (any constant of the app).
PG_LOCK_KEY = 0x706C616E  # "plan"


def default_url(data_dir: Path | None = None) -> str:
    """The database URL: env PLANMONITOR_DATABASE_URL, else the SQLite file under data/."""
    url = os.environ.get(URL_ENV, "").strip()
    if url:
        return url
    return f"sqlite:///{(Path(data_dir or DATA_DIR) / SQLITE_NAME).resolve()}"


def shown_url(url: str) -> str:
    """The URL as a message may show it: never its password."""
    try:
        return sa.engine.make_url(url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - a malformed URL: mask what looks like a password
        return re.sub(r"(//[^:/@]*):[^@]*@", r"\1:***@", url)


def make_engine(url: str) -> Engine:
    """An engine whose write transactions can take the store's lock.

    Raises StoreUnavailable for a malformed URL or a database kind without a driver here.
    """
    try:
        parsed = sa.engine.make_url(url)
    except (sa.exc.ArgumentError, ValueError) as exc:
        raise StoreUnavailable("url", url=shown_url(url)) from exc
    if parsed.get_backend_name() not in {"sqlite", "postgresql"}:
        raise StoreUnavailable("unsupported", url=shown_url(url))
    try:
        if parsed.get_backend_name() == "sqlite":
            return _sqlite_engine(url)
        return sa.create_engine(url, pool_pre_ping=True)
    except (sa.exc.NoSuchModuleError, ImportError) as exc:
        raise StoreUnavailable("driver", url=shown_url(url)) from exc
    except (sa.exc.ArgumentError, ValueError) as exc:
        raise StoreUnavailable("url", url=shown_url(url)) from exc


def _sqlite_engine(url: str) -> Engine:
    engine = sa.create_engine(url, connect_args={"timeout": LOCK_TIMEOUT_S})

    @sa.event.listens_for(engine, "connect")
    def _connect(dbapi_conn, _record) -> None:
        # Let SQLAlchemy's "begin" event emit BEGIN itself (pysqlite's own is deferred).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")  # the busy timeout is the connect timeout
        cur.close()

    @sa.event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        if conn.get_execution_options().get("sqlite_immediate"):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.exec_driver_sql("BEGIN")

    return engine


@contextmanager
def write_lock(engine: Engine, *, schema_change: bool = False) -> Iterator[Connection]:
    """One write transaction holding the store's single writer lock; commits on success.

    `schema_change` (migrations) on SQLite turns foreign keys off around the transaction, as
    SQLite's documented procedure for altering tables asks (a batch migration copies a table
    that other tables reference), and checks them before the commit.
    """
    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as conn:
        if sqlite and schema_change:
            # outside any transaction: the pragma is a no-op inside one
            conn.connection.dbapi_connection.execute("PRAGMA foreign_keys=OFF")
        try:
            if sqlite:
                conn.execution_options(sqlite_immediate=True)
            with conn.begin():
                if engine.dialect.name == "postgresql":
                    conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": PG_LOCK_KEY})
                yield conn
                if sqlite and schema_change:
                    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").first()
                    if broken is not None:
                        raise RuntimeError(f"migration broke a foreign key: {tuple(broken)}")
        finally:
            if sqlite and schema_change:
                conn.connection.dbapi_connection.execute("PRAGMA foreign_keys=ON")


_SQLITE_REASONS = {
    sqlite3.SQLITE_BUSY: "locked",
    sqlite3.SQLITE_LOCKED: "locked",
    sqlite3.SQLITE_CANTOPEN: "cannot_open",
    sqlite3.SQLITE_READONLY: "read_only",
    sqlite3.SQLITE_NOTADB: "not_a_store",
    sqlite3.SQLITE_CORRUPT: "not_a_store",
}


def unavailable(exc: BaseException, url: str) -> StoreUnavailable | None:
    """The StoreUnavailable that a database error means, or None when it is not one."""
    shown = shown_url(url)
    if isinstance(exc, StoreUnavailable):  # raised where the URL was not known
        return exc if "url" in exc.kw else StoreUnavailable(exc.reason, **exc.kw, url=shown)
    if isinstance(exc, sa.exc.DBAPIError):
        orig = exc.orig
        if isinstance(orig, sqlite3.Error):
            code = getattr(orig, "sqlite_errorcode", None)
            reason = None if code is None else _SQLITE_REASONS.get(code & 0xFF)
            if reason is None and "locked" in str(orig):
                reason = "locked"
            return StoreUnavailable(reason, url=shown) if reason else None
        if isinstance(exc, sa.exc.OperationalError | sa.exc.InterfaceError):
            return StoreUnavailable("unreachable", url=shown)
    return None

"""The store's schema migrations (Alembic), run by `open_store` under the writer lock.

Layout (the usual `alembic` one, without an alembic.ini at runtime):
    env.py            takes the connection `upgrade` hands it (or, for a developer's
                      `alembic` command, the URL of alembic.ini / -x url=... / the env var)
    script.py.mako    the template of a new revision
    versions/NNNN_*.py one revision per schema change, in order (0001 = the v1 schema)
    alembic.ini       for developers only: `alembic -c src/planmonitor/store/migrations/
                      alembic.ini revision --rev-id 0002 -m "plan key on every row"`

`upgrade(engine)` is cheap when the database is already at the head revision (one query);
otherwise it takes the store's write lock and upgrades in one transaction, so two first starts
never race and a failed migration leaves the database as it was. A store created before
migrations existed (no `alembic_version` table) is upgraded in place by the baseline, which
creates only the tables it lacks.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from sqlalchemy.engine import Connection, Engine

from planmonitor.store.engine import write_lock
from planmonitor.store.errors import StoreUnavailable

MIGRATIONS_DIR = Path(__file__).resolve().parent


@cache
def _script(directory: Path = MIGRATIONS_DIR):
    from alembic.script import ScriptDirectory

    return ScriptDirectory(str(directory))


def head(directory: Path = MIGRATIONS_DIR) -> str:
    """The revision this code writes (the newest in versions/)."""
    return str(_script(directory).get_current_head())


def revision_of(conn: Connection) -> str | None:
    """The database's revision (None: never migrated, or empty)."""
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(conn).get_current_revision()


def config(directory: Path = MIGRATIONS_DIR, conn: Connection | None = None):
    """An Alembic Config without an ini file (what `alembic` commands take)."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(directory))
    cfg.attributes["connection"] = conn
    return cfg


def _known(directory: Path, revision: str) -> bool:
    from alembic.util import CommandError

    try:
        return _script(directory).get_revision(revision) is not None
    except CommandError:
        return False


def upgrade(engine: Engine, directory: Path = MIGRATIONS_DIR) -> None:
    """Bring the database to the head revision (a no-op when it is there already).

    `directory` is the revisions' folder (another one only to try a new revision out).
    """
    with engine.connect() as c:
        current = revision_of(c)
    target = head(directory)
    if current == target:
        return
    with write_lock(engine, schema_change=True) as conn:
        current = revision_of(conn)
        if current is not None and current != target and not _known(directory, current):
            raise StoreUnavailable(
                "newer_schema",
                revision=current,
                url=engine.url.render_as_string(hide_password=True),
            )
        if current != target:
            from alembic import command

            command.upgrade(config(directory, conn), "head")

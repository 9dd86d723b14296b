"""Alembic's environment: migrate the connection `planmonitor.store.migrations.upgrade`
hands over, inside its write transaction; or, run by a developer's `alembic` command, the
database of `-x url=...`, alembic.ini's sqlalchemy.url or PLANMONITOR_DATABASE_URL."""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from planmonitor.store import schema
from planmonitor.store.decisions import metadata as decisions_metadata

# What `alembic revision --autogenerate` compares the database with.
target_metadata = [schema.metadata, decisions_metadata]


def run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        # SQLite cannot ALTER most things: batch operations copy the table instead.
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():  # the caller's transaction when it holds one
        context.run_migrations()


def main() -> None:
    if context.is_offline_mode():
        raise SystemExit("planmonitor's migrations inspect the database: run them online")
    connection = context.config.attributes.get("connection")
    if connection is not None:
        run(connection)
        return
    from planmonitor.store.engine import default_url, make_engine, write_lock

    url = (
        context.get_x_argument(as_dictionary=True).get("url")
        or context.config.get_main_option("sqlalchemy.url")
        or default_url()
    )
    engine = make_engine(url)
    try:
        with write_lock(engine, schema_change=True) as conn:
            run(conn)
    finally:
        engine.dispose()


main()

"""The store's schema is Alembic's (issue 8): created by the baseline revision, upgraded in
place from a store written before migrations existed (tests/fixtures/store_v1.sqlite, made
by tests/fixtures/make_store_v1.py), on SQLite and PostgreSQL. Revision 0002 (issue 9) adds
the plans: every row of such a store is kept and belongs to its one plan."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import threading

import pandas as pd
import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from fixtures.make_store_v1 import FIXTURE, TABLES, V1, copy_v1
from pg import cluster, pg_url  # noqa: F401  (pg_url: fixture)

from planmonitor import store
from planmonitor.store import codec, migrations, schema
from planmonitor.store.decisions import Decisions, Entry
from planmonitor.store.decisions import metadata as decisions_metadata
from planmonitor.store.engine import write_lock


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_url(request, tmp_path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'planmonitor.sqlite'}"
    return request.getfixturevalue("pg_url")


def upgrade_to(url: str, target: str) -> None:
    """Run the migrations up to `target` only (a store of an earlier schema)."""
    from alembic import command

    engine = store.make_engine(url)
    try:
        with write_lock(engine, schema_change=True) as conn:
            command.upgrade(migrations.config(conn=conn), target)
    finally:
        engine.dispose()


@pytest.fixture
def v1_url(empty_url, tmp_path) -> str:
    """A store written by release v1: the fixture file itself (a copy), or, on PostgreSQL,
    a fresh database brought to revision 0001 (v1's schema) and given the fixture's rows."""
    if empty_url.startswith("sqlite"):
        shutil.copyfile(FIXTURE, tmp_path / "planmonitor.sqlite")
    else:
        upgrade_to(empty_url, "0001")
        copy_v1(FIXTURE, empty_url)  # the tables are there: only the rows are copied
        assert revision(empty_url) == ["0001"]
    return empty_url


def rows(url: str) -> dict[str, list[tuple]]:
    """Every row of the v1 tables, read with v1's table definitions."""
    engine = sa.create_engine(url)
    try:
        with engine.connect() as c:
            out = {}
            for name in TABLES:
                table = V1.tables[name]
                query = sa.select(table).order_by(*table.primary_key.columns)
                out[name] = [tuple(r) for r in c.execute(query)]
            return out
    finally:
        engine.dispose()


def revision(url: str) -> list[str]:
    engine = sa.create_engine(url)
    try:
        with engine.connect() as c:
            return [r[0] for r in c.execute(sa.text("SELECT version_num FROM alembic_version"))]
    finally:
        engine.dispose()


def test_the_fixture_is_a_store_without_migrations():
    url = f"sqlite:///{FIXTURE}"
    assert revision_table_absent(url)
    assert [r[6] for r in rows(url)["versions"]] == ["seed", "seed", "upload", "rollback"]


def test_a_v1_store_is_upgraded_in_place_with_every_row_intact(v1_url):
    before = rows(v1_url)
    s = store.open_store(v1_url)  # seeding is skipped: the store has versions
    try:
        assert revision(v1_url) == [migrations.head()]
        assert rows(v1_url) == before  # every version, file byte, snapshot and decision
        v = s.versions()
        assert v["id"].tolist() == [1, 2, 3, 4]
        assert v["kind"].tolist() == ["seed", "seed", "upload", "rollback"]
        assert v["restored_from"].tolist()[-1] == 2
        files = {r[0]: bytes(r[1]) for r in before["files"]}
        for vid in v["id"]:
            assert s.file_bytes(int(vid)) == files[int(vid)]
            assert hashlib.sha256(files[int(vid)]).hexdigest() == s.version(int(vid))["sha256"]
        snapshots = {r[0]: bytes(r[2]) for r in before["snapshots"]}
        assert codec.content_sha256(s.plan(3)) == codec.content_sha256(
            codec.unpack_plan(snapshots[3])
        )
        assert "Fixture v1: un avance" in set(s.plan(3).progress["comment"])
        book = Decisions(s.engine)
        current = book.current()
        assert len(current) == 2
        assert sorted(current["status"]) == ["done", "open"]
        action = current[current["kind"] == "action"].iloc[0]
        assert book.history(action["decision_id"])["revision"].tolist() == [1, 2]

        # every row belongs to the one plan of the store's latest snapshot (revision 0002)
        plan_id = s.plan().info.plan_id
        assert plan_id == "plan"  # the bundled data has no «Plan» sheet yet
        assert plan_ids(v1_url) == {name: {plan_id} for name in TABLES}
        plans = s.plans()
        assert plans["plan_id"].tolist() == [plan_id]
        assert plans["versions"].tolist() == [4] and plans["current_version_id"].tolist() == [4]
        one = s.for_plan(plan_id)
        pd.testing.assert_frame_equal(one.versions(), v)
        assert one.file_bytes(3) == files[3]
        assert len(one.decisions().current()) == 2

        # and the upgraded store goes on working: new ids follow the old ones
        new = s.rollback(3, author="Ana")
        assert new == 5 and s.version(5)["restored_from"] == 3
        entry = Entry(dt.date(2024, 7, 30), "decision", "strategy", "1.1", "Otro acuerdo")
        book.record(entry, author="Ana")
        assert len(book.current()) == 3
    finally:
        s.dispose()
    again = store.open_store(v1_url)  # a second start: already at head, nothing changes
    again.dispose()
    assert revision(v1_url) == [migrations.head()]


def plan_ids(url: str) -> dict[str, set[str]]:
    """The plan ids found in each v1 table."""
    engine = sa.create_engine(url)
    try:
        with engine.connect() as c:
            return {
                name: set(
                    c.execute(
                        sa.select(sa.column("plan_id")).select_from(sa.table(name)).distinct()
                    ).scalars()
                )
                for name in TABLES
            }
    finally:
        engine.dispose()


def test_the_baseline_revision_gives_exactly_the_v1_schema(empty_url, tmp_path):
    """Revision 0001 creates the tables v1's code created, column for column."""
    if empty_url.startswith("sqlite"):
        reference = f"sqlite:///{tmp_path / 'v1.sqlite'}"
    else:
        reference = cluster().create_database()
    ref_engine = sa.create_engine(reference)
    V1.create_all(ref_engine)
    upgrade_to(empty_url, "0001")
    new_engine = sa.create_engine(empty_url)
    try:
        for name in TABLES:
            assert describe(new_engine, name) == describe(ref_engine, name), name
    finally:
        ref_engine.dispose()
        new_engine.dispose()


def describe(engine: sa.Engine, table: str) -> dict:
    insp = sa.inspect(engine)
    return {
        "columns": [(c["name"], str(c["type"]), c["nullable"]) for c in insp.get_columns(table)],
        "pk": insp.get_pk_constraint(table)["constrained_columns"],
        "fks": sorted(
            (tuple(f["constrained_columns"]), f["referred_table"], tuple(f["referred_columns"]))
            for f in insp.get_foreign_keys(table)
        ),
        "unique": sorted(
            (u["name"], tuple(u["column_names"])) for u in insp.get_unique_constraints(table)
        ),
    }


def test_the_code_tables_match_the_head_revision(empty_url):
    """What the store's code queries (schema, decisions) is what the migrations built."""
    store.open_store(empty_url, seed=False).dispose()
    code = sa.MetaData()
    for table in [*schema.metadata.tables.values(), *decisions_metadata.tables.values()]:
        table.to_metadata(code)
    engine = sa.create_engine(empty_url)
    try:
        with engine.connect() as c:
            context = MigrationContext.configure(c, opts={"compare_type": True})
            assert compare_metadata(context, code) == []
    finally:
        engine.dispose()


def test_first_starts_at_the_same_time_migrate_and_seed_once(tmp_path):
    url = f"sqlite:///{tmp_path / 'race.sqlite'}"
    errors: list[BaseException] = []

    def start() -> None:
        try:
            store.open_store(url).dispose()
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=start) for _ in range(4)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert not errors
    assert revision(url) == [migrations.head()]
    s = store.open_store(url)
    assert s.versions()["kind"].tolist() == ["seed", "seed"]
    s.dispose()


def test_a_store_written_by_a_newer_release_is_refused(tmp_path):
    url = f"sqlite:///{tmp_path / 'newer.sqlite'}"
    store.open_store(url, seed=False).dispose()
    engine = sa.create_engine(url)
    with engine.begin() as c:
        c.execute(sa.text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    with pytest.raises(store.StoreUnavailable) as info:
        store.open_store(url)
    assert info.value.reason == "newer_schema"
    assert "9999" in info.value.message("es") and "newer release" in info.value.message("en")


def test_a_database_of_another_application_is_not_taken_over(tmp_path):
    url = f"sqlite:///{tmp_path / 'other.sqlite'}"
    engine = sa.create_engine(url)
    with engine.begin() as c:
        c.execute(sa.text("CREATE TABLE versions (name TEXT, released DATE)"))
    engine.dispose()
    with pytest.raises(store.StoreUnavailable) as info:
        store.open_store(url)
    assert info.value.reason == "not_a_store"
    assert revision_table_absent(url)


def revision_table_absent(url: str) -> bool:
    engine = sa.create_engine(url)
    try:
        return "alembic_version" not in sa.inspect(engine).get_table_names()
    finally:
        engine.dispose()


REVISION_0003 = """
def upgrade() -> None:
    # A routine change (a new column), on the table the others reference:
    # SQLite copies it (batch), with foreign keys off as its documented procedure asks.
    copy = "always" if op.get_bind().dialect.name == "sqlite" else "auto"
    with op.batch_alter_table("versions", recreate=copy) as batch:
        batch.add_column(sa.Column("plan_key", sa.String(40), nullable=False,
                                   server_default="default"))


def downgrade() -> None:
    with op.batch_alter_table("versions") as batch:
        batch.drop_column("plan_key")
"""


def test_a_new_revision_is_routine_and_keeps_every_row(v1_url, tmp_path):
    """`alembic revision` in the migrations' layout, then the next start applies it."""
    from alembic import command

    directory = tmp_path / "migrations"
    shutil.copytree(
        migrations.MIGRATIONS_DIR, directory, ignore=shutil.ignore_patterns("__pycache__")
    )
    command.revision(migrations.config(directory), message="plan key", rev_id="0003")
    (path,) = (directory / "versions").glob("0003_*.py")
    text = path.read_text()
    assert "down_revision = '0002'" in text
    body = text[: text.index("def upgrade()")] + REVISION_0003
    path.write_text(body)

    before = rows(v1_url)
    engine = store.make_engine(v1_url)
    try:
        migrations.upgrade(engine, directory)
        assert revision(v1_url) == ["0003"]
        assert rows(v1_url) == before
        with engine.connect() as c:
            keys = c.execute(sa.text("SELECT DISTINCT plan_key FROM versions")).scalars().all()
            assert keys == ["default"]
            if engine.dialect.name == "sqlite":
                assert c.exec_driver_sql("PRAGMA foreign_key_check").all() == []
                assert c.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        engine.dispose()


def test_revision_0002_keeps_a_revision_0001_store_and_its_rows_visible(empty_url):
    """A store at revision 0001 with rows written at that schema (its tables as 0001 made
    them) upgrades in place; every row keeps its values and is read through the plan API."""
    upgrade_to(empty_url, "0001")
    copy_v1(FIXTURE, empty_url)
    before = rows(empty_url)
    s = store.open_store(empty_url)
    try:
        assert revision(empty_url) == ["0002"]
        assert rows(empty_url) == before
        (plan_id,) = s.plans()["plan_id"]
        one = s.for_plan(plan_id)
        assert one.versions()["id"].tolist() == [r[0] for r in before["versions"]]
        for vid, data in ((r[0], bytes(r[1])) for r in before["files"]):
            assert one.file_bytes(vid) == data
        for vid, _format, raw, _issues in before["snapshots"]:
            assert codec.content_sha256(one.plan(vid)) == codec.content_sha256(
                codec.unpack_plan(bytes(raw))
            )
        ids = {r[1] for r in before["decision_records"]}
        assert set(one.decisions().current()["decision_id"]) == ids
    finally:
        s.dispose()


def test_an_empty_store_at_revision_0001_upgrades_without_inventing_a_plan(empty_url):
    upgrade_to(empty_url, "0001")
    s = store.open_store(empty_url, seed=False)
    try:
        assert s.plans().empty and s.default_plan_id() is None
    finally:
        s.dispose()

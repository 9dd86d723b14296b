"""The versioned store, against SQLite and a real PostgreSQL (tests/pg.py)."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pandas as pd
import pytest
import sqlalchemy as sa
from pg import pg_url  # noqa: F401  (fixture)
from planfactory import make_plan, product, report

from planmonitor import model, store
from planmonitor.output import export
from planmonitor.reading.loader import load_default
from planmonitor.store import codec

REPO = Path(__file__).resolve().parents[1]
TABLES = ("objectives", "strategies", "activities", "products", "agencies", "gcm", "progress")


def assert_same_plan(a: model.Plan, b: model.Plan) -> None:
    for k in TABLES:
        pd.testing.assert_frame_equal(getattr(a, k), getattr(b, k), check_exact=True)
    assert a.meta == b.meta
    assert a.sheets == b.sheets


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request, tmp_path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'planmonitor.sqlite'}"
    return request.getfixturevalue("pg_url")


@pytest.fixture
def st_(url):
    s = store.open_store(url)
    yield s
    s.dispose()


def workbook(plan: model.Plan, include: list[str] | None = None) -> bytes:
    return export.write_workbook(export.plan_to_sheets(plan, include=include))


def with_new_report(plan: model.Plan, code: str, status: str, percent: float) -> model.Plan:
    extra = pd.DataFrame(
        [
            {
                "date": pd.Timestamp("2024-12-20"),
                "code": code,
                "status": status,
                "percent": percent,
                "comment": "nuevo",
                "reported_by": "OIM",
                "evidence": "",
                "row": pd.NA,
            }
        ]
    ).astype(plan.progress.dtypes.to_dict())
    progress = pd.concat([plan.progress, extra], ignore_index=True)
    return model.Plan(**{**plan.__dict__, "progress": progress})


# --------------------------------------------------------------------------------------------
# Snapshots
# --------------------------------------------------------------------------------------------
def test_snapshot_round_trips_the_bundled_plan_exactly():
    plan = load_default().plan
    assert_same_plan(codec.unpack_plan(codec.pack_plan(plan)), plan)


def test_snapshot_round_trips_nat_lists_and_nullable_ints():
    plan = make_plan(
        [
            product("1.1.1-1", leads=["OIM", "PNUD"], start="2023-04-01", gcm=[1, 23]),
            product("1.1.1-2", gcm_all=True),
        ],
        [report("2023-09-30", "1.1.1-1", "En curso", 12.5, comment="=1+1")],
    )
    back = store.plan_from_json(store.plan_to_json(plan))
    assert_same_plan(back, plan)
    assert back.products.loc[1, "start"] is pd.NaT
    assert back.products.loc[0, "leads"] == ["OIM", "PNUD"]


def test_content_hash_ignores_row_numbers_but_not_data():
    plan = load_default().plan
    moved = model.Plan(**{**plan.__dict__, "products": plan.products.assign(row=pd.NA)})
    assert store.content_sha256(moved) == store.content_sha256(plan)
    renamed = plan.products.copy()
    renamed.loc[0, "name"] = "otro"
    assert store.content_sha256(
        model.Plan(**{**plan.__dict__, "products": renamed})
    ) != store.content_sha256(plan)


# --------------------------------------------------------------------------------------------
# Opening and seeding
# --------------------------------------------------------------------------------------------
def test_first_open_seeds_from_the_bundled_workbooks(st_, url):
    v = st_.versions()
    assert v["kind"].tolist() == ["seed", "seed"]
    assert v["filename"].tolist() == list(store.SEED_FILES)
    assert v["parent_id"].tolist()[1] == v["id"].tolist()[0]
    assert st_.current_version_id() == v["id"].iloc[-1]
    assert (
        st_.file_bytes(int(v["id"].iloc[0])) == (REPO / "data" / store.SEED_FILES[0]).read_bytes()
    )
    assert_same_plan(st_.plan(), load_default().plan)
    # opening again does not seed again
    again = store.open_store(url)
    assert len(again.versions()) == 2
    again.dispose()


def test_default_url_comes_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv(store.URL_ENV, "postgresql+psycopg://u@h/db")
    assert store.default_url() == "postgresql+psycopg://u@h/db"
    monkeypatch.delenv(store.URL_ENV)
    assert store.default_url(tmp_path) == f"sqlite:///{tmp_path / 'planmonitor.sqlite'}"
    assert store.default_url().endswith("/data/planmonitor.sqlite")


def test_missing_seed_workbook_is_a_clear_error(tmp_path):
    with pytest.raises(store.StoreError, match="Falta el libro inicial"):
        store.open_store(f"sqlite:///{tmp_path / 's.sqlite'}", data_dir=tmp_path)


# --------------------------------------------------------------------------------------------
# Commit, identical uploads, partial uploads, rollback
# --------------------------------------------------------------------------------------------
def test_commit_stores_a_new_version_with_who_when_file_and_hash(st_):
    before = st_.current_version_id()
    new_plan = with_new_report(st_.plan(), "1.1.1-1", "Completado", 100)
    data = workbook(new_plan)
    preview = st_.preview(data, "avances-junio.xlsx")
    assert preview.ok and not preview.identical
    assert preview.changes.new_progress["code"].tolist() == ["1.1.1-1"]
    assert st_.current_version_id() == before  # preview writes nothing

    res = st_.commit(data, "avances-junio.xlsx", author="Ana (OIM)", note="junio")
    assert res.stored and res.parent_id == before
    assert st_.current_version_id() == res.version_id > before
    row = st_.version(res.version_id)
    assert (row["author"], row["filename"], row["note"], row["kind"]) == (
        "Ana (OIM)",
        "avances-junio.xlsx",
        "junio",
        "upload",
    )
    assert row["sha256"] == hashlib.sha256(data).hexdigest()
    assert st_.file_bytes(res.version_id) == data
    assert st_.versions()["created_at"].iloc[-1].tzinfo is not None
    latest = st_.plan().progress
    assert latest.iloc[-1]["status"] == "Completado"
    assert "Guardada la versión" in res.message("es")


def test_identical_upload_is_not_stored_twice(st_):
    n = len(st_.versions())
    same_data = workbook(st_.plan())  # other bytes, same data
    res = st_.commit(same_data, "igual.xlsx", author="Ana")
    assert not res.stored and res.preview.identical
    assert "no se guarda nada" in res.message("es")
    changed = workbook(with_new_report(st_.plan(), "1.1.1-1", "En curso", 50))
    assert st_.commit(changed, "a.xlsx", author="Ana").stored
    again = st_.commit(changed, "a.xlsx", author="Ana")  # the very same file
    assert not again.stored and again.preview.identical
    assert len(st_.versions()) == n + 1


def test_partial_upload_updates_only_its_sheets(st_):
    base = st_.plan()
    new = with_new_report(base, "1.1.1-1", "Retrasado", 30)
    data = workbook(new, include=["Avances"])
    res = st_.commit(data, "solo-avances.xlsx", author="Ana")
    assert res.stored, res.preview.issues
    after = st_.plan()
    pd.testing.assert_frame_equal(after.products, base.products)
    pd.testing.assert_frame_equal(after.agencies, base.agencies)
    assert len(after.progress) == len(base.progress) + 1
    assert "Avances" in st_.version(res.version_id)["sheets"]


def test_invalid_upload_stores_nothing(st_):
    before = st_.versions()
    bad = with_new_report(st_.plan(), "9.9.9-9", "Inventado", 500)
    res = st_.commit(workbook(bad, include=["Avances"]), "malo.xlsx", author="Ana")
    assert not res.stored and not res.preview.ok
    assert set(res.preview.errors["sheet"]) == {"Avances"}
    pd.testing.assert_frame_equal(st_.versions(), before)


@pytest.fixture
def sq(tmp_path):
    """A SQLite store (the removal rules do not depend on the database)."""
    s = store.open_store(f"sqlite:///{tmp_path / 'removals.sqlite'}")
    yield s
    s.dispose()


def without_products(plan: model.Plan, codes: set[str]) -> model.Plan:
    """The plan without these products and their progress reports."""
    return model.Plan(
        **{
            **plan.__dict__,
            "products": plan.products[~plan.products["code"].isin(codes)].reset_index(drop=True),
            "progress": plan.progress[~plan.progress["code"].isin(codes)].reset_index(drop=True),
        }
    )


def test_the_empty_template_as_an_update_removes_nothing(sq):
    from planmonitor.output.template import build_template

    before = sq.plan()
    preview = sq.preview(build_template(None), "plantilla.xlsx")
    assert preview.ok, preview.issues
    assert preview.removed_products == 0 and preview.removed_progress == 0
    assert not preview.needs_removal_confirmation
    empty = preview.warnings[preview.warnings["rule"] == "empty_sheet"]
    assert {"Productos", "Avances"} <= set(empty["sheet"])
    res = sq.commit(build_template(None), "plantilla.xlsx", author="Ana", allow_removals=False)
    assert not res.refused_removals
    pd.testing.assert_frame_equal(sq.plan().products, before.products)
    pd.testing.assert_frame_equal(sq.plan().progress, before.progress)


def test_removing_a_product_needs_an_explicit_confirmation(sq):
    base = sq.plan()
    code = base.products["code"].iloc[-1]
    data = workbook(without_products(base, {code}), include=["Productos", "Avances"])
    preview = sq.preview(data, "menos.xlsx")
    assert preview.ok, preview.issues
    assert preview.removed_products == 1 and preview.needs_removal_confirmation
    assert preview.removal_text("es").startswith("1 producto")
    v = sq.current_version_id()

    refused = sq.commit(data, "menos.xlsx", author="Ana", allow_removals=False)
    assert not refused.stored and refused.refused_removals
    assert refused.version_id == v and sq.current_version_id() == v
    assert "eliminaría 1 producto" in refused.message("es")
    assert "--allow-removals" in refused.message("es")
    assert "would remove 1 product" in refused.message("en")

    done = sq.commit(data, "menos.xlsx", author="Ana", allow_removals=True)
    assert done.stored and not done.refused_removals
    assert code not in set(sq.plan().products["code"])


def test_removing_over_a_fifth_of_the_progress_log_needs_a_confirmation(sq):
    base = sq.plan()
    n = len(base.progress)
    assert n >= 10

    def keeping(k: int) -> bytes:
        kept = base.progress.iloc[:k].reset_index(drop=True)
        return workbook(model.Plan(**{**base.__dict__, "progress": kept}), include=["Avances"])

    # Replacing the log (not the default: the default appends) is what can remove entries.
    few = sq.preview(keeping(n - 1), "casi-todo.xlsx", append_progress=False)  # a correction
    assert few.ok and few.removed_progress == 1 and not few.needs_removal_confirmation
    share = int(n * store.REMOVED_PROGRESS_SHARE)
    edge = sq.preview(keeping(n - share), "borde.xlsx", append_progress=False)
    assert edge.removed_progress == share and not edge.needs_removal_confirmation
    many = sq.preview(keeping(n // 2), "mitad.xlsx", append_progress=False)
    assert many.removed_progress == n - n // 2 and many.base_progress == n
    assert many.needs_removal_confirmation
    assert f"de los {n} avances" in many.removal_text("es")
    res = sq.commit(
        keeping(n // 2), "mitad.xlsx", author="Ana", allow_removals=False, append_progress=False
    )
    assert res.refused_removals and not res.stored
    assert len(sq.plan().progress) == n


def test_a_removal_is_checked_again_against_a_version_stored_meanwhile(sq, monkeypatch):
    """The file renames a product (no removal against v); a version stored before the commit
    adds a product the file does not have: committing without the confirmation is refused."""
    base = sq.plan()
    renamed = base.products.assign(name=base.products["name"].where(base.products.index > 0, "X"))
    data = workbook(model.Plan(**{**base.__dict__, "products": renamed}), include=["Productos"])
    extra = base.products.iloc[:1].assign(code="1.1.1-99", name="Agregado", row=pd.NA)
    grown = workbook(
        model.Plan(
            **{**base.__dict__, "products": pd.concat([base.products, extra], ignore_index=True)}
        ),
        include=["Productos"],
    )
    first = sq.preview(data, "viejo.xlsx")
    assert first.ok and not first.identical and not first.needs_removal_confirmation
    original_preview = store.Store.preview

    def preview_then_someone_stores(self, d, f, **kw):
        p = original_preview(self, d, f, **kw)
        if d == data:  # another secretariat member stores a version meanwhile
            monkeypatch.setattr(store.Store, "preview", original_preview)
            assert self.commit(grown, "b.xlsx", author="Luis").stored
        return p

    monkeypatch.setattr(store.Store, "preview", preview_then_someone_stores)
    res = sq.commit(data, "viejo.xlsx", author="Ana", allow_removals=False)
    assert res.refused_removals and not res.stored
    assert res.preview.removed_products == 1
    assert "1.1.1-99" in set(sq.plan().products["code"])
    assert sq.plan().products["name"].iloc[0] != "X"


def test_commit_needs_an_author(st_):
    with pytest.raises(store.StoreError):
        st_.commit(b"x", "a.xlsx", author="  ")


def test_rollback_creates_a_new_version_and_deletes_nothing(st_):
    v0 = st_.current_version_id()
    old_plan = st_.plan()
    v1 = st_.commit(
        workbook(with_new_report(old_plan, "1.1.1-1", "Cancelado", 0)), "x.xlsx", author="Ana"
    ).version_id
    v2 = st_.rollback(v0, author="Luis", note="error en x.xlsx")
    assert v2 > v1
    assert_same_plan(st_.plan(v2), old_plan)
    row = st_.version(v2)
    assert (row["kind"], row["author"], row["parent_id"], row["restored_from"]) == (
        "rollback",
        "Luis",
        v1,
        v0,
    )
    assert st_.file_bytes(v2) == st_.file_bytes(v0)
    assert st_.versions()["id"].tolist()[-3:] == [v0, v1, v2]
    # restoring what is already current stores nothing
    assert st_.rollback(v2, author="Luis") == v2
    assert st_.rollback(v0, author="Luis") == v2
    with pytest.raises(store.StoreError, match="No existe la versión"):
        st_.rollback(999, author="Luis")


def test_compare_any_two_versions(st_):
    v0 = st_.current_version_id()
    v1 = st_.commit(
        workbook(with_new_report(st_.plan(), "1.1.1-1", "Cancelado", 0)), "x.xlsx", author="Ana"
    ).version_id
    changes = st_.diff(v0, v1)
    assert changes.status_changes["new_status"].tolist() == ["Cancelado"]
    assert st_.diff(v1, v0).removed_progress["code"].tolist() == ["1.1.1-1"]


def test_export_of_a_version_loads_back_to_the_same_data(st_):
    from planmonitor.reading.loader import load_workbook

    data = st_.export_bytes()
    again = load_workbook(data)
    assert again.ok
    assert store.content_sha256(again.plan) == store.content_sha256(st_.plan())


# --------------------------------------------------------------------------------------------
# Concurrency and crashes
# --------------------------------------------------------------------------------------------
IMPORTER = textwrap.dedent(
    """
    import sys
    import pandas as pd
    from planmonitor import store
    from planmonitor.output import export
    url, i = sys.argv[1], int(sys.argv[2])
    s = store.open_store(url)
    plan = s.plan()
    extra = plan.progress.iloc[:1].assign(
        date=pd.Timestamp("2024-12-20"), percent=91.0 + i, row=pd.NA
    ).astype(plan.progress.dtypes.to_dict())
    plan = type(plan)(**{**plan.__dict__,
                         "progress": pd.concat([plan.progress, extra], ignore_index=True)})
    data = export.write_workbook(export.plan_to_sheets(plan, include=["Avances"]))
    res = s.commit(data, f"proc-{i}.xlsx", author=f"proc {i}")
    print(res.stored, res.version_id)
    """
)


def test_simultaneous_imports_all_land_in_a_defined_order(st_, url):
    """Separate processes (not multiprocessing: its spawn re-runs the parent's __main__)."""
    n = 6
    seed_ids = st_.versions()["id"].tolist()
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", IMPORTER, url, str(i)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in range(n)
    ]
    outputs = [p.communicate(timeout=300) for p in procs]
    for p, (out, err) in zip(procs, outputs, strict=True):
        assert p.returncode == 0, err[-2000:]
        assert out.split()[0] == "True"
    v = st_.versions()
    new = v[~v["id"].isin(seed_ids)]
    assert len(new) == n
    assert sorted(new["author"]) == sorted(f"proc {i}" for i in range(n))
    # each version's parent is the version before it: a single line of history
    ids = v["id"].tolist()
    assert v["parent_id"].tolist()[1:] == ids[:-1]
    # every snapshot is complete: the log its process read (possibly with entries committed
    # before it started) plus its own entry
    base_len = len(st_.plan(seed_ids[-1]).progress)
    for vid, author in zip(new["id"], new["author"], strict=True):
        progress = st_.plan(int(vid)).progress
        assert len(progress) >= base_len + 1
        assert 91.0 + float(author.split()[-1]) in set(progress["percent"])
        assert st_.file_bytes(int(vid))
    assert len({st_.version(vid)["sha256"] for vid in new["id"]}) == n


CRASHER = textwrap.dedent(
    """
    import sys
    import threading
    import pandas as pd
    import sqlalchemy as sa
    from planmonitor import store
    from planmonitor.output import export
    s = store.open_store(sys.argv[1])
    plan = s.plan()
    extra = plan.progress.iloc[:1].assign(percent=77.0)
    plan = type(plan)(**{**plan.__dict__,
                         "progress": pd.concat([plan.progress, extra], ignore_index=True)})
    data = export.write_workbook(export.plan_to_sheets(plan, include=["Avances"]))

    @sa.event.listens_for(s.engine, "before_cursor_execute")
    def stop_after_the_version_row(conn, cursor, statement, *args):
        # The version row is written, its file and snapshot are not: wait here to be killed.
        if statement.lstrip().upper().startswith("INSERT INTO FILES"):
            print("inside the write transaction", file=sys.stderr, flush=True)
            threading.Event().wait()

    s.commit(data, "crash.xlsx", author="crash")
    """
)


def test_a_process_killed_in_the_middle_of_an_import_leaves_the_store_consistent(st_, url):
    """The delay is the child's own (an event listener in its script): no hook in the store."""
    before = st_.versions()
    proc = subprocess.Popen([sys.executable, "-c", CRASHER, url], stderr=subprocess.PIPE, text=True)
    line = ""
    while "inside the write transaction" not in line:
        line = proc.stderr.readline()
        assert line or proc.poll() is None, "the importer ended before writing its version"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(30)
    proc.stderr.close()
    # nothing half-written: same versions, and every version has its file and snapshot
    pd.testing.assert_frame_equal(st_.versions(), before)
    with st_.engine.connect() as c:
        for table in (store.files_table, store.snapshots_table):
            n = c.execute(sa.select(sa.func.count()).select_from(table)).scalar()
            assert n == len(before)
    # and the lock is free again: the next import lands
    res = st_.commit(
        workbook(with_new_report(st_.plan(), "1.1.1-1", "En curso", 5)), "after.xlsx", author="Ana"
    )
    assert res.stored and res.parent_id == before["id"].iloc[-1]


def test_an_avances_only_upload_adds_its_reports_to_the_log_by_default(sq):
    """The monthly update is just the new reports: the log's history must not be removed."""
    base = sq.plan()
    n = len(base.progress)
    new = base.progress.iloc[:1].assign(
        date=pd.Timestamp("2024-11-30"), percent=99.0, comment="Nuevo reporte", row=pd.NA
    )
    data = workbook(model.Plan(**{**base.__dict__, "progress": new}), include=["Avances"])
    preview = sq.preview(data, "noviembre.xlsx")
    assert preview.ok and preview.removed_progress == 0 and not preview.needs_removal_confirmation
    res = sq.commit(data, "noviembre.xlsx", author="Ana", allow_removals=False)
    assert res.stored
    log = sq.plan().progress
    assert len(log) == n + 1
    assert "Nuevo reporte" in set(log["comment"])
    # The whole log uploaded again (the template with data, extended): nothing is doubled.
    again = workbook(sq.plan(), include=["Avances"])
    assert sq.preview(again, "todo.xlsx").identical


def test_replacing_the_log_is_explicit(sq):
    base = sq.plan()
    one = base.progress.iloc[:1]
    data = workbook(model.Plan(**{**base.__dict__, "progress": one}), include=["Avances"])
    assert sq.preview(data, "uno.xlsx").removed_progress == 0
    replaced = sq.preview(data, "uno.xlsx", append_progress=False)
    assert replaced.removed_progress == len(base.progress) - 1

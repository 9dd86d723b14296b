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
from plansheet import plan_info, reading_plan_sheets, with_info  # noqa: F401  (fixture)
from plansheet import workbook as plans_workbook

from planmonitor import model, store
from planmonitor.analysis import diff
from planmonitor.output import export
from planmonitor.reading.loader import load_default
from planmonitor.store import codec
from planmonitor.store.decisions import Entry

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


# --------------------------------------------------------------------------------------------
# Several plans in one store (issue 9)
# --------------------------------------------------------------------------------------------
A_ID, B_ID = "red-a-2023-2024", "red-a-2025-2026"


def plan_a() -> model.Plan:
    """The first cycle: product 2.1.1-1 with its own reports."""
    products = [
        product("1.1.1-1", "Diálogo de expertos", start="2023-04-01", end="2023-12-31"),
        product("2.1.1-1", "Estrategia de comunicación", leads=["OCR"], start="2023-01-01"),
    ]
    progress = [
        report("2023-06-30", "1.1.1-1", "En curso", 40, "Primer diálogo", "OIM"),
        report("2024-03-31", "2.1.1-1", "Retrasado", 20, "Sin fondos", "OCR"),
        report("2024-09-30", "2.1.1-1", "En curso", 60, "Fondos llegaron", "OCR"),
    ]
    info = plan_info(A_ID, "2023-01-01", "2024-12-31", title="Plan de Trabajo A 2023-2024")
    return with_info(make_plan(products, progress), info)


def plan_b() -> model.Plan:
    """The next cycle, another plan: an unrelated product with the same code 2.1.1-1."""
    products = [
        product("2.1.1-1", "Observatorio regional", leads=["PNUD"], start="2025-02-01"),
        product("2.2.1-1", "Campaña", leads=["OIM"], start="2025-03-01", end="2026-06-30"),
    ]
    progress = [report("2025-06-30", "2.2.1-1", "No iniciado", 0, "Por iniciar", "OIM")]
    info = plan_info(B_ID, "2025-01-01", "2026-12-31", title="Plan de Trabajo A 2025-2026")
    return with_info(make_plan(products, progress), info)


@pytest.fixture
def two(url, request):
    """An empty store, then plan A and plan B uploaded as workbooks with their «Plan» sheet."""
    request.getfixturevalue("reading_plan_sheets")
    s = store.open_store(url, seed=False)
    first = s.commit(plans_workbook(plan_a()), "plan-a.xlsx", author="Ana")
    assert first.stored and first.preview.creates_plan, first.preview.issues
    yield s
    s.dispose()


def only_reports(plan: model.Plan) -> set[tuple[str, str]]:
    return set(zip(plan.progress["code"], plan.progress["comment"], strict=True))


def test_snapshot_keeps_the_plans_own_description():
    """issue 9: a version's plan carries its PlanInfo (dates, level names) exactly."""
    info = plan_info(B_ID, "2025-01-01", "2026-12-31", level_names=("Eje", "", "", "Entregable"))
    plan = with_info(plan_b(), info)
    back = codec.unpack_plan(codec.pack_plan(plan))
    assert back.info == info
    assert isinstance(back.info.start, pd.Timestamp) and back.info.level_names[0] == "Eje"
    assert codec.content_sha256(back) == codec.content_sha256(plan)
    # the description is part of the data: another title is another content
    other = with_info(plan, plan_info(B_ID, "2025-01-01", "2026-12-31", title="Otro"))
    assert codec.content_sha256(other) != codec.content_sha256(plan)
    # a plan without one reads back with the inferred description, hashed as before
    bare = make_plan([product("1.1.1-1")])
    assert codec.unpack_plan(codec.pack_plan(bare)).info == bare.info
    assert "info" not in codec.plan_to_json(bare)


def test_a_second_plan_never_takes_the_reports_of_a_product_with_the_same_code(two):
    """issue 9, data corruption: plan A's reports on 2.1.1-1 were attached to plan B's
    unrelated 2.1.1-1 and the preview called it «productos modificados»."""
    a_before = two.for_plan(A_ID).plan()
    data = plans_workbook(plan_b())
    preview = two.preview(data, "plan-b.xlsx")  # default mode: reports are added to a log
    assert preview.ok, preview.issues
    assert preview.creates_plan and preview.target_plan_id == B_ID
    assert preview.target_text("es") == (
        f"Se creará el plan nuevo «Plan de Trabajo A 2025-2026» ({B_ID})."
    )
    assert preview.target_text("en").startswith("The new plan «Plan de Trabajo A 2025-2026»")
    assert preview.removed_products == 0 and not preview.needs_removal_confirmation
    assert len(preview.changes.changed) == 0 and len(preview.changes.added) == 2
    assert only_reports(preview.plan) == {("2.2.1-1", "Por iniciar")}

    res = two.commit(data, "plan-b.xlsx", author="Ana", allow_removals=False)
    assert res.stored and res.parent_id is None
    b = two.for_plan(B_ID)
    assert only_reports(b.plan()) == {("2.2.1-1", "Por iniciar")}
    assert b.plan().info.plan_id == B_ID
    assert_same_plan(two.for_plan(A_ID).plan(), a_before)
    assert two.for_plan(A_ID).versions()["id"].tolist() == [1]
    assert b.versions()["id"].tolist() == [res.version_id]

    # the monthly update of A (no «Plan» sheet) with A selected goes to A only, and B's
    # update to B only, though both name product 2.1.1-1
    a_plan = two.for_plan(A_ID).plan()
    a_news = with_new_report(a_plan, "2.1.1-1", "Completado", 100)
    a_file = workbook(a_news, include=["Avances"])
    routed = two.preview(a_file, "avances-a.xlsx", plan_id=A_ID)
    assert not routed.creates_plan and routed.target_plan_id == A_ID
    assert routed.target_text("es").startswith("Se actualizará el plan «Plan de Trabajo A 2023")
    assert two.commit(a_file, "avances-a.xlsx", author="Ana", plan_id=A_ID).stored
    b_news = with_new_report(b.plan(), "2.1.1-1", "En curso", 10)
    assert b.commit(workbook(b_news, include=["Avances"]), "avances-b.xlsx", author="Ana").stored
    a_log, b_log = two.for_plan(A_ID).plan().progress, b.plan().progress
    assert sorted(a_log.loc[a_log["code"] == "2.1.1-1", "percent"]) == [20.0, 60.0, 100.0]
    assert b_log.loc[b_log["code"] == "2.1.1-1", "percent"].tolist() == [10.0]
    assert "Sin fondos" not in set(b_log["comment"]) and "Por iniciar" not in set(a_log["comment"])
    # each plan keeps its description through an update without a «Plan» sheet
    assert two.for_plan(A_ID).plan().info == a_plan.info


def test_a_workbook_naming_an_existing_plan_updates_it_whatever_is_selected(two):
    two.commit(plans_workbook(plan_b()), "plan-b.xlsx", author="Ana")
    changed = with_new_report(two.for_plan(A_ID).plan(), "1.1.1-1", "Completado", 100)
    data = plans_workbook(changed)
    preview = two.preview(data, "a.xlsx", plan_id=B_ID)  # B selected, the file names A
    assert preview.target_plan_id == A_ID and not preview.creates_plan
    assert preview.base_version_id == two.for_plan(A_ID).current_version_id()
    res = two.commit(data, "a.xlsx", author="Ana", plan_id=B_ID)
    assert res.stored and two.for_plan(A_ID).current_version_id() == res.version_id
    assert len(two.for_plan(B_ID).versions()) == 1


def test_plans_lists_every_plan_and_the_default_is_the_one_under_way(two):
    two.commit(plans_workbook(plan_b()), "plan-b.xlsx", author="Ana")
    plans = two.plans(today="2025-05-01")
    assert plans.columns.tolist() == store.PLANS_COLUMNS
    assert plans["plan_id"].tolist() == [A_ID, B_ID]
    assert plans["title"].tolist() == ["Plan de Trabajo A 2023-2024", "Plan de Trabajo A 2025-2026"]
    assert plans["closed"].tolist() == [True, False]
    assert plans["versions"].tolist() == [1, 1]
    assert plans["start"].tolist() == [pd.Timestamp("2023-01-01"), pd.Timestamp("2025-01-01")]
    assert plans["network_es"].tolist() == ["Red de prueba"] * 2
    assert store.default_plan_id(plans, "2024-06-01") == A_ID  # its period holds that day
    assert store.default_plan_id(plans, "2025-05-01") == B_ID
    assert store.default_plan_id(plans, "2030-01-01") == B_ID  # none: the latest end
    assert store.default_plan_id(plans.iloc[0:0], "2025-05-01") is None
    assert two.default_plan_id("2024-06-01") == A_ID
    # the single-plan API is the default plan's (today 2026 or later: plan B, the latest)
    today_default = two.default_plan_id()
    assert two.versions().equals(two.for_plan(today_default).versions())
    assert two.plan().info.plan_id == today_default


def test_no_public_function_of_a_plan_reads_another_plans_rows(two):
    """issue 9: every row knows its plan; a version, file or decision of another plan is not
    found through a PlanStore."""
    two.commit(plans_workbook(plan_b()), "plan-b.xlsx", author="Ana")
    a, b = two.for_plan(A_ID), two.for_plan(B_ID)
    a_id, b_id = a.current_version_id(), b.current_version_id()
    assert a_id != b_id
    for call in (
        lambda: a.plan(b_id),
        lambda: a.issues(b_id),
        lambda: a.version(b_id),
        lambda: a.file_bytes(b_id),
        lambda: a.export_bytes(b_id),
        lambda: a.diff(a_id, b_id),
        lambda: a.rollback(b_id, author="Ana"),
    ):
        with pytest.raises(store.StoreError) as info:
            call()
        assert info.value.key == "store.no_version"
    assert set(a.versions()["id"]) == {a_id} and set(b.versions()["id"]) == {b_id}
    decision = a.decisions().record(
        Entry(pd.Timestamp("2024-06-30").date(), "decision", "product", "2.1.1-1", "Acuerdo A"),
        author="Ana",
    )
    assert b.decisions().current().empty
    assert a.decisions().current()["decision_id"].tolist() == [decision]
    with pytest.raises(KeyError):
        b.decisions().set_status(decision, "done", author="Ana")
    assert b.decisions().history(decision).empty


def test_an_unknown_plan_is_a_store_error(two):
    with pytest.raises(store.StoreError) as info:
        two.for_plan("no-existe")
    assert info.value.message("es") == "No existe el plan «no-existe» en el almacén (vea «plans»)."
    with pytest.raises(store.StoreError):
        two.preview(b"x", "x.xlsx", plan_id="no-existe")


def test_a_store_holding_any_plan_is_not_seeded(two, url):
    again = store.open_store(url)  # seed=True: the store holds plan A, so nothing is added
    try:
        assert again.plans()["plan_id"].tolist() == [A_ID]
        assert len(again.for_plan(A_ID).versions()) == 1
    finally:
        again.dispose()


@pytest.mark.usefixtures("reading_plan_sheets")
def test_a_new_plan_next_to_the_bundled_one_removes_none_of_its_products(st_):
    """The first import of another network's plan into the seeded store had to «remove» the
    bundled plan's 20 products (--allow-removals)."""
    bundled = st_.plan()
    bundled_id = bundled.info.plan_id
    res = st_.commit(plans_workbook(plan_b()), "plan-b.xlsx", author="Ana", allow_removals=False)
    assert res.stored and res.preview.creates_plan and not res.refused_removals
    assert set(st_.plans()["plan_id"]) == {bundled_id, B_ID}
    assert_same_plan(st_.for_plan(bundled_id).plan(), bundled)
    assert len(st_.for_plan(bundled_id).versions()) == 2


def test_only_the_schema_and_the_decisions_book_query_the_per_plan_tables():
    """issue 9: every query filters on plan_id in one place. The per-plan tables are read and
    written in store/schema.py (whose functions all take the plan; PlanStore is their one
    caller) and in the decisions book (its one `_mine()` condition); nowhere else, except the
    seed's check that the store is empty."""
    src = REPO / "src" / "planmonitor"
    tables = ("versions_table", "files_table", "snapshots_table", "decisions_table")
    allowed = {
        src / "store" / "schema.py",
        src / "store" / "decisions.py",
        src / "store" / "__init__.py",  # the re-export of the table objects
    }
    found = {}
    for path in src.rglob("*.py"):
        if path in allowed or path.parent.name == "versions":  # migrations: frozen tables
            continue
        text = path.read_text(encoding="utf-8")
        hits = [t for t in tables if f"schema.{t}" in text or f"decisions.{t}" in text]
        if hits:
            found[path.relative_to(src).as_posix()] = hits
    assert found == {"store/seed.py": ["versions_table"]}
    api = (src / "store" / "api.py").read_text(encoding="utf-8")
    assert "sa.select" not in api and "import sqlalchemy" not in api


# --------------------------------------------------------------------------------------------
# The bundled plan gets its «Plan» sheet (issue 9, docs/plans-as-data.md §3)
# --------------------------------------------------------------------------------------------
BUNDLED_ID = "red-de-las-naciones-unidas-sobre-la-migracion-en-peru-2023-2024"


@pytest.fixture
def old_store(url, tmp_path):
    """A store as written before the bundled plan had its «Plan» sheet: the same workbooks
    without it, so the plan is stored under the undeclared id "plan"."""
    import openpyxl

    paths = []
    for name in store.SEED_FILES:
        book = openpyxl.load_workbook(REPO / "data" / name)
        if "Plan" in book.sheetnames:
            del book["Plan"]
        book.save(tmp_path / name)
        paths.append(tmp_path / name)
    s = store.open_store(url, seed=paths)
    yield s
    s.dispose()


def test_the_undeclared_plan_takes_the_id_its_first_plan_sheet_states(old_store, request):
    """A store written before the plans holds the bundled plan as "plan" (no «Plan» sheet).
    The same plan with its «Plan» sheet updates it and gives it the real id: versions and
    decisions follow, nothing is created beside it."""
    request.getfixturevalue("reading_plan_sheets")
    assert list(old_store.plans()["plan_id"]) == ["plan"]
    undeclared = old_store.for_plan("plan")
    bundled = undeclared.plan()
    before = undeclared.versions()["id"].tolist()
    entry = Entry(
        meeting_date=pd.Timestamp("2024-05-14").date(),
        kind="decision",
        target_type="product",
        target_code=str(bundled.products["code"].iloc[0]),
        text="Seguir con la guía",
    )
    decision = undeclared.decisions().record(entry, "Ana")
    info = load_default().plan.info  # what the bundled workbook's own «Plan» sheet states
    assert info is not None and info.plan_id == BUNDLED_ID
    data = plans_workbook(with_info(bundled, info))

    preview = old_store.preview(data, "plan-con-hoja.xlsx")
    assert preview.ok and not preview.creates_plan and preview.removed_products == 0
    assert (preview.target_plan_id, preview.renames_to) == ("plan", BUNDLED_ID)
    assert preview.target_text("es") == (
        "Se actualizará el plan (plan), que aún no tenía hoja «Plan»: pasa a ser "
        f"«{info.title}» ({BUNDLED_ID})."
    )
    assert list(old_store.plans()["plan_id"]) == ["plan"]  # the preview wrote nothing

    res = old_store.commit(data, "plan-con-hoja.xlsx", author="Ana")
    assert res.stored
    plans = old_store.plans()
    assert list(plans["plan_id"]) == [BUNDLED_ID]
    assert plans.loc[0, "title"] == info.title and plans.loc[0, "versions"] == 3
    peru = old_store.for_plan(BUNDLED_ID)
    assert peru.versions()["id"].tolist() == [*before, res.version_id]
    assert peru.plan().info == info
    assert_same_plan(peru.plan(before[-1]), bundled)  # the older versions are kept as they were
    assert peru.decisions().current()["decision_id"].tolist() == [decision]
    with pytest.raises(store.StoreError):
        old_store.for_plan("plan")
    # and the next upload of the same workbook is an update of the plan under its own id
    again = old_store.preview(data, "otra-vez.xlsx")
    assert again.identical and again.target_plan_id == BUNDLED_ID and again.renames_to is None


def test_another_period_next_to_the_undeclared_plan_is_a_new_plan(old_store, request):
    """The rule is for the undeclared plan itself: the next cycle creates its own plan."""
    request.getfixturevalue("reading_plan_sheets")
    bundled = old_store.for_plan("plan").plan()
    info = plan_info("red-peru-2025-2026", "2025-01-01", "2026-12-31")
    preview = old_store.preview(plans_workbook(with_info(bundled, info)), "siguiente.xlsx")
    assert preview.ok and preview.creates_plan and preview.renames_to is None


# --------------------------------------------------------------------------------------------
# Corrections (issue 10)
# --------------------------------------------------------------------------------------------
def test_a_corrected_report_is_previewed_as_a_correction_and_replaces_the_old_one(st_):
    """Same product, same date, new percent/status/comment: shown old → new, and on confirm
    the log holds the new report only; the previous version still has the old one."""
    base_id = st_.current_version_id()
    base = st_.plan()
    at = int((base.progress["status"] != "Completado").to_numpy().nonzero()[0][-1])
    old = base.progress.iloc[at]
    fixed = base.progress.iloc[[at]].assign(
        status="Completado", percent=100.0, comment="Informe final corregido", row=pd.NA
    )
    same = base.progress.iloc[[0]].assign(row=pd.NA)  # one report sent again, unchanged
    progress = pd.concat([same, fixed], ignore_index=True)
    data = workbook(model.Plan(**{**base.__dict__, "progress": progress}), include=["Avances"])
    preview = st_.preview(data, "correccion.xlsx")
    assert preview.ok and not preview.identical
    changes = preview.changes
    assert changes.new_progress.empty and changes.removed_progress.empty
    rows = changes.corrected_progress[["code", "field", "old", "new"]].values.tolist()
    expected = [
        [old["code"], f, diff.fmt(old[f]), diff.fmt(fixed.iloc[0][f])]
        for f in ("status", "percent", "comment")
        if diff.fmt(old[f]) != diff.fmt(fixed.iloc[0][f])
    ]
    assert rows == expected and len(rows) == 3
    assert not preview.needs_removal_confirmation

    res = st_.commit(data, "correccion.xlsx", author="Ana", allow_removals=False)
    assert res.stored
    log = st_.plan().progress
    assert len(log) == len(base.progress)
    day = log[(log["code"] == old["code"]) & (log["date"] == old["date"])]
    assert day[["status", "percent", "comment"]].values.tolist() == [
        ["Completado", 100.0, "Informe final corregido"]
    ]
    kept = st_.plan(base_id).progress  # every version is kept: the old report is there
    assert kept.iloc[at]["comment"] == old["comment"]
    # the same correction sent again changes nothing
    assert st_.preview(data, "correccion-otra-vez.xlsx").identical

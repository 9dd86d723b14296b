"""AppTest of "Historial de versiones": list, compare, download, rollback; and two app
processes' worth of sessions on one store seeing each other's versions."""

from __future__ import annotations

import pandas as pd
import pytest
from apphelpers import ENTRY
from streamlit.testing.v1 import AppTest
from test_upload import progress_file

from planmonitor import store
from planmonitor.i18n import t
from planmonitor.ui import auth

HISTORY = "pages/historial.py"


@pytest.fixture
def db(tmp_path, monkeypatch):
    monkeypatch.setenv(store.URL_ENV, f"sqlite:///{tmp_path / 'hist.sqlite'}")
    monkeypatch.setenv(auth.ENV_PASSWORDS, "ana:secreto-de-prueba")
    s = store.open_store()
    yield s
    s.dispose()


def history_app() -> AppTest:
    at = AppTest.from_file(ENTRY, default_timeout=60)
    at.session_state["_pm_secretariat_user"] = "luis"
    at.run()
    at.switch_page(HISTORY).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_history_lists_compares_and_rolls_back(db):
    v0 = db.current_version_id()
    v1 = db.commit(progress_file(db.plan()), "dic.xlsx", author="ana", note="dic").version_id
    at = history_app()
    assert at.title[0].value == t("page.history", "es")
    table = at.dataframe[0].value
    assert table[t("history.col.id", "es")].tolist()[:2] == [v1, v0]
    assert "dic.xlsx" in table[t("history.col.filename", "es")].tolist()
    # the default comparison is the previous version against the current one
    assert any("Cancelado" in df.value.to_string() for df in at.dataframe[1:])
    labels = [b.proto.label for b in at.get("download_button")]
    assert t("history.original", "es", v=v1) in labels

    at.selectbox(key="_pm_history_target").select(v0).run()
    at.button(key="_pm_history_rollback").click().run()
    assert not at.exception
    # nothing is restored before the confirmation
    assert db.current_version_id() == v1
    assert t("history.rollback_confirm", "es", v=v0, current=v1) in [w.value for w in at.warning]
    at.button(key="_pm_history_rollback_yes").click().run()
    assert not at.exception
    v2 = db.current_version_id()
    assert v2 == v1 + 1
    row = db.version(v2)
    assert (row["kind"], row["author"], row["restored_from"]) == ("rollback", "luis", v0)
    assert store.content_sha256(db.plan(v2)) == store.content_sha256(db.plan(v0))
    assert t("history.rolled_back", "es", v=v0, new=v2) in [s.value for s in at.success]


def test_a_version_stored_elsewhere_shows_on_the_next_interaction(db):
    """Two sessions (as on two replicas) on one store: cached data is keyed by version."""
    viewer = AppTest.from_file(ENTRY, default_timeout=60)
    viewer.run()
    before = viewer.session_state["_pm_view"].version
    # another process stores a version
    other = store.open_store(db.engine.url.render_as_string(hide_password=False))
    res = other.commit(progress_file(other.plan()), "otra.xlsx", author="ana")
    other.dispose()
    assert res.stored
    viewer.run()
    after = viewer.session_state["_pm_view"]
    assert after.version != before
    assert after.version == f"store:{db.default_plan_id()}:{res.version_id}"
    latest = after.plan.progress.iloc[-1]
    assert (latest["status"], latest["date"]) == ("Cancelado", pd.Timestamp("2024-12-20"))


def test_rollback_cancelled_restores_nothing(db):
    v0 = db.current_version_id()
    v1 = db.commit(progress_file(db.plan()), "dic.xlsx", author="ana").version_id
    at = history_app()
    at.selectbox(key="_pm_history_target").select(v0).run()
    at.button(key="_pm_history_rollback").click().run()
    at.button(key="_pm_history_rollback_no").click().run()
    assert not at.exception
    assert db.current_version_id() == v1
    assert not at.warning
    assert "_pm_history_rollback_yes" not in [b.key for b in at.button]


def test_history_selectors_follow_a_new_current_version(db):
    v0 = db.current_version_id()
    at = history_app()
    assert at.selectbox(key="_pm_history_to").value == v0
    v1 = db.commit(progress_file(db.plan()), "dic.xlsx", author="ana").version_id
    at.run()  # another session stored a version meanwhile
    assert not at.exception
    assert at.selectbox(key="_pm_history_to").value == v1
    assert at.selectbox(key="_pm_history_from").value == v0
    assert at.selectbox(key="_pm_history_pick").value == v1


SPANISH_STATUSES = (
    "No iniciado", "En curso", "Completado", "Retrasado", "Cancelado", "Sin reporte"
)  # fmt: skip


def test_the_english_compare_shows_no_spanish_status_word(db):
    """Issue 10: the compare's status columns showed «En curso», «Cancelado» in English."""
    from planmonitor import model
    from planmonitor.output import export

    v0 = db.current_version_id()
    db.commit(progress_file(db.plan()), "dic.xlsx", author="ana")  # a new «Cancelado» report
    plan = db.plan()
    at_ = int((plan.progress["status"] == "En curso").to_numpy().nonzero()[0][0])
    fixed = plan.progress.iloc[[at_]].assign(status="Retrasado", row=pd.NA)
    one = model.Plan(**{**plan.__dict__, "progress": fixed})
    data = export.write_workbook(export.plan_to_sheets(one, include=["Avances"]))
    assert db.commit(data, "correccion.xlsx", author="ana").stored
    at = AppTest.from_file(ENTRY, default_timeout=60)
    at.query_params["lang"] = "en"
    at.session_state["_pm_secretariat_user"] = "luis"
    at.run()
    at.switch_page(HISTORY).run()
    at.selectbox(key="_pm_history_from").select(v0).run()
    assert not at.exception, [e.value for e in at.exception]
    shown = [df.value for df in at.dataframe[1:]]  # the compare's tables
    cells = [str(v) for df in shown for v in df.to_numpy().ravel()]
    parts = {p.strip() for c in cells for p in c.split("→")}
    assert not parts & set(SPANISH_STATUSES), parts & set(SPANISH_STATUSES)
    assert "In progress → Delayed" in cells  # the correction
    assert "Cancelled" in cells  # the new report and the status change

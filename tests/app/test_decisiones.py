"""AppTest of "Decisiones y acuerdos": everyone reads the minutes, only the secretariat records
and updates; records live in the store's database."""

from __future__ import annotations

import datetime as dt

import pytest
from apphelpers import ENTRY, plain
from streamlit.testing.v1 import AppTest

from planmonitor import store
from planmonitor.store.decisions import Decisions, Entry
from planmonitor.ui import auth

PAGE = "pages/decisiones.py"
MEETING = dt.date(2024, 5, 14)


@pytest.fixture
def db(tmp_path, monkeypatch):
    monkeypatch.setenv(store.URL_ENV, f"sqlite:///{tmp_path / 'app.sqlite'}")
    monkeypatch.setenv(auth.ENV_PASSWORDS, "ana:secreto-de-prueba")
    monkeypatch.delenv(auth.ENV_VIEWER, raising=False)
    s = store.open_store()
    yield s
    s.dispose()


def open_page(logged_in: bool) -> AppTest:
    at = AppTest.from_file(ENTRY, default_timeout=60)
    if logged_in:
        at.session_state["_pm_secretariat_user"] = "ana"
    at.run()
    at.switch_page(PAGE).run()
    return at


def assert_clean(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]


def record(db, **kw) -> str:
    plan = db.plan()
    base = dict(
        meeting_date=MEETING,
        kind="action",
        target_type="product",
        target_code=str(plan.products["code"].iloc[0]),
        text="Enviar la guía <b>revisada</b>",
        owner="PNUD",
    )
    return Decisions(db.engine).record(Entry(**{**base, **kw}), "ana")


def test_without_the_credential_the_list_is_visible_but_there_is_no_form(db):
    record(db)
    at = open_page(logged_in=False)
    assert_clean(at)
    assert at.title[0].value == "Decisiones y acuerdos"
    assert not [ta for ta in at.text_area if ta.key == "_pm_d_text"]
    assert any("Acceso de la Secretaría" in c.value for c in at.caption)
    table = at.dataframe[0].value
    assert table["Qué"].tolist() == ["Enviar la guía <b>revisada</b>"]  # text, not markup
    assert table["Estado"].tolist() == ["Pendiente"]
    labels = [b.label for b in at.get("download_button")]
    assert labels == ["Descargar acta (Excel)", "Descargar acta para imprimir (HTML)"]
    assert not [s for s in at.selectbox if s.key == "_pm_decision_pick"]  # no editing


def test_the_secretariat_records_a_decision_and_it_is_stored(db):
    at = open_page(logged_in=True)
    assert_clean(at)
    assert any("Todavía no hay decisiones" in i.value for i in at.info)
    at.date_input(key="_pm_d_meeting").set_value(MEETING)
    at.radio(key="_pm_d_kind").set_value("decision")
    target = at.selectbox(key="_pm_decision_target")
    assert any(o.startswith("Estrategia 2.1 · ") for o in target.options)
    target.set_value("2.1")
    at.text_area(key="_pm_d_text").input("=SUM(A1) aprobar la hoja de ruta")
    at.button(key="_pm_d_save").click().run()
    assert_clean(at)
    assert not at.error, [e.value for e in at.error]
    assert any(s.value == "Guardado." for s in at.success)
    stored = Decisions(db.engine).current()
    assert stored[["kind", "target_type", "target_code", "text"]].values.tolist() == [
        ["decision", "strategy", "2.1", "=SUM(A1) aprobar la hoja de ruta"]
    ]
    assert stored["author"].tolist() == ["ana"]
    assert at.dataframe[0].value["Tipo"].tolist() == ["Decisión"]


def test_an_incomplete_action_point_is_refused_with_the_reasons(db):
    at = open_page(logged_in=True)
    at.radio(key="_pm_d_kind").set_value("action")
    at.button(key="_pm_d_save").click().run()
    assert_clean(at)
    errors = [plain(e.value) for e in at.error]
    assert "Elija el producto o la estrategia." in errors
    assert "Escriba qué se decidió o acordó." in errors
    assert "Un acuerdo necesita un responsable («Quién»)." in errors
    assert Decisions(db.engine).current().empty


def test_marking_done_adds_a_revision_and_keeps_the_history(db):
    d = record(db)
    at = open_page(logged_in=True)
    assert_clean(at)
    at.radio(key=f"_pm_u_status_{d}_1").set_value("done")
    at.button(key=f"_pm_u_save_{d}_1").click().run()
    assert_clean(at)
    book = Decisions(db.engine)
    assert book.history(d)["status"].tolist() == ["open", "done"]
    assert at.dataframe[0].value["Estado"].tolist() == ["Cumplido"]
    at.toggle(key="_pm_decision_open_only").set_value(True).run()
    assert at.dataframe[0].value.empty


def test_a_new_data_version_leaves_the_decisions_listed(db):
    record(db)
    plan = db.plan()
    db.rollback(int(db.versions()["id"].iloc[0]), author="ana")  # a new current version
    assert db.current_version_id() > 2 and len(plan.products)
    at = open_page(logged_in=False)
    assert_clean(at)
    assert len(at.dataframe[0].value) == 1

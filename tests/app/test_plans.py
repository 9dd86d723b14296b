"""AppTest of the plan selector (issue 9): a store of two plans, each session on its own plan.

The store is the seeded one (the bundled plan) plus plan B (2025-2026, built by code with its
«Plan» sheet, tests/plansheet.py). With one plan nothing is drawn; with two the sidebar offers
both, `?plan=` opens one, an unknown one is said and the default shown; the data, the upload,
the history, the decisions and «Qué cambió» are the selected plan's.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
import streamlit as st
from apphelpers import ENTRY, plain
from planfactory import make_plan, product, report
from plansheet import plan_info, reading_plan_sheets, with_info  # noqa: F401  (fixture)
from plansheet import workbook as plans_workbook
from streamlit.testing.v1 import AppTest

from planmonitor import model, store
from planmonitor.i18n import t
from planmonitor.output import export
from planmonitor.store.decisions import Entry
from planmonitor.ui import auth, plans

B_ID = "red-b-2025-2026"
B_TITLE = "Plan B 2025-2026"
UPLOAD = "pages/actualizar.py"
HISTORY = "pages/historial.py"
DECISIONS = "pages/decisiones.py"
CHANGES = "pages/cambios.py"
UPLOADER = "_pm_upload_file_0"


@pytest.fixture
def db(tmp_path, monkeypatch):
    monkeypatch.setenv(store.URL_ENV, f"sqlite:///{tmp_path / 'app.sqlite'}")
    monkeypatch.setenv(auth.ENV_PASSWORDS, "ana:secreto-de-prueba")
    monkeypatch.delenv(auth.ENV_VIEWER, raising=False)
    s = store.open_store()
    yield s
    s.dispose()


def plan_b() -> model.Plan:
    products = [
        product("2.1.1-1", "Observatorio regional", leads=["PNUD"], start="2025-02-01"),
        product("2.2.1-1", "Campaña", start="2025-03-01", end="2026-06-30"),
    ]
    progress = [report("2025-06-30", "2.2.1-1", "En curso", 10, "Primer informe", "OIM")]
    info = plan_info(B_ID, "2025-01-01", "2026-12-31", title=B_TITLE, network="Red B")
    return with_info(make_plan(products, progress), info)


@pytest.fixture
def two(db, request):
    request.getfixturevalue("reading_plan_sheets")  # the loader reads the «Plan» sheet
    res = db.commit(plans_workbook(plan_b()), "plan-b.xlsx", author="ana")
    assert res.stored and res.preview.creates_plan
    return db


def session(params: dict[str, str] | None = None, page: str | None = None, user: bool = False):
    at = AppTest.from_file(ENTRY, default_timeout=60)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    if user:
        at.session_state["_pm_secretariat_user"] = "ana"
    at.run()
    if page is not None:
        at.switch_page(page).run()
    assert_clean(at)
    return at


def assert_clean(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]


def selector(at: AppTest):
    found = [s for s in at.sidebar.selectbox if s.key == plans.WIDGET]
    return found[0] if found else None


def shown_plan(at: AppTest) -> model.Plan:
    return at.session_state["_pm_view"].plan


def bundled_id(db) -> str:
    return next(p for p in db.plans()["plan_id"] if p != B_ID)


def test_one_plan_draws_no_selector_and_no_plan_in_the_url(db):
    at = session()
    assert selector(at) is None
    assert "plan" not in at.query_params
    assert not [w for w in at.warning if "No existe el plan" in w.value]


def test_two_plans_offer_both_and_open_the_default_plan(two):
    at = session()
    box = selector(at)
    assert box is not None and box.label == "Plan"
    assert box.options == [plans.label(r, "es") for r in two.plans().to_dict("records")]
    default = two.default_plan_id()
    assert box.value == default
    assert at.query_params["plan"] == default
    assert shown_plan(at).info.plan_id == default
    assert any(B_TITLE in o for o in box.options) and any("01/01/2025" in o for o in box.options)


@pytest.mark.parametrize("which", ["bundled", "b"])
def test_a_shared_link_opens_its_plan(two, which):
    wanted = B_ID if which == "b" else bundled_id(two)
    at = session({"plan": wanted})
    assert selector(at).value == wanted
    assert shown_plan(at).info.plan_id == wanted
    n = len(two.for_plan(wanted).plan().products)
    assert len(shown_plan(at).products) == n
    at.switch_page("pages/carga.py").run()  # another page keeps the plan and the link
    assert_clean(at)
    assert shown_plan(at).info.plan_id == wanted and at.query_params["plan"] == wanted


def test_choosing_another_plan_shows_its_data_and_rewrites_the_link(two):
    bundled = bundled_id(two)
    at = session({"plan": bundled})
    selector(at).set_value(B_ID).run()
    assert_clean(at)
    assert shown_plan(at).info.plan_id == B_ID
    assert set(shown_plan(at).products["name"]) == {"Observatorio regional", "Campaña"}
    assert at.query_params["plan"] == B_ID


@pytest.mark.parametrize("lang", ["es", "en"])
def test_an_unknown_plan_in_the_link_is_said_and_the_default_shown(two, lang):
    params = {"plan": "no-existe-2030"} | ({"lang": "en"} if lang == "en" else {})
    at = session(params)
    default = two.default_plan_id()
    assert shown_plan(at).info.plan_id == default
    texts = [plain(w.value) for w in at.warning]
    row = two.plans().set_index("plan_id").loc[default].to_dict() | {"plan_id": default}
    expected = t("plans.unknown", lang, plan="no-existe-2030", shown=plans.label(row, lang))
    assert expected in texts
    assert at.query_params["plan"] == default
    at.run()  # said until another plan is chosen
    assert expected in [plain(w.value) for w in at.warning]
    other = next(p for p in two.plans()["plan_id"] if p != default)
    selector(at).set_value(other).run()
    assert expected not in [plain(w.value) for w in at.warning]


def test_an_unknown_plan_with_a_single_plan_falls_back_to_it(db):
    at = session({"plan": "no-existe-2030"})
    assert shown_plan(at).info.plan_id == db.default_plan_id()
    assert any("no-existe-2030" in plain(w.value) for w in at.warning)
    assert selector(at) is None


def test_two_sessions_on_two_plans_each_see_their_own_plan(two):
    """One process-wide cache, two sessions run in turn on different plans: neither ever sees
    the other's plan, on any rerun (what test_caches.py proves for filters)."""
    bundled = bundled_id(two)

    def seen(at: AppTest) -> tuple:
        p = shown_plan(at)
        metrics = [(m.label, m.value) for m in at.metric]
        return (
            p.info.plan_id,
            tuple(p.products["code"]),
            at.session_state["_pm_view"].version,
            metrics,
        )

    alone = {}
    for pid in (bundled, B_ID):
        st.cache_resource.clear()
        alone[pid] = seen(session({"plan": pid}))
    assert alone[bundled][:2] != alone[B_ID][:2]
    assert alone[bundled][3] != alone[B_ID][3]
    st.cache_resource.clear()
    a, b = session({"plan": bundled}), session({"plan": B_ID})
    for at, pid in ((a, bundled), (b, B_ID), (a, bundled), (b, B_ID)):
        at.run()
        assert seen(at) == alone[pid]


def progress_only(plan: model.Plan, comment: str) -> bytes:
    extra = (
        plan.progress.iloc[:1]
        .assign(date=pd.Timestamp("2025-09-30"), comment=comment, row=pd.NA)
        .astype(plan.progress.dtypes.to_dict())
    )
    new = model.Plan(
        **{**plan.__dict__, "progress": pd.concat([plan.progress, extra], ignore_index=True)}
    )
    return export.write_workbook(export.plan_to_sheets(new, include=["Avances"]))


@pytest.mark.parametrize("which", ["bundled", "b"])
def test_an_upload_without_plan_sheet_updates_the_selected_plan(two, which):
    selected = B_ID if which == "b" else bundled_id(two)
    other = bundled_id(two) if which == "b" else B_ID
    before = {p: two.for_plan(p).versions()["id"].tolist() for p in (selected, other)}
    data = progress_only(two.for_plan(selected).plan(), "Informe de septiembre")
    at = session({"plan": selected}, UPLOAD, user=True)
    at.file_uploader(key=UPLOADER).upload("avances.xlsx", data).run()
    assert_clean(at)
    title = two.for_plan(selected).plan().info.title or selected
    expected = t("store.target.update", "es", plan=title, plan_id=selected)
    assert plain(expected) in [plain(c.value) for c in at.caption]
    next(b for b in at.button if b.key == "_pm_upload_confirm").click().run()
    assert_clean(at)
    assert len(two.for_plan(selected).versions()) == len(before[selected]) + 1
    assert two.for_plan(other).versions()["id"].tolist() == before[other]
    assert "Informe de septiembre" in set(two.for_plan(selected).plan().progress["comment"])


def test_history_lists_the_selected_plans_versions_only(two):
    at = session({"plan": B_ID}, HISTORY, user=True)
    table = at.dataframe[0].value
    files = set(table[t("history.col.filename", "es")])
    assert files == {"plan-b.xlsx"}
    at = session({"plan": bundled_id(two)}, HISTORY, user=True)
    table = at.dataframe[0].value
    assert "plan-b.xlsx" not in set(table[t("history.col.filename", "es")])


def test_decisions_are_the_selected_plans(two):
    entry = Entry(
        meeting_date=dt.date(2025, 7, 1),
        kind="decision",
        target_type="product",
        target_code="2.2.1-1",
        text="Ampliar la campaña del plan B",
    )
    two.for_plan(B_ID).decisions().record(entry, "ana")
    on_b = session({"plan": B_ID}, DECISIONS)
    assert any("Ampliar la campaña" in d.value.to_string() for d in on_b.dataframe)
    on_bundled = session({"plan": bundled_id(two)}, DECISIONS)
    assert not any("Ampliar la campaña" in d.value.to_string() for d in on_bundled.dataframe)
    assert two.for_plan(bundled_id(two)).decisions().current().empty


def test_que_cambio_offers_the_selected_plans_versions(two):
    b_versions = two.for_plan(B_ID).versions()["id"].tolist()
    at = session({"plan": B_ID}, CHANGES)
    at.segmented_control(key="_pm_cambios_kind").set_value("version").run()
    assert_clean(at)
    offered = [o.split(" · ")[0] for o in at.selectbox(key="_pm_cambios_version").options]
    assert offered == [str(v) for v in b_versions][::-1]
    selector(at).set_value(bundled_id(two)).run()  # the controls start again on the other plan
    assert_clean(at)
    assert shown_plan(at).info.plan_id == bundled_id(two)

"""AppTest of «Comparar planes» (issue 9 §4): two plans of one store side by side.

The store is the seeded one (the bundled plan) plus plan B (2025-2026, built by code with its
«Plan» sheet, as tests/app/test_plans.py builds it). With one plan the page says so plainly;
with two, `?plan=` and `?con=` open the pair, B defaults to another plan, both languages.
"""

from __future__ import annotations

import pytest
from apphelpers import ENTRY, plain
from planfactory import closed_2021_2022, cycle_2025_2026
from plansheet import reading_plan_sheets  # noqa: F401  (fixture)
from plansheet import workbook as plans_workbook
from streamlit.testing.v1 import AppTest
from test_plans import B_ID, B_TITLE, assert_clean, bundled_id, db, plan_b  # noqa: F401

from planmonitor import store
from planmonitor.analysis import describe
from planmonitor.i18n import t
from planmonitor.ui import compare as widgets

PAGE = "pages/comparar.py"


@pytest.fixture
def two(db, request):  # noqa: F811
    request.getfixturevalue("reading_plan_sheets")
    res = db.commit(plans_workbook(plan_b()), "plan-b.xlsx", author="ana")
    assert res.stored and res.preview.creates_plan
    return db


def session(params: dict[str, str] | None = None) -> AppTest:
    at = AppTest.from_file(ENTRY, default_timeout=60)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    at.run()
    at.switch_page(PAGE).run()
    assert_clean(at)
    assert not [e.value for e in at.error]  # the frame turns a page's exception into one
    return at


def box(at: AppTest, key: str):
    return next(s for s in at.selectbox if s.key == key)


def texts(at: AppTest) -> str:
    return "\n".join(plain(m.value) for m in [*at.markdown, *at.caption, *at.info, *at.warning])


def bundled_title(store) -> str:
    return describe.plan_title(store.for_plan(bundled_id(store)).plan())


@pytest.mark.parametrize("lang", ["es", "en"])
def test_one_plan_says_so_plainly(db, lang):  # noqa: F811
    at = session({"lang": "en"} if lang == "en" else {})
    assert at.title[0].value == t("page.comparar", lang)
    assert [i.value for i in at.info if i.value == t("compare.one_plan", lang)]
    assert not [s for s in at.selectbox if s.key in (widgets.A_KEY, widgets.B_KEY)]
    assert "con" not in at.query_params


@pytest.mark.parametrize("lang", ["es", "en"])
def test_a_link_opens_the_pair_it_names(two, lang):
    bundled = bundled_id(two)
    params = {"plan": B_ID, "con": bundled} | ({"lang": "en"} if lang == "en" else {})
    at = session(params)
    assert at.title[0].value == t("page.comparar", lang)
    assert box(at, widgets.A_KEY).value == B_ID
    assert box(at, widgets.B_KEY).value == bundled
    assert at.query_params["plan"] == B_ID and at.query_params["con"] == bundled
    shown = texts(at)
    assert B_TITLE in shown and bundled_title(two) in shown
    headers = {c for df in at.dataframe for c in df.value.columns}
    for key in ("compare.col.products_a", "compare.col.coverage", "compare.col.share_b"):
        assert t(key, lang) in headers
    gcm = next(df.value for df in at.dataframe if t("compare.col.coverage", lang) in df.value)
    assert len(gcm) == 23
    # the text alternative of each chart: the same data as a table
    assert len(at.get("plotly_chart")) == 3
    objectives = next(d.value for d in at.dataframe if t("compare.col.name_b", lang) in d.value)
    products_b = objectives[t("compare.col.products_b", lang)].sum()
    assert products_b == len(two.for_plan(bundled).plan().products)
    assert objectives[t("compare.col.products_a", lang)].sum() == 2  # plan B's two products


def test_the_default_comparison_is_the_other_plan_and_is_put_in_the_link(two):
    at = session({"plan": B_ID})
    bundled = bundled_id(two)
    assert box(at, widgets.B_KEY).value == bundled
    assert box(at, widgets.B_KEY).options == [
        o for o in box(at, widgets.A_KEY).options if B_TITLE not in o
    ]
    assert at.query_params["con"] == bundled


def test_choosing_a_makes_it_the_sessions_plan_and_b_moves_off_it(two):
    bundled = bundled_id(two)
    at = session({"plan": B_ID, "con": bundled})
    box(at, widgets.A_KEY).set_value(bundled).run()
    assert_clean(at)
    assert not at.error
    assert at.session_state["_pm_view"].plan.info.plan_id == bundled
    assert at.query_params["plan"] == bundled
    assert box(at, widgets.B_KEY).value == B_ID and at.query_params["con"] == B_ID


def test_an_unknown_plan_to_compare_with_is_said_and_the_default_shown(two):
    at = session({"plan": B_ID, "con": "no-existe-2030"})
    assert "No existe el plan «no-existe-2030»" in texts(at)
    assert box(at, widgets.B_KEY).value == bundled_id(two)


def test_the_page_is_listed_only_with_several_plans(db, request):  # noqa: F811
    def listed(at: AppTest) -> bool:
        links = [str(e.proto) for e in at.sidebar.get("page_link")]
        return any(t("page.comparar", "es") in link for link in links)

    assert not listed(session())
    two = request.getfixturevalue("two")
    assert len(two.plans()) == 2
    assert listed(session())


@pytest.fixture
def cycles(tmp_path, monkeypatch, request):
    """A store holding only two cycles of one fictitious network, built by code: 2021-2022
    (closed) and 2025-2026 (no bundled plan: a store holding a plan is never seeded)."""
    request.getfixturevalue("reading_plan_sheets")
    monkeypatch.setenv(store.URL_ENV, f"sqlite:///{tmp_path / 'cycles.sqlite'}")
    s = store.open_store(seed=False)
    for plan in (closed_2021_2022(), cycle_2025_2026()):
        res = s.commit(plans_workbook(plan), "plan.xlsx", author="ana")
        assert res.stored and res.preview.creates_plan, res.message()
    yield s
    s.dispose()


@pytest.mark.parametrize("lang", ["es", "en"])
def test_two_cycles_of_one_network_compare_with_the_previous_cycle_by_default(cycles, lang):
    new, old = cycle_2025_2026().info, closed_2021_2022().info
    at = session({"plan": new.plan_id} | ({"lang": "en"} if lang == "en" else {}))
    assert box(at, widgets.A_KEY).value == new.plan_id
    assert box(at, widgets.B_KEY).value == old.plan_id  # its network's previous cycle
    assert at.query_params["con"] == old.plan_id
    shown = texts(at)
    assert new.title in shown and old.title in shown
    # the same small plan moved by four years: nothing gained, nothing lost
    none = t("compare.gcm.none_word", lang)
    gained = t("compare.gcm.gained", lang, later="A", earlier="B", numbers=none)
    assert gained in shown
    drawn = shown + "\n".join(df.value.to_csv() for df in at.dataframe)
    for word in ("2023", "2024", "Perú"):
        assert word not in drawn

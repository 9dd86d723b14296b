"""AppTest of a product's lineage on «Avance» (issue 9 §4): a product of the next cycle that
continues a product of the bundled plan says so, and the bundled product says what continues
it."""

from __future__ import annotations

import dataclasses

import pytest
from apphelpers import ENTRY
from planfactory import make_plan, product
from plansheet import plan_info, reading_plan_sheets, with_info  # noqa: F401  (fixture)
from plansheet import workbook as plans_workbook
from streamlit.testing.v1 import AppTest

from planmonitor import store
from planmonitor.ui import auth

C_ID = "red-c-2025-2026"


@pytest.fixture
def cycles(tmp_path, monkeypatch, request):
    monkeypatch.setenv(store.URL_ENV, f"sqlite:///{tmp_path / 'app.sqlite'}")
    monkeypatch.delenv(auth.ENV_VIEWER, raising=False)
    request.getfixturevalue("reading_plan_sheets")
    s = store.open_store()  # seeded with the bundled plan
    bundled = s.plan()
    plan = make_plan([product("9.1.1-1", "Observatorio, segunda fase", start="2025-02-01")], [])
    plan = dataclasses.replace(
        plan, products=plan.products.assign(continues=[f"{bundled.info.plan_id}:2.1.1-1"])
    )
    info = plan_info(C_ID, "2025-01-01", "2026-12-31", title="Plan C 2025-2026")
    assert s.commit(plans_workbook(with_info(plan, info)), "c.xlsx", author="ana").stored
    yield bundled
    s.dispose()


def open_product(plan_id: str, code: str) -> AppTest:
    at = AppTest.from_file(ENTRY, default_timeout=60)
    at.query_params["plan"] = plan_id
    at.run()
    at.switch_page("pages/avance.py").run()
    box = next(s for s in at.selectbox if any(str(o).startswith(code) for o in s.options))
    box.set_value(code).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def captions(at: AppTest) -> list[str]:
    return [str(c.value).replace("\\", "") for c in at.caption]


def test_the_next_cycles_product_says_what_it_continues_and_the_bundled_one_what_follows(cycles):
    bundled = cycles
    name = bundled.products.set_index("code").loc["2.1.1-1", "name"]
    later = open_product(C_ID, "9.1.1-1")
    came = [c for c in captions(later) if c.startswith("Continúa un producto")]
    assert len(came) == 1 and ": 2.1.1-1 · " in came[0] and str(name)[:30] in came[0]

    earlier = open_product(bundled.info.plan_id, "2.1.1-1")
    went = [c for c in captions(earlier) if c.startswith("Continúa en un ciclo posterior")]
    assert went == ["Continúa en un ciclo posterior: Plan C 2025-2026: 9.1.1-1 · "
                    "Observatorio, segunda fase"]  # fmt: skip
    other = open_product(bundled.info.plan_id, "2.2.1-1")
    assert not [c for c in captions(other) if c.startswith("Continúa")]

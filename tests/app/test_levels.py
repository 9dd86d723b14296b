"""Issue 9 §2: a plan of three levels (working groups → activities → products) is drawn with no
empty strategy level, and in the words the plan gives its levels («Working group»)."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest
from apphelpers import ENTRY, PAGES
from streamlit.testing.v1 import AppTest

STRATEGY = re.compile(r"estrateg|strateg", re.IGNORECASE)


def drawn_text(at: AppTest) -> list[str]:
    """Every text the page drew: headings, captions, messages, widget labels and options,
    table headers and cells, chart titles, axis titles, legends, trace names and hovers."""
    out: list[str] = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning",
                 "success", "error"):  # fmt: skip
        out += [str(e.value) for e in getattr(at, kind)]
    for kind in ("selectbox", "multiselect", "radio", "segmented_control", "toggle", "checkbox"):
        for w in at.get(kind):
            out.append(str(getattr(w.proto, "label", "")))
            out += [str(o) for o in getattr(w.proto, "options", [])]
    for d in at.dataframe:
        df: pd.DataFrame = d.value
        out += [str(c) for c in df.columns]
        out += [str(v) for v in df.astype(str).to_numpy().ravel()]
    for c in at.get("plotly_chart"):
        out.append(json.dumps(json.loads(c.proto.spec)["layout"], ensure_ascii=False))
        for trace in json.loads(c.proto.spec)["data"]:
            out += [str(trace.get(k, "")) for k in ("name", "hovertemplate", "legendgroup")]
    for e in at.expander:
        out.append(str(e.label))
    return out


@pytest.fixture
def three_levels(use_plan):
    import threelevel

    from planmonitor.reading.loader import load_workbook

    plan = load_workbook(threelevel.workbook(), today=pd.Timestamp(threelevel.TODAY)).plan
    assert not plan.has_strategies
    use_plan(plan)
    return plan


# beside the six data pages: the pages a committee member also opens (secretariat-only pages
# need a login and draw the plan's data through the same helpers)
VIEWS = (*PAGES, "cambios", "decisiones", "informe", "comparar")


@pytest.mark.parametrize("lang", ["es", "en"])
@pytest.mark.parametrize("name", VIEWS)
def test_a_plan_without_strategies_draws_no_strategy_level(three_levels, name, lang):
    at = AppTest.from_file(ENTRY, default_timeout=60)
    at.query_params["lang"] = lang
    at.run()
    if name != VIEWS[0]:
        from apphelpers import page_path

        at.switch_page(page_path(name)).run()
    assert not at.exception, [e.value for e in at.exception]
    text = drawn_text(at)
    assert text, "the page drew something"
    leaks = [s[:160] for s in text if STRATEGY.search(s)]
    assert not leaks, leaks
    # the plan's own word for its first level (its «Plan» sheet: Level 1 = Working group),
    # on the pages with the shared filters
    if name in PAGES:
        assert any("Working group" in s for s in text), "the plan's level word is used"


def test_the_timeline_of_a_three_level_plan_offers_its_working_groups(three_levels):
    """The level selector's top level is the plan's objectives, in the plan's word; one chart
    per working group splits the Gantt by them."""
    from apphelpers import page_path

    at = AppTest.from_file(ENTRY, default_timeout=60)
    at.run()
    at.switch_page(page_path("cronograma")).run()
    level = at.get("segmented_control")[1]
    assert [o.content for o in level.proto.options][-1] == "working group"
    by_group = at.toggle[0]
    assert by_group.label == "Un gráfico por working group"
    by_group.set_value(True).run()
    assert not at.exception
    headings = [str(h.value) for h in at.subheader]
    assert [h for h in headings if h.startswith("Working group ")] == [
        "Working group WG1",
        "Working group WG2",
    ]


@pytest.mark.parametrize("lang", ["es", "en"])
def test_meeting_mode_steps_through_the_working_groups_of_a_three_level_plan(three_levels, lang):
    """Meeting mode's agenda has one timeline screen per working group (no empty strategy
    screen) and no screen says «estrategia»."""
    at = AppTest.from_file(ENTRY, default_timeout=60)
    at.query_params["lang"] = lang
    at.query_params["reunion"] = "1"
    at.run()
    titles, leaks = [], []
    for _ in range(20):  # bounded: the agenda of this plan has far fewer screens
        assert not at.exception, [e.value for e in at.exception]
        titles.append(str(at.title[0].value))
        leaks += [s[:160] for s in drawn_text(at) if STRATEGY.search(s)]
        nxt = at.button(key="_pm_meeting_next")
        if nxt.disabled:
            break
        nxt.click().run()
    assert not leaks, leaks
    timelines = [x for x in titles if "Working group" in x]
    assert len(timelines) == 2, titles  # WG1 and WG2
    assert any("WG1" in x for x in timelines) and any("WG2" in x for x in timelines)

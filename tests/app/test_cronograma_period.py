"""Cronograma with a period filter (issue 10): the axis zooms to the chosen quarters, only
products that ran in them stay, and the actual span is drawn beside the plan's dates."""

from __future__ import annotations

import json

import pandas as pd
from apphelpers import ENTRY, infos, page_path
from planfactory import cycle_info, make_plan, product, report
from streamlit.testing.v1 import AppTest

from planmonitor.i18n import t

TS = pd.Timestamp


def _plan():
    return make_plan(
        [
            product("1.1.1-1", "Diálogo", start="2023-01-01", end="2023-06-30"),
            product("1.1.1-2", "Guía", start="2024-01-01", end="2024-12-31"),
            product("2.1.1-1", "Estrategia"),  # no dates, worked on in 2023-T2
            product("2.1.1-2", "Boletín"),  # no dates, worked on only in 2024
            product("3.1.1-1", "Foro"),  # no dates, never reported
        ],
        [
            report("2023-05-15", "2.1.1-1", "En curso", 30),
            report("2023-09-30", "2.1.1-1", "Completado", 100),
            report("2024-03-31", "2.1.1-2", "En curso", 10),
        ],
        info=cycle_info("2023-01-01", "2024-12-31", plan_id="red-prueba-cronograma"),
    )


def _cronograma(use_plan, period=None) -> AppTest:
    use_plan(_plan())
    at = AppTest.from_file(ENTRY, default_timeout=60)
    at.run()
    at.switch_page(page_path("cronograma")).run()
    if period is not None:
        at.sidebar.select_slider(key="periodo").set_value(period).run()
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    return at


def _spec(at: AppTest) -> dict:
    (chart,) = at.get("plotly_chart")
    return json.loads(chart.proto.spec)


def _codes(spec: dict) -> set[str]:
    return {
        str(y).split(" ")[0]
        for tr in spec["data"]
        if tr.get("type") == "bar"
        for y in tr.get("y") or []
        if y is not None
    }


def test_a_period_filter_zooms_the_gantt_and_keeps_what_ran_in_it(use_plan):
    at = _cronograma(use_plan, ("2023-T1", "2023-T2"))
    spec = _spec(at)
    axis = spec["layout"]["xaxis"]
    assert [TS(x) for x in axis["range"]] == [TS("2023-01-01"), TS("2023-07-01")]
    assert axis["ticktext"] == ["T1 2023", "T2 2023"]
    assert axis["side"] == "top"
    # 1.1.1-2 is planned for 2024 and 2.1.1-2 only ran in 2024: both gone; 3.1.1-1 has no
    # information at all and stays
    assert _codes(spec) == {"1.1.1-1", "2.1.1-1", "3.1.1-1"}


def test_without_a_period_filter_the_gantt_spans_the_plan_with_both_legend_entries(use_plan):
    spec = _spec(_cronograma(use_plan))
    assert [TS(x) for x in spec["layout"]["xaxis"]["range"]] == [
        TS("2023-01-01"),
        TS("2025-01-01"),
    ]
    assert _codes(spec) == {"1.1.1-1", "1.1.1-2", "2.1.1-1", "2.1.1-2", "3.1.1-1"}
    legend = [tr["name"] for tr in spec["data"] if tr.get("showlegend") is not False]
    assert "Plan" in legend and "Real (según avances)" in legend
    (actual,) = [tr for tr in spec["data"] if tr["name"] == "Real (según avances)"]
    assert {y.split(" ")[0] for y in actual["y"]} == {"2.1.1-1", "2.1.1-2"}


def test_a_period_in_which_nothing_ran_says_so(use_plan):
    use_plan(
        make_plan(
            [product("1.1.1-1", start="2024-01-01", end="2024-12-31"), product("1.1.1-2")],
            [report("2024-02-01", "1.1.1-2", "En curso", 10)],
            info=cycle_info("2023-01-01", "2024-12-31", plan_id="red-prueba-vacio"),
        )
    )
    at = AppTest.from_file(ENTRY, default_timeout=60)
    at.run()
    at.switch_page(page_path("cronograma")).run()
    at.sidebar.select_slider(key="periodo").set_value(("2023-T1", "2023-T2")).run()
    assert not at.exception
    assert not at.get("plotly_chart")
    assert t("cronograma.none_in_period", "es") in infos(at)

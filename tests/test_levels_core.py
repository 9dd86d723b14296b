"""Issue 9 §2: a plan of three levels (objective or working group → activity → product) in the
core: the word of each level, the grouping level, the matrices and the Gantt."""

from __future__ import annotations

import json

import pandas as pd
import pytest
import threelevel

from planmonitor.analysis import metrics
from planmonitor.i18n import level_word
from planmonitor.output import charts
from planmonitor.reading.loader import load_default, load_workbook


@pytest.fixture(scope="module")
def plan():
    return load_workbook(threelevel.workbook(), today=pd.Timestamp(threelevel.TODAY)).plan


def test_a_level_is_named_in_the_plans_word_else_the_catalogues():
    own = ("Working group", "", "", "Deliverable")
    assert level_word("objective", "es", own) == "Working group"
    assert level_word("objective", "es", own, lower=True) == "working group"
    assert level_word("product", "en", own, plural=True) == "Deliverable"
    assert level_word("activity", "es", own) == "Actividad"
    assert level_word("activity", "en", own, plural=True) == "Activities"
    assert level_word("strategy", "es", lower=True) == "estrategia"
    # an acronym or a name keeps its capitals inside a sentence
    assert level_word("objective", "en", ("WG", "", "", ""), lower=True) == "WG"
    assert level_word("objective", "en", ("OECD pillar", "", "", ""), lower=True) == ("OECD pillar")


def test_the_plans_own_level_word_is_read_from_its_plan_sheet(plan):
    assert plan.info.level_names[0] == "Working group"
    assert not plan.has_strategies
    assert metrics.group_level(plan) == "objective"


def test_the_bundled_plan_groups_by_its_strategies():
    bundled = load_default().plan
    assert metrics.group_level(bundled) == "strategy"
    assert metrics.agency_strategy_matrix(bundled).columns.name == "strategy"


def test_the_matrices_of_a_plan_without_strategies_are_per_objective(plan):
    load = metrics.agency_strategy_matrix(plan)
    assert load.columns.name == "objective"
    assert list(load.columns) == ["WG1", "WG2"]
    assert "" not in load.columns  # no empty strategy column
    assert load.loc["IOM", "WG1"] == 2 and load.loc["IOM", "WG2"] == 0
    assert load.loc["UNHCR", "WG2"] == 1
    gcm = metrics.strategy_gcm_matrix(plan)
    assert gcm.index.name == "objective" and list(gcm.index) == ["WG1", "WG2"]


def test_an_unknown_level_is_refused(plan):
    with pytest.raises(ValueError, match="Nivel no válido"):
        metrics.agency_strategy_matrix(plan, level="product")


def _spec(fig) -> dict:
    return json.loads(fig.to_json())


def test_the_gantt_groups_a_three_level_plan_by_its_objectives_in_the_plans_word(plan):
    latest = metrics.latest_status(plan)
    fig = charts.build_gantt_figure(
        latest, lang="es", group_rows=True, group_names=metrics.level_names(plan, "objective"),
        period=(plan.info.start, plan.info.end), group_word="Working group",
    )  # fmt: skip
    texts = [a["text"] for a in _spec(fig)["layout"].get("annotations", [])]
    headers = [x for x in texts if x.startswith("<b>")]
    assert headers[0].startswith("<b>Working group WG1</b>")
    assert headers[1].startswith("<b>Working group WG2</b>")


def test_the_gantt_draws_one_bar_per_objective(plan):
    latest = metrics.latest_status(plan)
    fig = charts.build_gantt_figure(
        latest, lang="en", level="objective", names=metrics.level_names(plan, "objective"),
        period=(plan.info.start, plan.info.end), group_rows=True,
    )  # fmt: skip
    spec = _spec(fig)
    labels = {y for trace in spec["data"] for y in (trace.get("y") or [])}
    assert any(str(y).startswith("WG1 ") and "(2 products)" in str(y) for y in labels), labels
    assert any(str(y).startswith("WG2 ") and "(1 product)" in str(y) for y in labels), labels
    assert spec["layout"]["title"]["text"].startswith("Timeline by objective")

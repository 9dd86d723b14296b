"""Two plans side by side (issue 9 §4): analysis.compare on two cycles built in code."""

from __future__ import annotations

import dataclasses
import math

import pandas as pd
import pytest
from planfactory import COMMITTEE, committee_members, cycle_info, make_plan, product, report

from planmonitor.analysis import compare
from planmonitor.model import NO_REPORT
from planmonitor.output import charts, theme

TODAY = pd.Timestamp("2026-06-15")  # the later cycle is under way, the earlier one closed


def earlier():
    """2023-2024 (closed on TODAY): objectives 1 and 2; GCM 1, 3 specific, 6 only via «Todos»."""
    products = [
        product("1.1.1-1", leads=["OIM"], partners=["PNUD"], gcm=[1, 3]),
        product("1.1.1-2", leads=["PNUD"], partners=[COMMITTEE], gcm=[1]),
        product("2.1.1-1", leads=["OIT"], partners=["OIM"], gcm_all=True),
    ]
    progress = [
        report("2023-06-30", "1.1.1-1", "En curso", 50),
        report("2024-12-01", "1.1.1-1", "Completado", 100),
        report("2024-03-31", "2.1.1-1", "Cancelado", 10),
        # after the plan's end: a closed plan is read as of its end, so this is not counted
        report("2025-02-01", "1.1.1-2", "Completado", 100),
    ]
    info = cycle_info("2023-01-01", "2024-12-31", "Plan anterior de prueba", "Red de Prueba")
    plan = make_plan(products, progress, info=info)
    names = plan.objectives.assign(name=["Gobernanza", "Comunicación"])
    return dataclasses.replace(plan, objectives=names)


def later():
    """2025-2026: objectives 1 (reworded case/accents), 3; GCM 3 and 23 specific."""
    products = [
        product("1.1.1-1", leads=["OIM"], gcm=[3]),
        product("3.1.1-1", leads=["ACNUR"], partners=["OIM", "UNICEF"], gcm=[23]),
        product("3.1.1-2", leads=["ACNUR", "OIM"], gcm=[23, 3]),
        product("3.1.1-3", leads=["UNICEF"]),
    ]
    progress = [
        report("2025-06-30", "1.1.1-1", "En curso", 40),
        report("2026-03-31", "3.1.1-1", "Completado", 100),
        report("2026-09-30", "3.1.1-2", "Completado", 100),  # after TODAY: not yet
    ]
    info = cycle_info("2025-01-01", "2026-12-31", "Plan nuevo de prueba", "Red de Prueba")
    plan = make_plan(products, progress, info=info)
    names = plan.objectives.assign(name=["GOBERNANZA ", "Datos"])
    return dataclasses.replace(plan, objectives=names)


@pytest.fixture
def cmp():
    return compare.compare_plans(later(), earlier(), today=TODAY)


def test_each_plan_is_read_as_of_its_own_day(cmp):
    assert cmp.as_of_a == TODAY
    assert cmp.as_of_b == pd.Timestamp("2024-12-31")


def test_gcm_objectives_gained_lost_and_kept_are_exact_sets(cmp):
    assert cmp.a_is_later
    assert cmp.covered("both") == (3,)
    assert cmp.covered("a") == (23,)
    assert cmp.covered("b") == (1,)
    assert cmp.gained == (23,)
    assert cmp.lost == (1,)
    assert len(cmp.gcm) == 23
    # «Todos» is counted apart and covers nothing: GCM 6 stays uncovered in both
    six = cmp.gcm.set_index("number").loc[6]
    assert (six["n_specific_b"], six["n_all_b"], six["coverage"]) == (0, 1, "none")
    three = cmp.gcm.set_index("number").loc[3]
    assert (three["n_specific_a"], three["n_specific_b"]) == (2, 1)


def test_gained_and_lost_follow_time_not_the_order_of_the_arguments():
    swapped = compare.compare_plans(earlier(), later(), today=TODAY)
    assert not swapped.a_is_later
    assert swapped.gained == (23,) and swapped.lost == (1,)
    assert swapped.covered("a") == (1,) and swapped.covered("b") == (23,)


def test_objectives_are_matched_by_code_with_both_names_side_by_side(cmp):
    obj = cmp.objectives.set_index("code")
    assert list(cmp.objectives["code"]) == ["1", "3", "2"]  # A's order, then B's own
    assert obj.loc["1", ["name_a", "name_b"]].tolist() == ["GOBERNANZA ", "Gobernanza"]
    assert bool(obj.loc["1", "same_name"])
    assert obj.loc["3", "name_b"] == "" and not obj.loc["3", "same_name"]
    assert obj.loc["2", "name_a"] == "" and obj.loc["2", "name_b"] == "Comunicación"
    assert obj["products_a"].to_dict() == {"1": 1, "3": 3, "2": 0}
    assert obj["products_b"].to_dict() == {"1": 2, "3": 0, "2": 1}
    assert obj["delta"].to_dict() == {"1": 1, "3": -3, "2": 1}
    assert obj.loc["1", "completion_a"] == 40.0
    assert obj.loc["3", "completion_a"] == pytest.approx(100 / 3)
    assert obj.loc["1", "completion_b"] == 50.0  # (100 + 0) / 2; the 2025 report is past its end
    assert math.isnan(obj.loc["2", "completion_b"])  # its only product is cancelled
    assert math.isnan(obj.loc["2", "completion_a"])


def test_products_per_agency_as_lead_and_partner_with_the_committee_expanded(cmp):
    ag = cmp.agencies.set_index("agency")
    assert ag.loc["OIM", ["lead_a", "partner_a", "total_a"]].tolist() == [2, 1, 3]
    assert ag.loc["ACNUR", ["lead_a", "partner_a", "total_a"]].tolist() == [2, 0, 2]
    assert ag.loc["UNICEF", ["lead_a", "partner_a", "total_a"]].tolist() == [1, 1, 2]
    assert ag.loc["OIT", ["total_a", "lead_b", "partner_b", "total_b"]].tolist() == [0, 1, 1, 2]
    # B's committee partner: each member counts the product once, as on the Carga page
    members = committee_members()
    assert "PNUD" in members  # PNUD also leads the product: counted as lead only
    for member in set(members) - {"PNUD", "OIT"}:
        assert ag.loc[member, ["lead_b", "partner_b", "total_b"]].tolist() == [0, 1, 1], member
    assert ag.loc["PNUD", ["lead_b", "partner_b", "total_b"]].tolist() == [1, 1, 2]
    assert COMMITTEE not in ag.index
    # agencies of neither plan's products are left out
    assert set(ag.index) == {"OIM", "PNUD", "OIT", "ACNUR", "UNICEF"} | set(members)
    assert (ag["delta"] == ag["total_b"] - ag["total_a"]).all()


def test_completion_by_status_and_summary(cmp):
    st = cmp.status.set_index("status")
    assert st["count_a"].to_dict() == {
        "No iniciado": 0, "En curso": 1, "Completado": 1, "Retrasado": 0, "Cancelado": 0,
        NO_REPORT: 2,
    }  # fmt: skip
    assert st["count_b"].to_dict() == {
        "No iniciado": 0, "En curso": 0, "Completado": 1, "Retrasado": 0, "Cancelado": 1,
        NO_REPORT: 1,
    }  # fmt: skip
    assert st.loc["Completado", "share_a"] == 25.0
    assert st.loc["Completado", "share_b"] == pytest.approx(100 / 3)
    assert st["share_a"].sum() == pytest.approx(100.0)
    summary = cmp.summary.set_index("metric")
    assert list(cmp.summary["metric"]) == list(compare.SUMMARY_KEYS)
    assert summary.loc["products"].tolist() == [4.0, 3.0]
    assert summary.loc["objectives"].tolist() == [2.0, 2.0]
    assert summary.loc["completed"].tolist() == [1.0, 1.0]
    assert summary.loc["completion"].tolist() == [35.0, 50.0]  # (40+100)/4; cancelled out
    assert summary.loc["gcm_specific"].tolist() == [2.0, 2.0]
    assert summary.loc["gcm_only_all"].tolist() == [0.0, 21.0]


def test_the_plans_passed_in_are_not_modified():
    a, b = later(), earlier()
    before = [(p.products.copy(deep=True), p.progress.copy(deep=True)) for p in (a, b)]
    compare.compare_plans(a, b, today=TODAY)
    for p, (products, progress) in zip((a, b), before, strict=True):
        pd.testing.assert_frame_equal(p.products, products)
        pd.testing.assert_frame_equal(p.progress, progress)


def test_an_unknown_coverage_kind_is_refused(cmp):
    with pytest.raises(ValueError, match="coverage must be one of"):
        cmp.covered("gained")


def _plans(*rows):
    return pd.DataFrame(
        [
            {"plan_id": i, "network_id": n, "start": pd.Timestamp(s), "end": pd.Timestamp(e)}
            for i, n, s, e in rows
        ]
    )


def test_default_other_is_the_named_previous_plan_else_the_networks_previous_cycle():
    plans = _plans(
        ("red-a-2021-2022", "red-a", "2021-01-01", "2022-12-31"),
        ("red-a-2023-2024", "red-a", "2023-01-01", "2024-12-31"),
        ("otra-2025-2026", "otra", "2025-01-01", "2026-12-31"),
        ("red-a-2025-2026", "red-a", "2025-01-01", "2026-12-31"),
    )
    assert compare.default_other(plans, "red-a-2025-2026") == "red-a-2023-2024"
    assert compare.default_other(plans, "red-a-2025-2026", "red-a-2021-2022") == "red-a-2021-2022"
    # a previous plan the store does not hold: the network's previous cycle
    assert compare.default_other(plans, "red-a-2025-2026", "no-existe") == "red-a-2023-2024"
    # no earlier cycle of its network: the most recent other plan
    assert compare.default_other(plans, "otra-2025-2026") == "red-a-2025-2026"
    assert compare.default_other(plans, "red-a-2021-2022") == "red-a-2025-2026"


def test_default_other_without_network_or_other_plan():
    plans = _plans(("plan", "", "2023-01-01", "2024-12-31"), ("b", "", "2021-01-01", "2022-12-31"))
    assert compare.default_other(plans, "plan") == "b"  # no network: the other, most recent
    assert compare.default_other(plans.iloc[:1], "plan") is None


# --------------------------------------------------------------------------------------------
# The chart (output.charts.compare)
# --------------------------------------------------------------------------------------------
def _bars(**kw):
    table = pd.DataFrame({"label": ["Objetivo 1", "Objetivo <b>2</b>"], "a": [3, 0], "b": [1, 4]})
    return charts.build_side_by_side_figure(
        table, "label", ("Plan <i>nuevo</i>", "Plan anterior"), "chart.compare.objectives", **kw
    )


def test_the_chart_has_one_trace_per_plan_in_the_tables_order_with_text_escaped():
    fig = _bars()
    assert [tr.type for tr in fig.data] == ["bar", "bar"]
    assert [tr.name for tr in fig.data] == ["A: Plan &lt;i&gt;nuevo&lt;/i&gt;", "B: Plan anterior"]
    assert list(fig.data[0].y) == ["Objetivo 1", "Objetivo &lt;b&gt;2&lt;/b&gt;"]
    assert list(fig.data[0].x) == [3, 0] and list(fig.data[1].x) == [1, 4]
    assert [tr.marker.color for tr in fig.data] == list(theme.PLAN_COLORS)
    assert fig.data[1].marker.pattern.shape == "/"  # B told apart without colour,
    assert fig.data[1].marker.pattern.fillmode == "overlay"  # its colour kept under the hatch
    assert fig.layout.barmode == "group"
    assert fig.layout.title.text == "Productos por objetivo"
    assert list(fig.layout.yaxis.categoryarray) == list(fig.data[0].y)


def test_the_chart_of_shares_is_on_a_percent_axis_in_english():
    fig = _bars(lang="en", percent=True)
    assert fig.layout.title.text == "Products per objective"
    assert tuple(fig.layout.xaxis.range) == (0, 105)
    assert fig.layout.xaxis.title.text == "% of the plan's products"  # a share, not progress
    assert list(fig.data[0].text) == ["3%", "0%"]


def test_the_chart_refuses_an_empty_table_and_a_missing_column():
    empty = pd.DataFrame({"label": [], "a": [], "b": []})
    with pytest.raises(ValueError, match="vacío"):
        charts.build_side_by_side_figure(empty, "label", ("A", "B"), "chart.compare.status")
    with pytest.raises(ValueError, match="missing columns: b"):
        charts.build_side_by_side_figure(
            empty.drop(columns="b"), "label", ("A", "B"), "chart.compare.status"
        )

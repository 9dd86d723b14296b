"""changes.py: the plan cut at a date, and what changed since a date or a stored version."""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest
from planfactory import make_plan, product, report

from planmonitor.analysis import changes, metrics
from planmonitor.analysis.changes import (
    COMMENT_COLUMNS,
    MARKER_COLUMNS,
    changes_since,
    default_reference,
    plan_as_of,
)
from planmonitor.model import NO_REPORT
from planmonitor.output import charts

TS = pd.Timestamp


def base_plan():
    products = [
        product("1.1.1-1", "Diálogo", start="2023-04-01", end="2023-12-31"),
        product("1.1.1-2", "Guía", start="2023-04-01", end="2024-06-30"),
        product("2.1.1-1", "Estrategia de comunicación", start="2023-01-01", end="2024-12-31"),
    ]
    progress = [
        report("2024-03-31", "1.1.1-1", "En curso", 40, "Primer diálogo", "OIM"),
        report("2024-03-31", "1.1.1-2", "No iniciado", 0, "", "PNUD"),
        report("2024-04-15", "1.1.1-1", "Completado", 100, "Informe final", "OIM"),
        report("2024-04-20", "2.1.1-1", "En curso", 10, "", "OIT"),
        report("2024-05-10", "1.1.1-2", "En curso", 30, "Borrador", "PNUD"),
    ]
    return make_plan(products, progress)


def test_default_reference_is_last_day_of_previous_month():
    assert default_reference(TS("2024-06-15")) == TS("2024-05-31")
    assert default_reference(TS("2024-06-01")) == TS("2024-05-31")
    assert default_reference("2024-03-31 18:00") == TS("2024-02-29")
    assert default_reference(TS("2024-01-10")) == TS("2023-12-31")


def test_plan_as_of_keeps_entries_on_or_before_the_day_only():
    plan = base_plan()
    cut = plan_as_of(plan, "2024-04-15")
    assert list(cut.progress["date"].dt.strftime("%Y-%m-%d")) == [
        "2024-03-31",
        "2024-03-31",
        "2024-04-15",
    ]
    # the day itself is included even when the cut has a time of day
    assert len(plan_as_of(plan, TS("2024-04-15 00:00")).progress) == 3
    assert len(plan_as_of(plan, "2024-03-30").progress) == 0
    assert len(plan.progress) == 5  # the input is untouched
    assert cut.products is plan.products


def test_changes_since_a_date_lists_status_percent_and_comments():
    plan = base_plan()
    ch = changes_since(plan, TS("2024-03-31"))
    assert not ch.is_empty
    assert ch.status_changes.to_dict("records") == [
        {
            "code": "1.1.1-1",
            "name": "Diálogo",
            "old_status": "En curso",
            "new_status": "Completado",
        },
        {
            "code": "1.1.1-2",
            "name": "Guía",
            "old_status": "No iniciado",
            "new_status": "En curso",
        },
        {
            "code": "2.1.1-1",
            "name": "Estrategia de comunicación",
            "old_status": NO_REPORT,
            "new_status": "En curso",
        },
    ]
    gained = ch.percent_gained.set_index("code")
    assert gained.loc["1.1.1-1", ["old", "new", "delta"]].tolist() == [40.0, 100.0, 60.0]
    assert gained.loc["2.1.1-1", "delta"] == 10.0
    assert gained.loc["1.1.1-2", "delta"] == 30.0
    assert list(ch.new_comments.columns) == COMMENT_COLUMNS
    assert ch.new_comments[["code", "comment", "reported_by"]].values.tolist() == [
        ["1.1.1-1", "Informe final", "OIM"],
        ["1.1.1-2", "Borrador", "PNUD"],
    ]
    assert ch.new_comments["date"].tolist() == [TS("2024-04-15"), TS("2024-05-10")]
    # against a date the products are the same: nothing product-level
    assert ch.new_products.empty and ch.removed_products.empty and ch.slips.empty
    assert ch.changed_fields.empty
    assert ch.reference == TS("2024-03-31")


def test_as_of_cut_excludes_later_entries():
    plan = base_plan()
    ch = changes_since(plan, TS("2024-03-31"), as_of=TS("2024-04-30"))
    assert set(ch.status_changes["code"]) == {"1.1.1-1", "2.1.1-1"}
    assert "1.1.1-2" not in set(ch.percent_gained["code"])
    assert ch.new_comments["comment"].tolist() == ["Informe final"]


def test_percent_going_down_is_reported_with_a_negative_delta_and_zero_is_not():
    plan = make_plan(
        [product("1.1.1-1"), product("1.1.1-2")],
        [
            report("2024-01-31", "1.1.1-1", "En curso", 50),
            report("2024-01-31", "1.1.1-2", "En curso", 20),
            report("2024-02-15", "1.1.1-1", "Retrasado", 30),
            report("2024-02-15", "1.1.1-2", "En curso", 20, "Sin novedad"),
        ],
    )
    ch = changes_since(plan, "2024-01-31")
    assert ch.percent_gained[["code", "delta"]].values.tolist() == [["1.1.1-1", -20.0]]
    assert ch.status_changes["code"].tolist() == ["1.1.1-1"]
    assert ch.new_comments["code"].tolist() == ["1.1.1-2"]


def test_nothing_changed_is_empty():
    plan = base_plan()
    ch = changes_since(plan, TS("2024-12-31"))
    assert ch.is_empty
    assert all(df.empty for df in ch.tables().values())
    assert ch.markers().empty
    assert list(ch.markers().columns) == MARKER_COLUMNS
    same = changes_since(plan, plan)
    assert same.is_empty


def test_changes_since_a_version_adds_product_level_changes():
    old = base_plan()
    products = [
        product("1.1.1-1", "Diálogo", start="2023-04-01", end="2023-12-31"),
        # end moved later by 92 days and renamed
        product("1.1.1-2", "Guía actualizada", start="2023-04-01", end="2024-09-30"),
        product("3.1.1-1", "Producto nuevo", start="2024-01-01", end="2024-12-31"),
    ]
    progress = [*(r for r in old.progress.drop(columns="row").to_dict("records"))]
    new = make_plan(products, progress)
    ch = changes_since(new, old)
    assert ch.reference is None
    assert ch.new_products[["code", "name"]].values.tolist() == [["3.1.1-1", "Producto nuevo"]]
    assert ch.removed_products["code"].tolist() == ["2.1.1-1"]
    assert ch.slips.to_dict("records") == [
        {
            "code": "1.1.1-2",
            "name": "Guía actualizada",
            "old_end": TS("2024-06-30"),
            "new_end": TS("2024-09-30"),
            "days": 92,
        }
    ]
    fields = set(zip(ch.changed_fields["code"], ch.changed_fields["field"], strict=True))
    assert ("1.1.1-2", "name") in fields and ("1.1.1-2", "end") in fields
    # same progress log: no progress-based change
    assert ch.status_changes.empty and ch.percent_gained.empty and ch.new_comments.empty


def test_a_corrected_comment_since_a_version_is_a_new_comment():
    """Issue 10: a corrected report is no longer a new entry of the diff; its new comment is
    still one the committee has not seen (a corrected percent alone is no comment)."""
    old = base_plan()
    progress = old.progress.drop(columns="row").to_dict("records")
    progress[4] = {**progress[4], "comment": "Borrador revisado"}  # 2024-05-10, 1.1.1-2
    progress[3] = {**progress[3], "percent": 15.0}  # 2024-04-20, 2.1.1-1: no comment
    new = make_plan([product(c) for c in ("1.1.1-1", "1.1.1-2", "2.1.1-1")], progress)
    new = dataclasses.replace(new, products=old.products)
    ch = changes_since(new, old)
    assert ch.new_comments[["code", "comment", "reported_by"]].values.tolist() == [
        ["1.1.1-2", "Borrador revisado", "PNUD"]
    ]
    assert ch.percent_gained["code"].tolist() == ["2.1.1-1"]


def test_slips_only_for_later_end_dates():
    old = make_plan(
        [
            product("1.1.1-1", end="2024-06-30"),
            product("1.1.1-2", end="2024-06-30"),
            product("1.1.1-3", end=None),
            product("1.1.1-4", end="2024-06-30"),
        ]
    )
    new = make_plan(
        [
            product("1.1.1-1", end="2024-03-31"),  # earlier: not a slip
            product("1.1.1-2", end="2024-06-30"),  # same
            product("1.1.1-3", end="2024-12-31"),  # had no end: not a slip
            product("1.1.1-4", end="2024-07-01"),  # one day later
        ]
    )
    ch = changes_since(new, old)
    assert ch.slips[["code", "days"]].values.tolist() == [["1.1.1-4", 1]]


def test_markers_point_at_the_last_new_entry_and_fit_the_gantt():
    plan = base_plan()
    ch = changes_since(plan, TS("2024-03-31"))
    markers = ch.markers("es")
    assert list(markers.columns) == MARKER_COLUMNS
    by_code = markers.set_index("code")
    assert by_code.loc["1.1.1-1", "date"] == TS("2024-04-15")
    assert by_code.loc["1.1.1-2", "date"] == TS("2024-05-10")
    assert "En curso → Completado" in by_code.loc["1.1.1-1", "label"]
    assert "+60 %" in by_code.loc["1.1.1-1", "label"]
    assert "In progress → Completed" in ch.markers("en").set_index("code").loc["1.1.1-1", "label"]
    latest = metrics.latest_status(plan)
    fig = charts.build_gantt_figure(latest, markers=markers)
    marker_traces = [tr for tr in fig.data if getattr(tr, "mode", None) == "markers"]
    assert marker_traces and len(marker_traces[0].x) == 3


def test_slip_marker_sits_on_the_new_end():
    old = make_plan([product("1.1.1-1", end="2024-06-30")])
    new = make_plan([product("1.1.1-1", end="2024-09-30")])
    markers = changes_since(new, old).markers("en")
    assert markers.to_dict("records") == [
        {"code": "1.1.1-1", "date": TS("2024-09-30"), "label": "End moved to 30 Sep 2024"}
    ]


def test_inputs_are_not_mutated():
    plan = base_plan()
    before = plan.progress.copy()
    changes_since(plan, TS("2024-03-31"), as_of="2024-04-30")
    pd.testing.assert_frame_equal(plan.progress, before)


@pytest.mark.parametrize("ref", ["2024-03-31", TS("2024-03-31 12:00")])
def test_reference_date_accepts_text_and_times(ref):
    plan = base_plan()
    assert changes_since(plan, ref).reference == TS("2024-03-31")


def test_removed_product_is_listed_even_with_progress_in_the_old_version():
    old = base_plan()
    new = dataclasses.replace(
        old,
        products=old.products[old.products["code"] != "2.1.1-1"].reset_index(drop=True),
        progress=old.progress[old.progress["code"] != "2.1.1-1"].reset_index(drop=True),
    )
    ch = changes_since(new, old)
    assert ch.removed_products[["code", "name"]].values.tolist() == [
        ["2.1.1-1", "Estrategia de comunicación"]
    ]
    assert ch.status_changes.empty


def test_version_at_is_the_version_current_at_the_end_of_the_day():
    from planmonitor.analysis.changes import version_at

    versions = pd.DataFrame(
        {
            "id": [1, 2, 3],
            "created_at": pd.to_datetime(
                ["2024-04-02 10:00", "2024-04-30 23:59", "2024-05-03 08:00"], utc=True
            ),
        }
    )
    assert version_at(versions, "2024-04-30") == 2
    assert version_at(versions, "2024-05-31") == 3
    assert version_at(versions, "2024-03-31") is None  # the store is younger than that
    assert version_at(versions.iloc[:0], "2024-04-30") is None


# ---- the default reference of «Qué cambió» (issue 10) -----------------------------------------
def _versions(*days: str) -> pd.DataFrame:
    return pd.DataFrame(
        {"id": range(1, len(days) + 1), "created_at": pd.to_datetime(list(days), utc=True)}
    )


def test_default_is_the_version_current_at_the_last_meeting():
    versions = _versions("2026-09-01 10:00", "2026-10-01 10:00", "2026-11-20 10:00")
    meetings = [pd.Timestamp("2026-09-15"), pd.Timestamp("2026-10-20"), pd.Timestamp("2027-01-10")]
    ref = changes.default_since(versions, meetings, "2026-12-03")
    # the meeting of 2027 has not happened; on 2026-10-20 version 2 was current
    assert (ref.why, ref.version, ref.day) == ("meeting", 2, pd.Timestamp("2026-10-20"))


def test_default_without_meetings_is_the_previous_version():
    versions = _versions("2026-11-01 10:00", "2026-11-20 10:00", "2026-12-02 10:00")
    assert changes.default_since(versions, [], "2026-12-03").version == 2
    # a meeting before the first version cannot name what the committee saw: previous version
    before = changes.default_since(versions, [pd.Timestamp("2026-10-01")], "2026-12-03")
    assert (before.why, before.version) == ("previous", 2)


def test_default_with_one_version_is_the_end_of_last_month():
    old = changes.default_since(_versions("2026-10-01 10:00"), [], "2026-12-03")
    assert (old.why, old.day, old.version) == ("month_end", pd.Timestamp("2026-11-30"), 1)
    new = changes.default_since(_versions("2026-12-02 10:00"), [], "2026-12-03")
    assert (new.why, new.version) == ("month_end", None)  # a cut of the log at 30 Nov
    empty = changes.default_since(pd.DataFrame({"id": []}), [], "2026-12-03")
    assert (empty.why, empty.version) == ("month_end", None)

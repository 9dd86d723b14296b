"""The regional roll-up (issue 11, §2): reporting calendar, GCM coverage, agencies across
networks, completion and alerts per network; plans built in code, several networks."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from planfactory import COMMITTEE, make_plan, product, report
from plansheet import plan_info, reading_plan_sheets, with_info  # noqa: F401  (fixture)
from plansheet import workbook as plans_workbook

from planmonitor.analysis import networks, region
from planmonitor.analysis.region import GRACE_DAYS, Region
from planmonitor.model import Plan

TODAY = "2025-10-15"


def plan_of(nid: str, start: str, end: str, products, progress=(), area: str = "Región X") -> Plan:
    info = plan_info(
        f"{nid}-{start[:4]}-{end[:4]}", start, end, network=f"Red {nid[-1].upper()}",
        network_id=nid, region=area,
    )  # fmt: skip
    return with_info(make_plan(products, progress), info)


def region_of(*plans: Plan) -> Region:
    rows = [
        {
            "network_id": p.info.network_id,
            "network_es": p.info.network_es,
            "network_en": p.info.network_en,
            "country": p.info.country,
            "region": p.info.region,
            "plan_ids": (p.info.plan_id,),
            "plans": 1,
            "latest_plan_id": p.info.plan_id,
        }
        for p in plans
    ]
    nets = pd.DataFrame(rows, columns=networks.NETWORK_COLUMNS)
    return Region(nets, {p.info.network_id: p for p in plans})


# Red A reports irregularly over 2025; Red B (2024-07 to 2025-06) has never reported.
A = plan_of(
    "red-a", "2025-01-01", "2025-12-31",
    [
        product("1.1.1-1", leads=["OIM"], partners=[COMMITTEE], start="2025-01-01",
                end="2025-06-30", gcm=[1, 3]),
        product("1.1.1-2", leads=["PNUD"], partners=["OIM"], start="2025-01-01",
                end="2025-12-31", gcm=[1]),
        product("2.1.1-1", leads=["OIT"], gcm_all=True),
        product("2.1.1-2", leads=["ACNUR"], gcm=[3, 3]),
    ],
    [
        report("2025-01-15", "1.1.1-1", "En curso", 20),
        report(f"2025-03-{GRACE_DAYS:02d}", "1.1.1-1", "En curso", 40),  # Feb's grace, last day
        report("2025-05-11", "1.1.1-2", "En curso", 50),  # one day past April's grace
        report("2025-08-01", "1.1.1-1", "Completado", 100),  # after the end of July
        report("2025-08-02", "2.1.1-2", "Cancelado", 10),
    ],
)  # fmt: skip
B = plan_of(
    "red-b", "2024-07-01", "2025-06-30",
    [
        product("1.1.1-1", leads=["PNUD"], partners=["OIM"], start="2024-07-01",
                end="2025-03-31", gcm_all=True),
        product("1.1.1-2", leads=[], partners=["OIM", COMMITTEE], gcm_all=True),
    ],
    area="Región Y",
)  # fmt: skip
REGION = region_of(A, B)


def status(cal: pd.DataFrame, nid: str, month: str) -> tuple[str, pd.Timestamp]:
    row = cal[(cal["network_id"] == nid) & (cal["month"] == month)].iloc[0]
    return row["status"], row["first_entry"]


def test_calendar_one_row_per_network_and_month_with_the_four_statuses():
    months = [f"2025-{m:02d}" for m in range(1, 10)]
    cal = region.reporting_calendar(REGION, months)
    assert list(cal.columns) == ["network_id", "month", "status", "first_entry"]
    assert len(cal) == 2 * len(months)
    assert cal["network_id"].tolist() == ["red-a"] * 9 + ["red-b"] * 9
    assert set(cal["status"]) <= set(region.STATUSES)
    got = [status(cal, "red-a", m)[0] for m in months]
    assert got == [
        "reported",  # Jan: entry on 15 Jan
        "reported",  # Feb: first entry 10 Mar, the last day of the grace
        "reported",  # Mar: dated in the month
        "late",  # Apr: first entry 11 May, one day past the grace, before the end of May
        "reported",  # May: 11 May
        "missing",  # Jun: nothing until 1 Aug, after the end of July
        "reported",  # Jul: 1 Aug is within the grace
        "reported",  # Aug
        "missing",  # Sep: no entry yet
    ]
    assert status(cal, "red-a", "2025-04")[1] == pd.Timestamp("2025-05-11")
    assert status(cal, "red-a", "2025-06")[1] == pd.Timestamp("2025-08-01")
    assert pd.isna(status(cal, "red-a", "2025-09")[1])


def test_calendar_grace_boundary_one_day_later_is_late():
    later = plan_of("red-a", "2025-01-01", "2025-12-31", [product("1.1.1-1")],
                    [report("2025-03-11", "1.1.1-1", "En curso", 10)])  # fmt: skip
    cal = region.reporting_calendar(region_of(later), ["2025-02", "2025-03", "2025-01"])
    assert cal["month"].tolist() == ["2025-02", "2025-03", "2025-01"]
    assert cal["status"].tolist() == ["late", "reported", "missing"]


def test_calendar_months_outside_the_period_and_a_network_without_progress():
    cal = region.reporting_calendar(REGION, ["2024-06", "2024-07", "2025-06", "2025-07"])
    assert [status(cal, "red-b", m)[0] for m in ("2024-06", "2024-07", "2025-06", "2025-07")] == [
        "outside", "missing", "missing", "outside",
    ]  # fmt: skip
    assert cal.loc[cal["network_id"] == "red-b", "first_entry"].isna().all()
    assert [status(cal, "red-a", m)[0] for m in ("2024-06", "2024-07")] == ["outside", "outside"]


def test_last_reports_and_the_months_of_the_region():
    last = region.last_reports(REGION)
    assert last["network_id"].tolist() == ["red-a", "red-b"]
    assert last.iloc[0]["last_report"] == pd.Timestamp("2025-08-02")
    assert pd.isna(last.iloc[1]["last_report"])
    months = region.region_months(REGION, TODAY)
    assert months[0] == "2024-07" and months[-1] == "2025-10"  # capped at today's month
    assert len(months) == len(set(months)) == 16
    assert region.region_months(REGION, "2030-01-01")[-1] == "2025-12"


def test_gcm_coverage_counts_specific_links_apart_from_todos():
    cov = region.gcm_coverage(REGION)
    assert list(cov.columns) == ["network_id", *range(1, 24), "all"]
    a, b = cov.iloc[0], cov.iloc[1]
    assert (a[1], a[3], a[2], a["all"]) == (2, 2, 0, 1)  # [3, 3] counts once
    assert b[list(range(1, 24))].sum() == 0 and b["all"] == 2  # «Todos» only
    assert region.uncovered(REGION) == [n for n in range(1, 24) if n not in (1, 3)]
    # a region of «Todos» products only covers nothing
    assert region.uncovered(REGION.only(network="red-b")) == list(range(1, 24))


def test_agencies_across_networks_as_lead_and_partner_committee_kept_as_written():
    ag = region.agency_networks(REGION)
    assert list(ag.columns) == ["agency", "network_id", "lead", "partner"]
    rows = {(r.agency, r.network_id): (r.lead, r.partner) for r in ag.itertuples()}
    assert rows[("OIM", "red-a")] == (1, 1)  # leads one product, partner of another
    assert rows[("OIM", "red-b")] == (0, 2)  # only a partner there
    assert rows[("PNUD", "red-a")] == (1, 0) and rows[("PNUD", "red-b")] == (1, 0)
    assert rows[(COMMITTEE, "red-a")] == (0, 1) and rows[(COMMITTEE, "red-b")] == (0, 1)
    assert ag["agency"].iloc[-1] == COMMITTEE  # its own label, last; members not expanded
    assert ("OIT", "red-b") not in rows  # no empty pairs
    assert ag["agency"].tolist()[:3] == ["ACNUR", "OIM", "OIM"]


def test_completion_per_network_as_of_each_plan():
    comp = region.completion_by_network(REGION, TODAY)
    assert comp["network_id"].tolist() == ["red-a", "red-b"]
    assert comp["products"].tolist() == [4, 2]
    # red-a: 100, 50, 0 (no report); the cancelled product is left out
    assert comp.iloc[0]["completion"] == pytest.approx(50.0)
    assert comp.iloc[1]["completion"] == 0.0  # never reported: 0 %
    # read before August: the August entries do not count yet
    early = region.completion_by_network(REGION, "2025-07-31")
    assert early.iloc[0]["completion"] == pytest.approx((40 + 50 + 0 + 0) / 4)


def test_completion_per_gcm_objective_nan_where_no_specific_link():
    comp = region.completion_by_gcm(REGION, TODAY)
    assert list(comp.columns) == ["network_id", *range(1, 24)]
    a, b = comp.iloc[0], comp.iloc[1]
    assert a[1] == pytest.approx(75.0)  # 100 and 50
    assert a[3] == pytest.approx(100.0)  # the cancelled product on 3 is left out
    assert math.isnan(a[2])
    assert b[list(range(1, 24))].isna().all()  # «Todos» only


def test_only_cancelled_products_give_nan_completion():
    c = plan_of("red-c", "2025-01-01", "2025-12-31", [product("1.1.1-1", gcm=[5])],
                [report("2025-02-01", "1.1.1-1", "Cancelado", 0)])  # fmt: skip
    r = region_of(c)
    assert math.isnan(region.completion_by_network(r, TODAY).iloc[0]["completion"])
    assert math.isnan(region.completion_by_gcm(r, TODAY).iloc[0][5])


def test_alerts_per_network_count_the_alert_kinds():
    al = region.alerts_by_network(REGION, TODAY)
    assert list(al.columns) == ["network_id", "overdue", "not_started", "stale", "no_lead",
                                "no_dates", "products"]  # fmt: skip
    a = al.set_index("network_id").loc["red-a"]
    assert a["overdue"] == 0  # 1.1.1-1 completed; 1.1.1-2 ends in December
    assert a["no_dates"] == 2 and a["no_lead"] == 0
    # B is closed on TODAY (ended June 2025): overdue product, no stale alerts
    b = al.set_index("network_id").loc["red-b"]
    assert (b["overdue"], b["stale"], b["no_lead"]) == (1, 0, 1)
    assert b["products"] == 2
    # while B was open, its products were stale too
    open_b = region.alerts_by_network(REGION, "2025-03-01").set_index("network_id").loc["red-b"]
    assert open_b["stale"] == 2 and open_b["overdue"] == 0


def test_only_filters_by_region_and_network_and_regions_lists_them():
    assert region.regions(REGION.networks) == ["Región X", "Región Y"]
    x = REGION.only(region="Región X")
    assert x.networks["network_id"].tolist() == ["red-a"] and list(x.plans) == ["red-a"]
    assert REGION.only(network="red-b").ids() == ["red-b"]
    assert REGION.only(region="Región X", network="red-b").networks.empty
    assert REGION.only().ids() == ["red-a", "red-b"]
    empty = REGION.only(region="Nada")
    assert region.gcm_coverage(empty).empty and region.region_months(empty, TODAY) == []
    assert len(region.uncovered(empty)) == 23


def test_the_functions_do_not_mutate_the_plans():
    before = A.progress.copy(), A.products.copy()
    region.reporting_calendar(REGION, ["2025-01"])
    region.completion_by_gcm(REGION, TODAY)
    region.agency_networks(REGION)
    pd.testing.assert_frame_equal(A.progress, before[0])
    pd.testing.assert_frame_equal(A.products, before[1])


# --------------------------------------------------------------------------------------------
# Read from a store
# --------------------------------------------------------------------------------------------
@pytest.fixture
def region_store(tmp_path, request):
    from planmonitor import store

    request.getfixturevalue("reading_plan_sheets")
    s = store.open_store(f"sqlite:///{tmp_path / 'r.sqlite'}", seed=False)
    old = plan_of("red-a", "2023-01-01", "2024-12-31", [product("1.1.1-1", name="Viejo")])
    for p, name in ((old, "a1.xlsx"), (A, "a2.xlsx"), (B, "b.xlsx")):
        assert s.commit(plans_workbook(p), name, author="carga").stored, name
    yield s
    s.dispose()


def test_load_region_picks_the_plan_of_the_month_else_the_latest(region_store):
    from planmonitor.store.region import load_region, regions

    now = load_region(region_store, TODAY)
    assert now.ids() == ["red-a", "red-b"]
    assert now.plans["red-a"].info.plan_id == "red-a-2025-2025"
    assert now.plans["red-b"].info.plan_id == "red-b-2024-2025"  # closed: its latest
    past = load_region(region_store, TODAY, month="2024-05")
    assert past.plans["red-a"].info.plan_id == "red-a-2023-2024"
    assert past.plans["red-a"].products["name"].tolist() == ["Viejo"]
    later = load_region(region_store, TODAY, month="2027-01")
    assert later.plans["red-a"].info.plan_id == "red-a-2025-2025"
    assert regions(now.networks) == ["Región X", "Región Y"]
    with pytest.raises(ValueError):
        load_region(region_store, TODAY, month="2025-13")

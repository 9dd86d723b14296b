"""The region read from a store (issue 11, §2): each network with the plan looked at."""

from __future__ import annotations

import pandas as pd

from planmonitor.analysis.region import Region, regions
from planmonitor.output.report.model import parse_month
from planmonitor.store.api import Store

__all__ = ["Region", "load_region", "plan_for", "regions"]


def plan_for(plans: pd.DataFrame, plan_ids: tuple[str, ...], day: pd.Timestamp) -> str:
    """The network's plan for `day`'s month: the (last stated) plan whose period overlaps that
    month, else the plan whose period ends last."""
    mine = plans[plans["plan_id"].isin(plan_ids)]
    first = day.to_period("M").start_time.normalize()
    last = day.to_period("M").end_time.normalize()
    holding = mine[(mine["start"] <= last) & (mine["end"] >= first)]
    chosen = holding if len(holding) else mine
    return str(chosen.sort_values("end", kind="stable").iloc[-1]["plan_id"])


def load_region(store: Store, today: object, month: str | None = None) -> Region:
    """Every network of the store with its plan for `month` ("YYYY-MM"; None: today's month):
    the plan whose period contains it, else the network's latest plan (current versions).
    ValueError for a month not written YYYY-MM."""
    day = parse_month(month)[0] if month is not None else pd.Timestamp(today).normalize()
    plans = store.plans(today)
    nets = store.networks(today)
    chosen = {}
    for row in nets.itertuples(index=False):
        pid = plan_for(plans, tuple(row.plan_ids), day)
        chosen[str(row.network_id)] = store.for_plan(pid).plan()
    return Region(nets.reset_index(drop=True), chosen)

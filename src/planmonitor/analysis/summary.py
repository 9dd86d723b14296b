"""Counts of products per objective, strategy, activity and agency (CLI `summary`).

A quick check that an uploaded plan says what the secretariat expects: every level of the
plan appears (also those without products), agencies as lead and as partner.
"""

from __future__ import annotations

import pandas as pd

from planmonitor.analysis.metrics import agency_counts
from planmonitor.model import Plan

LEVELS: dict[str, str] = {"objective": "objectives", "strategy": "strategies",
                          "activity": "activities"}  # fmt: skip


def products_per_level(plan: Plan, level: str) -> pd.DataFrame:
    """code, name, products: every objective/strategy/activity in plan order, zeros included."""
    if level not in LEVELS:
        raise ValueError(f"level must be one of {sorted(LEVELS)}, not {level!r}")
    table = getattr(plan, LEVELS[level]).sort_values("seq", kind="stable")
    counts = plan.products[level].value_counts()
    out = pd.DataFrame(
        {
            "code": table["code"].astype(str).to_numpy(),
            "name": table["name"].astype(str).to_numpy(),
            "products": table["code"].map(counts).fillna(0).astype("int64").to_numpy(),
        }
    )
    return out


def products_per_agency(plan: Plan) -> pd.DataFrame:
    """acronym, lead, partner, total: products per agency by role, in the Agencias order.

    metrics.agency_counts as written: «Comité Ejecutivo» is its own row, not expanded.
    """
    return agency_counts(plan).rename(columns={"agency": "acronym"})


def summarize(plan: Plan) -> dict[str, pd.DataFrame]:
    """All the summary tables, keyed objective / strategy / activity / agency."""
    out = {level: products_per_level(plan, level) for level in LEVELS}
    out["agency"] = products_per_agency(plan)
    return out

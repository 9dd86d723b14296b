"""Lineage between the cycles of a network's plans (issue 9 §4): a product of a later plan may
continue a product of an earlier one. Read both ways: what a product continues
(`continues_from`) and what continues it (`continued_by`).

A product names what it continues in the optional `continues` column of «Productos»:
`<plan code>:<product code>`, or a bare `<product code>` of the plan it follows. A plan
follows another when its «Plan anterior» names it, or, when it names none, it belongs to the
same (named) network; the same code with no `continues` in such a plan is its continuation.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from planmonitor.analysis import describe
from planmonitor.model import Plan

CONTINUES = "continues"


def _related(later: Plan, plan_id: str, network_id: str) -> bool:
    """A later plan that follows this one: its «Plan anterior» is this plan, or it states none
    and belongs to the same (named) network. Only such a plan's bare codes refer to ours."""
    other = describe.info(later)
    if other.previous_plan_id:
        return other.previous_plan_id == plan_id
    return bool(network_id) and other.network_id == network_id


def _continues(products: pd.DataFrame) -> pd.Series:
    return products.get(CONTINUES, pd.Series([""] * len(products), index=products.index))


def _label(plan: Plan, code: object, name: object) -> str:
    title = describe.plan_title(plan) or describe.info(plan).plan_id
    return f"{title}: {code} · {name}"


def links(plan: Plan, later: Plan) -> list[tuple[str, str]]:
    """(code of `plan`, code of `later`) for each product of `later` that continues one of
    `plan`'s, in `later`'s order."""
    info, other = describe.info(plan), describe.info(later)
    if other.plan_id == info.plan_id:
        return []
    ours = set(plan.products["code"].astype(str))
    related = _related(later, info.plan_id, info.network_id)
    found = []
    for code, cont in zip(later.products["code"], _continues(later.products), strict=True):
        target = _continued_code(str(code), _text(cont), info.plan_id, related)
        if target is not None and target in ours:
            found.append((target, str(code)))
    return found


def _names(plan: Plan) -> dict[str, object]:
    return dict(zip(plan.products["code"].astype(str), plan.products["name"], strict=True))


def continued_by(plan: Plan, later_plans: Sequence[Plan]) -> dict[str, str]:
    """code of `plan` -> «<later plan>: <code> · <name>» of the products that continue it.

    A later product continues one of ours when its optional `continues` column names
    `<our plan id>:<code>`, or names `<code>` (or has the same code and no `continues`) in a
    plan that follows ours (`_related`). Several continuations are joined with «; ».
    """
    found: dict[str, list[str]] = {}
    for later in later_plans:
        names = _names(later)
        for ours, theirs in links(plan, later):
            found.setdefault(ours, []).append(_label(later, theirs, names[theirs]))
    return {code: "; ".join(items) for code, items in found.items()}


def continues_from(plan: Plan, earlier_plans: Sequence[Plan]) -> dict[str, str]:
    """code of `plan` -> «<earlier plan>: <code> · <name>» of the product it continues: the
    other direction of `continued_by`, by the same rule."""
    found: dict[str, list[str]] = {}
    for earlier in earlier_plans:
        names = _names(earlier)
        for theirs, ours in links(earlier, plan):
            found.setdefault(ours, []).append(_label(earlier, theirs, names[theirs]))
    return {code: "; ".join(items) for code, items in found.items()}


def _text(value: object) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return str(value).strip()


def _continued_code(code: str, continues: str, plan_id: str, related: bool) -> str | None:
    """The code of ours a later product continues, or None."""
    if continues:
        if ":" in continues:
            named_plan, named_code = (part.strip() for part in continues.rsplit(":", 1))
            return named_code if named_plan == plan_id else None
        return continues if related else None
    return code if related else None

"""Lineage between cycles (issue 9 §4), both ways: what a product continues and what
continues it."""

from __future__ import annotations

import dataclasses

from planfactory import make_plan, product
from plansheet import plan_info, with_info

from planmonitor.analysis.lineage import continued_by, continues_from


def cycle(plan_id, start, end, products, continues=None, **info):
    plan = with_info(make_plan(products, []), plan_info(plan_id, start, end, **info))
    if continues is not None:
        plan = dataclasses.replace(plan, products=plan.products.assign(continues=continues))
    return plan


EARLIER = cycle(
    "red-a-2023-2024", "2023-01-01", "2024-12-31",
    [product("2.1.1-1", "Observatorio: primera fase"), product("2.2.1-1", "Campaña")],
    title="Plan A",
)  # fmt: skip


def test_a_product_naming_an_earlier_plans_product_is_read_both_ways():
    later = cycle(
        "red-a-2025-2026", "2025-01-01", "2026-12-31",
        [product("1.1.1-1", "Observatorio: segunda fase"), product("1.2.1-1", "Nuevo")],
        continues=["red-a-2023-2024:2.1.1-1", "otro-plan:2.2.1-1"],
        title="Plan A2", network_id="otra-red",
    )  # fmt: skip
    assert continued_by(EARLIER, [later]) == {
        "2.1.1-1": "Plan A2: 1.1.1-1 · Observatorio: segunda fase"
    }
    assert continues_from(later, [EARLIER]) == {
        "1.1.1-1": "Plan A: 2.1.1-1 · Observatorio: primera fase"
    }


def test_a_bare_code_or_the_same_code_refers_only_to_the_plan_followed():
    follows = cycle(
        "red-a-2025-2026", "2025-01-01", "2026-12-31",
        [product("3.1.1-1", "Sigue"), product("2.2.1-1", "Campaña 2")],
        continues=["2.1.1-1", ""], title="Plan A2", previous_plan_id="red-a-2023-2024",
    )  # fmt: skip
    assert continues_from(follows, [EARLIER]) == {
        "3.1.1-1": "Plan A: 2.1.1-1 · Observatorio: primera fase",
        "2.2.1-1": "Plan A: 2.2.1-1 · Campaña",
    }
    stranger = cycle(
        "red-b-2025-2026", "2025-01-01", "2026-12-31",
        [product("3.1.1-1", "Ajeno"), product("2.2.1-1", "Otra campaña")],
        continues=["2.1.1-1", ""], title="Plan B", network_id="red-b",
        previous_plan_id="red-b-2023-2024",
    )  # fmt: skip
    assert continues_from(stranger, [EARLIER]) == {}
    assert continued_by(EARLIER, [stranger]) == {}


def test_a_plan_is_never_its_own_lineage():
    assert continued_by(EARLIER, [EARLIER]) == {}
    assert continues_from(EARLIER, [EARLIER]) == {}

"""Markup in every text field of the plan, of the decisions and of a later plan stays text in
the end-of-cycle report's HTML (templates/final.html; issues 8, 9, 12)."""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest
from planfactory import cycle_info, make_plan, product
from test_output_markup import (
    AGENCY,
    EVIL,
    EVIL_ESCAPED,
    IMG,
    SCRIPT,
    assert_no_live_markup,
    evil_plan,
)

from planmonitor.output import report as rp


def evil_decisions() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "decision_id": ["a", "b"],
            "revision": [1, 1],
            "meeting_date": pd.to_datetime(["2024-05-14", "2024-06-14"]),
            "kind": ["action", "decision"],
            "target_type": ["product", "strategy"],
            "target_code": [f"1.1.1-1{IMG}", "2.1"],
            "text": [EVIL, SCRIPT],
            "owner": [f"OIM {IMG}", AGENCY],
            "due_date": pd.to_datetime(["2024-06-30", None]),
            "status": ["open", "done"],
            "author": [SCRIPT, IMG],
            "created_at": pd.Timestamp("2024-05-14", tz="UTC"),
        }
    )


@pytest.mark.parametrize("lang", ["es", "en"])
def test_markup_in_every_text_is_text_in_the_final_report_html(lang):
    plan = evil_plan()
    info = dataclasses.replace(
        cycle_info("2025-01-01", "2025-12-31", f"Plan {SCRIPT}", f"Red {IMG}", f"Net {IMG}"),
        previous_plan_id=plan.info.plan_id,
    )
    later = make_plan(
        [product("1.1.1-2", f"Sigue {EVIL}"), product("4.1.1-1", f"Otro {SCRIPT}")], info=info
    )
    later = dataclasses.replace(later, products=later.products.assign(continues=["", "2.1.1-1"]))
    built = rp.build_final_report(plan, lang, decisions=evil_decisions(), later_plans=[later])
    assert len(built.decisions) == 2 and len(built.not_completed) and len(built.agencies)
    continued = built.carried.set_index("code")["continued_by"]
    assert continued["1.1.1-2"] and continued["2.1.1-1"]  # by its code, by `continues`
    for light in (False, True):  # the full HTML and the light one for e-mail (issue 10)
        _assert_inert(rp.final_html(built, light=light), light)


def _assert_inert(page: str, light: bool) -> None:
    assert_no_live_markup(page, light=light)
    assert EVIL_ESCAPED in page  # product names, comments, decision texts: as text
    assert "&lt;b&gt;AG&lt;/b&gt;" in page  # the agency acronym, in the agencies' table
    assert "Sigue &lt;img src=x" in page  # the later plan's products that continue ours
    assert "Otro &lt;script&gt;" in page and "Plan &lt;script&gt;" in page
    assert "[x](javascript:alert(1))" in page  # Markdown is not rendered either

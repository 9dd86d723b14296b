"""Cobertura PMM shows a plan's own «Nota de datos» and says nothing of any extraction for a plan
that has none (issue 9: the lost GCM grid is a fact about the bundled plan only)."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from apphelpers import ENTRY, page_path
from streamlit.testing.v1 import AppTest

from planmonitor.reading.loader import load_default, load_workbook

EXTRACTION = re.compile(r"extra[ej]|extract|grilla|grid", re.IGNORECASE)


def cobertura(lang: str) -> AppTest:
    at = AppTest.from_file(ENTRY, default_timeout=60)
    at.query_params["lang"] = lang
    at.run()
    at.switch_page(page_path("cobertura")).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def texts(at: AppTest) -> list[str]:
    return [str(e.value) for kind in ("info", "caption", "markdown") for e in getattr(at, kind)]


@pytest.mark.parametrize("lang", ["es", "en"])
def test_cobertura_shows_the_bundled_plans_data_note(use_plan, lang):
    plan = load_default().plan
    use_plan(plan)
    shown = texts(cobertura(lang))
    assert any(plan.info.data_note in s for s in shown), shown
    assert any("Objetivos PMM" in s for s in shown), "the generic message is shown too"


@pytest.mark.parametrize("lang", ["es", "en"])
def test_cobertura_says_nothing_of_extraction_for_a_plan_without_note(use_plan, lang):
    import threelevel

    plan = load_workbook(threelevel.workbook(), today=pd.Timestamp(threelevel.TODAY)).plan
    assert plan.info.data_note == ""
    use_plan(plan)
    shown = texts(cobertura(lang))
    assert any("Objetivos PMM" in s for s in shown), "products without GCM: the message is shown"
    assert not [s for s in shown if EXTRACTION.search(s)], shown

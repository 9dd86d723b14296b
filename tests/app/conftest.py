"""AppTest fixtures: the dashboard on a small plan built in code.

Two Streamlit quirks are neutralised here:
- AppTest resets ``PagesManager.uses_pages_directory`` before every run, so a second ``run()``
  of an app with a top-level ``pages/`` folder falls back to the legacy multipage mode and
  drops what dashboard.py draws outside ``pg.run()``. A real server keeps the value the first
  ``st.navigation`` call set (False); we keep it the same way.
- ``st.cache_data`` lives in the process and would leak one test's plan into the next.
"""

from __future__ import annotations

import pandas as pd
import pytest
import streamlit as st
from apphelpers import (  # noqa: F401  (re-exported: other test modules import them from here)
    ENTRY,
    PAGES,
    ROOT,
    page_path,
    plain,
    sample_issues,
)
from planfactory import small_plan
from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest

from planmonitor import model
from planmonitor.ui import data


@pytest.fixture(autouse=True)
def _fresh_caches():
    st.cache_data.clear()
    st.cache_resource.clear()
    yield
    st.cache_data.clear()


@pytest.fixture(autouse=True)
def _keep_navigation_mode(monkeypatch):
    original = PagesManager.__init__

    def init(self, *args, **kwargs):
        if PagesManager.uses_pages_directory is None:
            PagesManager.uses_pages_directory = False  # what st.navigation sets on a server
        original(self, *args, **kwargs)

    monkeypatch.setattr(PagesManager, "__init__", init)


@pytest.fixture
def use_plan(monkeypatch):
    """Point ui.data at a plan built in code (replaces the store/workbook)."""

    def _use(plan: model.Plan, issues: pd.DataFrame | None = None) -> None:
        key = f"test:{id(plan)}"
        monkeypatch.setattr(data, "version_key", lambda: key)
        monkeypatch.setattr(data, "uses_store", lambda: False)  # no plan selector either
        monkeypatch.setattr(
            data,
            "load_for_key",
            lambda _key: (plan, sample_issues() if issues is None else issues),
        )

    return _use


@pytest.fixture
def app(use_plan):
    """The dashboard on the small example plan (not yet run)."""
    use_plan(small_plan())
    return AppTest.from_file(ENTRY, default_timeout=60)

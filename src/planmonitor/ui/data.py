"""Where the dashboard's data comes from, loaded once per data version.

Sources, in order:
1. env ``PLANMONITOR_WORKBOOK``: a workbook path (benchmarks, demos); its version is the
   file's modification time and size.
2. the store (``planmonitor.store.open_store``; env ``PLANMONITOR_DATABASE_URL`` picks the
   database): the plan this session selected (``ui.plans``, ``?plan=``; the store's default
   plan when none is); its version is ``store:<plan_id>:<version id>`` (the plan's
   ``current_version_id()``, a cheap query made on each rerun), so two sessions on two plans
   never share a cached plan.
3. the bundled default workbooks (``reading.loader.load_default``) when there is no store.

The loaded plan is cached by version key; filtering happens outside the cache.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd
import streamlit as st

from planmonitor import model

if TYPE_CHECKING:
    from planmonitor.store import PlanStore, Store

log = logging.getLogger(__name__)

WORKBOOK_ENV = "PLANMONITOR_WORKBOOK"
# The plan this session shows (set by ui.plans.show, drawn by the frame before the data).
SELECTED_PLAN = "_pm_plan_id"


class DataUnavailable(RuntimeError):
    """No plan could be loaded; the message is for the user (Spanish) and the log."""


def store() -> Store:
    """The store, opened once per process and database URL (its engine is a shared resource).

    The upload, history and decision pages use this same object as the dashboard's loader, so
    a version they store is the version key of the next rerun.
    """
    return _open_store_cached(os.environ.get("PLANMONITOR_DATABASE_URL", ""))


@st.cache_resource(max_entries=4, show_spinner=False)
def _open_store_cached(url: str) -> Store:
    from planmonitor.store import open_store

    return open_store(url or None)


def selected_plan_id() -> str | None:
    """The plan id this session selected (None: the store's default plan)."""
    chosen = st.session_state.get(SELECTED_PLAN)
    return str(chosen) if chosen else None


def plan_store() -> PlanStore:
    """The selected plan's part of the store: what the upload, history, decisions and change
    pages read and write (a workbook without «Plan» sheet updates this plan)."""
    return store().for_plan(selected_plan_id())


def plan_store_of(key: str) -> PlanStore:
    """The plan a version key (``store:<plan_id>:<id>``) belongs to: for cached functions,
    which must read their arguments rather than the session."""
    return store().for_plan(key.split(":")[1])


def uses_store() -> bool:
    """True when the dashboard reads the store (not a workbook named by the environment)."""
    return not os.environ.get(WORKBOOK_ENV, "") and _store_available()


def _store_available() -> bool:
    try:
        import planmonitor.store  # noqa: F401
    except ImportError:
        return False
    return True


def version_key() -> str:
    """A cheap key that changes whenever the data behind the dashboard changes."""
    path = os.environ.get(WORKBOOK_ENV, "")
    if path:
        p = Path(path)
        s = p.stat()
        return f"file:{p.resolve()}:{s.st_mtime_ns}:{s.st_size}"
    if _store_available():
        ps = plan_store()
        return f"store:{ps.plan_id}:{ps.current_version_id()}"
    return "default"


def _issues_frame(df: pd.DataFrame | None) -> pd.DataFrame:
    if df is None:
        return model.empty_table(model.ISSUE_COLUMNS)
    return df


def load_for_key(key: str) -> tuple[model.Plan, pd.DataFrame]:
    """Load the plan and its validation warnings for a version key (uncached)."""
    if key.startswith("file:"):
        from planmonitor.reading.loader import load_workbook

        result = load_workbook(Path(os.environ[WORKBOOK_ENV]))
        if not result.ok or result.plan is None:
            raise DataUnavailable(f"El libro {os.environ[WORKBOOK_ENV]} no se pudo cargar.")
        return result.plan, _issues_frame(result.issues)
    if key.startswith("store:"):
        s = plan_store_of(key)
        version = int(key.split(":")[2])
        return s.plan(version), _issues_frame(s.issues(version))
    from planmonitor.reading.loader import load_default

    result = load_default()
    if not result.ok or result.plan is None:
        raise DataUnavailable("Los libros incluidos no se pudieron cargar.")
    return result.plan, _issues_frame(result.issues)


@st.cache_resource(max_entries=3, show_spinner=False)
def _cached(key: str) -> tuple[model.Plan, pd.DataFrame]:
    """The plan of a data version, shared by every session as it is (never mutated).

    st.cache_resource rather than st.cache_data: the latter unpickles a copy of every table on
    each rerun, which was the biggest cost of a warm rerun (most at network scale).
    """
    return load_for_key(key)


def plan_for(plan_id: str) -> tuple[model.Plan, str]:
    """Another plan of the store than the session's, as current() gives that one: its current
    version's plan (cached by version key) and the key (the comparison page's plan B)."""
    ps = store().for_plan(plan_id)
    key = f"store:{ps.plan_id}:{ps.current_version_id()}"
    return _cached(key)[0], key


def current() -> tuple[model.Plan, str, pd.DataFrame]:
    """The plan on show, its version key and the warnings of its last validation."""
    key = version_key()
    plan, issues = _cached(key)
    return plan, key, issues

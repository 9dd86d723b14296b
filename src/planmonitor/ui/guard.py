"""Page guard: a page file only runs inside the frame (dashboard.py).

Streamlit treats a top-level ``pages/`` folder as its legacy multipage mode until some run
calls ``st.navigation`` (a process-wide switch). On a freshly started server, a first
visitor's deep link (``/cronograma``) therefore runs the page file on its own: no frame, no
filters, no access control. Every page file starts with ``ensure_frame()``.

The hand-over turns the legacy mode off at once (what ``st.navigation`` does anyway) and
reruns the same page: the rerun executes dashboard.py, whose navigation finds the page by its
url path, with the visitor's query parameters untouched. An earlier hand-over went through
``st.switch_page("dashboard.py")``: that ran the frame nested inside the legacy navigation,
showed the legacy page list for seconds with an idle gap, moved the URL to ``/`` and back,
and needed a second page switch; a page that is not in the frame's navigation (the
secretariat's, logged out) lands on the default page.

``/resumen`` (the default page, whose own URL is ``/``) is served by a hidden alias page so
a link to it never meets Streamlit's "Page not found" (``alias_pages``/``follow_alias``).
"""

from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st

from planmonitor.ui import state

ENTRYPOINT = "dashboard.py"


def frame_is_running() -> bool:
    """True while dashboard.py is running the current page (set around ``pg.run()``)."""
    return bool(st.session_state.get(state.FRAME_RUNNING, False))


def current_query_params() -> dict[str, list[str]]:
    """The URL's query parameters, keeping repeated keys (``?agencia=A&agencia=B``)."""
    qp = st.query_params
    return {k: qp.get_all(k) for k in qp.keys()}


def leave_legacy_mode() -> bool:
    """Turn Streamlit's legacy ``pages/`` mode off for the process; True if it was on.

    ``st.navigation`` sets the same class attribute on its first call; setting it here lets
    the very next run execute dashboard.py instead of the legacy page list. False when the
    mode was already off (another session ended it, or the page file is the main script) or
    this Streamlit has no such switch: the caller then hands over with ``st.switch_page``.
    """
    try:
        from streamlit.runtime.pages_manager import PagesManager
    except ImportError:
        return False
    if getattr(PagesManager, "uses_pages_directory", None) is not True:
        return False
    PagesManager.uses_pages_directory = False
    return True


def ensure_frame(page: str | None = None) -> None:
    """Hand over to dashboard.py unless the frame is running this page.

    ``page`` is the page's url path; by default the caller's file name (pages/carga.py ->
    "carga"). Nothing of the page is drawn: the run stops here.
    """
    if frame_is_running():
        return
    if page is None:
        caller = sys._getframe(1).f_globals.get("__file__", "")
        page = Path(caller).stem if caller else ""
    params = current_query_params()
    if leave_legacy_mode():
        # Same page, same query string: dashboard.py runs it inside the frame.
        st.rerun()
    st.session_state[state.INTENDED] = {"page": page, "params": params}
    st.switch_page(ENTRYPOINT, query_params=params)


def pop_intended() -> dict | None:
    """The page a deep link asked for before a ``switch_page`` hand-over, once."""
    return st.session_state.pop(state.INTENDED, None)

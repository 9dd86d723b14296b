"""Page guard: a page file only runs inside the frame (dashboard.py).

Streamlit treats a top-level ``pages/`` folder as its legacy multipage mode until some session
has run ``st.navigation``. On a freshly started server, a first visitor's deep link
(``/cronograma``) runs the page file on its own: no filters, no access control. Every page
file therefore starts with ``ensure_frame()``, which hands over to dashboard.py, remembering the
page and the query parameters so the visitor lands where they asked.
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
    """The URL's query parameters, keeping repeated keys (``?agencia=OIM&agencia=OIT``)."""
    qp = st.query_params
    return {k: qp.get_all(k) for k in qp.keys()}


def ensure_frame(page: str | None = None) -> None:
    """Hand over to dashboard.py unless the frame is running this page.

    ``page`` is the page's url path; by default the caller's file name (pages/carga.py ->
    "carga").
    """
    if frame_is_running():
        return
    if page is None:
        caller = sys._getframe(1).f_globals.get("__file__", "")
        page = Path(caller).stem if caller else ""
    st.session_state[state.INTENDED] = {"page": page, "params": current_query_params()}
    st.switch_page(ENTRYPOINT, query_params=current_query_params())


def pop_intended() -> dict | None:
    """The page a deep link asked for before the hand-over, once."""
    return st.session_state.pop(state.INTENDED, None)

"""Helpers every page uses: its heading, the filter caption, the example note, charts, memo."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import streamlit as st

from planmonitor.i18n import t
from planmonitor.ui.frame import View, view

T = TypeVar("T")

# Keep Plotly's PNG download (toImage) on; drop only the logo.
PLOTLY_CONFIG = {"displaylogo": False, "toImageButtonOptions": {"format": "png", "scale": 2}}


def start(page: str) -> View:
    """Title, "Mostrando: …" caption and, for example data, the warning; stops when empty."""
    v = view()
    st.title(t(f"page.{page}", v.lang))
    st.caption(v.filters.describe(v.lang, v.plan))
    if v.plan.is_example:
        st.warning(t("app.example_note", v.lang), icon=":material/science:")
    if v.empty:
        st.info(t("app.empty", v.lang), icon=":material/filter_alt_off:")
        st.stop()
    return v


def chart(fig: object, key: str | None = None) -> None:
    """A Plotly figure at full width, with our own theme and the PNG download."""
    st.plotly_chart(fig, width="stretch", theme=None, config=PLOTLY_CONFIG, key=key)


@st.cache_resource(max_entries=256, ttl=6 * 3600, show_spinner=False)
def _memo(name: str, key: str, _build: Callable[[], T]) -> T:
    return _build()


def memo(name: str, build: Callable[[], T], *options: object) -> T:
    """What a page computes (metrics and figures), kept per data version, filters, language,
    day and page options, so a rerun with nothing changed does not rebuild it.

    The results are shared between sessions and must not be mutated: figures and DataFrames
    are only drawn (pandas copy-on-write keeps DataFrames safe anyway).
    """
    v = view()
    key = repr((v.version, v.filters, v.lang, str(v.today.date()), options))
    return _memo(name, key, build)


def memo_version(name: str, build: Callable[[], T], *options: object) -> T:
    """Like memo, but kept per data version and language only: for what the filters and the
    day do not change (e.g. the labels of the 23 GCM objectives)."""
    v = view()
    return _memo(name, repr((v.version, v.lang, options)), build)

"""Helpers every page uses: its heading, the filter caption, the example note, charts."""

from __future__ import annotations

import streamlit as st

from planmonitor.ui.frame import View, view
from planmonitor.ui.text import tr

# Keep Plotly's PNG download (toImage) on; drop only the logo.
PLOTLY_CONFIG = {"displaylogo": False, "toImageButtonOptions": {"format": "png", "scale": 2}}


def start(page: str) -> View:
    """Title, "Mostrando: …" caption and, for example data, the warning; stops when empty."""
    v = view()
    st.title(tr(f"page.{page}", v.lang))
    st.caption(v.filters.describe(v.lang, v.plan))
    if v.plan.is_example:
        st.warning(tr("app.example_note", v.lang), icon=":material/science:")
    if v.empty:
        st.info(tr("app.empty", v.lang), icon=":material/filter_alt_off:")
        st.stop()
    return v


def chart(fig: object, key: str | None = None) -> None:
    """A Plotly figure at full width, with our own theme and the PNG download."""
    st.plotly_chart(fig, width="stretch", theme=None, config=PLOTLY_CONFIG, key=key)

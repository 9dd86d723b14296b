"""Helpers every page uses: its heading, the filter caption, the example note, charts.

What a page computes is kept by Streamlit's own cache on small module-level functions of the
page whose parameters are everything they read: the plan as ``_plan`` (not hashed) with its
``version`` string, the frozen ``Filters``, the language, the day and the page's options
(tests/app/test_caches.py checks that no cached function reads anything else). Results are
shared between sessions and never mutated: figures and DataFrames are only drawn.
"""

from __future__ import annotations

import streamlit as st

from planmonitor.i18n import t
from planmonitor.output.charts.phone import for_phone
from planmonitor.output.charts.table import figure_table
from planmonitor.ui.frame import View, view
from planmonitor.ui.safe import md

# Keep Plotly's PNG download (toImage) on; drop only the logo.
PLOTLY_CONFIG = {"displaylogo": False, "toImageButtonOptions": {"format": "png", "scale": 2}}


def start(page: str) -> View:
    """Title, "Mostrando: …" caption and, for example data, the warning; stops when empty."""
    v = view()
    st.title(t(f"page.{page}", v.lang))
    st.caption(md(v.filters.describe(v.lang, v.plan)))
    if v.plan.is_example:
        st.warning(t("app.example_note", v.lang), icon=":material/science:")
    if v.empty:
        st.info(t("app.empty", v.lang), icon=":material/filter_alt_off:")
        st.stop()
    return v


def phone() -> bool:
    """The page is read on a phone's browser (its User-Agent says "Mobi", MDN's advice).

    Streamlit does not tell the width a chart will be drawn at, and a figure cannot adapt
    its labels by itself: this width-independent rule picks the phone layout of the charts
    (``charts.for_phone``; the GCM tiles three per row).
    """
    try:
        agent = st.context.headers.get("User-Agent", "")
    except Exception:  # no request context (bare mode, AppTest)
        return False
    return "Mobi" in (agent or "")


def chart(fig: object, key: str | None = None, lang: str | None = None) -> None:
    """A Plotly figure at full width, with our own theme and the PNG download, laid out for
    a phone when read on one; under it, its data as a table («Ver datos», the chart's text
    alternative)."""
    shown = for_phone(fig) if phone() else fig
    st.plotly_chart(shown, width="stretch", theme=None, config=PLOTLY_CONFIG, key=key)
    lang = lang or view().lang
    table = figure_table(fig, lang)
    if not table.empty:
        with st.expander(t("chart.data.show", lang), icon=":material/table:"):
            st.dataframe(table, hide_index=True, width="stretch")

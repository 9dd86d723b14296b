"""Carga por agencia: products per agency (lead/partner), per quarter, per strategy, together."""

from planmonitor.ui import guard

guard.ensure_frame()

import streamlit as st  # noqa: E402

from planmonitor import charts, metrics  # noqa: E402
from planmonitor.ui import page, state  # noqa: E402
from planmonitor.ui.text import tr  # noqa: E402

v = page.start("carga")
lang = v.lang
expand = st.toggle(tr("carga.expand", lang), key=state.EXPAND_COMMITTEE, bind="query-params")

load = metrics.agency_load(v.filtered, expand_committee=expand)
page.chart(
    charts.build_agency_load_figure(load, lang=lang, agencies=v.plan.agencies), key="agency_load"
)

quarters = metrics.agency_quarter_matrix(v.filtered, expand_committee=expand)
page.chart(
    charts.build_heatmap_figure(quarters, "carga.heatmap", lang, agencies=v.plan.agencies),
    key="heat_quarter",
)
strategies = metrics.agency_strategy_matrix(v.filtered, expand_committee=expand)
page.chart(
    charts.build_heatmap_figure(strategies, "carga.matrix", lang, agencies=v.plan.agencies),
    key="heat_strategy",
)

together = metrics.agency_cooccurrence(v.filtered, expand_committee=expand)
page.chart(
    charts.build_heatmap_figure(together, "carga.cooccurrence", lang, agencies=v.plan.agencies),
    key="cooccurrence",
)

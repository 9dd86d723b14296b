"""Carga por agencia: products per agency (lead/partner), per quarter, per strategy, together."""

from planmonitor.ui import guard

guard.ensure_frame()

import streamlit as st  # noqa: E402

from planmonitor.analysis import metrics  # noqa: E402
from planmonitor.i18n import t  # noqa: E402
from planmonitor.output import charts  # noqa: E402
from planmonitor.ui import page, state  # noqa: E402

v = page.start("carga")
lang = v.lang
expand = st.toggle(t("carga.expand", lang), key=state.EXPAND_COMMITTEE, bind="query-params")


def compute() -> list[tuple[str, object]]:
    agencies = v.plan.agencies
    load = metrics.agency_load(v.filtered, expand_committee=expand)
    matrices = (  # key, title, x axis title, matrix
        ("heat_quarter", "carga.heatmap", None, metrics.agency_quarter_matrix),
        ("heat_strategy", "carga.matrix", "word.strategy", metrics.agency_strategy_matrix),
        ("cooccurrence", "carga.cooccurrence", None, metrics.agency_cooccurrence),
    )
    figures = [("agency_load", charts.build_agency_load_figure(load, lang, agencies=agencies))]
    for key, title, x_title, matrix in matrices:
        table = matrix(v.filtered, expand_committee=expand)
        fig = charts.build_heatmap_figure(table, title, lang, x_title, agencies=agencies)
        figures.append((key, fig))
    return figures


for key, fig in page.memo("carga", compute, expand):
    page.chart(fig, key=key)

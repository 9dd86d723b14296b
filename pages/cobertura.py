"""Cobertura PMM: the 23 GCM objectives as tiles, gaps, strategy × objective, products."""

from planmonitor.ui import guard

guard.ensure_frame()

import streamlit as st  # noqa: E402

from planmonitor import charts, metrics  # noqa: E402
from planmonitor.ui import page, state, tables  # noqa: E402
from planmonitor.ui.text import gcm_label, tr  # noqa: E402

v = page.start("cobertura")
lang = v.lang
exclude_all = st.toggle(
    tr("cobertura.exclude_all", lang),
    key=state.EXCLUDE_ALL_GCM,
    bind="query-params",
    help=tr("cobertura.exclude_all.help", lang),
)
include_all = not exclude_all


def compute() -> dict:
    coverage = metrics.gcm_coverage(v.filtered, include_all=include_all)
    matrix = metrics.strategy_gcm_matrix(v.filtered, include_all=include_all)
    return {
        "coverage": coverage,
        "tiles": charts.build_gcm_tiles_figure(coverage, lang=lang),
        "matrix": charts.build_heatmap_figure(matrix, "cobertura.matrix", lang),
    }


r = page.memo("cobertura", compute, include_all)
coverage = r["coverage"]
page.chart(r["tiles"], key="gcm_tiles")
gaps = coverage.loc[coverage["gap"], "number"].astype(int).tolist()
n_all = int(v.filtered.products["gcm_all"].astype(bool).sum())
if n_all:
    key = "cobertura.all_excluded" if exclude_all else "cobertura.all_included"
    st.caption(tr(key, lang, n=n_all))
if gaps:
    st.caption(tr("cobertura.gaps", lang, gaps=", ".join(str(n) for n in gaps)))
else:
    st.caption(tr("cobertura.no_gaps", lang))

page.chart(r["matrix"], key="strategy_gcm")

numbers = coverage["number"].astype(int).tolist()
chosen = st.selectbox(
    tr("cobertura.pick", lang),
    numbers,
    index=None,
    format_func=lambda n: gcm_label(n, lang, v.plan.gcm),
    key=state.GCM_PICK,
    bind="query-params",
)
if chosen is not None:
    linked = metrics.products_for_gcm(v.filtered, int(chosen), include_all=include_all)
    if linked.empty:
        st.info(tr("cobertura.none_linked", lang))
    else:
        st.dataframe(tables.gcm_products_table(linked, lang), hide_index=True, width="stretch")

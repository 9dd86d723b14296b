"""Cobertura PMM: the 23 GCM objectives as tiles, gaps, strategy × objective, products."""

from planmonitor.ui import guard

guard.ensure_frame()

import pandas as pd  # noqa: E402
import streamlit as st  # noqa: E402

from planmonitor.analysis import metrics  # noqa: E402
from planmonitor.analysis.filters import Filters  # noqa: E402
from planmonitor.i18n import gcm_label, level_word, t  # noqa: E402
from planmonitor.model import Plan  # noqa: E402
from planmonitor.output import charts  # noqa: E402
from planmonitor.ui import frame, page, state, tables  # noqa: E402


@st.cache_resource(max_entries=128, ttl=6 * 3600, show_spinner=False)
def coverage_of(
    _plan: Plan,
    version: str,
    filters: Filters,
    lang: str,
    as_of: pd.Timestamp,
    include_all: bool,
    compact: bool,
) -> dict:
    """Coverage, tiles (3 per row on a phone), strategy × objective and the counts of
    "Todos"/unlinked products."""
    filtered = frame.filtered_plan(_plan, version, filters, as_of)
    coverage = metrics.gcm_coverage(filtered, include_all=include_all)
    level = metrics.group_level(_plan)
    matrix = metrics.strategy_gcm_matrix(filtered, include_all=include_all, level=level)
    products = filtered.products
    return {
        "coverage": coverage,
        "tiles": charts.build_gcm_tiles_figure(coverage, lang=lang, compact=compact),
        "matrix": charts.build_heatmap_figure(
            matrix,
            "cobertura.matrix" if level == "strategy" else "cobertura.matrix_objective",
            lang,
            "word.gcm_objective",
            "word.strategy",
            y_title=level_word(level, lang, _plan.info.level_names),
        ),  # fmt: skip
        "n_all": int(products["gcm_all"].astype(bool).sum()),
        "n_unlinked": sum(  # neither a number nor "Todos": the lost grid of the plan
            not metrics.gcm_numbers(g) and not a
            for g, a in zip(products["gcm"], products["gcm_all"].astype(bool), strict=True)
        ),
    }


# 23 labels, the same for every filter: built once per data version and language
@st.cache_resource(max_entries=16, ttl=6 * 3600, show_spinner=False)
def gcm_labels(_plan: Plan, version: str, lang: str, numbers: tuple[int, ...]) -> dict[int, str]:
    return {n: gcm_label(n, lang, _plan.gcm) for n in numbers}


v = page.start("cobertura")
lang = v.lang
exclude_all = st.toggle(
    t("cobertura.exclude_all", lang),
    key=state.EXCLUDE_ALL_GCM,
    bind="query-params",
    help=t("cobertura.exclude_all.help", lang),
)
include_all = not exclude_all
r = coverage_of(v.plan, v.version, v.filters, lang, v.as_of, include_all, page.phone())
coverage = r["coverage"]
if r["n_unlinked"]:
    total = len(v.filtered.products)
    st.info(t("cobertura.no_gcm", lang, n=r["n_unlinked"], total=total), icon=":material/grid_off:")
    if v.plan.info.data_note:  # the plan's own explanation («Nota de datos» of its «Plan» sheet)
        st.caption(t("cobertura.data_note", lang, note=v.plan.info.data_note))
st.markdown(t("cobertura.summary", lang, **metrics.coverage_counts(coverage)))
page.chart(r["tiles"], key="gcm_tiles")
gaps = coverage.loc[coverage["gap"], "number"].astype(int).tolist()
if r["n_all"]:
    key = "cobertura.all_excluded" if exclude_all else "cobertura.all_included"
    st.caption(t(key, lang, n=r["n_all"]))
if gaps:
    st.caption(t("cobertura.gaps", lang, gaps=", ".join(str(n) for n in gaps)))
else:
    st.caption(t("cobertura.no_gaps", lang))

page.chart(r["matrix"], key="strategy_gcm")

labels = gcm_labels(v.plan, v.version, lang, tuple(int(n) for n in coverage["number"]))
chosen = st.selectbox(  # options are shown as plain text (no Markdown): no escaping
    t("cobertura.pick", lang),
    list(labels),
    index=None,
    format_func=labels.__getitem__,
    key=state.GCM_PICK,
    bind="query-params",
    placeholder=t("cobertura.pick.placeholder", lang),
)
if chosen is not None:
    linked = metrics.products_for_gcm(v.filtered, int(chosen), include_all=include_all)
    if linked.empty:
        st.info(t("cobertura.none_linked", lang))
    else:
        st.dataframe(
            tables.gcm_products_table(linked, lang, v.plan.agencies),
            hide_index=True,
            width="stretch",
        )

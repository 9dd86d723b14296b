"""Carga por agencia: products per agency (lead/partner), per quarter, per strategy, together.

The Comité Ejecutivo counts for each of its members, as it does in the agency filter (a
product whose partners say "Comité Ejecutivo" is one of PNUD's): the caption says so.
"""

from planmonitor.ui import guard

guard.ensure_frame()

import pandas as pd  # noqa: E402
import streamlit as st  # noqa: E402

from planmonitor.analysis import metrics  # noqa: E402
from planmonitor.analysis.filters import Filters  # noqa: E402
from planmonitor.i18n import level_word  # noqa: E402
from planmonitor.model import Plan  # noqa: E402
from planmonitor.output import charts  # noqa: E402
from planmonitor.ui import frame, page  # noqa: E402
from planmonitor.ui.filters import committee_rule  # noqa: E402
from planmonitor.ui.safe import md  # noqa: E402

MATRICES = (  # key, title, x axis title, matrix
    ("heat_quarter", "carga.heatmap", None, metrics.agency_quarter_matrix),
    ("heat_strategy", "carga.matrix", "word.strategy", metrics.agency_strategy_matrix),
    ("cooccurrence", "carga.cooccurrence", None, metrics.agency_cooccurrence),
)
BY_OBJECTIVE = {"carga.matrix": "carga.matrix_objective"}  # a plan without strategies


@st.cache_resource(max_entries=128, ttl=6 * 3600, show_spinner=False)
def workload(
    _plan: Plan, version: str, filters: Filters, lang: str, as_of: pd.Timestamp
) -> list[tuple[str, object]]:
    """(key, figure) of the load chart and the three agency matrices of one view."""
    filtered = frame.filtered_plan(_plan, version, filters, as_of)
    agencies = _plan.agencies
    load = metrics.agency_load(filtered, expand_committee=True)
    figures = [("agency_load", charts.build_agency_load_figure(load, lang, agencies=agencies))]
    level = metrics.group_level(_plan)
    for key, title, x_title, matrix in MATRICES:
        table = matrix(filtered, expand_committee=True)
        own = None
        if x_title == "word.strategy":  # the level products are grouped by, in the plan's word
            own = level_word(level, lang, _plan.info.level_names)
            title = title if level == "strategy" else BY_OBJECTIVE[title]
        fig = charts.build_heatmap_figure(
            table, title, lang, x_title, agencies=agencies, x_title=own
        )
        figures.append((key, fig))
    return figures


v = page.start("carga")
rule = committee_rule(v.plan, v.lang)
if rule:
    st.caption(md(rule))
for key, fig in workload(v.plan, v.version, v.filters, v.lang, v.as_of):
    page.chart(fig, key=key)

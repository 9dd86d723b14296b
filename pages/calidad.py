"""Calidad de datos: completeness per product and per agency, and the last validation."""

from planmonitor.ui import guard

guard.ensure_frame()

import streamlit as st  # noqa: E402

from planmonitor import metrics  # noqa: E402
from planmonitor.ui import page, state, tables  # noqa: E402
from planmonitor.ui.text import agency_label, tr  # noqa: E402

v = page.start("calidad")
lang = v.lang

st.subheader(tr("calidad.products", lang))
done = page.memo(
    "calidad.done",
    lambda: tables.completeness_table(metrics.completeness(v.filtered, as_of=v.today), lang),
)
st.dataframe(
    done,
    hide_index=True,
    width="stretch",
    column_config={
        tr("check.score", lang): st.column_config.ProgressColumn(
            tr("check.score", lang), min_value=0, max_value=100, format="%d%%"
        )
    },
)

st.subheader(tr("calidad.agencies", lang))
days = st.columns([1, 3])[0].number_input(
    tr("calidad.days", lang),
    min_value=1,
    max_value=730,
    value=60,
    step=1,
    key=state.STALE_DAYS,
    bind="query-params",
)
reporting = page.memo(
    "calidad.reporting",
    lambda: metrics.agency_reporting(v.filtered, as_of=v.today, days=int(days)),
    int(days),
)
stale = [
    agency_label(a, lang, v.plan.agencies) for a in reporting.loc[reporting["stale"], "agency"]
]
if stale:
    st.warning(tr("calidad.stale", lang, days=int(days), agencies=", ".join(stale)))
else:
    st.success(tr("calidad.all_fresh", lang, days=int(days)))
st.dataframe(
    tables.for_screen(tables.reporting_table(reporting, lang, v.plan.agencies)),
    hide_index=True,
    width="stretch",
)

st.subheader(tr("calidad.issues", lang))
if v.issues.empty:
    st.success(tr("calidad.no_issues", lang))
else:
    st.dataframe(
        tables.for_screen(tables.issues_table(v.issues, lang)), hide_index=True, width="stretch"
    )

"""Calidad de datos: completeness per product and per agency, and the last validation."""

from planmonitor.ui import guard

guard.ensure_frame()

import streamlit as st  # noqa: E402

from planmonitor.analysis import metrics  # noqa: E402
from planmonitor.i18n import agency_label, t  # noqa: E402
from planmonitor.ui import page, state, tables  # noqa: E402

v = page.start("calidad")
lang = v.lang


def per_product() -> dict:
    """The product table and the validation's, ready to draw (kept: see tables.frozen)."""
    done = tables.completeness_table(metrics.completeness(v.filtered, as_of=v.today), lang)
    issues = None if v.issues.empty else tables.for_screen(tables.issues_table(v.issues, lang))
    return {
        "done": tables.frozen(done),
        "issues": None if issues is None else tables.frozen(issues),
    }


r = page.memo("calidad", per_product)

st.subheader(t("calidad.products", lang))
st.dataframe(
    r["done"],
    hide_index=True,
    width="stretch",
    column_config={
        t("check.score", lang): st.column_config.ProgressColumn(
            t("check.score", lang), min_value=0, max_value=100, format="%d%%"
        )
    },
)

st.subheader(t("calidad.agencies", lang))
days = st.columns([1, 3])[0].number_input(
    t("calidad.days", lang),
    min_value=1,
    max_value=730,
    value=60,
    step=1,
    key=state.STALE_DAYS,
    bind="query-params",
)


def per_agency() -> dict:
    """Agencies' reporting for this threshold: who is stale, and the table ready to draw."""
    reporting = metrics.agency_reporting(v.filtered, as_of=v.today, days=int(days))
    return {
        "stale": [
            agency_label(a, lang, v.plan.agencies)
            for a in reporting.loc[reporting["stale"], "agency"]
        ],
        "table": tables.frozen(
            tables.for_screen(tables.reporting_table(reporting, lang, v.plan.agencies))
        ),
    }


agencies = page.memo("calidad.reporting", per_agency, int(days))
if agencies["stale"]:
    st.warning(t("calidad.stale", lang, days=int(days), agencies=", ".join(agencies["stale"])))
else:
    st.success(t("calidad.all_fresh", lang, days=int(days)))
st.dataframe(agencies["table"], hide_index=True, width="stretch")

st.subheader(t("calidad.issues", lang))
if r["issues"] is None:
    st.success(t("calidad.no_issues", lang))
else:
    st.dataframe(r["issues"], hide_index=True, width="stretch")

"""Calidad de datos: completeness per product and per agency, and the last validation."""

from planmonitor.ui import guard

guard.ensure_frame()

import pandas as pd  # noqa: E402
import streamlit as st  # noqa: E402

from planmonitor.analysis import metrics  # noqa: E402
from planmonitor.analysis.filters import Filters  # noqa: E402
from planmonitor.i18n import agency_label, fmt_date, t  # noqa: E402
from planmonitor.model import Plan  # noqa: E402
from planmonitor.output.issues import issues_table  # noqa: E402
from planmonitor.ui import frame, page, state, tables  # noqa: E402
from planmonitor.ui.safe import md  # noqa: E402


@st.cache_resource(max_entries=128, ttl=6 * 3600, show_spinner=False)
def per_product(
    _plan: Plan,
    _issues: pd.DataFrame,
    version: str,
    filters: Filters,
    lang: str,
    as_of: pd.Timestamp,
) -> dict:
    """The product table and the validation's, ready to draw (kept: see tables.frozen).

    `_issues` are the warnings of `version` (loaded with the plan), hashed through it.
    """
    filtered = frame.filtered_plan(_plan, version, filters, as_of)
    done = tables.completeness_table(metrics.completeness(filtered, as_of=as_of), lang)
    return {
        "done": tables.frozen(done),
        "issues": None
        if _issues.empty
        else tables.frozen(tables.severity_colours(issues_table(_issues, lang), lang)),
    }


@st.cache_resource(max_entries=128, ttl=6 * 3600, show_spinner=False)
def per_agency(
    _plan: Plan,
    version: str,
    filters: Filters,
    lang: str,
    as_of: pd.Timestamp,
    days: int,
    closed: bool,
) -> dict:
    """Agencies' reporting for this threshold: who is stale (nobody in a closed plan), and the
    table ready to draw."""
    filtered = frame.filtered_plan(_plan, version, filters, as_of)
    reporting = metrics.agency_reporting(filtered, as_of=as_of, days=days, closed=closed)
    return {
        "stale": [
            agency_label(a, lang, _plan.agencies)
            for a in reporting.loc[reporting["stale"], "agency"]
        ],
        "table": tables.frozen(
            tables.for_screen(tables.reporting_table(reporting, lang, _plan.agencies), lang)
        ),
    }


v = page.start("calidad")
lang = v.lang
r = per_product(v.plan, v.issues, v.version, v.filters, lang, v.as_of)

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
days = 60
if v.closed:  # a finished cycle: no recent report to expect, its reports up to its end
    st.caption(t("calidad.closed", lang, date=fmt_date(v.as_of, lang)))
else:
    days = st.columns([1, 3])[0].number_input(
        t("calidad.days", lang),
        min_value=1,
        max_value=730,
        value=60,
        step=1,
        key=state.STALE_DAYS,
        bind="query-params",
    )
agencies = per_agency(v.plan, v.version, v.filters, lang, v.as_of, int(days), v.closed)
if not v.closed and agencies["stale"]:
    stale = ", ".join(agencies["stale"])
    st.warning(md(t("calidad.stale", lang, days=int(days), agencies=stale)))
elif not v.closed:
    st.success(t("calidad.all_fresh", lang, days=int(days)))
st.dataframe(agencies["table"], hide_index=True, width="stretch")

st.subheader(t("calidad.issues", lang))
if r["issues"] is None:
    st.success(t("calidad.no_issues", lang))
else:
    st.dataframe(r["issues"], hide_index=True, width="stretch")

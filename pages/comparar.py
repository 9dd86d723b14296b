"""Comparar planes: two plans side by side (issue 9 §4), each as of its own day: products per
objective and agency, GCM objectives gained or lost, completion by status."""

from planmonitor.ui import guard

guard.ensure_frame()

import pandas as pd  # noqa: E402
import streamlit as st  # noqa: E402

from planmonitor.analysis import compare, describe  # noqa: E402
from planmonitor.i18n import fmt_date, t  # noqa: E402
from planmonitor.model import Plan  # noqa: E402
from planmonitor.output import charts  # noqa: E402
from planmonitor.ui import compare as widgets  # noqa: E402
from planmonitor.ui import data, frame, page  # noqa: E402
from planmonitor.ui.safe import md  # noqa: E402


@st.cache_resource(max_entries=32, ttl=6 * 3600, show_spinner=False)
def comparison_of(
    _a: Plan, version_a: str, _b: Plan, version_b: str, lang: str, today: pd.Timestamp
) -> dict:
    """The comparison of two plan versions on `today`: its figures and display tables."""
    cmp = compare.compare_plans(_a, _b, today=today)
    names = (describe.plan_title(_a) or _a.info.plan_id, describe.plan_title(_b) or _b.info.plan_id)
    agencies = pd.concat([_a.agencies, _b.agencies], ignore_index=True)
    frames = {
        "objectives": widgets.objectives_chart_data(cmp, lang),
        "agencies": widgets.agencies_chart_data(cmp, lang, agencies),
        "status": widgets.status_chart_data(cmp, lang),
    }
    figures = {
        k: charts.build_side_by_side_figure(df, "label", names, f"chart.compare.{k}", lang,
                                            percent=k == "status")
        for k, df in frames.items() if len(df)
    }  # fmt: skip
    return {
        "cmp": cmp,
        "names": names,
        "figures": figures,
        "summary": widgets.summary_table(cmp, lang),
        "objectives": widgets.objectives_table(cmp, lang),
        "agencies": widgets.agencies_table(cmp, lang, agencies),
        "gcm": widgets.gcm_table(cmp, lang, _a.gcm if len(_a.gcm) else _b.gcm),
        "gcm_lines": widgets.gcm_lines(cmp, lang),
        "status": widgets.status_table(cmp, lang),
    }


def section(name: str, table: pd.DataFrame, note: str | None = None) -> None:
    """A heading, its note, the chart and the same data as a table (the text alternative)."""
    st.subheader(t(f"compare.{name}", lang))
    if note:
        st.caption(note)
    if name in r["figures"]:
        page.chart(r["figures"][name], key=f"compare_{name}")
        with st.expander(t("compare.table", lang), icon=":material/table:"):
            st.dataframe(table, hide_index=True, width="stretch", key=f"compare_{name}_table")
    else:
        st.dataframe(table, hide_index=True, width="stretch", key=f"compare_{name}_table")


v = frame.view()
lang = v.lang
st.title(t("page.comparar", lang))
if not widgets.several_plans():
    st.info(t("compare.one_plan", lang), icon=":material/compare_arrows:")
    st.stop()
current = data.selected_plan_id() or v.version.split(":")[1]
a_id, b_id = widgets.choose(data.store().plans(), current, v.plan.info.previous_plan_id, lang)
plan_a, key_a = (v.plan, v.version) if a_id == current else data.plan_for(a_id)
plan_b, key_b = data.plan_for(b_id)
r = comparison_of(plan_a, key_a, plan_b, key_b, lang, v.today)
cmp = r["cmp"]
st.markdown(t("compare.legend", lang, a=md(r["names"][0]), b=md(r["names"][1])))
st.caption(t("compare.as_of", lang, a=fmt_date(cmp.as_of_a, lang), b=fmt_date(cmp.as_of_b, lang)))
if plan_a.is_example or plan_b.is_example:
    st.warning(t("app.example_note", lang), icon=":material/science:")

st.subheader(t("compare.summary", lang))
st.dataframe(r["summary"], hide_index=True, width="stretch", key="compare_summary")
section("objectives", r["objectives"], t("compare.objectives.note", lang))
section("agencies", r["agencies"], t("compare.agencies.note", lang))
st.subheader(t("compare.gcm", lang))
st.caption(t("compare.gcm.note", lang))
st.markdown("\n".join(f"- {line}" for line in r["gcm_lines"]))
st.dataframe(r["gcm"], hide_index=True, width="stretch", key="compare_gcm_table")
section("status", r["status"])

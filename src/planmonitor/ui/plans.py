"""The plan selector (issue 9): which of the store's plans this session shows, kept in the URL.

Drawn by the frame before the data is loaded. With one plan nothing is drawn (a single-plan
deployment looks as before); with several, a selectbox of the plans (title and period) in the
sidebar, its choice in the URL as ``?plan=<plan_id>`` so a shared link opens that plan. The
default is the store's default plan (the one whose period contains today, else the one that
ended last). Not a bound widget: a bound widget puts its displayed label in the URL, and links
should carry the plan's id. The URL is read once per session, then follows the selectbox. An
unknown ``?plan=`` is said in a sentence naming it, and the default plan is shown.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from planmonitor.i18n import fmt_date, t
from planmonitor.store import default_plan_id
from planmonitor.ui import data, state
from planmonitor.ui.safe import md

WIDGET = "_pm_plan_widget"
_UNKNOWN = "_pm_plan_unknown"  # (asked id, the default shown instead) until another is chosen


def label(row: pd.Series | dict, lang: str) -> str:
    """ "<title> · <first day> – <last day>" (the id when it has no title)."""
    title = str(row["title"] or row["plan_id"])
    return f"{title} · {fmt_date(row['start'], lang)} – {fmt_date(row['end'], lang)}"


def show(lang: str) -> str | None:
    """Choose the session's plan (drawing the selector when there are several); its id, also
    kept for ui.data (None when the dashboard does not read the store or it holds no plan)."""
    if not data.uses_store():
        st.session_state.pop(data.SELECTED_PLAN, None)
        return None
    plans = data.store().plans()
    if plans.empty:
        st.session_state.pop(data.SELECTED_PLAN, None)
        return None
    ids = plans["plan_id"].tolist()
    default = default_plan_id(plans)
    if WIDGET not in st.session_state or st.session_state[WIDGET] not in ids:
        asked = st.query_params.get(state.PLAN, "")
        if asked and asked not in ids:
            st.session_state[_UNKNOWN] = (asked, default)
        st.session_state[WIDGET] = asked if asked in ids else default
    labels = {r["plan_id"]: label(r, lang) for r in plans.to_dict("records")}
    if len(ids) > 1:
        chosen = st.sidebar.selectbox(
            t("plans.select", lang), ids, format_func=labels.get, key=WIDGET
        )
    else:
        chosen = ids[0]
    unknown = st.session_state.get(_UNKNOWN)
    if unknown is not None and unknown[1] == chosen:
        shown = labels[chosen]
        st.warning(
            md(t("plans.unknown", lang, plan=unknown[0], shown=shown)), icon=":material/warning:"
        )
    elif unknown is not None:
        st.session_state.pop(_UNKNOWN, None)
    if len(ids) > 1:
        if st.query_params.get(state.PLAN) != chosen:
            st.query_params[state.PLAN] = chosen
    elif state.PLAN in st.query_params:
        del st.query_params[state.PLAN]  # one plan: links need no plan
    st.session_state[data.SELECTED_PLAN] = chosen
    return chosen

"""The comparison page's widgets and tables (issue 9 §4): which two plans, kept in the URL.

Plan A is the session's plan (the sidebar's selector, ``?plan=``): choosing A here chooses it
for every page. Plan B is kept as ``?con=<plan_id>``: read once per session, then following
the selectbox; by default the plan A names as its previous plan, else its network's previous
cycle, else the most recent other plan (`analysis.compare.default_other`). Neither selector
is a bound widget (``bind="query-params"``): a bound selectbox writes its displayed label in
the URL, and a shared link must carry the plans' ids (as ui.plans does).

The display tables only translate and format what analysis.compare computed.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from planmonitor.analysis.compare import Comparison, default_other
from planmonitor.i18n import agency_label, fmt_number, fmt_percent, gcm_label, status_label, t
from planmonitor.ui import data, plans
from planmonitor.ui.safe import md

PARAM = "con"  # ?con=<plan_id>: plan B
A_KEY = "_pm_compare_a"
B_KEY = "_pm_compare_b"
_UNKNOWN = "_pm_compare_unknown"  # the ?con= asked that the store does not hold
_PERCENT_METRICS = {"completed_share", "completion"}


def several_plans() -> bool:
    """True when the store holds more than one plan (the page is listed only then)."""
    try:
        return data.uses_store() and len(data.store().plans()) > 1
    except Exception:  # no store: the navigation must still be drawn
        return False


def _follow_a() -> None:
    """A chosen here is the session's plan: the sidebar's selector takes it before the rerun."""
    st.session_state[plans.WIDGET] = st.session_state[A_KEY]


def choose(all_plans: pd.DataFrame, current: str, previous: str, lang: str) -> tuple[str, str]:
    """The two selectors side by side; returns (plan A, plan B) ids."""
    ids = [str(i) for i in all_plans["plan_id"]]
    labels = {str(r["plan_id"]): plans.label(r, lang) for r in all_plans.to_dict("records")}
    st.session_state[A_KEY] = current  # A mirrors the session's plan (set before drawing)
    left, right = st.columns(2)
    a = left.selectbox(
        t("compare.plan_a", lang), ids, format_func=labels.get, key=A_KEY, on_change=_follow_a
    )
    others = [i for i in ids if i != a]
    if B_KEY not in st.session_state:  # the URL is read once per session
        asked = st.query_params.get(PARAM, "")
        if asked and asked not in ids:
            st.session_state[_UNKNOWN] = asked
        st.session_state[B_KEY] = (
            asked if asked in others else default_other(all_plans, a, previous)
        )
    elif st.session_state[B_KEY] not in others:  # A took B's plan: B starts again
        st.session_state[B_KEY] = default_other(all_plans, a, previous)
    b = right.selectbox(t("compare.plan_b", lang), others, format_func=labels.get, key=B_KEY)
    unknown = st.session_state.pop(_UNKNOWN, None)
    if unknown:
        st.warning(md(t("compare.unknown", lang, plan=unknown, shown=labels[b])),
                   icon=":material/warning:")  # fmt: skip
    if st.query_params.get(PARAM) != b:
        st.query_params[PARAM] = b
    return a, b


def _fmt(value: object, lang: str, percent: bool) -> str:
    return fmt_percent(value, lang) if percent else fmt_number(value, lang)


def summary_table(cmp: Comparison, lang: str) -> pd.DataFrame:
    """Each measure (rows) for A and B, as text."""
    rows = [
        (t(f"compare.metric.{m}", lang), *(_fmt(v, lang, m in _PERCENT_METRICS) for v in (a, b)))
        for m, a, b in zip(cmp.summary["metric"], cmp.summary["a"], cmp.summary["b"], strict=True)
    ]
    cols = [t(f"compare.col.{c}", lang) for c in ("metric", "a", "b")]
    return pd.DataFrame(rows, columns=cols, dtype="str")


def objective_label(code: str, name_a: str, name_b: str, lang: str) -> str:
    """ "Objetivo 2 · <A's name, else B's>" (plain text)."""
    name = name_a or name_b
    return f"{t('word.objective', lang)} {code}" + (f" · {name}" if name else "")


def objectives_chart_data(cmp: Comparison, lang: str) -> pd.DataFrame:
    o = cmp.objectives
    return pd.DataFrame(
        {
            "label": [objective_label(c, x, y, lang)
                      for c, x, y in zip(o["code"], o["name_a"], o["name_b"], strict=True)],
            "a": o["products_a"],
            "b": o["products_b"],
        }
    )  # fmt: skip


def objectives_table(cmp: Comparison, lang: str) -> pd.DataFrame:
    out = cmp.objectives.copy()
    for c in ("completion_a", "completion_b"):
        out[c] = [fmt_percent(v, lang) for v in out[c]]
    return out.rename(columns=lambda c: t(f"compare.col.{c}", lang))


def agencies_chart_data(cmp: Comparison, lang: str, agencies: pd.DataFrame) -> pd.DataFrame:
    g = cmp.agencies
    return pd.DataFrame(
        {
            "label": [agency_label(a, lang, agencies) for a in g["agency"]],
            "a": g["total_a"],
            "b": g["total_b"],
        }
    )


def agencies_table(cmp: Comparison, lang: str, agencies: pd.DataFrame) -> pd.DataFrame:
    out = cmp.agencies.copy()
    out["agency"] = [agency_label(a, lang, agencies) for a in out["agency"]]
    return out.rename(columns=lambda c: t(f"compare.col.{c}", lang))


def gcm_table(cmp: Comparison, lang: str, gcm: pd.DataFrame) -> pd.DataFrame:
    out = cmp.gcm.drop(columns=["label_plan", "label_es", "title_en"])
    out.insert(0, "gcm", [gcm_label(n, lang, gcm) for n in out.pop("number")])
    out["coverage"] = [t(f"compare.coverage.{c}", lang) for c in out["coverage"]]
    return out.rename(columns=lambda c: t(f"compare.col.{c}", lang))


def gcm_lines(cmp: Comparison, lang: str) -> list[str]:
    """Gained, lost and kept GCM objectives in words (plain text)."""
    later, earlier = ("A", "B") if cmp.a_is_later else ("B", "A")

    def numbers(values: tuple[int, ...]) -> str:
        return ", ".join(str(n) for n in values) or t("compare.gcm.none_word", lang)

    return [
        t("compare.gcm.gained", lang, later=later, earlier=earlier, numbers=numbers(cmp.gained)),
        t("compare.gcm.lost", lang, later=later, earlier=earlier, numbers=numbers(cmp.lost)),
        t("compare.gcm.both", lang, numbers=numbers(cmp.covered("both"))),
    ]


def status_chart_data(cmp: Comparison, lang: str) -> pd.DataFrame:
    s = cmp.status
    return pd.DataFrame(
        {
            "label": [status_label(x, lang) for x in s["status"]],
            "a": s["share_a"],
            "b": s["share_b"],
        }
    )


def status_table(cmp: Comparison, lang: str) -> pd.DataFrame:
    out = cmp.status.copy()
    out["status"] = [status_label(x, lang) for x in out["status"]]
    for c in ("share_a", "share_b"):
        out[c] = [fmt_percent(v, lang) for v in out[c]]
    return out.rename(columns=lambda c: t(f"compare.col.{c}", lang))

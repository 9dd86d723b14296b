"""Resumen: products by status, overall completion, completion by objective, alerts."""

from planmonitor.ui import guard

guard.ensure_frame()

import pandas as pd  # noqa: E402
import streamlit as st  # noqa: E402

from planmonitor.analysis import metrics  # noqa: E402
from planmonitor.analysis.filters import Filters  # noqa: E402
from planmonitor.i18n import fmt_date, fmt_number, fmt_percent, status_label, t  # noqa: E402
from planmonitor.model import NO_REPORT, Plan  # noqa: E402
from planmonitor.output import charts  # noqa: E402
from planmonitor.ui import frame, page, tables  # noqa: E402

STALE_DAYS = 60


@st.cache_resource(max_entries=128, ttl=6 * 3600, show_spinner=False)
def overview(
    _plan: Plan,
    version: str,
    filters: Filters,
    lang: str,
    as_of: pd.Timestamp,
    stale_days: int,
    closed: bool,
) -> dict:
    """Counts, completion, the two charts and the alerts of one view (a closed plan: as of its
    end, no stale alerts)."""
    filtered = frame.filtered_plan(_plan, version, filters, as_of)
    latest = metrics.latest_status(filtered, as_of=as_of)
    counts = metrics.status_counts(latest)
    by_objective = metrics.completion_by(latest, "objective")
    names = metrics.level_names(_plan, "objective")
    alerts = metrics.alerts(filtered, as_of=as_of, stale_days=stale_days, closed=closed)
    by_product = metrics.alerts_by_product(alerts)
    return {
        "n": len(latest),
        "overall": metrics.overall_completion(latest),
        "by_status": dict(zip(counts["status"], counts["count"], strict=True)),
        "status_fig": charts.build_status_counts_figure(counts, lang=lang),
        "objective_fig": charts.build_completion_by_figure(
            by_objective, lang=lang, level="objective", names=names
        ),
        "alerts": tables.alerts_table(by_product, lang),
        "gaps": tables.alert_gaps_text(metrics.alert_gaps(alerts), lang),
    }


v = page.start("resumen")
lang = v.lang
r = overview(v.plan, v.version, v.filters, lang, v.as_of, STALE_DAYS, v.closed)
by_status = r["by_status"]

top = st.columns(3)
top[0].metric(t("resumen.products", lang), fmt_number(r["n"], lang), border=True)
top[1].metric(t("resumen.percent", lang), fmt_percent(r["overall"], lang), border=True)
top[2].metric(t("resumen.no_report", lang), fmt_number(by_status[NO_REPORT], lang), border=True)
status_cards = st.columns(len(by_status) - 1)
for card, status in zip(status_cards, [s for s in by_status if s != NO_REPORT], strict=True):
    card.metric(status_label(status, lang), fmt_number(by_status[status], lang))

left, right = st.columns(2)
with left:
    page.chart(r["status_fig"], key="status_counts")
with right:
    page.chart(r["objective_fig"], key="completion_by_objective")

st.subheader(t("resumen.alerts", lang))
if v.closed:
    st.caption(t("resumen.alerts_caption_closed", lang, date=fmt_date(v.as_of, lang)))
else:
    st.caption(t("resumen.alerts_caption", lang, days=STALE_DAYS, date=fmt_date(v.as_of, lang)))
if r["alerts"].empty:
    st.success(t("resumen.no_alerts", lang))
else:
    st.dataframe(r["alerts"], hide_index=True, width="stretch")
if r["gaps"]:
    st.caption(r["gaps"])

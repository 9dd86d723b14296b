"""Resumen: products by status, overall completion, completion by objective, alerts."""

from planmonitor.ui import guard

guard.ensure_frame()

import streamlit as st  # noqa: E402

from planmonitor.analysis import metrics  # noqa: E402
from planmonitor.i18n import fmt_date, fmt_number, fmt_percent, status_label, t  # noqa: E402
from planmonitor.model import NO_REPORT  # noqa: E402
from planmonitor.output import charts  # noqa: E402
from planmonitor.ui import page, tables  # noqa: E402

STALE_DAYS = 60

v = page.start("resumen")
lang = v.lang


def compute() -> dict:
    latest = metrics.latest_status(v.filtered, as_of=v.today)
    counts = metrics.status_counts(latest)
    by_objective = metrics.completion_by(latest, "objective")
    names = metrics.level_names(v.plan, "objective")
    alerts = metrics.alerts(v.filtered, as_of=v.today, stale_days=STALE_DAYS)
    return {
        "n": len(latest),
        "overall": metrics.overall_completion(latest),
        "by_status": dict(zip(counts["status"], counts["count"], strict=True)),
        "status_fig": charts.build_status_counts_figure(counts, lang=lang),
        "objective_fig": charts.build_completion_by_figure(
            by_objective, lang=lang, level="objective", names=names
        ),
        "alerts": tables.alerts_table(alerts, lang),
    }


r = page.memo("resumen", compute, STALE_DAYS)
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
st.caption(t("resumen.alerts_caption", lang, days=STALE_DAYS, date=fmt_date(v.today, lang)))
if r["alerts"].empty:
    st.success(t("resumen.no_alerts", lang))
else:
    st.dataframe(r["alerts"], hide_index=True, width="stretch")

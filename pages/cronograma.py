"""Cronograma: the Gantt of the filtered products (or activities/strategies at scale)."""

from planmonitor.ui import guard

guard.ensure_frame()

import pandas as pd  # noqa: E402
import streamlit as st  # noqa: E402

from planmonitor import model  # noqa: E402
from planmonitor.analysis import changes, metrics  # noqa: E402
from planmonitor.i18n import fmt_date, t  # noqa: E402
from planmonitor.output import charts  # noqa: E402
from planmonitor.ui import page, state  # noqa: E402

AUTO_ACTIVITY_ABOVE = 300  # more products than this: one bar per activity by default

v = page.start("cronograma")
lang = v.lang
n_products = len(v.filtered.products)

c1, c2, c3, c4 = st.columns([2, 3, 2, 2], vertical_alignment="bottom")
color_by = c1.segmented_control(
    t("cronograma.color", lang),
    ("status", "lead"),
    format_func=lambda o: t(f"cronograma.color.{o}", lang),
    key=state.GANTT_COLOR,
    bind="query-params",
    default="status",
    required=True,
)
level = c2.segmented_control(
    t("cronograma.level", lang),
    ("auto", "product", "activity", "strategy"),
    format_func=lambda o: t(f"cronograma.level.{o}", lang),
    key=state.GANTT_LEVEL,
    bind="query-params",
    default="auto",
    required=True,
)
by_strategy = c3.toggle(
    t("cronograma.by_strategy", lang), key=state.GANTT_BY_STRATEGY, bind="query-params"
)
since = c4.date_input(  # the "Qué cambió" reference: the changed products get a marker
    t("cambios.markers", lang), value=None, key="marcas", bind="query-params",
    help=t("cambios.markers_help", lang), format="DD/MM/YYYY" if lang == "es" else "MM/DD/YYYY",
)  # fmt: skip
if level == "auto":
    level = "activity" if n_products > AUTO_ACTIVITY_ABOVE else "product"
    if level == "activity":
        st.info(t("cronograma.collapsed", lang, n=n_products), icon=":material/unfold_less:")


def compute() -> list[tuple[str, object]]:
    """One (strategy code or "", figure) per chart to draw."""
    latest = metrics.latest_status(v.filtered, as_of=v.today)
    names = metrics.level_names(v.plan, level) if level != "product" else None
    groups = metrics.level_names(v.plan, "objective" if level == "strategy" else "strategy")
    marks = changes.changes_since(v.filtered, pd.Timestamp(since)).markers(lang) if since else None

    def gantt(rows):
        return charts.build_gantt_figure(
            rows, lang=lang, color_by=color_by or "status", today=v.today, level=level,
            names=names, markers=marks, group_rows=True, group_names=groups, today_note=False,
        )  # fmt: skip

    if not by_strategy:
        return [("", gantt(latest))]
    return [(code, gantt(latest[latest["strategy"] == code]))
            for code in dict.fromkeys(latest["strategy"])]  # fmt: skip


if not model.PLAN_START <= v.today <= model.PLAN_END:  # no line to draw: say why
    st.caption(t("chart.gantt.today_outside", lang, date=fmt_date(v.today, lang)))
strategy_names = metrics.level_names(v.plan, "strategy") if by_strategy else {}
for code, fig in page.memo("cronograma", compute, color_by, level, by_strategy, str(since)):
    if code:
        st.subheader(t("cronograma.strategy_title", lang, code=code))
        if strategy_names.get(code):
            st.caption(strategy_names[code])
    page.chart(fig, key=f"gantt_{code}" if code else "gantt")

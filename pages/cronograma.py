"""Cronograma: the Gantt of the filtered products (or activities/strategies at scale)."""

from planmonitor.ui import guard

guard.ensure_frame()

import pandas as pd  # noqa: E402
import streamlit as st  # noqa: E402

from planmonitor import model  # noqa: E402
from planmonitor.analysis import changes, describe, metrics, spans  # noqa: E402
from planmonitor.analysis.filters import Filters  # noqa: E402
from planmonitor.i18n import level_word, t  # noqa: E402
from planmonitor.output import charts, theme  # noqa: E402
from planmonitor.ui import frame, page, state  # noqa: E402
from planmonitor.ui.safe import md  # noqa: E402

AUTO_ACTIVITY_ABOVE = 300  # more products than this: one bar per activity by default


@st.cache_resource(max_entries=128, ttl=6 * 3600, show_spinner=False)
def gantts(
    _plan: model.Plan,
    version: str,
    filters: Filters,
    lang: str,
    today: pd.Timestamp,
    as_of: pd.Timestamp,
    color_by: str,
    level: str,
    by_strategy: bool,
    since: pd.Timestamp | None,
) -> list[tuple[str, object]]:
    """One (strategy code or "", figure) per chart to draw: the plan as of `as_of` beside the
    actual spans of its progress log, the line at `today` (none outside the plan's period);
    a period filter zooms to its quarters and keeps the rows that overlap them."""
    filtered = frame.filtered_plan(_plan, version, filters, as_of)
    latest = metrics.latest_status(filtered, as_of=as_of)
    latest = spans.with_actual(latest, spans.actual_spans(filtered, as_of))
    window = spans.period_window(filters.period)
    if window is not None:
        latest = latest[spans.in_window(latest, window).to_numpy()]
    if not len(latest):
        return []
    period = (_plan.info.start, _plan.info.end)
    colors = theme.plan_agency_colors(_plan)
    patterns = theme.plan_agency_patterns(_plan)
    names = metrics.level_names(_plan, level) if level != "product" else None
    top = metrics.group_level(_plan)  # strategies, or the objectives of a three-level plan
    grouped = "objective" if level in ("strategy", "objective") else top
    groups = metrics.level_names(_plan, grouped)
    word = level_word(grouped, lang, _plan.info.level_names)
    marks = changes.changes_since(filtered, since).markers(lang) if since is not None else None

    def gantt(rows):
        return charts.build_gantt_figure(
            rows, lang=lang, color_by=color_by, today=today, level=level, names=names,
            markers=marks, group_rows=True, group_names=groups, today_note=False,
            period=period, agency_colors=colors, agency_patterns=patterns, window=window,
            group_word=word,
        )  # fmt: skip

    if not by_strategy:
        return [("", gantt(latest))]
    return [(code, gantt(latest[latest[top] == code]))
            for code in dict.fromkeys(latest[top])]  # fmt: skip


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
    wrap=True,  # a phone: the options take a second row instead of being cut
)
top = metrics.group_level(v.plan)  # strategies, or the objectives of a three-level plan
own_words = v.plan.info.level_names
level = c2.segmented_control(
    t("cronograma.level", lang),
    ("auto", "product", "activity", top),
    format_func=lambda o: (
        t(f"cronograma.level.{o}", lang)
        if o == "auto"
        else level_word(o, lang, own_words, lower=True)
    ),
    key=state.GANTT_LEVEL,
    bind="query-params",
    default="auto",
    required=True,
    wrap=True,
)
by_strategy = c3.toggle(
    t("cronograma.by_group", lang, level=level_word(top, lang, own_words, lower=True)),
    key=state.GANTT_BY_STRATEGY,
    bind="query-params",
)
since = c4.date_input(  # the "Qué cambió" reference: the changed products get a marker
    t("cambios.markers", lang), value=None, key="marcas", bind="query-params",
    help=t("cambios.markers_help", lang), format="DD/MM/YYYY" if lang == "es" else "MM/DD/YYYY",
)  # fmt: skip
if level == "auto":
    level = "activity" if n_products > AUTO_ACTIVITY_ABOVE else "product"
    if level == "activity":
        st.info(t("cronograma.collapsed", lang, n=n_products), icon=":material/unfold_less:")

outside = describe.today_outside(v.plan, v.today, lang)
if outside:  # no line to draw: say why
    st.caption(outside)
strategy_names = metrics.level_names(v.plan, top) if by_strategy else {}
figures = gantts(
    v.plan, v.version, v.filters, lang, v.today, v.as_of, color_by or "status", level,
    bool(by_strategy),
    pd.Timestamp(since) if since else None,
)  # fmt: skip
if figures:
    st.caption(t("cronograma.actual_note", lang))
else:  # the period filter left no product that ran in it
    st.info(t("cronograma.none_in_period", lang), icon=":material/filter_alt_off:")
for code, fig in figures:
    if code:
        st.subheader(md(f"{level_word(top, lang, own_words)} {code}"))
        if strategy_names.get(code):
            st.caption(md(strategy_names[code]))
    page.chart(fig, key=f"gantt_{code}" if code else "gantt")

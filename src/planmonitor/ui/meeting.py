"""Meeting mode: the dashboard on the Executive Committee's projector.

A switch in the sidebar (or ``?reunion=1`` in a link) turns the whole window into a sequence
of screens read from the back of the room: large type, no sidebar or toolbar, charts at full
width, black on white. The agenda is fixed: the overview, the Gantt of each strategy, the
agencies' workload, the GCM coverage and the alerts. ← / → (or the buttons) move between
screens; ``?paso=3`` opens the third one; the screens can advance on their own every N
seconds (``?auto=30``). The sidebar's filters still apply: they stay in the URL.

The frame calls ``switch(lang)`` while drawing the sidebar and, when it returns True,
``show(view)`` instead of the current page. Only our own constant CSS is injected as HTML.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import plotly.graph_objects as go
import streamlit as st

from planmonitor.analysis import describe, metrics
from planmonitor.i18n import fmt_number, fmt_percent, level_word, t
from planmonitor.model import NO_REPORT, Status
from planmonitor.output import charts, theme
from planmonitor.ui import tables
from planmonitor.ui.filters import committee_rule
from planmonitor.ui.safe import md, md_table

PARAM = "reunion"  # ?reunion=1
STEP_PARAM = "paso"  # ?paso=3 (1-based)
AUTO_PARAM = "auto"  # ?auto=30 (seconds; absent = off)
AUTO_CHOICES: tuple[int, ...] = (0, 15, 30, 60, 120)
STALE_DAYS = 60
MAX_ALERT_ROWS = 6
NAME_CHARS = 60

_ON = "_pm_meeting_on"
_STEP = "_pm_meeting_step"
_AUTO = "_pm_meeting_auto"
_SHOWN_AT = "_pm_meeting_shown_at"
_FLIPS = "_pm_meeting_flips"

# Projector sizes (px). Body text >= 24 px from the back of a room on a 1080p screen.
BODY_PX = 28
CHART_FONT = 22
CHART_TITLE = 30
CHART_TICKS = 22
# Chart heights that leave room, within 1080 px, for the heading, the captions and the
# closed-plan banner (issue 10: every screen fits without scrolling, a browser test checks)
OVERVIEW_PX = 400
GANTT_PX = (420, 470)  # (least, most)
LOAD_PX = (480, 540)
GCM_PX = 630
GCM_TILE_FONT = 16

# Our own constant markup: never formatted with any data.
CSS = """
<style>
section[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stExpandSidebarButton"], header[data-testid="stHeader"],
[data-testid="stToolbar"], [data-testid="stDecoration"], [data-testid="stStatusWidget"] {
  display: none !important;
}
html, body, .stApp { font-size: 28px !important; background: #FFFFFF !important;
  color: #000000 !important; }
.stMain .block-container, [data-testid="stMainBlockContainer"] {
  max-width: 100% !important; padding: 1.2rem 2.5rem 1rem 2.5rem !important; }
.stMain [data-testid="stMarkdownContainer"] p, .stMain [data-testid="stMarkdownContainer"] li,
.stMain [data-testid="stCaptionContainer"], .stMain [data-testid="stCaptionContainer"] p,
.stMain [data-testid="stAlertContainer"] p, .stMain [data-testid="stTable"] td,
.stMain [data-testid="stTable"] th, .stMain [data-testid="stTableStyledTable"] td,
.stMain [data-testid="stTableStyledTable"] th {
  font-size: 28px !important; line-height: 1.35 !important; color: #000000 !important; }
.stMain [data-testid="stCaptionContainer"], .stMain [data-testid="stCaptionContainer"] p {
  color: #1A1A1A !important; font-size: 26px !important; opacity: 1 !important; }
.stMain:focus, .stMain:focus-visible, .stMain *:focus:not(button):not(input) {
  outline: none !important; }
.stMain h1 { font-size: 60px !important; line-height: 1.15 !important; color: #000000 !important;
  padding: 0 0 0.2rem 0 !important; }
.stMain h2, .stMain h3 { font-size: 40px !important; color: #000000 !important; }
.stMain [data-testid="stMetricValue"], .stMain [data-testid="stMetricValue"] p {
  font-size: 64px !important; line-height: 1.1 !important; color: #000000 !important;
  font-weight: 700 !important; }
.stMain [data-testid="stMetricLabel"], .stMain [data-testid="stMetricLabel"] p {
  font-size: 28px !important; color: #000000 !important; }
.stMain [data-testid="stMetric"] { padding: 0.6rem 1rem !important; }
.stMain [data-testid="stVerticalBlockBorderWrapper"]:has([data-testid="stMetric"]),
.stMain [data-testid="stMetric"] { border-color: #0B4F8A !important; border-width: 3px !important; }
.stMain button p, .stMain [data-testid="stWidgetLabel"] p { font-size: 24px !important; }
.stMain button { min-height: 3rem !important; border-width: 2px !important; }
/* the primary button's label stays white on the accent (the rule above made it black) */
.stMain [data-testid="stBaseButton-primary"] p { color: #FFFFFF !important; }
</style>
"""


@dataclass(frozen=True)
class Screen:
    """One screen of the agenda: its kind and, for a strategy's Gantt, the strategy code."""

    kind: str  # "overview" | "gantt" | "load" | "gcm" | "alerts"
    code: str = ""

    def title(self, lang: str, level: str = "") -> str:
        """The screen's title; `level` is the word of the Gantt's group (the plan's own, or
        the catalogue's «Estrategia»)."""
        return t(
            f"meeting.screen.{self.kind}",
            lang,
            code=self.code,
            level=level or t("word.strategy", lang),
        )


# --------------------------------------------------------------------------------------------
# The switch and the agenda
# --------------------------------------------------------------------------------------------
def switch(lang: str) -> bool:
    """The sidebar switch, read from ``?reunion=1`` once per session, kept in the URL.

    The state lives in a plain session key, not in the widget: the browser drops widget
    values when it settles on the default page's path ("/" -> its url path) during the
    first rerun, and the switch must survive that. The widget's key carries the state, so
    every flip makes a new widget whose default is the new state.
    """
    if _ON not in st.session_state:
        st.session_state[_ON] = st.query_params.get(PARAM) == "1"
    on = bool(st.session_state[_ON])
    wanted = st.sidebar.toggle(
        t("meeting.switch", lang),
        value=on,
        key=f"_pm_meeting_switch_{st.session_state.get(_FLIPS, 0)}",
        help=t("meeting.switch_help", lang),
    )
    if bool(wanted) != on:
        _set(bool(wanted))
        on = bool(wanted)
    if on:
        if st.query_params.get(PARAM) != "1":
            st.query_params[PARAM] = "1"
    else:
        for name in (PARAM, STEP_PARAM, AUTO_PARAM):
            if name in st.query_params:
                del st.query_params[name]
    return on


REGIONAL_SCREENS: tuple[str, ...] = ("region_calendar", "region_coverage", "region_completion")


def agenda(strategies: list[str], regional: bool = False) -> list[Screen]:
    """The fixed agenda: overview, one Gantt per strategy (plan order), load, GCM, alerts;
    with several networks in the store (issue 11), then the regional screens."""
    return [
        Screen("overview"),
        *[Screen("gantt", code) for code in strategies],
        Screen("load"),
        Screen("gcm"),
        Screen("alerts"),
        *[Screen(kind) for kind in (REGIONAL_SCREENS if regional else ())],
    ]


def clamp_step(step: object, total: int) -> int:
    """A 1-based step within 1..total (1 for anything that is not a number)."""
    try:
        n = int(str(step))
    except ValueError:
        return 1
    return min(max(n, 1), max(total, 1))


def next_step(step: int, delta: int, total: int, wrap: bool = False) -> int:
    """The step after moving by `delta`; stops at the ends unless `wrap` (auto-advance)."""
    if wrap:
        return (step - 1 + delta) % max(total, 1) + 1
    return clamp_step(step + delta, total)


def _read_auto() -> int:
    try:
        n = int(st.query_params.get(AUTO_PARAM, "0"))
    except ValueError:
        return 0
    return n if n in AUTO_CHOICES else 0


def _move(delta: int, total: int, wrap: bool = False) -> None:
    st.session_state[_STEP] = next_step(st.session_state.get(_STEP, 1), delta, total, wrap)


def _set(on: bool) -> None:
    """Turn meeting mode on/off; the switch gets a new key, so no old widget value lingers."""
    st.session_state[_ON] = on
    st.session_state[_FLIPS] = st.session_state.get(_FLIPS, 0) + 1


def _leave() -> None:
    _set(False)


# --------------------------------------------------------------------------------------------
# Drawing
# --------------------------------------------------------------------------------------------
def projector(fig: go.Figure, height: int | None = None) -> go.Figure:
    """A copy of a dashboard figure with fonts for the back of the room."""
    fig = go.Figure(fig)
    fig.update_layout(
        font=dict(size=CHART_FONT, color="#000000"),
        title=dict(text=None),  # the screen's heading says it, larger
        legend=dict(font=dict(size=CHART_FONT)),
        hoverlabel=dict(font=dict(size=CHART_FONT)),
        margin=dict(t=40),
    )
    if height is not None:
        fig.update_layout(height=height)
    for update in (fig.update_xaxes, fig.update_yaxes):
        update(tickfont=dict(size=CHART_TICKS), title=dict(font=dict(size=CHART_FONT)))
    fig.update_traces(textfont_size=CHART_FONT, selector=dict(type="bar"))
    fig.update_annotations(font_size=CHART_FONT)
    return fig


def _chart(fig: go.Figure, key: str) -> None:
    st.plotly_chart(fig, width="stretch", theme=None, config={"displayModeBar": False}, key=key)


def _overview(v, lang: str) -> None:
    latest = metrics.latest_status(v.filtered, as_of=v.as_of)
    counts = metrics.status_counts(latest)
    by = dict(zip(counts["status"], counts["count"], strict=True))
    cards = (
        ("meeting.kpi.products", fmt_number(len(latest), lang)),
        ("meeting.kpi.overall", fmt_percent(metrics.overall_completion(latest), lang)),
        ("meeting.kpi.completed", fmt_number(by.get(Status.COMPLETED.value, 0), lang)),
        ("meeting.kpi.delayed", fmt_number(by.get(Status.DELAYED.value, 0), lang)),
        ("meeting.kpi.no_report", fmt_number(by.get(NO_REPORT, 0), lang)),
    )
    for col, (key, value) in zip(st.columns(len(cards)), cards, strict=True):
        col.metric(t(key, lang), value, border=True)
    left, right = st.columns(2)
    with left:
        _chart(
            projector(charts.build_status_counts_figure(counts, lang=lang), OVERVIEW_PX),
            "m_status",
        )
    with right:
        fig = charts.build_completion_by_figure(
            metrics.completion_by(latest, "objective"),
            lang=lang,
            level="objective",
            names=metrics.level_names(v.plan, "objective"),
        )
        _chart(projector(fig, OVERVIEW_PX), "m_completion")


def _gantt(v, lang: str, code: str) -> None:
    top = metrics.group_level(v.plan)  # strategies, or the objectives of a three-level plan
    names = metrics.level_names(v.plan, top)
    if names.get(code):
        st.caption(md(names[code]))
    latest = metrics.latest_status(v.filtered, as_of=v.as_of)
    rows = latest[latest[top] == code]
    fig = charts.build_gantt_figure(
        rows, lang=lang, today=v.today, level="product", today_note=False,
        period=(v.plan.info.start, v.plan.info.end),
        agency_colors=theme.plan_agency_colors(v.plan),
    )  # fmt: skip
    _chart(projector(fig, min(GANTT_PX[1], max(GANTT_PX[0], 220 + 60 * len(rows)))), "m_gantt")
    outside = describe.today_outside(v.plan, v.today, lang)
    if outside:
        # Said in the screen's own large type: a figure subtitle is too small for the room.
        st.caption(outside)


def _load(v, lang: str) -> None:
    load = metrics.agency_load(v.filtered, expand_committee=True)  # as the filter counts it
    if load.empty:
        st.info(t("meeting.no_load", lang))
        return
    rule = committee_rule(v.plan, lang)
    if rule:
        st.caption(md(rule))
    fig = charts.build_agency_load_figure(load, lang, agencies=v.plan.agencies)
    _chart(projector(fig, min(LOAD_PX[1], max(LOAD_PX[0], 200 + 40 * len(load)))), "m_load")


def _gcm(v, lang: str) -> None:
    fig = projector(charts.build_gcm_tiles_figure(metrics.gcm_coverage(v.filtered), lang), GCM_PX)
    fig.update_traces(textfont_size=GCM_TILE_FONT, selector=dict(mode="text"))
    _chart(fig, "m_gcm")


def _alerts(v, lang: str) -> None:
    found = metrics.alerts(v.filtered, as_of=v.as_of, stale_days=STALE_DAYS, closed=v.closed)
    table = tables.alerts_table(metrics.alerts_by_product(found), lang)  # most urgent first
    gaps = tables.alert_gaps_text(metrics.alert_gaps(found), lang)
    if table.empty:
        st.success(t("meeting.no_alerts", lang))
    else:
        name = table.columns[1]
        shown = table.head(MAX_ALERT_ROWS)
        shown = shown.assign(**{name: [_shorten(x, NAME_CHARS) for x in shown[name]]})
        st.table(md_table(shown), hide_index=True)  # st.table reads its cells as Markdown
        if len(table) > MAX_ALERT_ROWS:  # products not shown, one row each
            st.caption(t("meeting.more_alerts", lang, n=len(table) - MAX_ALERT_ROWS))
    if gaps:
        st.caption(gaps)


def _shorten(text: object, limit: int) -> str:
    text = str(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _regional(v, lang: str, kind: str) -> None:
    """A regional screen (issue 11): every network of the store, the page's own view."""
    from planmonitor.ui import region as rv

    whole, _ = rv.whole_region(v.today)
    if kind == "region_calendar":
        r = rv.calendar_tables(whole, lang, v.today)
        if r["months"]:
            table = r["table"]
            keep = [table.columns[0], *table.columns[-4:]]  # the last three months, last report
            st.table(md_table(table[keep]), hide_index=True)
    elif kind == "region_coverage":
        r = rv.coverage_view(whole, lang)
        if r["gaps"]:
            st.caption(t("region.coverage.uncovered", lang, gaps=", ".join(map(str, r["gaps"]))))
        _chart(projector(r["figure"], GCM_PX), "m_region_gcm")
    else:
        r = rv.completion_view(whole, lang, v.today)
        _chart(projector(r["figure"], LOAD_PX[1]), "m_region_completion")


_DRAW = {"overview": _overview, "load": _load, "gcm": _gcm, "alerts": _alerts}


def _controls(lang: str, step: int, total: int) -> None:
    """← / → buttons (also the arrow keys), auto-advance and leave, beside the heading."""
    prev, nxt, auto, leave = st.columns([5, 5, 5, 3], vertical_alignment="center", gap="small")
    prev.button(
        t("meeting.prev", lang),
        shortcut="Left",
        on_click=_move,
        args=(-1, total),
        disabled=step <= 1,
        key="_pm_meeting_prev",
        width="stretch",
    )
    nxt.button(
        t("meeting.next", lang),
        shortcut="Right",
        on_click=_move,
        args=(1, total),
        disabled=step >= total,
        key="_pm_meeting_next",
        width="stretch",
        type="primary",
    )
    seconds = int(st.session_state.get(_AUTO) or 0)
    chosen = auto.selectbox(
        t("meeting.auto", lang),
        AUTO_CHOICES,
        index=AUTO_CHOICES.index(seconds),
        format_func=lambda n: (
            t("meeting.auto.every", lang, n=n) if n else t("meeting.auto.off", lang)
        ),
        key=f"_pm_meeting_auto_{seconds}",  # see switch(): the state is not the widget's
        label_visibility="collapsed",
    )
    if chosen != seconds:
        st.session_state[_AUTO] = chosen
        st.rerun()
    leave.button(
        t("meeting.exit", lang),
        on_click=_leave,
        key="_pm_meeting_exit",
        help=t("meeting.exit_help", lang),
        width="stretch",
    )
    st.caption(f"{t('meeting.step', lang, n=step, total=total)} · {t('meeting.keys', lang)}")


def show(v) -> None:
    """Draw the current screen of the agenda for the frame's view `v` (ui.frame.View)."""
    lang = v.lang
    st.html(CSS)
    top = metrics.group_level(v.plan)  # one timeline per strategy (or objective)
    strategies = list(dict.fromkeys(v.filtered.products[top].astype(str)))
    from planmonitor.ui import region as rv

    screens = agenda(strategies, regional=rv.several_networks())
    total = len(screens)
    if _STEP not in st.session_state:
        st.session_state[_STEP] = clamp_step(st.query_params.get(STEP_PARAM, "1"), total)
    if _AUTO not in st.session_state:
        st.session_state[_AUTO] = _read_auto()
    step = clamp_step(st.session_state[_STEP], total)
    st.session_state[_STEP] = step
    st.query_params[STEP_PARAM] = str(step)
    seconds = int(st.session_state.get(_AUTO) or 0)
    if seconds:
        st.query_params[AUTO_PARAM] = str(seconds)
    elif AUTO_PARAM in st.query_params:
        del st.query_params[AUTO_PARAM]

    screen = screens[step - 1]
    head, controls = st.columns([1, 1], vertical_alignment="top")
    with head:
        st.title(md(screen.title(lang, level_word(top, lang, v.plan.info.level_names))))
        st.caption(md(v.filters.describe(lang, v.plan)))
    with controls:
        _controls(lang, step, total)
    if v.empty:
        st.info(t("app.empty", lang), icon=":material/filter_alt_off:")
    elif screen.kind == "gantt":
        _gantt(v, lang, screen.code)
    elif screen.kind in REGIONAL_SCREENS:
        _regional(v, lang, screen.kind)
    else:
        _DRAW[screen.kind](v, lang)
    if v.plan.is_example:
        st.caption(t("app.example_note", lang))
    st.session_state[_SHOWN_AT] = time.monotonic()
    if seconds:
        _auto_advance(seconds, total)


def _auto_advance(seconds: int, total: int) -> None:
    """Rerun a tiny fragment every `seconds`; once the screen has been up that long, move on
    (wrapping to the first screen) with a full rerun."""

    @st.fragment(run_every=seconds)
    def tick() -> None:
        shown = st.session_state.get(_SHOWN_AT, time.monotonic())
        if time.monotonic() - shown >= seconds - 0.5:
            _move(1, total, wrap=True)
            st.rerun(scope="app")

    tick()

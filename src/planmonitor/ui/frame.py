"""The frame every page runs in: language, data, shared filters, navigation, error guard.

dashboard.py calls ``run()``; the pages read what the frame prepared with ``view()``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from planmonitor import model
from planmonitor.analysis import describe
from planmonitor.analysis.filters import Filters
from planmonitor.i18n import LANG_NAMES, LANGS, t
from planmonitor.ui import auth, data, guard, meeting, plans, safe, state
from planmonitor.ui import compare as compare_widgets
from planmonitor.ui import filters as filter_widgets
from planmonitor.ui import region as region_views
from planmonitor.ui.safe import md

log = logging.getLogger("planmonitor.ui")

_VIEW = "_pm_view"

# (file, url path, icon); the title is the translated "page.<url path>".
PAGES: tuple[tuple[str, str, str], ...] = (
    ("pages/resumen.py", "resumen", ":material/dashboard:"),
    ("pages/cronograma.py", "cronograma", ":material/view_timeline:"),
    ("pages/carga.py", "carga", ":material/groups:"),
    ("pages/cobertura.py", "cobertura", ":material/grid_view:"),
    ("pages/avance.py", "avance", ":material/checklist:"),
    ("pages/calidad.py", "calidad", ":material/fact_check:"),
    ("pages/cambios.py", "cambios", ":material/difference:"),
    ("pages/decisiones.py", "decisiones", ":material/gavel:"),
    ("pages/informe.py", "informe", ":material/summarize:"),
)
COMPARE_PAGE = ("pages/comparar.py", "comparar", ":material/compare_arrows:")


@dataclass(frozen=True)
class View:
    """What the frame prepared for the page of this script run."""

    lang: str
    plan: model.Plan  # the whole plan on show
    filtered: model.Plan  # after the shared filters
    filters: Filters
    version: str
    issues: pd.DataFrame
    today: pd.Timestamp  # the calendar's today (what a page says when it means today)
    as_of: pd.Timestamp | None = None  # the day the plan is read at: today, or its end once closed

    def __post_init__(self) -> None:
        if self.as_of is None:
            object.__setattr__(self, "as_of", self.plan.info.as_of(self.today))

    @property
    def empty(self) -> bool:
        return self.filtered.products.empty

    @property
    def closed(self) -> bool:
        """The plan's period has ended: a finished cycle, read as of its last day (issue 9)."""
        return self.plan.info.is_closed(self.today)


def language() -> str:
    """The language switch (Spanish by default), kept in the URL as ``?lang=en``.

    Not a bound widget: a bound widget puts its displayed label in the URL ("English"),
    and links should say ``lang=en``. The URL is read once per session, then follows the switch.
    """
    if state.LANG_WIDGET not in st.session_state:
        asked = st.query_params.get(state.LANG, "es")
        st.session_state[state.LANG_WIDGET] = asked if asked in LANGS else "es"
    lang = st.sidebar.segmented_control(
        "Idioma · Language",
        LANGS,
        format_func=lambda code: LANG_NAMES[code],
        key=state.LANG_WIDGET,
        required=True,
    )
    lang = lang if lang in LANGS else "es"
    previous = st.session_state.get(state.LANG_SHOWN)
    if previous is not None and previous != lang:
        _relabel_bound_widgets()
    st.session_state[state.LANG_SHOWN] = lang
    if lang == "es":
        if state.LANG in st.query_params:
            del st.query_params[state.LANG]
    elif st.query_params.get(state.LANG) != lang:
        st.query_params[state.LANG] = lang
    return lang


def _relabel_bound_widgets() -> None:
    """After a language switch, re-send the widgets whose URL value is a translated label.

    A bound widget writes its displayed label to the URL (``estado=En+curso``); re-assigning
    the same value makes the browser rewrite it in the new language (``estado=In+progress``),
    so a link copied after the switch still restores the view.
    """
    for key in state.TRANSLATED_BOUND_KEYS:
        if key in st.session_state:
            st.session_state[key] = st.session_state[key]


def _admin_pages(lang: str) -> list:
    try:
        from planmonitor.ui import admin

        return list(admin.admin_pages(lang))
    except Exception:  # the secretariat's pages must never take the dashboard down
        log.exception("admin pages failed")
        return []


def _meeting_screen() -> None:
    meeting.show(view())


# Internal path of the default page (the page itself is served at "/").
_HOME_PATH = "inicio"


# The sidebar box the page list is drawn in (first in the sidebar, above the language).
_NAV_KEY = "pm-nav"


def navigation(
    lang: str, meeting_on: bool = False, box: object | None = None
) -> tuple[object, dict[str, object]]:
    """Build ``st.navigation``; returns the current page and every page by url path.

    In meeting mode every dashboard page runs the meeting screens (same url paths, so links
    and the page's widget state survive: a run that skips ``page.run()`` resets them).

    Streamlit's own sectioned sidebar list puts section headers as ``div`` children of a ``ul``
    (axe: "list" and "listitem", serious): the navigation is hidden and the frame draws the
    same list itself with ``st.page_link`` in `box` (a heading per section, one link per page).
    """
    dashboard = [
        st.Page(
            _meeting_screen if meeting_on else path,
            title=t(f"page.{url}", lang),
            url_path=url if i else _HOME_PATH,
            icon=icon,
            default=i == 0,
        )
        for i, (path, url, icon) in enumerate(PAGES)
    ]
    # Two plans side by side (issue 9): always routed, so a shared link finds it; listed
    # only when the store holds more than one plan (the page says so plainly otherwise).
    dashboard.append(
        st.Page(
            _meeting_screen if meeting_on else COMPARE_PAGE[0],
            title=t(f"page.{COMPARE_PAGE[1]}", lang),
            url_path=COMPARE_PAGE[1],
            icon=COMPARE_PAGE[2],
            visibility="visible" if compare_widgets.several_plans() else "hidden",
        )
    )
    # The default page is served at "/" whatever its url_path, so a shared link to
    # "/resumen" would end in "Page not found": a hidden page serves the same file there.
    # (Switching to "/" instead is not possible: bound query parameters cannot be cleared.)
    home = dashboard[0]
    dashboard.append(
        st.Page(
            _meeting_screen if meeting_on else PAGES[0][0],
            title=t(f"page.{PAGES[0][1]}", lang),
            url_path=PAGES[0][1],
            visibility="hidden",
        )
    )
    sections: dict[str, list] = {t("app.section.dashboard", lang): dashboard}
    # The regional views (issue 11 §2): always routed (a shared link finds them), listed
    # only when the store holds more than one network.
    regional = region_views.several_networks()
    sections[t("app.section.region", lang)] = [
        st.Page(
            _meeting_screen if meeting_on else path,
            title=t(f"page.{url}", lang),
            url_path=url,
            icon=icon,
            visibility="visible" if regional else "hidden",
        )
        for path, url, icon in region_views.PAGES
    ]
    admin = _admin_pages(lang)
    if admin:
        sections[t("app.section.secretariat", lang)] = admin
    by_url = {p.url_path or PAGES[0][1]: p for pages in sections.values() for p in pages}
    by_url[PAGES[0][1]] = home  # the alias only forwards: land on the page itself
    current = st.navigation(sections, position="hidden")
    if not auth.viewer_pending():  # no page list before the viewer password
        _page_list(sections, box if box is not None else st.sidebar)
    return current, by_url


def _page_list(sections: dict[str, list], box: object) -> None:
    """The visible pages as links, under one heading per section."""
    with box:
        for heading, pages in sections.items():
            shown = [p for p in pages if p.visibility != "hidden"]
            if not shown:  # a section with nothing listed (one network: no «Región») is left out
                continue
            st.markdown(f"**{safe.md(heading)}**")
            for p in shown:
                st.page_link(p, label=p.title, icon=p.icon or None, width="stretch")


def _land_on_intended(current: object, by_url: dict[str, object]) -> None:
    """After a deep link's hand-over, go to the page it asked for (when the user may see it)."""
    intended = guard.pop_intended()
    if not intended:
        return
    target = by_url.get(intended.get("page", ""))
    if target is not None and target is not current:
        st.switch_page(target, query_params=intended.get("params") or None)


@st.cache_resource(max_entries=64, ttl=6 * 3600, show_spinner=False)
def filtered_plan(
    _plan: model.Plan, version: str, filters: Filters, today: pd.Timestamp
) -> model.Plan:
    """The plan of `version` after the shared filters, on `today` (a status filter reads the
    whole log). The pages' cached functions call it too: kept once per view, shared."""
    return filters.apply(_plan, as_of=today)


def view() -> View:
    """The view prepared by the frame for the page being run."""
    return st.session_state[_VIEW]


def run() -> None:
    """Draw the frame and run the current page inside it (dashboard.py's whole body)."""
    st.set_page_config(
        page_title=describe.APP_NAME,  # the plan's own title once it is loaded (below)
        page_icon=":material/monitoring:",
        layout="wide",
    )
    nav_box = st.sidebar.container(key=_NAV_KEY)  # first in the sidebar; filled below
    lang = language()
    meeting_on = meeting.switch(lang)  # ?reunion=1: the projector screens instead of a page
    page, by_url = navigation(lang, meeting_on, nav_box)
    auth.require_viewer(lang)  # optional viewer password: stops here until it is given
    _land_on_intended(page, by_url)
    try:
        plans.show(lang)  # several plans: the selector (?plan=); the data is the chosen plan's
        plan, version, issues = data.current()
    except Exception:
        log.exception("loading the plan failed")
        st.error(t("app.no_data", lang))
        return
    st.set_page_config(page_title=describe.app_title(plan, lang))
    chosen = filter_widgets.show(plan, lang, version)
    st.sidebar.caption(md(describe.subtitle(plan, lang)))
    today = pd.Timestamp.today().normalize()
    as_of = plan.info.as_of(today)  # a closed plan is read as of its end
    st.session_state[_VIEW] = View(
        lang=lang,
        plan=plan,
        filtered=filtered_plan(plan, version, chosen, as_of),
        filters=chosen,
        version=version,
        issues=issues,
        today=today,
        as_of=as_of,
    )
    regional = getattr(page, "url_path", "") in {url for _, url, _ in region_views.PAGES}
    closed = None if regional else describe.closed_note(plan, today, lang)
    if closed:  # every page and meeting screen of a finished cycle says so first (the
        # regional pages show every network, not the session's plan: not there)
        st.info(closed, icon=":material/event_available:")
    st.session_state[state.FRAME_RUNNING] = True
    try:
        page.run()
    except Exception:
        log.exception("page %s failed", getattr(page, "url_path", "?"))
        st.error(t("app.error", lang), icon=":material/error:")
    finally:
        st.session_state[state.FRAME_RUNNING] = False

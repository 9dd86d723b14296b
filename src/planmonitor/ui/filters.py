"""The shared sidebar filters: drawn once by dashboard.py, bound to the URL.

Each widget's key (``ui.state``) is its query parameter, so a filtered view is a link that
restores it. Options narrow down: strategies to the chosen objectives, activities to the
chosen strategies (or objectives). The widgets return plain values; ``show()`` turns them into
the core's frozen ``Filters``.

The agency list shows each agency as it is called in the language (its English acronym in
English) while the URL keeps the plan's own acronym (``?agencia=<acronym>``), so a link works
in both languages. A bound widget would write its displayed label to the URL, so this one is kept in
the URL by ``_agency_url`` (as the language is by the frame).
"""

from __future__ import annotations

import streamlit as st

from planmonitor import model
from planmonitor.analysis.filters import Filters, period_options
from planmonitor.i18n import agency_label, plural, quarter_label, status_label, t
from planmonitor.model import COMMITTEE
from planmonitor.ui import state
from planmonitor.ui.safe import md

ROLES: tuple[str, ...] = (
    model.AgencyRole.ANY.value,
    model.AgencyRole.LEAD.value,
    model.AgencyRole.PARTNER.value,
)
STATUSES: tuple[str, ...] = (*model.STATUS_ORDER, model.NO_REPORT)


def reset(quarters: tuple[str, ...] = ()) -> None:
    """Put every filter back to its default (a button callback; also clears their URL params).

    `quarters` are the period filter's options: its default is the plan's whole period."""
    for key, default in state.FILTER_DEFAULTS.items():
        if key == state.PERIOD:
            if quarters:
                st.session_state[key] = period_default(quarters)
            continue
        st.session_state[key] = list(default) if isinstance(default, list) else default


def period_default(quarters: tuple[str, ...]) -> tuple[str, str]:
    """The period filter's default: the first and last quarter of the plan on show."""
    return (quarters[0], quarters[-1])


def _keep_period(quarters: tuple[str, ...]) -> None:
    """A period chosen on another plan (or a stale link) is not an option here: the whole
    period instead of an error."""
    chosen = st.session_state.get(state.PERIOD)
    if chosen is not None:
        values = [chosen] if isinstance(chosen, str) else list(chosen)
        if not values or any(str(q) not in quarters for q in values):
            st.session_state[state.PERIOD] = period_default(quarters)


def _keep_valid(key: str, options: list[str]) -> None:
    """Drop selections that are no longer options (after a narrower parent choice)."""
    chosen = st.session_state.get(key)
    if isinstance(chosen, list):
        kept = [c for c in chosen if c in options]
        if kept != chosen:
            st.session_state[key] = kept


def _gcm_label(plan: model.Plan, lang: str) -> dict[int, str]:
    gcm = plan.gcm
    if gcm.empty:
        return {n: str(n) for n in range(1, 24)}
    col = "label_es" if lang == "es" else "label_plan"
    return {int(n): f"{int(n)} · {lab}" for n, lab in zip(gcm["number"], gcm[col], strict=True)}


def _options(
    plan: model.Plan, chosen_obj: tuple[str, ...], chosen_strat: tuple[str, ...]
) -> dict[str, list]:
    objectives = plan.objectives["code"].astype(str).tolist()
    strat = plan.strategies
    if chosen_obj:
        strat = strat[strat["objective"].astype(str).isin(chosen_obj)]
    strategies = strat["code"].astype(str).tolist()
    chosen_strat = tuple(s for s in chosen_strat if s in strategies)
    act = plan.activities
    if chosen_strat:
        act = act[act["strategy"].astype(str).isin(chosen_strat)]
    elif chosen_obj:
        act = act[act["objective"].astype(str).isin(chosen_obj)]
    return {
        state.AGENCY: plan.agencies["acronym"].astype(str).tolist(),
        state.OBJECTIVE: objectives,
        state.STRATEGY: strategies,
        state.ACTIVITY: act["code"].astype(str).tolist(),
        state.GCM: sorted(int(n) for n in plan.gcm["number"]) or list(range(1, 24)),
        "quarters": period_options(plan),
    }


# Option lists and labels change only with the data version (and the parent choices, the
# language): kept per version so a rerun does not rebuild them from the plan's tables.
# Shared between sessions: read only.
@st.cache_resource(max_entries=128, ttl=6 * 3600, show_spinner=False)
def _options_cached(
    _plan: model.Plan, version: str, chosen_obj: tuple[str, ...], chosen_strat: tuple[str, ...]
) -> dict[str, list]:
    return _options(_plan, chosen_obj, chosen_strat)


def _labels(plan: model.Plan, lang: str) -> dict[str, dict]:
    """What the agency and GCM lists show for each option, in the language."""
    agencies = plan.agencies
    acronyms = agencies["acronym"].astype(str).tolist()
    return {
        state.AGENCY: {a: agency_label(a, lang, agencies) for a in acronyms},
        state.GCM: _gcm_label(plan, lang),
        "committee_rule": committee_rule(plan, lang),
    }


@st.cache_resource(max_entries=16, ttl=6 * 3600, show_spinner=False)
def _labels_cached(_plan: model.Plan, version: str, lang: str) -> dict[str, dict]:
    return _labels(_plan, lang)


def committee_rule(plan: model.Plan, lang: str) -> str | None:
    """ "«Comité Ejecutivo» cuenta para cada uno de sus 5 miembros: <siglas>, …", from the
    plan's Agencias table (None when it names no member): the filter and every chart count
    the committee for each member, and each of them says so."""
    members = [agency_label(m, lang, plan.agencies) for m in plan.committee_members()]
    if not members:
        return None
    return plural(
        len(members),
        "committee.rule_one",
        "committee.rule",
        lang,
        committee=agency_label(COMMITTEE, lang, plan.agencies),
        members=", ".join(members),
    )


def options(plan: model.Plan, version: str | None = None) -> dict[str, list]:
    """The options of each filter for the current selection (kept per data version if given)."""
    chosen_obj = tuple(st.session_state.get(state.OBJECTIVE) or [])
    chosen_strat = tuple(st.session_state.get(state.STRATEGY) or [])
    if version is None:
        return _options(plan, chosen_obj, chosen_strat)
    return _options_cached(plan, version, chosen_obj, chosen_strat)


def _agency_from_url(plan: model.Plan, acronyms: list[str]) -> None:
    """Once per session (and after a run that did not draw the filters): the URL's agencies.

    A link may also carry the English acronyms (``agencia=IOM``): they are taken back to the
    plan's own.
    """
    if state.AGENCY in st.session_state:
        return
    by_label = {agency_label(a, "en", plan.agencies): a for a in acronyms}
    chosen: list[str] = []
    for asked in st.query_params.get_all(state.AGENCY):
        acronym = asked if asked in acronyms else by_label.get(asked)
        if acronym is not None and acronym not in chosen:
            chosen.append(acronym)
    st.session_state[state.AGENCY] = chosen


def _agency_url(chosen: list[str]) -> None:
    """Keep ``?agencia=`` equal to the chosen acronyms (absent when none is chosen)."""
    if chosen:
        if st.query_params.get_all(state.AGENCY) != list(chosen):
            st.query_params[state.AGENCY] = list(chosen)
    elif state.AGENCY in st.query_params:
        del st.query_params[state.AGENCY]


def show(plan: model.Plan, lang: str = "es", version: str | None = None) -> Filters:
    """Draw the filters in the sidebar and return them as a ``Filters`` value.

    ``version`` (the data version key) lets the option lists and labels be reused between
    reruns.
    """
    opts = options(plan, version)
    labels = _labels(plan, lang) if version is None else _labels_cached(plan, version, lang)
    for key in (state.STRATEGY, state.ACTIVITY):
        _keep_valid(key, opts[key])
    _agency_from_url(plan, opts[state.AGENCY])
    _keep_valid(state.AGENCY, opts[state.AGENCY])
    sb = st.sidebar
    sb.header(t("sidebar.header", lang))
    all_text = t("sidebar.placeholder", lang)
    agency_names = labels[state.AGENCY]
    rule = labels["committee_rule"]
    agencies = sb.multiselect(
        t("sidebar.agency", lang),
        opts[state.AGENCY],
        format_func=lambda a: agency_names.get(a, a),
        key=state.AGENCY,
        placeholder=all_text,
        help=md(rule) if rule else None,
    )
    _agency_url(agencies)
    role = sb.segmented_control(
        t("sidebar.role", lang),
        ROLES,
        format_func=lambda r: t(f"sidebar.role.{r}", lang),
        key=state.ROLE,
        bind="query-params",
        default=model.AgencyRole.ANY.value,
        required=True,
    )
    levels = plan.info.level_names
    objectives = sb.multiselect(
        levels[0] or t("sidebar.objective", lang),
        opts[state.OBJECTIVE],
        key=state.OBJECTIVE,
        bind="query-params",
        placeholder=all_text,
        help=t("sidebar.help.codes", lang),
    )
    strategies: list[str] = []
    if plan.has_strategies:  # a plan of three levels draws no empty strategy filter
        strategies = sb.multiselect(
            levels[1] or t("sidebar.strategy", lang),
            opts[state.STRATEGY],
            key=state.STRATEGY,
            bind="query-params",
            placeholder=all_text,
        )
    activities = sb.multiselect(
        levels[2] or t("sidebar.activity", lang),
        opts[state.ACTIVITY],
        key=state.ACTIVITY,
        bind="query-params",
        placeholder=all_text,
    )
    statuses = sb.multiselect(
        t("sidebar.status", lang),
        STATUSES,
        format_func=lambda s: status_label(s, lang),
        key=state.STATUS,
        bind="query-params",
        placeholder=all_text,
    )
    quarters = opts["quarters"]
    full_period = period_default(quarters)
    _keep_period(quarters)
    period = sb.select_slider(
        t("sidebar.period", lang),
        quarters,
        value=full_period,
        format_func=lambda q: quarter_label(q, lang),
        key=state.PERIOD,
        bind="query-params",
    )
    gcm_names = labels[state.GCM]
    gcm = sb.multiselect(
        t("sidebar.gcm", lang),
        opts[state.GCM],
        format_func=lambda n: gcm_names.get(n, str(n)),
        key=state.GCM,
        bind="query-params",
        placeholder=all_text,
    )
    sb.button(
        t("sidebar.reset", lang),
        on_click=reset,
        args=(quarters,),
        width="stretch",
        icon=":material/restart_alt:",
    )
    full = tuple(period) == full_period
    return Filters(
        agencies=tuple(agencies),
        agency_role=role or model.AgencyRole.ANY.value,
        objectives=tuple(objectives),
        strategies=tuple(strategies),
        activities=tuple(activities),
        statuses=tuple(statuses),
        period=None if full else (str(period[0]), str(period[1])),
        gcm=tuple(int(n) for n in gcm),
    )

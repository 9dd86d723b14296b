"""The regional views (issue 11 §2): several country networks of one store side by side.

Listed in the navigation's «Región» section only when the store holds more than one network
(a single-network deployment looks as before); always routed, so a shared link opens them and
says plainly when there is one network. The region and network filters sit in the sidebar of
the regional pages, kept in the URL as ``?region=<region>`` and ``?red=<network id>`` (not bound
widgets: a bound selectbox would write its displayed label, and links carry the network id).
The URL is read once per session, then follows the selectboxes.

Each network is read through the plan its period puts on today (store.region.plan_for), loaded
by version key like the session's own plan (ui.data.plan_for): the tables are cached on the
tuple of those keys, so a network's new version shows at the next rerun.
The rules (reporting calendar, coverage, completion) are analysis.region's and stated on the page.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from planmonitor.analysis import networks as nets_mod
from planmonitor.analysis import region as rg
from planmonitor.i18n import fmt_date, fmt_number, fmt_percent, gcm_label, t
from planmonitor.output import charts, theme
from planmonitor.store.region import plan_for
from planmonitor.ui import data
from planmonitor.ui.safe import md

PAGES: tuple[tuple[str, str, str], ...] = (
    ("pages/region_calendario.py", "region-calendario", ":material/calendar_month:"),
    ("pages/region_cobertura.py", "region-cobertura", ":material/public:"),
    ("pages/region_agencias.py", "region-agencias", ":material/hub:"),
    ("pages/region_avance.py", "region-avance", ":material/stacked_bar_chart:"),
    ("pages/region_informe.py", "region-informe", ":material/summarize:"),
)
REGION_PARAM = "region"
NETWORK_PARAM = "red"
ALL = ""  # the selectboxes' "every region / network" option
REGION_WIDGET = "_pm_region_widget"
NETWORK_WIDGET = "_pm_network_widget"
_UNKNOWN = "_pm_region_unknown"
CALENDAR_MONTHS = 12  # the months shown: the last twelve of the region's months


def several_networks() -> bool:
    """True when the dashboard reads a store holding more than one network."""
    try:
        return data.uses_store() and len(data.store().networks()) > 1
    except Exception:  # no store: the navigation must still be drawn
        return False


def whole_region(today: pd.Timestamp) -> tuple[rg.Region, dict[str, str]]:
    """Every network of the store with its plan for today's month, and their version keys
    by network id. One query (Store.plans, which holds each plan's current version); the
    plans come from a cache of their own, sized for a region (the session's plan cache keeps
    three), so a warm rerun reads nothing else."""
    plans = data.store().plans(today)
    nets = nets_mod.networks(plans).reset_index(drop=True)
    current = dict(zip(plans["plan_id"].astype(str), plans["current_version_id"], strict=True))
    chosen, keys = {}, {}
    for row in nets.itertuples(index=False):
        pid = plan_for(plans, tuple(row.plan_ids), today)
        key = f"store:{pid}:{int(current[pid])}"
        chosen[str(row.network_id)] = _plan_of(key)
        keys[str(row.network_id)] = key
    return rg.Region(nets, chosen), keys


@st.cache_resource(max_entries=128, ttl=6 * 3600, show_spinner=False)
def _plan_of(key: str):
    """The plan of a version key (``store:<plan_id>:<version id>``), shared by every session."""
    return data.load_for_key(key)[0]


def _pick(param: str, widget: str, options: list[str], label: str, fmt, lang: str) -> str:
    """One URL-kept selectbox of the sidebar (read from the URL once per session)."""
    if widget not in st.session_state or st.session_state[widget] not in options:
        asked = st.query_params.get(param, ALL)
        if asked and asked not in options:
            st.session_state[_UNKNOWN] = asked
        st.session_state[widget] = asked if asked in options else ALL
    chosen = st.sidebar.selectbox(label, options, format_func=fmt, key=widget)
    if chosen:
        if st.query_params.get(param) != chosen:
            st.query_params[param] = chosen
    elif param in st.query_params:
        del st.query_params[param]
    return chosen


def filters(region: rg.Region, lang: str) -> tuple[rg.Region, str, str]:
    """The region and network selectboxes; the region they leave, and their values."""
    found = rg.regions(region.networks)
    chosen_region = ALL
    if len(found) > 1:
        chosen_region = _pick(
            REGION_PARAM, REGION_WIDGET, [ALL, *found], t("region.filter.region", lang),
            lambda r: r or t("region.filter.all_regions", lang), lang,
        )  # fmt: skip
    elif REGION_PARAM in st.query_params and st.query_params.get(REGION_PARAM) not in found:
        st.session_state[_UNKNOWN] = st.query_params.get(REGION_PARAM)
        del st.query_params[REGION_PARAM]
    narrowed = region.only(region=chosen_region or None)
    labels = {r["network_id"]: nets_mod.network_name(r, lang) for r in
              narrowed.networks.to_dict("records")}  # fmt: skip
    chosen_net = _pick(
        NETWORK_PARAM, NETWORK_WIDGET, [ALL, *labels], t("region.filter.network", lang),
        lambda n: labels.get(n) or t("region.filter.all_networks", lang), lang,
    )  # fmt: skip
    unknown = st.session_state.pop(_UNKNOWN, None)
    if unknown:
        st.warning(md(t("region.unknown", lang, value=unknown)), icon=":material/warning:")
    return narrowed.only(network=chosen_net or None), chosen_region, chosen_net


def start(page: str, lang: str, today: pd.Timestamp):
    """Title, the filters and what they show; None (after saying so) with one network."""
    st.title(t(f"page.{page}", lang))
    if not several_networks():
        st.info(t("region.one_network", lang), icon=":material/public:")
        return None
    whole, by_network = whole_region(today)
    region, _, _ = filters(whole, lang)
    keys = tuple(by_network[i] for i in region.ids())  # the cache key of what is shown
    names = [network_name(region, i, lang) for i in region.ids()]
    st.caption(md(t("region.showing", lang, n=len(names), names=", ".join(names))))
    fictitious = [network_name(region, i, lang) for i, p in region.items() if p.is_example]
    if fictitious:
        st.warning(md(t("region.fictitious", lang, names=", ".join(fictitious))),
                   icon=":material/science:")  # fmt: skip
    return region, keys


def network_name(region: rg.Region, nid: str, lang: str) -> str:
    row = region.networks[region.networks["network_id"].astype(str) == nid]
    return nets_mod.network_name(row.iloc[0].to_dict(), lang) if len(row) else nid


def _names(region: rg.Region, lang: str) -> dict[str, str]:
    return {i: network_name(region, i, lang) for i in region.ids()}


# --------------------------------------------------------------------------------------------
# What each page shows (pure given the region; cached by the pages on the version keys)
# --------------------------------------------------------------------------------------------
def calendar_tables(region: rg.Region, lang: str, today: pd.Timestamp) -> dict:
    """The calendar (network rows × the last months), its last month's counts, the months."""
    months = rg.region_months(region, today)[-CALENDAR_MONTHS:]
    names = _names(region, lang)
    if not months:
        return {"table": pd.DataFrame(), "months": [], "counts": {}}
    cal = rg.reporting_calendar(region, months)
    last = rg.last_reports(region)
    last_by = dict(zip(last["network_id"].astype(str), last.iloc[:, -1], strict=True))
    rows = []
    for nid in region.ids():
        mine = cal[cal["network_id"] == nid]
        row = {t("region.col.network", lang): names[nid]}
        for month, status in zip(mine["month"], mine["status"], strict=True):
            row[_month(month, lang)] = t(f"region.status.{status}", lang)
        day = last_by.get(nid)
        row[t("region.col.last_report", lang)] = (
            t("region.never", lang) if day is None or pd.isna(day) else fmt_date(day, lang)
        )
        rows.append(row)
    final = cal[cal["month"] == months[-1]]["status"].value_counts()
    counts = {s: int(final.get(s, 0)) for s in rg.STATUSES}
    return {"table": pd.DataFrame(rows), "months": months, "counts": counts}


def _month(month: str, lang: str) -> str:
    from planmonitor.output.report import month_label

    return month_label(pd.Period(month, freq="M").start_time, lang)


def coverage_view(region: rg.Region, lang: str) -> dict:
    """The network × 23 objectives heatmap (uncovered columns outlined), its table, the gaps."""
    cov = rg.gcm_coverage(region)
    names = _names(region, lang)
    gaps = rg.uncovered(region)
    matrix = pd.DataFrame(
        [[int(r[n]) for n in rg.GCM_NUMBERS] for r in cov.to_dict("records")],
        index=[names[str(i)] for i in cov["network_id"]],
        columns=[str(n) for n in rg.GCM_NUMBERS],
    )
    fig = charts.build_heatmap_figure(
        matrix, "region.coverage.title", lang, "word.gcm_objective", "region.col.network"
    )
    _outline_gaps(fig, gaps, len(matrix), lang)
    table = matrix.copy()
    table.columns = [gcm_label(n, lang) for n in rg.GCM_NUMBERS]
    table[t("region.col.all", lang)] = [int(x) for x in cov["all"]]
    table = table.reset_index(names=t("region.col.network", lang))
    return {"figure": fig, "table": table, "gaps": gaps}


def _outline_gaps(fig: go.Figure, gaps: list[int], rows: int, lang: str) -> None:
    """Objectives no network covers: a vermillion frame around their column, labelled."""
    for n in gaps:
        fig.add_shape(
            type="rect", xref="x", yref="y", x0=n - 1.5, x1=n - 0.5, y0=-0.5, y1=rows - 0.5,
            line=dict(color=theme.GAP_COLOR, width=3), fillcolor="rgba(0,0,0,0)",
        )  # fmt: skip
    if gaps:
        fig.add_annotation(
            text=f"▯ {t('region.coverage.uncovered_label', lang)}", showarrow=False,
            xref="paper", yref="paper", x=1, y=-0.02, xanchor="right", yanchor="top",
            font=dict(color=theme.GAP_COLOR, size=theme.BASE_FONT_SIZE),
        )  # fmt: skip


def agencies_view(region: rg.Region, lang: str) -> dict:
    """agency × network matrices (lead, partner) and their table."""
    found = rg.agency_networks(region)
    names = _names(region, lang)
    if found.empty:
        return {"lead": None, "partner": None, "table": pd.DataFrame()}
    agencies = pd.concat([p.agencies for _, p in region.items()], ignore_index=True)
    agencies = agencies.drop_duplicates(subset=agencies.columns[0])
    cols = [names[i] for i in region.ids()]
    figs = {}
    for role, key in (
        ("lead", "region.agencies.title"),
        ("partner", "region.agencies.partner_title"),
    ):
        m = found.pivot_table(index="agency", columns="network_id", values=role, aggfunc="sum",
                              fill_value=0, sort=False)  # fmt: skip
        m = m.reindex(columns=region.ids(), fill_value=0)
        m.columns = cols
        m = m[m.sum(axis=1) > 0]
        figs[role] = charts.build_heatmap_figure(
            m, key, lang, "region.col.network", "region.col.agency", agencies=agencies
        ) if len(m) else None  # fmt: skip
    from planmonitor.i18n import agency_label

    table = pd.DataFrame({
        t("region.col.agency", lang): [agency_label(a, lang, agencies) for a in found["agency"]],
        t("region.col.network", lang): [names[str(n)] for n in found["network_id"]],
        t("region.col.lead", lang): found["lead"].astype(int),
        t("region.col.partner", lang): found["partner"].astype(int),
    })  # fmt: skip
    return {"lead": figs["lead"], "partner": figs["partner"], "table": table}


def completion_view(region: rg.Region, lang: str, today: pd.Timestamp) -> dict:
    """Completion per network (bars and table) and per GCM objective (table)."""
    names = _names(region, lang)
    comp = rg.completion_by_network(region, today)
    labels = [names[str(i)] for i in comp["network_id"]]
    values = [0.0 if pd.isna(v) else float(v) for v in comp["completion"]]
    bar = go.Figure(go.Bar(
        orientation="h", y=labels, x=values, marker_color=theme.OKABE_ITO["blue"],
        text=[fmt_percent(v, lang) for v in comp["completion"]], textposition="outside",
        cliponaxis=False, hovertemplate="<b>%{y}</b>: %{text}<extra></extra>",
    ))  # fmt: skip
    bar.update_layout(
        template=theme.TEMPLATE_NAME, title=t("region.completion.title", lang),
        height=max(300, 140 + 46 * len(labels)), showlegend=False,
        xaxis=dict(range=[0, 100], title=t("word.percent", lang), dtick=20),
        yaxis=dict(type="category", autorange="reversed", title=None),
    )  # fmt: skip
    table = pd.DataFrame({
        t("region.col.network", lang): labels,
        t("region.col.products", lang): [fmt_number(n, lang) for n in comp["products"]],
        t("region.col.completion", lang): [fmt_percent(v, lang) for v in comp["completion"]],
    })  # fmt: skip
    by_gcm = rg.completion_by_gcm(region, today)
    gcm_table = pd.DataFrame(
        {
            gcm_label(n, lang): ["—" if pd.isna(v) else fmt_percent(v, lang) for v in by_gcm[n]]
            for n in rg.GCM_NUMBERS
        }  # fmt: skip
    )
    gcm_table.insert(
        0, t("region.col.network", lang), [names[str(i)] for i in by_gcm["network_id"]]
    )
    alerts = rg.alerts_by_network(region, today)
    titles = {
        k: t(f"alert.{k}", lang) for k in alerts.columns if k not in ("network_id", "products")
    }
    titles["products"] = t("region.col.products", lang)
    alerts_table = alerts.rename(columns=titles)
    alerts_table.insert(0, t("region.col.network", lang),
                        [names[str(i)] for i in alerts["network_id"]])  # fmt: skip
    alerts_table = alerts_table.drop(columns=["network_id"])
    return {"figure": bar, "table": table, "gcm": gcm_table, "alerts": alerts_table}

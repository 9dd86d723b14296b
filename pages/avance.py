"""Avance de productos: the progress table (searchable, downloadable), statuses, history."""

from planmonitor.ui import guard

guard.ensure_frame()

import pandas as pd  # noqa: E402
import streamlit as st  # noqa: E402

from planmonitor import model  # noqa: E402
from planmonitor.analysis import metrics  # noqa: E402
from planmonitor.analysis.filters import Filters  # noqa: E402
from planmonitor.i18n import level_word, t  # noqa: E402
from planmonitor.output import charts, export  # noqa: E402
from planmonitor.ui import page, reports, state, tables  # noqa: E402


@st.cache_resource(max_entries=64, ttl=6 * 3600, show_spinner=False)
def overview(
    _plan: model.Plan, version: str, filters: Filters, lang: str, as_of: pd.Timestamp
) -> dict:
    """Per as-of day: the latest status of each product, as a table and by strategy."""
    filtered = filters.apply(_plan, as_of=as_of)
    if filtered.products.empty:
        return {"empty": True}
    latest = metrics.latest_status(filtered, as_of=as_of)
    level = metrics.group_level(_plan)
    by_strategy = metrics.status_by(latest, level)
    table = tables.progress_table(
        latest, lang, _plan.agencies, level, level_word(level, lang, _plan.info.level_names)
    )
    return {
        "empty": False,
        "table": table,
        "screen": tables.for_screen(table, lang),
        "labels": {
            code: f"{code} · {name[:80]}"
            for code, name in zip(latest["code"], latest["name"], strict=True)
        },
        "status_by": charts.build_status_by_figure(
            by_strategy, lang=lang, names=metrics.level_names(_plan, level)
        ),
    }


@st.cache_resource(max_entries=128, ttl=6 * 3600, show_spinner=False)
def shown(
    _plan: model.Plan, version: str, filters: Filters, lang: str, as_of: pd.Timestamp, text: str
) -> dict:
    """Per as-of day and search: the rows found ready to draw (tables.frozen), their download."""
    r = overview(_plan, version, filters, lang, as_of)
    if r["empty"]:
        return r
    found = tables.search(r["screen"], text)  # dates as text: "AAAA-MM" finds them too
    if found.empty:
        return {**r, "found": None}
    table = r["table"].loc[found.index]  # the download keeps real dates
    return {
        **r,
        "found": tables.frozen(tables.for_screen(found, lang)),
        "xlsx": export.write_workbook({t("avance.table", lang): table}),
    }


@st.cache_resource(max_entries=64, ttl=6 * 3600, show_spinner=False)
def history(
    _plan: model.Plan, version: str, filters: Filters, lang: str, as_of: pd.Timestamp, code: str
) -> object | None:
    """The chart of one product's reports up to the as-of day (None when it has none)."""
    past = metrics.history(filters.apply(_plan, as_of=as_of), code)
    past = past[pd.to_datetime(past["date"]) <= as_of]
    return None if past.empty else charts.build_history_figure(past, lang=lang, code=code)


v = page.start("avance")
lang = v.lang

c1, c2 = st.columns([1, 3], vertical_alignment="bottom")
as_of_date = c1.date_input(
    t("avance.as_of", lang),
    value=v.as_of.date(),  # a closed plan: its last day
    min_value=min(v.plan.info.start, v.as_of).date(),
    key=state.AS_OF,
    bind="query-params",
    format="DD/MM/YYYY" if lang == "es" else "MM/DD/YYYY",
)
text = c2.text_input(
    t("avance.search", lang),
    key=state.SEARCH,
    bind="query-params",
    placeholder=t("avance.search.placeholder", lang),
)
as_of = pd.Timestamp(as_of_date or v.as_of)

r = shown(v.plan, v.version, v.filters, lang, as_of, text or "")
if r["empty"]:
    st.info(t("app.empty", lang), icon=":material/filter_alt_off:")
    st.stop()

st.subheader(t("avance.table", lang))
if r["found"] is None:
    st.info(t("avance.no_match", lang))
else:
    st.dataframe(
        r["found"],
        hide_index=True,
        width="stretch",
        column_config=tables.progress_column_config(lang),
    )
    st.download_button(
        t("avance.download", lang),
        data=r["xlsx"],
        file_name=f"avance-{as_of:%Y-%m-%d}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        icon=":material/download:",
        on_click="ignore",
    )

page.chart(r["status_by"], key="status_by_strategy")

st.subheader(t("avance.history", lang))
labels = r["labels"]
code = st.selectbox(  # options are shown as plain text (no Markdown): no escaping
    t("avance.pick", lang),
    list(labels),
    index=None,
    format_func=lambda c: labels.get(c, f"{c} · "),
    key=state.PRODUCT,
    bind="query-params",
    placeholder=t("avance.pick.placeholder", lang),
)
if code is not None:
    reports.show_lineage(v.plan, v.version, code, lang)  # the cycles before and after
    fig = history(v.plan, v.version, v.filters, lang, as_of, code)
    if fig is None:
        st.info(t("avance.no_history", lang))
    else:
        page.chart(fig, key="history")

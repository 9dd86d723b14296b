"""Avance de productos: the progress table (searchable, downloadable), statuses, history."""

from planmonitor.ui import guard

guard.ensure_frame()

import pandas as pd  # noqa: E402
import streamlit as st  # noqa: E402

from planmonitor import charts, export, metrics, model  # noqa: E402
from planmonitor.ui import page, state, tables  # noqa: E402
from planmonitor.ui.text import tr  # noqa: E402

v = page.start("avance")
lang = v.lang

c1, c2 = st.columns([1, 3], vertical_alignment="bottom")
as_of_date = c1.date_input(
    tr("avance.as_of", lang),
    value=v.today.date(),
    min_value=model.PLAN_START.date(),
    key=state.AS_OF,
    bind="query-params",
    format="DD/MM/YYYY" if lang == "es" else "MM/DD/YYYY",
)
text = c2.text_input(
    tr("avance.search", lang),
    key=state.SEARCH,
    bind="query-params",
    placeholder=tr("avance.search.placeholder", lang),
)
as_of = pd.Timestamp(as_of_date or v.today)
filtered = v.filters.apply(v.plan, as_of=as_of)
if filtered.products.empty:
    st.info(tr("app.empty", lang), icon=":material/filter_alt_off:")
    st.stop()


def compute() -> dict:
    latest = metrics.latest_status(filtered, as_of=as_of)
    by_strategy = metrics.status_by(latest, "strategy")
    table = tables.progress_table(latest, lang)
    return {
        "table": table,
        "screen": tables.for_screen(table),
        "names": dict(zip(latest["code"], latest["name"], strict=True)),
        "status_by": charts.build_status_by_figure(
            by_strategy, lang=lang, names=metrics.level_names(v.plan, "strategy")
        ),
    }


r = page.memo("avance", compute, str(as_of.date()))

st.subheader(tr("avance.table", lang))
found = tables.search(r["screen"], text)  # dates as text: "2024-06" finds them too
if found.empty:
    st.info(tr("avance.no_match", lang))
else:
    table = r["table"].loc[found.index]  # the download keeps real dates
    st.dataframe(
        tables.for_screen(found),
        hide_index=True,
        width="stretch",
        column_config=tables.progress_column_config(lang),
    )
    st.download_button(
        tr("avance.download", lang),
        data=page.memo(
            "avance.xlsx",
            lambda: export.write_workbook({tr("avance.table", lang): table}),
            str(as_of.date()),
            text,
        ),  # fmt: skip
        file_name=f"avance-{as_of:%Y-%m-%d}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        icon=":material/download:",
        on_click="ignore",
    )

page.chart(r["status_by"], key="status_by_strategy")

st.subheader(tr("avance.history", lang))
names = r["names"]
code = st.selectbox(
    tr("avance.pick", lang),
    list(names),
    index=None,
    format_func=lambda c: f"{c} · {names.get(c, '')[:80]}",
    key=state.PRODUCT,
    bind="query-params",
    placeholder=tr("avance.pick.placeholder", lang),
)
if code is not None:
    past = metrics.history(filtered, code)
    past = past[pd.to_datetime(past["date"]) <= as_of]
    if past.empty:
        st.info(tr("avance.no_history", lang))
    else:
        page.chart(charts.build_history_figure(past, lang=lang, code=code), key="history")

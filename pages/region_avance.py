"""Avance por red (issue 11 §2): completion per network and per GCM objective, side by side."""

from planmonitor.ui import guard

guard.ensure_frame()

import pandas as pd  # noqa: E402
import streamlit as st  # noqa: E402

from planmonitor.analysis import region as rg  # noqa: E402
from planmonitor.i18n import t  # noqa: E402
from planmonitor.ui import frame, page  # noqa: E402
from planmonitor.ui import region as rv  # noqa: E402


@st.cache_resource(max_entries=32, ttl=6 * 3600, show_spinner=False)
def completion_of(
    _region: rg.Region, keys: tuple[str, ...], lang: str, today: pd.Timestamp
) -> dict:
    """Completion of the networks whose plan versions are `keys`, on `today`."""
    return rv.completion_view(_region, lang, today)


v = frame.view()
started = rv.start("region-avance", v.lang, v.today)
if started is None:
    st.stop()
region, keys = started
r = completion_of(region, keys, v.lang, v.today)
st.caption(t("region.completion.note", v.lang))
page.chart(r["figure"], key="region_completion")
st.dataframe(r["table"], hide_index=True, width="stretch", key="region_completion_table")
st.subheader(t("region.completion.gcm_title", v.lang))
st.dataframe(r["gcm"], hide_index=True, width="stretch", key="region_completion_gcm")
st.subheader(t("region.alerts.title", v.lang))
st.dataframe(r["alerts"], hide_index=True, width="stretch", key="region_alerts")

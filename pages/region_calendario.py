"""Calendario de reportes (issue 11 §2): which network reported which month, by the stated rule."""

from planmonitor.ui import guard

guard.ensure_frame()

import pandas as pd  # noqa: E402
import streamlit as st  # noqa: E402

from planmonitor.analysis import region as rg  # noqa: E402
from planmonitor.i18n import t  # noqa: E402
from planmonitor.ui import frame  # noqa: E402
from planmonitor.ui import region as rv  # noqa: E402


@st.cache_resource(max_entries=32, ttl=6 * 3600, show_spinner=False)
def calendar_of(_region: rg.Region, keys: tuple[str, ...], lang: str, today: pd.Timestamp) -> dict:
    """The calendar of the networks whose plan versions are `keys`, on `today`."""
    return rv.calendar_tables(_region, lang, today)


v = frame.view()
started = rv.start("region-calendario", v.lang, v.today)
if started is None:
    st.stop()
region, keys = started
r = calendar_of(region, keys, v.lang, v.today)
st.markdown(t("region.calendar.rule", v.lang, grace=rg.GRACE_DAYS))
if not r["months"]:
    st.info(t("region.calendar.none", v.lang))
    st.stop()
c = r["counts"]
last = r["table"].columns[-2]  # the last month shown (the last column is the last report)
st.markdown(t("region.calendar.summary", v.lang, month=last, reported=c["reported"],
              late=c["late"], missing=c["missing"]))  # fmt: skip
st.dataframe(r["table"], hide_index=True, width="stretch", key="region_calendar")

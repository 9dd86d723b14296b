"""Agencias por red (issue 11 §2): agency × network, as lead and as partner."""

from planmonitor.ui import guard

guard.ensure_frame()

import streamlit as st  # noqa: E402

from planmonitor.analysis import region as rg  # noqa: E402
from planmonitor.i18n import t  # noqa: E402
from planmonitor.ui import frame, page  # noqa: E402
from planmonitor.ui import region as rv  # noqa: E402


@st.cache_resource(max_entries=32, ttl=6 * 3600, show_spinner=False)
def agencies_of(_region: rg.Region, keys: tuple[str, ...], lang: str) -> dict:
    """agency × network of the networks whose plan versions are `keys`."""
    return rv.agencies_view(_region, lang)


v = frame.view()
started = rv.start("region-agencias", v.lang, v.today)
if started is None:
    st.stop()
region, keys = started
r = agencies_of(region, keys, v.lang)
if r["table"].empty:
    st.info(t("region.agencies.none", v.lang))
    st.stop()
st.caption(t("region.agencies.note", v.lang))
for role in ("lead", "partner"):
    if r[role] is not None:
        page.chart(r[role], key=f"region_agencies_{role}")
st.dataframe(r["table"], hide_index=True, width="stretch", key="region_agencies_table")

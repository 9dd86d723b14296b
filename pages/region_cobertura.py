"""Cobertura PMM regional (issue 11 §2): network × the 23 GCM objectives, gaps outlined."""

from planmonitor.ui import guard

guard.ensure_frame()

import streamlit as st  # noqa: E402

from planmonitor.analysis import region as rg  # noqa: E402
from planmonitor.i18n import t  # noqa: E402
from planmonitor.ui import frame, page  # noqa: E402
from planmonitor.ui import region as rv  # noqa: E402


@st.cache_resource(max_entries=32, ttl=6 * 3600, show_spinner=False)
def coverage_of(_region: rg.Region, keys: tuple[str, ...], lang: str) -> dict:
    """The coverage of the networks whose plan versions are `keys`."""
    return rv.coverage_view(_region, lang)


v = frame.view()
started = rv.start("region-cobertura", v.lang, v.today)
if started is None:
    st.stop()
region, keys = started
r = coverage_of(region, keys, v.lang)
st.caption(t("region.coverage.note", v.lang))
if r["gaps"]:
    gaps = ", ".join(str(n) for n in r["gaps"])
    st.warning(t("region.coverage.uncovered", v.lang, gaps=gaps), icon=":material/grid_off:")
else:
    st.success(t("region.coverage.all_covered", v.lang), icon=":material/grid_on:")
page.chart(r["figure"], key="region_gcm")
st.dataframe(r["table"], hide_index=True, width="stretch", key="region_gcm_table")

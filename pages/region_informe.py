"""Informe regional (issue 11 §3): the region's monthly report, a month and a language."""

from planmonitor.ui import guard

guard.ensure_frame()

import pandas as pd  # noqa: E402
import streamlit as st  # noqa: E402

from planmonitor.analysis import region as rg  # noqa: E402
from planmonitor.i18n import LANG_NAMES, LANGS, t  # noqa: E402
from planmonitor.output import report  # noqa: E402
from planmonitor.ui import frame, regional_report  # noqa: E402
from planmonitor.ui import region as rv  # noqa: E402

MONTH, LANG = "_pm_region_report_month", "_pm_region_report_lang"

v = frame.view()
lang = v.lang
started = rv.start("region-informe", lang, v.today)
if started is None:
    st.stop()
region, _ = started
st.caption(t("region.report.intro", lang))
months = list(reversed(rg.region_months(region, v.today)))  # newest first
if not months:
    st.info(t("region.calendar.none", lang))
    st.stop()
if MONTH not in st.session_state or st.session_state[MONTH] not in months:
    previous = (v.today.to_period("M") - 1).strftime("%Y-%m")  # the month just ended
    st.session_state[MONTH] = previous if previous in months else months[0]
if LANG not in st.session_state:
    st.session_state[LANG] = lang
c1, c2 = st.columns(2)
month = c1.selectbox(
    t("region.report.month", lang), months, key=MONTH,
    format_func=lambda m: report.month_label(pd.Period(m, freq="M").start_time, lang),
)  # fmt: skip
report_lang = c2.segmented_control(
    t("region.report.lang", lang), LANGS, format_func=LANG_NAMES.get, key=LANG, required=True
) or lang  # fmt: skip
regional_report.downloads(region, month, report_lang, v.today, ui_lang=lang)

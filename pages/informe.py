"""Informe: the monthly report (a month, a language) or, once the plan's cycle has ended, the
end-of-cycle report; downloads in Excel, HTML and PDF."""

from planmonitor.ui import guard

guard.ensure_frame()

import streamlit as st  # noqa: E402

from planmonitor import model  # noqa: E402
from planmonitor.i18n import LANG_NAMES, LANGS, fmt_date, t  # noqa: E402
from planmonitor.output import report  # noqa: E402
from planmonitor.ui import reports  # noqa: E402
from planmonitor.ui.frame import view  # noqa: E402

MONTH, LANG, MODE = "_pm_informe_month", "_pm_informe_lang", "_pm_informe_mode"
MODES = ("monthly", "final")


@st.cache_resource(max_entries=32, ttl=6 * 3600, show_spinner=False)
def monthly(_plan: model.Plan, version: str, month: str, report_lang: str) -> dict:
    """The month's report of a data version, and its Excel, HTML and light HTML files."""
    built = report.build_report(_plan, month, lang=report_lang)
    html = report.to_html(built)
    light = report.to_html(built, light=True)
    return {"report": built, "excel": report.to_excel(built), "html": html, "light": light}


v = view()
lang = v.lang
st.title(t("page.informe", lang))
st.caption(t("informe.intro", lang))

# The end-of-cycle report is offered once the plan has ended or its log reaches its last month.
end = fmt_date(v.plan.info.end, lang)
mode = "monthly"
if report.final_available(v.plan, v.today):
    mode = st.segmented_control(
        t("final.mode", lang), MODES, format_func=lambda m: t(f"final.mode.{m}", lang),
        key=MODE, default="monthly", required=True,
    ) or "monthly"  # fmt: skip
    st.caption(t("final.offered", lang, date=end))
else:
    st.caption(t("final.not_offered", lang, date=end))

if LANG not in st.session_state:
    st.session_state[LANG] = lang
c1, c2 = st.columns([2, 2], vertical_alignment="bottom")
if mode == "monthly":
    # The plan's months (plan.info) up to the current one, newest first; by default the month
    # before the one the plan is read at (a closed plan: its last month).
    months = report.report_months(v.plan, v.today)
    previous = report.default_month(v.plan, v.today)
    if MONTH not in st.session_state or st.session_state[MONTH] not in months:
        st.session_state[MONTH] = previous if previous in months else months[0]
    month = c1.selectbox(
        t("informe.month", lang), months, key=MONTH,
        format_func=lambda m: report.month_label(report.parse_month(m)[0], lang),
    )  # fmt: skip
report_lang = c2.segmented_control(
    t("informe.lang", lang), LANGS, format_func=LANG_NAMES.get, key=LANG, required=True
)
report_lang = report_lang if report_lang in LANGS else lang

if mode == "monthly":
    r = monthly(v.plan, v.version, month, report_lang)
    name, pdf_key = f"informe-mensual-{month}-{report_lang}", (v.version, month, report_lang)
else:
    decisions, later = reports.cycle_inputs(v.plan, v.version)
    key = reports.decisions_key(decisions)
    r = reports.final_files(v.plan, v.version, report_lang, v.as_of, decisions, key, later)
    name = f"informe-cierre-{v.plan.info.plan_id}-{report_lang}"
    pdf_key = (v.version, "final", key, later, report_lang)
reports.downloads(lang, r["excel"], r["html"], name, pdf_key, r["light"])
reports.preview(r["report"].sections(), lang)

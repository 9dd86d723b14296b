"""Informe mensual: choose a month and a language, download the report (Excel, HTML, PDF)."""

from planmonitor.ui import guard

guard.ensure_frame()

import streamlit as st  # noqa: E402

from planmonitor import model  # noqa: E402
from planmonitor.i18n import LANG_NAMES, LANGS, t  # noqa: E402
from planmonitor.output import report  # noqa: E402
from planmonitor.ui.frame import view  # noqa: E402
from planmonitor.ui.safe import md  # noqa: E402

MONTH, LANG, PDF = "_pm_informe_month", "_pm_informe_lang", "_pm_informe_pdf_bytes"


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

# The plan's months (plan.info) up to the current one, newest first; by default the month
# before the one the plan is read at (a closed plan: its last month).
months = report.report_months(v.plan, v.today)
previous = report.default_month(v.plan, v.today)
if MONTH not in st.session_state or st.session_state[MONTH] not in months:
    st.session_state[MONTH] = previous if previous in months else months[0]
if LANG not in st.session_state:
    st.session_state[LANG] = lang

c1, c2 = st.columns([2, 2], vertical_alignment="bottom")
month = c1.selectbox(
    t("informe.month", lang), months, key=MONTH,
    format_func=lambda m: report.month_label(report.parse_month(m)[0], lang),
)  # fmt: skip
report_lang = c2.segmented_control(
    t("informe.lang", lang), LANGS, format_func=LANG_NAMES.get, key=LANG, required=True
)
report_lang = report_lang if report_lang in LANGS else lang


r = monthly(v.plan, v.version, month, report_lang)
name = f"informe-mensual-{month}-{report_lang}"
d1, d2, d4, d3 = st.columns(4)
d1.download_button(
    t("informe.excel", lang), r["excel"], file_name=f"{name}.xlsx",
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    icon=":material/table_view:", key="_pm_informe_xlsx", on_click="ignore",
)  # fmt: skip
d2.download_button(
    t("informe.html", lang), r["html"], file_name=f"{name}.html", mime="text/html",
    icon=":material/print:", key="_pm_informe_html", on_click="ignore",
)  # fmt: skip
d4.download_button(  # charts as simple drawings, under 1 MB: for e-mail (issue 10)
    t("informe.html_light", lang), r["light"], file_name=f"{name}-ligero.html",
    mime="text/html", icon=":material/mail:", key="_pm_informe_html_light", on_click="ignore",
)  # fmt: skip
with d3:
    pdf_key = (v.version, month, report_lang)
    ready = st.session_state.get(PDF)
    if report.chromium_path() is None:
        st.info(t("informe.no_chromium", lang), icon=":material/picture_as_pdf:")
    elif ready is not None and ready[0] == pdf_key:
        st.download_button(
            t("informe.pdf", lang), ready[1], file_name=f"{name}.pdf", mime="application/pdf",
            icon=":material/picture_as_pdf:", key="_pm_informe_pdf", on_click="ignore",
        )  # fmt: skip
    elif st.button(t("informe.pdf_prepare", lang), icon=":material/picture_as_pdf:"):
        # One print at a time on the server: while another is printing, say so (issue 12).
        queued = st.empty()
        with st.spinner(t("informe.pdf_wait", lang)):
            try:
                pdf = report.to_pdf(
                    r["html"],
                    on_queued=lambda: queued.info(
                        t("informe.pdf_queued", lang), icon=":material/hourglass_top:"
                    ),
                )
            except report.PdfError as exc:
                st.error(t("informe.pdf_failed", lang, error=str(exc)))
                pdf = None
        queued.empty()
        if pdf:
            st.session_state[PDF] = (pdf_key, pdf)
            st.rerun()

with st.expander(t("informe.preview", lang)):
    for section in r["report"].sections():
        st.subheader(md(section.title))
        if section.note:
            st.caption(md(section.note))
        for line in section.lines:
            st.caption(md(line))
        table = section.table.astype(object)
        st.dataframe(table.where(table.notna(), "").astype("str"), hide_index=True)

"""What the report page draws for either report: the downloads (Excel, HTML, PDF printed on
request, one at a time) and the preview; and the end-of-cycle report's inputs from the store
(the plan's decisions, the later plans that may continue it), cached by their versions.
"""

from __future__ import annotations

import logging

import pandas as pd
import streamlit as st

from planmonitor import model
from planmonitor.analysis import lineage
from planmonitor.i18n import t
from planmonitor.output import report
from planmonitor.output.report.model import Section
from planmonitor.ui import data
from planmonitor.ui.safe import md

log = logging.getLogger(__name__)

PDF = "_pm_informe_pdf_bytes"  # (what was printed, its bytes): one PDF kept per session
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def downloads(
    lang: str, excel: bytes, html: str, name: str, pdf_key: tuple, light: str | None = None
) -> None:
    """Excel and HTML downloads, the light HTML for e-mail when there is one (charts as small
    drawings, under 1 MB: issue 10), and the PDF: printed when asked (it takes seconds), then
    downloadable; a print queued behind another one says so (issue 12)."""
    if light is None:
        d1, d2, d3 = st.columns(3)
    else:
        d1, d2, d4, d3 = st.columns(4)
        d4.download_button(
            t("informe.html_light", lang), light, file_name=f"{name}-ligero.html",
            mime="text/html", icon=":material/mail:", key="_pm_informe_html_light",
            on_click="ignore",
        )  # fmt: skip
    d1.download_button(
        t("informe.excel", lang), excel, file_name=f"{name}.xlsx", mime=XLSX_MIME,
        icon=":material/table_view:", key="_pm_informe_xlsx", on_click="ignore",
    )  # fmt: skip
    d2.download_button(
        t("informe.html", lang), html, file_name=f"{name}.html", mime="text/html",
        icon=":material/print:", key="_pm_informe_html", on_click="ignore",
    )  # fmt: skip
    with d3:
        ready = st.session_state.get(PDF)
        if report.chromium_path() is None:
            st.info(t("informe.no_chromium", lang), icon=":material/picture_as_pdf:")
        elif ready is not None and ready[0] == pdf_key:
            st.download_button(
                t("informe.pdf", lang), ready[1], file_name=f"{name}.pdf",
                mime="application/pdf", icon=":material/picture_as_pdf:", key="_pm_informe_pdf",
                on_click="ignore",
            )  # fmt: skip
        elif st.button(t("informe.pdf_prepare", lang), icon=":material/picture_as_pdf:"):
            queued = st.empty()
            with st.spinner(t("informe.pdf_wait", lang)):
                try:
                    pdf = report.to_pdf(
                        html,
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


def preview(sections: list[Section], lang: str) -> None:
    """The report's sections as tables, every text escaped (workbook text is never markup)."""
    with st.expander(t("informe.preview", lang)):
        for section in sections:
            st.subheader(md(section.title))
            if section.note:
                st.caption(md(section.note))
            for line in section.lines:
                st.caption(md(line))
            table = section.table.astype(object)
            st.dataframe(table.where(table.notna(), "").astype("str"), hide_index=True)


# -- the end-of-cycle report's inputs ------------------------------------------------------
def _store_plan(version: str) -> str | None:
    """The plan id of a store version key (``store:<plan_id>:<id>``), else None."""
    if not version.startswith("store:") or not data.uses_store():
        return None
    return version.split(":")[1]


def cycle_inputs(plan: model.Plan, version: str) -> tuple[pd.DataFrame | None, tuple[str, ...]]:
    """(the plan's decisions, «plan_id:version» of each later plan of the store): what the
    end-of-cycle report reads besides the plan. Without a store: (None, ())."""
    plan_id = _store_plan(version)
    if plan_id is None:
        return None, ()
    try:
        store = data.store()
        decisions = store.for_plan(plan_id).decisions().current()
        plans = store.plans()
    except Exception:  # the report still says what the plan did; the page says no decisions
        log.exception("reading the decisions and later plans failed")
        return None, ()
    start = plan.info.start
    later = tuple(
        f"{row.plan_id}:{int(row.current_version_id)}"
        for row in plans.itertuples(index=False)
        if row.plan_id != plan_id
        and pd.Timestamp(row.start) > start
        and not pd.isna(row.current_version_id)
    )
    return decisions, later


def other_cycles(plan: model.Plan, version: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(earlier, later): «plan_id:version» of the store's other plans that start before /
    after this one (the cycles a product's lineage can reach). Without a store: ((), ())."""
    plan_id = _store_plan(version)
    if plan_id is None:
        return (), ()
    try:
        plans = data.store().plans()
    except Exception:  # the page still shows the product; its lineage is left out
        log.exception("reading the store's plans failed")
        return (), ()
    start = plan.info.start
    earlier, later = [], []
    for row in plans.itertuples(index=False):
        if row.plan_id == plan_id or pd.isna(row.current_version_id):
            continue
        key = f"{row.plan_id}:{int(row.current_version_id)}"
        if pd.Timestamp(row.start) < start:
            earlier.append(key)
        elif pd.Timestamp(row.start) > start:
            later.append(key)
    return tuple(earlier), tuple(later)


@st.cache_resource(max_entries=16, ttl=6 * 3600, show_spinner=False)
def product_lineage(
    _plan: model.Plan, version: str, earlier: tuple[str, ...], later: tuple[str, ...]
) -> tuple[dict[str, str], dict[str, str]]:
    """(code -> what it continues, code -> what continues it) over the store's other cycles,
    each keyed by its version so that a new upload of any of them is read."""

    def plans(keys: tuple[str, ...]) -> list[model.Plan]:
        out = []
        for key in keys:
            plan_id, version_id = key.rsplit(":", 1)
            out.append(data.store().for_plan(plan_id).plan(int(version_id)))
        return out

    return (
        lineage.continues_from(_plan, plans(earlier)),
        lineage.continued_by(_plan, plans(later)),
    )


def show_lineage(plan: model.Plan, version: str, code: str, lang: str) -> None:
    """What product `code` continues from an earlier cycle and what continues it in a later
    one, as two captions (nothing when it has no lineage)."""
    earlier, later = other_cycles(plan, version)
    if not earlier and not later:
        return
    came_from, went_to = product_lineage(plan, version, earlier, later)
    if code in came_from:
        st.caption(md(t("lineage.from", lang, items=came_from[code])))
    if code in went_to:
        st.caption(md(t("lineage.to", lang, items=went_to[code])))


def decisions_key(decisions: pd.DataFrame | None) -> str:
    """A key that changes whenever a decision is recorded or revised."""
    if decisions is None:
        return "none"
    revisions = zip(decisions["decision_id"], decisions["revision"], strict=True)
    return ",".join(f"{d}.{r}" for d, r in revisions)


@st.cache_resource(max_entries=16, ttl=6 * 3600, show_spinner=False)
def final_files(
    _plan: model.Plan,
    version: str,
    report_lang: str,
    as_of: pd.Timestamp,
    _decisions: pd.DataFrame | None,
    decisions_version: str,
    later: tuple[str, ...],
) -> dict:
    """The end-of-cycle report of a data version (with its decisions and later plans, each
    keyed by its version), and its Excel and HTML files."""
    later_plans = []
    for key in later:
        plan_id, version_id = key.rsplit(":", 1)
        later_plans.append(data.store().for_plan(plan_id).plan(int(version_id)))
    built = report.build_final_report(
        _plan, report_lang, decisions=_decisions, later_plans=later_plans, as_of=as_of
    )
    return {
        "report": built,
        "excel": report.final_excel(built),
        "html": report.final_html(built),
        "light": report.final_html(built, light=True),
    }

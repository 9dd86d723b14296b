"""The regional monthly report's downloads (issue 11, §3) for the regional report page:
Excel, HTML (and its light version for e-mail) and the PDF printed on request, as the monthly
report page offers them (ui/reports.downloads). The files are cached by the versions of the
networks' plans, so a new upload of any network builds them again."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from planmonitor.analysis.region import Region
from planmonitor.output import report
from planmonitor.ui import data, reports


def region_version(region: Region) -> str:
    """ "plan_id:version,…" of the region's plans (store versions; "" outside a store): the key
    of the cached files, which changes whenever a network's data does."""
    keys = []
    for nid, plan in region.items():
        pid = plan.info.plan_id if plan.info is not None else nid
        try:
            version = data.store().for_plan(pid).current_version_id() if data.uses_store() else ""
        except Exception:  # noqa: BLE001 - a plan not in the store: keyed by its id alone
            version = ""
        keys.append(f"{nid}={pid}:{version}")
    return ",".join(keys)


@st.cache_data(max_entries=4, ttl=6 * 3600, show_spinner=False)
def files(_region: Region, version: str, month: str, lang: str, today: str) -> dict:
    """The regional report of `month` in `lang` and its files, for one set of versions."""
    built = report.build_regional_report(_region, month, lang=lang, today=pd.Timestamp(today))
    return {
        "excel": report.regional_excel(built),
        "html": report.regional_html(built),
        "light": report.regional_html(built, light=True),
    }


def downloads(region: Region, month: str, lang: str, today: object, ui_lang: str | None = None):
    """Draw the report's downloads (Excel, HTML, light HTML, PDF on request). `lang` is the
    report's language, `ui_lang` the buttons' (default: the report's)."""
    version = region_version(region)
    day = str(pd.Timestamp(today).normalize().date())
    r = files(region, version, month, lang, day)
    name = f"informe-regional-{month}-{lang}"
    pdf_key = ("regional", version, month, lang, day)
    reports.downloads(ui_lang or lang, r["excel"], r["html"], name, pdf_key, r["light"])

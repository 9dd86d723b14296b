"""Display tables for st.dataframe: translated headers and values, never HTML.

These only rename, join and translate what the core computed; the numbers come from
planmonitor.metrics.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from planmonitor.ui.text import status_label, tr

CHECKS = (
    "has_lead",
    "has_partners",
    "has_dates",
    "has_gcm",
    "has_progress",
    "has_evidence_if_completed",
)


def joined(values: object) -> str:
    """A list cell (leads, partners) as "OIM, PNUD"."""
    if isinstance(values, list | tuple | set):
        return ", ".join(str(v) for v in values)
    return "" if values is None or (isinstance(values, float) and pd.isna(values)) else str(values)


def date_format(lang: str) -> str:
    """The DateColumn format of each language (momentjs tokens)."""
    return "MMM D, YYYY" if lang == "en" else "DD/MM/YYYY"


def progress_table(latest: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Products with their latest status, percent, last report date and comment."""
    return pd.DataFrame(
        {
            tr("col.code", lang): latest["code"],
            tr("col.name", lang): latest["name"],
            tr("col.strategy", lang): latest["strategy"],
            tr("col.leads", lang): latest["leads"].map(joined).astype("str"),
            tr("col.status", lang): latest["status"].map(lambda s: status_label(s, lang)),
            tr("col.percent", lang): latest["percent"].astype("float64"),
            tr("col.last_date", lang): pd.to_datetime(latest["last_date"]),
            tr("col.comment", lang): latest["last_comment"],
        }
    )


def search(table: pd.DataFrame, text: str) -> pd.DataFrame:
    """Rows where any text column contains ``text`` (case-insensitive, literal)."""
    needle = (text or "").strip().lower()
    if not needle:
        return table
    text_cols = [c for c in table.columns if table[c].dtype == "str" or table[c].dtype == object]
    hit = pd.Series(False, index=table.index)
    for col in text_cols:
        hit = hit | table[col].astype("str").str.lower().str.contains(needle, regex=False)
    return table[hit]


def progress_column_config(lang: str) -> dict:
    return {
        tr("col.percent", lang): st.column_config.ProgressColumn(
            tr("col.percent", lang), min_value=0, max_value=100, format="%d%%"
        ),
        tr("col.last_date", lang): st.column_config.DateColumn(
            tr("col.last_date", lang), format=date_format(lang)
        ),
        tr("col.name", lang): st.column_config.TextColumn(tr("col.name", lang), width="large"),
        tr("col.comment", lang): st.column_config.TextColumn(
            tr("col.comment", lang), width="large"
        ),
    }


def alerts_table(alerts: pd.DataFrame, lang: str) -> pd.DataFrame:
    detail = "detail_en" if lang == "en" else "detail_es"
    return pd.DataFrame(
        {
            tr("col.code", lang): alerts["code"],
            tr("col.name", lang): alerts["name"],
            tr("col.alert", lang): alerts["kind"].map(lambda k: tr(f"alert.{k}", lang)),
            tr("col.detail", lang): alerts[detail],
        }
    )


def _mark(value: object) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return "—"
    return "✓" if bool(value) else "✗"


def completeness_table(done: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One row per product, ✓/✗ per criterion ("—" when it does not apply)."""
    out = pd.DataFrame({tr("col.code", lang): done["code"], tr("col.name", lang): done["name"]})
    for check in CHECKS:
        out[tr(f"check.{check}", lang)] = done[check].map(_mark).astype("str")
    out[tr("check.score", lang)] = done["score"].astype("float64")
    return out


def reporting_table(reporting: pd.DataFrame, lang: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            tr("col.agency", lang): reporting["agency"],
            tr("col.n_reports", lang): reporting["n_reports"],
            tr("col.last_date", lang): pd.to_datetime(reporting["last_date"]),
            tr("col.days", lang): reporting["days_since"],
        }
    )


def issues_table(issues: pd.DataFrame, lang: str) -> pd.DataFrame:
    message = "message_en" if lang == "en" and "message_en" in issues.columns else "message"
    cols = {
        "sheet": "col.sheet",
        "row": "col.row",
        "column": "col.column",
        "value": "col.value",
        message: "col.message",
    }
    present = [c for c in cols if c in issues.columns]
    return issues[present].rename(columns={c: tr(cols[c], lang) for c in present})


def gcm_products_table(products: pd.DataFrame, lang: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            tr("col.code", lang): products["code"],
            tr("col.name", lang): products["name"],
            tr("col.leads", lang): products["leads"].map(joined).astype("str"),
            tr("col.via_all", lang): products["via_all"].map(lambda v: "✓" if v else ""),
        }
    )

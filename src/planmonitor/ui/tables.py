"""Display tables for st.dataframe: translated headers and values, never HTML.

These only rename, join and translate what the core computed; the numbers come from
planmonitor.metrics.
"""

from __future__ import annotations

import pandas as pd
import pyarrow as pa
import streamlit as st
from pandas.io.formats.style import Styler

from planmonitor.i18n import agency_label, fmt_date, status_label, t

MISSING = "—"
# A Styler costs ~35 µs per cell each time Streamlit renders it (frozen() does that once for
# a kept table): only small tables get one; larger ones have their few gappy columns turned
# into text instead.
STYLED_CELLS = 2000

CHECKS = (
    "has_lead",
    "has_partners",
    "has_dates",
    "has_gcm",
    "has_progress",
    "has_evidence_if_completed",
)


def joined(values: object) -> str:
    """A list cell (leads, partners) as "A, B"."""
    if isinstance(values, list | tuple | set):
        return ", ".join(str(v) for v in values)
    return "" if values is None or (isinstance(values, float) and pd.isna(values)) else str(values)


def agencies_text(values: object, lang: str, agencies: pd.DataFrame | None = None) -> str:
    """Leads/partners by their English acronyms in English, their own in Spanish (the English
    acronym from the plan's Agencias table when given)."""
    if isinstance(values, list | tuple | set):
        return ", ".join(agency_label(str(v), lang, agencies) for v in values)
    return joined(values)


def date_text(values: pd.Series, lang: str = "es") -> pd.Series:
    """Dates in the language's one format (i18n.fmt_date), "—" when missing, never "None"."""
    dates = pd.to_datetime(values)
    return pd.Series([fmt_date(d, lang) for d in dates], index=values.index, dtype="str")


def _cell_text(value: object) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return MISSING
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def for_screen(table: pd.DataFrame, lang: str = "es") -> pd.DataFrame | Styler:
    """What st.dataframe gets: no empty cell reads "None" (issue: "None" in Último reporte).

    Date columns become text in the language's date format with "—". The grid draws any
    null cell as "None" whatever a Styler says, so a gap in a number column (days since an
    agency's last report when it never reported) holds a value above the column's maximum
    (it sorts last, as "worst") and the Styler shows it as "—" (small tables; in larger ones
    the column becomes text). Other columns with gaps become text.
    """
    out = table.copy()
    for col in out.columns:
        if pd.api.types.is_datetime64_any_dtype(out[col]):
            out[col] = date_text(out[col], lang)
    gappy = [c for c in out.columns if out[c].dtype != "str" and out[c].isna().any()]
    numbers = [
        c
        for c in gappy
        if pd.api.types.is_numeric_dtype(out[c]) and not pd.api.types.is_bool_dtype(out[c])
    ]
    if out.size > STYLED_CELLS:
        numbers = []
    for col in gappy:
        if col not in numbers:
            out[col] = out[col].map(_cell_text).astype("str")
    if not numbers:
        return out
    formats = {}
    for col in numbers:
        top = out[col].max()
        beyond = 1 if pd.isna(top) else int(top) + 1
        out[col] = out[col].fillna(beyond)
        formats[col] = lambda v, gap=beyond: MISSING if v == gap else _cell_text(v)
    return out.style.format(formats)


# The severity cell's colours (text on background, both above 7:1) beside its word.
SEVERITY_STYLE = {
    "error": "background-color: #F8D7DA; color: #58151C; font-weight: 600",
    "warning": "background-color: #FFF3CD; color: #523E02",
}


def severity_colours(table: pd.DataFrame, lang: str) -> Styler | pd.DataFrame:
    """An issues table (output.issues.issues_table) with its severity cells coloured."""
    column = t("issues.col.severity", lang)
    if column not in table.columns or table.empty:
        return table
    styles = {t(f"issues.severity.{k}", lang): v for k, v in SEVERITY_STYLE.items()}
    return table.style.map(lambda word: styles.get(word, ""), subset=[column])


def frozen(table: pd.DataFrame | Styler) -> pa.Table | Styler:
    """A display table made ready for st.dataframe once, for a table a page keeps (in a
    cached function of the page).

    st.dataframe converts a DataFrame to Arrow on every rerun; given the Arrow table it would
    make (same bytes), a rerun only serialises it. A Styler is returned as it is: pre-rendering
    one would mean patching pandas' private rendering methods, too fragile for a few ms.
    """
    if isinstance(table, Styler):
        return table
    try:
        return pa.Table.from_pandas(table)
    except (pa.ArrowException, OverflowError):
        return table  # Streamlit's own conversion has fixes for such columns


def progress_table(
    latest: pd.DataFrame,
    lang: str,
    agencies: pd.DataFrame | None = None,
    level: str = "strategy",
    level_title: str | None = None,
) -> pd.DataFrame:
    """Products with their latest status, percent, last report date and comment. `level` is
    the group shown beside the name (the objective in a plan without strategies), under
    `level_title` (the plan's own word for it) or the catalogue's."""
    return pd.DataFrame(
        {
            t("col.code", lang): latest["code"],
            t("col.name", lang): latest["name"],
            level_title or t(f"col.{level}", lang): latest[level],
            t("col.leads", lang): latest["leads"]
            .map(lambda a: agencies_text(a, lang, agencies))
            .astype("str"),
            t("col.status", lang): latest["status"].map(lambda s: status_label(s, lang)),
            t("col.percent", lang): latest["percent"].astype("float64"),
            t("col.last_date", lang): pd.to_datetime(latest["last_date"]),
            t("col.comment", lang): latest["last_comment"],
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
        t("col.percent", lang): st.column_config.ProgressColumn(
            t("col.percent", lang), min_value=0, max_value=100, format="%d%%"
        ),
        t("col.name", lang): st.column_config.TextColumn(t("col.name", lang), width="large"),
        t("col.comment", lang): st.column_config.TextColumn(t("col.comment", lang), width="large"),
    }


def alerts_table(by_product: pd.DataFrame, lang: str) -> pd.DataFrame:
    """metrics.alerts_by_product as shown: one row per product, its reasons in one cell."""
    alert = "alert_en" if lang == "en" else "alert_es"
    detail = "detail_en" if lang == "en" else "detail_es"
    return pd.DataFrame(
        {
            t("col.code", lang): by_product["code"],
            t("col.name", lang): by_product["name"],
            t("col.alert", lang): by_product[alert],
            t("col.detail", lang): by_product[detail],
        }
    )


def alert_gaps_text(gaps: dict[str, int], lang: str) -> str:
    """The one line of metrics.alert_gaps («20 productos sin fechas completas en el plan…»);
    "" when the plan has no such gap."""
    return " ".join(t(f"alert.gaps.{kind}", lang, n=n) for kind, n in gaps.items())


def _mark(value: object) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return "—"
    return "✓" if bool(value) else "✗"


def completeness_table(done: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One row per product, ✓/✗ per criterion ("—" when it does not apply)."""
    out = pd.DataFrame({t("col.code", lang): done["code"], t("col.name", lang): done["name"]})
    for check in CHECKS:
        out[t(f"check.{check}", lang)] = done[check].map(_mark).astype("str")
    out[t("check.score", lang)] = done["score"].astype("float64")
    return out


def reporting_table(
    reporting: pd.DataFrame, lang: str, agencies: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Reports per agency; the agency as called in the language (English acronym in English)."""
    return pd.DataFrame(
        {
            t("col.agency", lang): reporting["agency"]
            .map(lambda a: agency_label(a, lang, agencies))
            .astype("str"),
            t("col.n_reports", lang): reporting["n_reports"],
            t("col.last_date", lang): pd.to_datetime(reporting["last_date"]),
            t("col.days", lang): reporting["days_since"],
        }
    )


def gcm_products_table(
    products: pd.DataFrame, lang: str, agencies: pd.DataFrame | None = None
) -> pd.DataFrame:
    return pd.DataFrame(
        {
            t("col.code", lang): products["code"],
            t("col.name", lang): products["name"],
            t("col.leads", lang): products["leads"]
            .map(lambda a: agencies_text(a, lang, agencies))
            .astype("str"),
            t("col.via_all", lang): products["via_all"].map(lambda v: "✓" if v else ""),
        }
    )

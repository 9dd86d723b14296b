"""Spanish/English strings and number/date formats for every user-facing text.

`t(key, lang, **kw)` looks a key up in the merged tables of `_strings_core` and `_strings_ui`
(the latter is optional so the core works before or without the pages' strings). Formats
follow each language's habits: "1.234,5" and "15 mar 2024" in Spanish, "1,234.5" and
"15 Mar 2024" in English.
"""

from __future__ import annotations

import importlib
import math
from functools import cache
from typing import Any

import pandas as pd

from planmonitor import _strings_core
from planmonitor.model import COMMITTEE, PLAN_QUARTERS

LANGS: tuple[str, ...] = ("es", "en")
DEFAULT_LANG = "es"

MONTHS_ES = ("ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic")
MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

# English acronyms of the network's agencies (reference/README.md), used when the plan's
# agency table is not at hand or has no English acronym.
ACRONYMS_EN: dict[str, str] = {
    "OIM": "IOM",
    "OCR": "RCO",
    "PNUD": "UNDP",
    "OIT": "ILO",
    "ACNUR": "UNHCR",
    "UNODC": "UNODC",
    "UNESCO": "UNESCO",
    "ONU Mujeres": "UN Women",
    "ONUSIDA": "UNAIDS",
    "FAO": "FAO",
    "UNFPA": "UNFPA",
    "UNICEF": "UNICEF",
    "WFP": "WFP",
    "OACNUDH": "OHCHR",
    COMMITTEE: "Executive Committee",
}

# Optional string modules merged after the core's: the pages' and the secretariat's. Each may
# be missing (the core works on its own); a later module never overrides an earlier key
# silently (tests/test_i18n.py checks there is no conflicting overlap).
OPTIONAL_MODULES: tuple[str, ...] = (
    "planmonitor._strings_ui",
    "planmonitor._strings_admin",
    "planmonitor._strings_report",
    "planmonitor._strings_meeting",
)


@cache
def _all_strings() -> dict[str, dict[str, str]]:
    """Core strings merged with the optional modules that exist."""
    merged = dict(_strings_core.STRINGS)
    for module_name in OPTIONAL_MODULES:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:  # a real import error inside the module must surface
                raise
            continue
        merged.update(getattr(module, "STRINGS", {}))
    return merged


def __getattr__(name: str) -> Any:
    # STRINGS is built lazily so that _strings_ui may itself import this module.
    if name == "STRINGS":
        return _all_strings()
    raise AttributeError(name)


def _lang(lang: str | None) -> str:
    return lang if lang in LANGS else DEFAULT_LANG


def has_key(key: str) -> bool:
    return key in _all_strings()


def t(key: str, lang: str = DEFAULT_LANG, **kw: Any) -> str:
    """The text of `key` in `lang`, formatted with `kw`.

    An unknown key returns the key itself (visible on screen, never a crash on a projector);
    a missing language falls back to Spanish.
    """
    entry = _all_strings().get(key)
    if entry is None:
        return key
    text = entry.get(_lang(lang)) or entry.get(DEFAULT_LANG, key)
    return text.format(**kw) if kw else text


# --------------------------------------------------------------------------------------------
# Formats
# --------------------------------------------------------------------------------------------
def _missing(x: Any) -> bool:
    if x is None:
        return True
    try:
        return bool(pd.isna(x))
    except (TypeError, ValueError):
        return False


def fmt_date(ts: Any, lang: str = DEFAULT_LANG) -> str:
    """ "15 mar 2024" / "15 Mar 2024"; "—" for a missing date."""
    if _missing(ts):
        return "—"
    ts = pd.Timestamp(ts)
    months = MONTHS_EN if _lang(lang) == "en" else MONTHS_ES
    return f"{ts.day} {months[ts.month - 1]} {ts.year}"


def fmt_number(x: Any, lang: str = DEFAULT_LANG, decimals: int = 0) -> str:
    """ "1.234,5" in Spanish, "1,234.5" in English; "—" for a missing value."""
    if _missing(x):
        return "—"
    value = float(x)
    if math.isinf(value):
        return "∞" if value > 0 else "-∞"
    text = f"{value:,.{decimals}f}"
    if text in {"-0", "-0." + "0" * decimals}:
        text = text[1:]
    if _lang(lang) == "es":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def fmt_percent(x: Any, lang: str = DEFAULT_LANG, decimals: int = 0) -> str:
    """A percentage given in 0..100 units: "45 %" (Spanish norm) / "45%"."""
    if _missing(x):
        return "—"
    number = fmt_number(x, lang, decimals)
    return f"{number} %" if _lang(lang) == "es" else f"{number}%"


# --------------------------------------------------------------------------------------------
# Labels of the model's values
# --------------------------------------------------------------------------------------------
def status_label(status: str, lang: str = DEFAULT_LANG) -> str:
    """The status as shown: the Spanish value itself, or its English name."""
    key = f"status.{status}"
    return t(key, lang) if has_key(key) else str(status)


def role_label(role: str, lang: str = DEFAULT_LANG) -> str:
    """A network role (Role) or a role in a product (AgencyRole: lead/partner/any)."""
    key = f"role.{role}"
    return t(key, lang) if has_key(key) else str(role)


def quarter_label(q: str, lang: str = DEFAULT_LANG) -> str:
    """ "2023-T2" -> "T2 2023" / "Q2 2023"; other text is returned as it is."""
    text = str(q)
    if text not in PLAN_QUARTERS and not _looks_like_quarter(text):
        return text
    year, quarter = text.split("-T")
    return t("quarter.label", lang, q=quarter, year=year)


def _looks_like_quarter(text: str) -> bool:
    parts = text.split("-T")
    return (
        len(parts) == 2
        and parts[0].isdigit()
        and len(parts[0]) == 4
        and parts[1] in {"1", "2", "3", "4"}
    )


def agency_label(
    acronym: str, lang: str = DEFAULT_LANG, agencies: pd.DataFrame | None = None
) -> str:
    """The agency's acronym in the language: IOM for OIM in English when known."""
    if _lang(lang) == "es":
        return str(acronym)
    if agencies is not None and len(agencies) and "acronym_en" in agencies.columns:
        match = agencies.loc[agencies["acronym"] == acronym, "acronym_en"]
        if len(match) and isinstance(match.iloc[0], str) and match.iloc[0].strip():
            return match.iloc[0].strip()
    return ACRONYMS_EN.get(acronym, str(acronym))


def gcm_label(n: int, lang: str = DEFAULT_LANG, gcm_df: pd.DataFrame | None = None) -> str:
    """ "PMM 3 · Proporcionar información" / "GCM 3 · Provide accurate and timely…"."""
    prefix = f"{t('word.gcm', lang)} {int(n)}"
    if gcm_df is None or not len(gcm_df):
        return prefix
    row = gcm_df.loc[gcm_df["number"] == int(n)]
    if not len(row):
        return prefix
    column = "title_en" if _lang(lang) == "en" else "label_es"
    text = row.iloc[0].get(column, "")
    return f"{prefix} · {text}" if isinstance(text, str) and text.strip() else prefix


def plural(n: int, one_key: str, many_key: str, lang: str = DEFAULT_LANG, **kw: Any) -> str:
    """`one_key` when n == 1, else `many_key` (both formatted with n and kw)."""
    return t(one_key if n == 1 else many_key, lang, n=n, **kw)

"""Spanish/English strings and number/date formats for every user-facing text.

`t(key, lang, **kw)` is the one translation function of the UI, the CLI, the loader and the
report; its keys live in the catalogues of `planmonitor.i18n.catalogs`, one format for all
(key -> {"es": …, "en": …}), merged once at import. Formats
follow each language's habits: "1.234,5" and "15/03/aaaa" in Spanish, "1,234.5" and
"15 Mar yyyy" in English.
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from planmonitor.catalog import english_acronyms
from planmonitor.i18n.catalogs import (
    admin,
    compare,
    core,
    final,
    meeting,
    networks,
    plans,
    region,
    regional_report,
    report,
    rules,
    ui,
    workbook,
)
from planmonitor.model import COMMITTEE

LANGS: tuple[str, ...] = ("es", "en")
DEFAULT_LANG = "es"
LANG_NAMES: dict[str, str] = {"es": "Español", "en": "English"}  # each in its own language

MONTHS_ES = ("ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic")
MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

# The catalogues, one per domain, all in one format (key -> {"es": …, "en": …}). A key is
# defined in exactly one of them: merging refuses a key defined twice.
_CATALOGS = (
    core, ui, admin, report, final, meeting, workbook, plans, rules, compare, networks,
    region, regional_report,
)  # fmt: skip


def _merge() -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for catalog in _CATALOGS:
        twice = merged.keys() & catalog.STRINGS.keys()
        if twice:
            raise RuntimeError(f"i18n keys defined twice: {sorted(twice)}")
        merged.update(catalog.STRINGS)
    return merged


STRINGS: dict[str, dict[str, str]] = _merge()


def has_key(key: str) -> bool:
    return key in STRINGS


def _lang(lang: str | None) -> str:
    return lang if lang in LANGS else DEFAULT_LANG


def t(key: str, lang: str = DEFAULT_LANG, **kw: Any) -> str:
    """The text of `key` in `lang`, formatted with `kw`.

    An unknown key returns the key itself (visible on screen, never a crash on a projector);
    a missing language falls back to Spanish.
    """
    entry = STRINGS.get(key)
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
    """A day in the language's one format: "05/03/aaaa" / "5 Mar yyyy"; "—" when missing.

    Tables, captions, charts, the report, the minutes and the CLI all say a day this way
    (issue 10: one date format per language).
    """
    if _missing(ts):
        return "—"
    ts = pd.Timestamp(ts)
    if _lang(lang) == "en":
        return f"{ts.day} {MONTHS_EN[ts.month - 1]} {ts.year}"
    return f"{ts.day:02d}/{ts.month:02d}/{ts.year}"


def fmt_datetime(ts: Any, lang: str = DEFAULT_LANG) -> str:
    """A moment (a version's time): the day as fmt_date, then "17:26"; "—" when missing."""
    if _missing(ts):
        return "—"
    ts = pd.Timestamp(ts)
    return f"{fmt_date(ts, lang)} {ts.hour:02d}:{ts.minute:02d}"


def date_tickformat(lang: str = DEFAULT_LANG) -> str:
    """The d3 format of a chart's date axis, the same day format as fmt_date. Spanish is
    numeric, so plotly's English month names never appear in the Spanish UI."""
    return "%d %b %Y" if _lang(lang) == "en" else "%d/%m/%Y"


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


def quarter_parts(q: object) -> tuple[int, int] | None:
    """(year, 2) for the plan's quarter code "<year>-T2"; None for any other text.

    The one reader of the code; its first and last day are normalize.quarter_bounds.
    """
    year, sep, quarter = str(q).partition("-T")
    if not sep or len(year) != 4 or not year.isdigit() or quarter not in {"1", "2", "3", "4"}:
        return None
    return int(year), int(quarter)


def quarter_label(q: str, lang: str = DEFAULT_LANG) -> str:
    """ "<year>-T2" -> "T2 <year>" / "Q2 <year>"; other text is returned as it is."""
    parts = quarter_parts(q)
    if parts is None:
        return str(q)
    return t("quarter.label", lang, q=parts[1], year=parts[0])


def agency_label(
    acronym: str, lang: str = DEFAULT_LANG, agencies: pd.DataFrame | None = None
) -> str:
    """The agency's acronym in the language: the English one in English when known."""
    if _lang(lang) == "es":
        return str(acronym)
    if agencies is not None and len(agencies) and "acronym_en" in agencies.columns:
        match = agencies.loc[agencies["acronym"] == acronym, "acronym_en"]
        if len(match) and isinstance(match.iloc[0], str) and match.iloc[0].strip():
            return match.iloc[0].strip()
    if acronym == COMMITTEE:
        return t("word.committee", "en")
    return english_acronyms().get(acronym, str(acronym))


def agency_name(
    acronym: str, lang: str = DEFAULT_LANG, agencies: pd.DataFrame | None = None
) -> str:
    """The agency's full name in the language, else its name in the other one, else its
    acronym: a member that is not a UN agency may have no Spanish name (issue 9)."""
    label = agency_label(acronym, lang, agencies)
    if agencies is None or not len(agencies):
        return label
    match = agencies.loc[agencies["acronym"] == acronym]
    if not len(match):
        return label
    row = match.iloc[0]
    order = ("name_en", "name_es") if _lang(lang) == "en" else ("name_es", "name_en")
    for col in order:
        value = row.get(col, "")
        if isinstance(value, str) and value.strip():
            return value.strip()
    return label


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


_LEVEL_ORDER = ("objective", "strategy", "activity", "product")
_LEVEL_PLURAL = {
    "objective": "word.objectives",
    "strategy": "word.strategies",
    "activity": "word.activities",
    "product": "word.products",
}


def level_word(
    level: str,
    lang: str = DEFAULT_LANG,
    names: tuple[str, ...] = (),
    plural: bool = False,
    lower: bool = False,
) -> str:
    """The word for a level of the plan: the plan's own (`names`, its «Nivel 1..4» keys:
    "Grupo de trabajo", "Workstream"), else the catalogue's ("Estrategia"/"Strategy").

    A plan's own word has no plural form here, so it is used as given. `lower` lowers its first
    letter for use inside a sentence, unless it is an acronym ("WG") or a name ("OECD pillar").
    """
    index = _LEVEL_ORDER.index(level)
    own = names[index].strip() if index < len(names) else ""
    word = own or t(_LEVEL_PLURAL[level] if plural else f"word.{level}", lang)
    if lower and word[:1].isupper() and not word[1:2].isupper():
        word = word[:1].lower() + word[1:]
    return word

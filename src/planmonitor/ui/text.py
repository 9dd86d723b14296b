"""The dashboard's words and formats in the chosen language (a thin door to planmonitor.i18n).

UI strings live in ``planmonitor._strings_ui``; ``i18n.t`` merges them with the core's.
"""

from __future__ import annotations

from planmonitor.i18n import (
    LANGS,
    agency_label,
    fmt_date,
    fmt_number,
    fmt_percent,
    gcm_label,
    quarter_label,
    status_label,
    t,
)

LANG_NAMES = {"es": "Español", "en": "English"}

__all__ = [
    "LANGS",
    "LANG_NAMES",
    "agency_label",
    "fmt_date",
    "fmt_number",
    "fmt_percent",
    "gcm_label",
    "quarter_label",
    "status_label",
    "tr",
]


def tr(key: str, lang: str = "es", **kw: object) -> str:
    """The text of ``key`` in ``lang`` (Spanish when a translation is missing)."""
    return t(key, lang, **kw)

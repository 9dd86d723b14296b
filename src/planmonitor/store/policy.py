"""What an upload may do without a second thought, and what needs one.

Two rules: a file larger than MAX_UPLOAD_BYTES is refused before it is read at all (the
loader has its own finer checks: zip ratio, XML), and an upload that removes any product, or
more than REMOVED_PROGRESS_SHARE of the progress log, needs an explicit confirmation (a
checkbox on the page, --allow-removals on the command line).
"""

from __future__ import annotations

import pandas as pd

from planmonitor import model
from planmonitor.i18n import fmt_number, t
from planmonitor.reading.validate import Rule

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
REMOVED_PROGRESS_SHARE = 0.2


def size_issues(size: int) -> pd.DataFrame | None:
    """The refusal of a file over the size limit (one error row), or None when it fits."""
    if size <= MAX_UPLOAD_BYTES:
        return None
    limit = MAX_UPLOAD_BYTES // (1024 * 1024)

    def text(lang: str) -> str:
        return t("store.too_large", lang, mb=fmt_number(size / 1e6, lang, 1), limit=limit)

    row = {
        "sheet": "",
        "row": pd.NA,
        "column": "",
        "rule": Rule.FILE_TOO_LARGE.value,
        "severity": model.Severity.ERROR.value,
        "value": "",
        "message": text("es"),
        "message_en": text("en"),
    }
    return pd.DataFrame([row], columns=model.ISSUE_COLUMNS).astype({"row": "Int64"})


def many_progress_removed(removed_progress: int, base_progress: int) -> bool:
    return removed_progress > REMOVED_PROGRESS_SHARE * base_progress


def needs_confirmation(removed_products: int, removed_progress: int, base_progress: int) -> bool:
    """Removing products, or more than REMOVED_PROGRESS_SHARE of the log, is never silent."""
    many = many_progress_removed(removed_progress, base_progress)
    return removed_products > 0 or (removed_progress > 0 and many)


def removal_text(
    removed_products: int, removed_progress: int, base_progress: int, lang: str = "es"
) -> str:
    """ "3 productos y 40 de los 120 avances del registro" (what confirming would remove)."""
    parts = []
    if removed_products == 1:
        parts.append(t("removal.product", lang))
    elif removed_products:
        parts.append(t("removal.products", lang, n=removed_products))
    if many_progress_removed(removed_progress, base_progress):
        parts.append(t("removal.progress", lang, n=removed_progress, total=base_progress))
    return t("removal.and", lang).join(parts)

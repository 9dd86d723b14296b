"""The validation issues as a person reads them: translated headers, text cells, fixed order.

One table for the three places that show issues: the upload page (a refused file, the
warnings of an accepted one), Calidad de datos (the current version's warnings) and the CLI's
`validate`. The rows keep the order of `reading.validate` (errors first, then by sheet, row
and column); every cell is text, a missing row or value an empty cell.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from planmonitor.i18n import t

# What the dashboard shows (the severity as a word, coloured by ui.tables.severity_colours);
# the CLI adds the rule, which a terminal reader scanning for errors needs, and leaves the
# value to the message.
SCREEN_COLUMNS: tuple[str, ...] = ("severity", "sheet", "row", "column", "value", "message")
CLI_COLUMNS: tuple[str, ...] = ("severity", "sheet", "row", "column", "rule", "message")


def issues_table(
    issues: pd.DataFrame, lang: str = "es", columns: Sequence[str] = SCREEN_COLUMNS
) -> pd.DataFrame:
    """`issues` (model.ISSUE_COLUMNS) as text with headers in `lang`, in `columns` order.

    "message" is the message in the language (the Spanish one when a row has no English).
    """
    source = issues.reindex(columns=[c for c in dict.fromkeys([*columns, "message_en"])])
    out = pd.DataFrame(index=range(len(issues)))
    for col in columns:
        values = source[col].reset_index(drop=True)
        if col == "row":
            values = values.astype("Int64").astype("string")
        elif col == "message" and lang == "en":
            english = source["message_en"].reset_index(drop=True)
            values = english.where(english.notna() & (english.astype("str") != ""), values)
        elif col == "severity":
            values = values.map(lambda s: t(f"issues.severity.{s}", lang), na_action="ignore")
        out[t(f"issues.col.{col}", lang)] = values.astype("string").fillna("").astype("str")
    return out

"""The minutes of an Executive Committee meeting: its decisions and action points as a table,
an Excel workbook and one printable HTML page.

The records come from store.decisions (`Decisions.current`); this module only presents them.
The workbook goes through export.write_workbook (text never becomes a formula); the page is
report/templates/minutes.html on the report's base template and stylesheet, every value
escaped.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import pandas as pd

from planmonitor.i18n import fmt_date, t
from planmonitor.output import export
from planmonitor.output.report.html import render


def minutes_table(
    current: pd.DataFrame, lang: str = "es", names: Mapping[str, str] | None = None
) -> pd.DataFrame:
    """The decisions as the minutes show them: numbered, in the language, text as text.

    `names` maps product and strategy codes to their names (from the plan).
    """
    names = names or {}
    rows = []
    for i, r in enumerate(current.itertuples(index=False), start=1):
        target = f"{t(f'decisions.target.{r.target_type}', lang)} {r.target_code}"
        name = names.get(r.target_code, "")
        rows.append(
            (
                i,
                t(f"decisions.kind.{r.kind}", lang),
                f"{target} · {name}" if name else target,
                r.text,
                r.owner,
                fmt_date(r.due_date, lang) if not pd.isna(r.due_date) else "",
                t(f"decisions.status.{r.status}", lang),
            )
        )
    columns = [
        t(f"decisions.col.{k}", lang)
        for k in ("n", "kind", "target", "text", "owner", "due", "status")
    ]
    out = pd.DataFrame(rows, columns=columns)
    return out.astype({c: "str" for c in columns[1:]}).astype({columns[0]: "int64"})


def _title_lines(meeting_date: dt.date | None, lang: str) -> list[str]:
    lines = [t("decisions.minutes.title", lang)]
    if meeting_date is not None:
        lines.append(t("decisions.minutes.meeting", lang, date=fmt_date(meeting_date, lang)))
    return lines


def minutes_excel(
    current: pd.DataFrame,
    lang: str = "es",
    meeting_date: dt.date | None = None,
    names: Mapping[str, str] | None = None,
    network: str = "",
) -> bytes:
    """The minutes as an Excel workbook (one sheet; every text a text cell).

    `network` is the network's name as its plan gives it (none when it does not say)."""
    sheet = t("decisions.minutes.sheet", lang)
    lines = [network] if network else []
    return export.write_workbook(
        {sheet: minutes_table(current, lang, names)},
        title_rows={sheet: [*lines, *_title_lines(meeting_date, lang)]},
    )


def minutes_html(
    current: pd.DataFrame,
    lang: str = "es",
    meeting_date: dt.date | None = None,
    names: Mapping[str, str] | None = None,
    network: str = "",
) -> str:
    """The minutes as one printable HTML page; every value is escaped by the template."""
    lang = "en" if lang == "en" else "es"
    title, *meta = _title_lines(meeting_date, lang)
    table = minutes_table(current, lang, names)
    rows = [(n, [str(v) for v in rest]) for n, *rest in table.itertuples(index=False, name=None)]
    return render(
        "minutes.html",
        document="minutes",
        lang=lang,
        title_line=" · ".join([title, *meta]),
        network=network,
        title=title,
        meta=meta,
        empty=t("decisions.none", lang),
        columns=[str(c) for c in table.columns],
        rows=rows,
    )

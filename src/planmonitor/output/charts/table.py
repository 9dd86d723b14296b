"""A chart's data as a table: the text alternative under every chart (issue 10, WCAG 1.1.1).

Read from the figure itself, so the table says exactly what the chart draws (the same cached
figure, built from the same frames): a heatmap as its grid; bars as one row per category and
one column per series; a timeline, tiles or a history (whose points carry a hover text) as one
row per point with that text, which is what a mouse user reads on hover.
"""

from __future__ import annotations

import html
import re
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from planmonitor.i18n import t

_BREAK = re.compile(r"\s*<br\s*/?>\s*", re.I)
_TAG = re.compile(r"<[^>]+>")


def plain(text: Any) -> str:
    """Plotly's markup subset as plain text: line breaks become « · », tags go."""
    if text is None or (not isinstance(text, str) and pd.isna(text)):
        return ""
    text = _BREAK.sub(" · ", str(text))
    text = " ".join(html.unescape(_TAG.sub("", text)).replace("\u200b", "").split())
    return text.strip(" ·")


def _values(trace: Any, name: str) -> list:
    values = getattr(trace, name, None)
    return [] if values is None else list(values)


def _heatmap(trace: Any, lang: str) -> pd.DataFrame:
    z = [list(row) for row in trace.z]
    rows = [plain(y) for y in _values(trace, "y")] or [str(i + 1) for i in range(len(z))]
    cols = [plain(x) for x in _values(trace, "x")] or [str(i + 1) for i in range(len(z[0]))]
    table = pd.DataFrame(z, index=rows, columns=cols)
    return table.rename_axis(t("chart.data.row", lang)).reset_index()


def figure_table(fig: go.Figure, lang: str = "es") -> pd.DataFrame:
    """The data `fig` draws, as a table with headers in `lang` (empty when it draws none)."""
    for trace in fig.data:
        if trace.type == "heatmap" and trace.z is not None:
            return _heatmap(trace, lang)
    label, series, value, detail = (
        t(f"chart.data.{k}", lang) for k in ("label", "series", "value", "detail")
    )
    records: list[dict[str, Any]] = []
    for trace in fig.data:
        if trace.hoverinfo == "skip" and not _values(trace, "hovertext"):
            continue  # an outline or a legend entry, not data
        across = getattr(trace, "orientation", None) == "h"
        cats = _values(trace, "y" if across else "x")
        nums = _values(trace, "x" if across else "y")
        hovers = _values(trace, "hovertext")
        timeline = getattr(trace, "base", None) is not None  # bar lengths are durations
        text_only = getattr(trace, "mode", None) == "text"
        for i, cat in enumerate(cats):
            if cat is None:
                continue
            row: dict[str, Any] = {label: plain(cat) if isinstance(cat, str) else cat}
            if trace.name:
                row[series] = plain(trace.name)
            if not timeline and not text_only and i < len(nums):
                row[value] = nums[i]
            if i < len(hovers):
                row[detail] = plain(hovers[i])
            records.append(row)
    if not records:
        return pd.DataFrame()
    table = pd.DataFrame.from_records(records)
    if detail not in table.columns and series in table.columns and value in table.columns:
        # bars: one row per category, one column per series, in the chart's order
        order = list(dict.fromkeys(table[label]))
        wide = table.pivot_table(index=label, columns=series, values=value, aggfunc="first")
        wide = wide.reindex(order)[list(dict.fromkeys(table[series]))]
        return wide.rename_axis(columns=None).reset_index()
    if series in table.columns and table[series].nunique() <= 1 and detail in table.columns:
        table = table.drop(columns=series)  # one unnamed series: nothing to tell apart
    if detail in table.columns and label in table.columns:
        label_text = table[label].astype(str)
        if all(d.startswith(lbl) for d, lbl in zip(table[detail], label_text, strict=True)):
            table = table.drop(columns=label)  # the hover already starts with the label
    return table

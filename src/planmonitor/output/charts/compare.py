"""Two plans side by side (issue 9 §4): one horizontal bar per plan for each row of a table
(objective, agency, status). The page shows the same data as a table beside each chart."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from planmonitor.i18n import fmt_number, fmt_percent, t
from planmonitor.output import theme
from planmonitor.output.charts.common import _esc, _figure, _require, _truncate


def build_side_by_side_figure(
    table: pd.DataFrame,
    label: str,
    names: tuple[str, str],
    title_key: str,
    lang: str = "es",
    columns: tuple[str, str] = ("a", "b"),
    percent: bool = False,
) -> go.Figure:  # percent: shares of each plan's products (0..100), not progress
    """Grouped bars: for each row of `table` (its `label` column, in order, top first) the
    value of plan A (`columns[0]`) beside plan B's (`columns[1]`); `names` are the plans'
    names in the legend (workbook text: escaped and shortened here)."""
    fn = "build_side_by_side_figure"
    _require(table, [label, *columns], fn)
    if len(names) != 2:
        raise ValueError(f"{fn}: se esperaban dos nombres / expected two names, got {len(names)}")
    labels = [_esc(_truncate(str(x), 60)) for x in table[label]]
    shown = (lambda v: fmt_percent(v, lang)) if percent else (lambda v: fmt_number(v, lang))
    traces = []
    for i, (column, name) in enumerate(zip(columns, names, strict=True)):
        values = [0.0 if pd.isna(v) else float(v) for v in table[column]]
        plan = _esc(_truncate(name, 50))
        traces.append(
            dict(
                type="bar",
                orientation="h",
                name=f"{'AB'[i]}: {plan}",
                y=labels,
                x=values,
                marker=dict(
                    color=theme.PLAN_COLORS[i],
                    # overlay: the hatch is drawn over the plan's colour (not in its place)
                    pattern=dict(
                        shape=theme.PLAN_PATTERNS[i],
                        fgcolor="#FFFFFF",
                        fillmode="overlay",
                        size=10,
                        solidity=0.3,
                    ),  # fmt: skip
                ),
                text=[shown(v) for v in table[column]],
                textposition="outside",
                cliponaxis=False,
                hovertext=[
                    t("chart.compare.hover", lang, plan=plan, value=shown(v)) for v in table[column]
                ],  # fmt: skip
                hovertemplate="<b>%{y}</b><br>%{hovertext}<extra></extra>",
            )
        )
    return _figure(
        t(title_key, lang),
        max(340, 170 + 56 * len(labels)),
        traces,
        barmode="group",
        legend=dict(
            orientation="h", y=1.02, yanchor="bottom", x=0, xanchor="left", traceorder="normal"
        ),  # fmt: skip
        margin=dict(t=110),
        xaxis=dict(
            title=t("chart.compare.share" if percent else "word.count", lang),
            rangemode="tozero",
            **({"range": [0, 105]} if percent else {}),
        ),
        yaxis=dict(
            type="category",
            categoryorder="array",
            categoryarray=labels,
            autorange="reversed",
            title=None,
            showgrid=False,
        ),
    )

"""Bar charts: status counts, completion per level, agency load, status per agency."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from planmonitor.analysis.metrics import ALL_STATUSES, LEVELS
from planmonitor.i18n import agency_label, fmt_percent, status_label, t
from planmonitor.output import theme
from planmonitor.output.charts.common import _choice, _esc, _figure, _level_label, _require


def build_status_counts_figure(counts: pd.DataFrame, lang: str = "es") -> go.Figure:
    """Products per status, one fixed colour per status, zeros kept."""
    _require(counts, ["status", "count"], "build_status_counts_figure")
    statuses = [str(s) for s in counts["status"]]
    bar = dict(
        type="bar",
        x=[status_label(s, lang) for s in statuses],
        y=list(counts["count"]),
        marker=dict(color=[theme.status_color(s) for s in statuses]),
        text=[str(int(c)) for c in counts["count"]],
        textposition="outside",
        hovertemplate="%{x}: %{y}<extra></extra>",
        cliponaxis=False,
        showlegend=False,
    )
    return _figure(
        t("chart.status_counts.title", lang),
        460,
        [bar],
        xaxis=dict(type="category", title=None, showgrid=False),
        yaxis=dict(title=t("word.count", lang), rangemode="tozero"),
    )


def build_completion_by_figure(
    completion: pd.DataFrame,
    lang: str = "es",
    level: str | None = None,
    names: Mapping[str, str] | None = None,
) -> go.Figure:
    """Mean percent per objective/strategy on a 0-100 axis (cancelled excluded upstream)."""
    fn = "build_completion_by_figure"
    if level is None and isinstance(completion, pd.DataFrame):
        level = next((c for c in LEVELS if c in completion.columns), "objective")
    _choice(str(level), LEVELS, "level", fn)
    _require(completion, [str(level), "completion"], fn)
    codes = [str(c) for c in completion[level]]
    labels = [_level_label(level, c, lang, names) for c in codes]
    values = [0.0 if pd.isna(v) else float(v) for v in completion["completion"]]
    n = completion["n_counted"] if "n_counted" in completion.columns else [None] * len(codes)
    hover = [
        t(
            "chart.completion.hover",
            lang,
            percent=fmt_percent(v, lang),
            n="—" if k is None else int(k),
        )
        for v, k in zip(completion["completion"], n, strict=True)
    ]
    bar = dict(
        type="bar",
        orientation="h",
        y=labels,
        x=values,
        marker=dict(color=theme.OKABE_ITO["blue"]),
        text=[fmt_percent(v, lang) for v in completion["completion"]],
        textposition="outside",
        cliponaxis=False,
        hovertext=hover,
        hovertemplate="<b>%{y}</b><br>%{hovertext}<extra></extra>",
        showlegend=False,
    )
    return _figure(
        t(f"chart.completion.title_{level}", lang),
        max(320, 150 + 46 * len(codes)),
        [bar],
        xaxis=dict(range=[0, 100], title=t("word.percent", lang), ticksuffix="", dtick=20),
        yaxis=dict(
            type="category",
            categoryorder="array",
            categoryarray=labels,
            autorange="reversed",
            title=None,
            showgrid=False,
        ),
    )


def build_agency_load_figure(
    load: pd.DataFrame, lang: str = "es", agencies: pd.DataFrame | None = None
) -> go.Figure:
    """Products per agency, stacked lead + partner, the busiest agency on top."""
    _require(load, ["agency", "role", "count"], "build_agency_load_figure")
    order = list(dict.fromkeys(str(a) for a in load["agency"]))
    table = load.pivot_table(
        index="agency", columns="role", values="count", aggfunc="sum", fill_value=0, sort=False
    )
    table = table.reindex(index=order, columns=["lead", "partner"], fill_value=0)
    totals = table.sum(axis=1)
    ranked = sorted(order, key=lambda a: (-int(totals[a]), order.index(a)))
    table = table.loc[ranked]
    labels = [_esc(agency_label(a, lang, agencies)) for a in ranked]
    traces = []
    for role in ("lead", "partner"):
        values = [int(v) for v in table[role]]
        traces.append(
            dict(
                type="bar",
                name=t(f"role.{role}", lang),
                orientation="h",
                y=labels,
                x=values,
                marker=dict(color=theme.ROLE_COLORS[role]),
                text=[str(v) if v else "" for v in values],
                textposition="inside",
                insidetextanchor="middle",
                hovertemplate=f"%{{y}} · {t(f'role.{role}', lang)}: %{{x}}<extra></extra>",
            )
        )
    return _figure(
        t("chart.agency_load.title", lang),
        max(360, 150 + 36 * len(ranked)),
        traces,
        **_stacked_layout(labels, lang),
    )


def build_status_by_figure(
    table: pd.DataFrame, lang: str = "es", names: Mapping[str, str] | None = None
) -> go.Figure:
    """Stacked status bars per strategy (or objective/activity), one trace per status."""
    fn = "build_status_by_figure"
    _require(table, [], fn)
    level = table.index.name if table.index.name in LEVELS else "strategy"
    codes = [str(c) for c in table.index]
    labels = [_level_label(level, c, lang, names) for c in codes]
    traces = []
    for status in ALL_STATUSES:
        values = [int(v) for v in (table[status] if status in table.columns else [0] * len(codes))]
        traces.append(
            dict(
                type="bar",
                name=status_label(status, lang),
                orientation="h",
                y=labels,
                x=values,
                marker=dict(color=theme.status_color(status)),
                text=[str(v) if v else "" for v in values],
                textposition="inside",
                insidetextanchor="middle",
                hovertemplate=f"%{{y}}<br>{status_label(status, lang)}: %{{x}}<extra></extra>",
            )
        )
    return _figure(
        t(f"chart.status_by.title_{level}", lang),
        max(340, 170 + 46 * len(codes)),
        traces,
        **_stacked_layout(labels, lang),
    )


def _stacked_layout(labels: list[str], lang: str) -> dict[str, Any]:
    """Stacked horizontal bars: legend on top, counts along x, rows in the given order."""
    return dict(
        barmode="stack",
        # plotly lists stacked bars' legend backwards; keep the order of the stack
        legend=dict(
            orientation="h", y=1.02, yanchor="bottom", x=0, xanchor="left", traceorder="normal"
        ),
        margin=dict(t=110),
        xaxis=dict(title=t("word.count", lang), rangemode="tozero"),
        yaxis=dict(
            type="category",
            categoryorder="array",
            categoryarray=labels,
            autorange="reversed",
            title=None,
            showgrid=False,
        ),
    )

"""The history of one product: its reported percent over time."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from planmonitor.analysis.metrics import ALL_STATUSES
from planmonitor.i18n import date_tickformat, fmt_date, fmt_percent, status_label, t
from planmonitor.output import theme
from planmonitor.output.charts.common import _esc, _figure, _require, _wrap


def build_history_figure(history: pd.DataFrame, lang: str = "es", code: str = "") -> go.Figure:
    """Percent over time as a step line; each report a marker in its status colour."""
    _require(history, ["date", "percent", "status"], "build_history_figure")
    df = history.sort_values("date", kind="stable").reset_index(drop=True)
    dates = [pd.Timestamp(d).isoformat() for d in df["date"]]
    comments = df["comment"] if "comment" in df.columns else [""] * len(df)
    hovers = [
        t(
            "chart.history.hover",
            lang,
            date=fmt_date(d, lang),
            status=status_label(s, lang),
            percent=fmt_percent(p, lang),
            comment=_wrap(c or "", 60, 4),
        )
        for d, s, p, c in zip(df["date"], df["status"], df["percent"], comments, strict=True)
    ]
    traces: list[dict] = [
        dict(
            type="scatter",
            name=t("word.percent", lang),
            x=dates,
            y=list(df["percent"]),
            mode="lines",
            line=dict(shape="hv", color=theme.GREY, width=3),
            hoverinfo="skip",
            showlegend=False,
        )
    ]
    for status in ALL_STATUSES:
        idx = [i for i, s in enumerate(df["status"]) if s == status]
        if not idx:
            continue
        traces.append(
            dict(
                type="scatter",
                name=status_label(status, lang),
                x=[dates[i] for i in idx],
                y=[float(df["percent"].iloc[i]) for i in idx],
                mode="markers",
                marker=dict(
                    size=16, color=theme.status_color(status), line=dict(color="#FFFFFF", width=2)
                ),
                hovertext=[hovers[i] for i in idx],
                hovertemplate="%{hovertext}<extra></extra>",
            )
        )
    return _figure(
        t("chart.history.title", lang, code=_esc(code)).rstrip(" ·"),
        460,
        traces,
        xaxis=dict(type="date", title=None, tickformat=date_tickformat(lang)),
        yaxis=dict(range=[0, 105], title=t("word.percent", lang), dtick=20),
        legend=dict(orientation="h", y=1.02, yanchor="bottom", x=0, xanchor="left"),
        margin=dict(t=110),
    )

"""The agency × column heatmap."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from planmonitor.analysis.metrics import UNDATED_COLUMN
from planmonitor.i18n import agency_label, has_key, quarter_label, quarter_parts, t
from planmonitor.output import theme
from planmonitor.output.charts.common import _esc, _figure, _require


def _axis_label(value: Any, lang: str, agencies: pd.DataFrame | None) -> str:
    text = str(value)
    if text == UNDATED_COLUMN:
        return t("word.undated", lang)
    if quarter_parts(text) is not None:  # a quarter code of the plan's period
        return quarter_label(text, lang)
    return _esc(agency_label(text, lang, agencies))


def build_heatmap_figure(
    matrix: pd.DataFrame,
    title_key: str,
    lang: str = "es",
    x_title_key: str | None = None,
    y_title_key: str | None = None,
    agencies: pd.DataFrame | None = None,
    x_title: str | None = None,
    y_title: str | None = None,
) -> go.Figure:
    """A counts matrix (agency × quarter / strategy, co-occurrence, strategy × GCM).

    `x_title`/`y_title` give an axis title as text (the plan's own word for a level, its
    «Nivel» keys) instead of a catalogue key.

    Zero cells stay white and unlabelled so the eye goes to where the work is.
    """
    fn = "build_heatmap_figure"
    _require(matrix, [], fn)
    for key in (title_key, x_title_key, y_title_key):
        if key is not None and not has_key(key):
            raise ValueError(f"{fn}: clave de texto desconocida / unknown string key: {key!r}")
    x = [_axis_label(c, lang, agencies) for c in matrix.columns]
    y = [_axis_label(i, lang, agencies) for i in matrix.index]
    z = matrix.to_numpy(dtype=float)
    heat = dict(
        type="heatmap",
        z=z,
        x=x,
        y=y,
        colorscale=theme.SEQUENTIAL,
        zmin=0,
        zmax=max(1.0, float(z.max())),
        text=[["" if v == 0 else str(int(v)) for v in row] for row in z],
        texttemplate="%{text}",
        textfont=dict(size=theme.BASE_FONT_SIZE),
        xgap=2,
        ygap=2,
        hovertemplate="%{y} · %{x}: %{z}<extra></extra>",
        # whole counts: a 0-1 scale read "0.2, 0.4…" products
        colorbar=dict(
            title=dict(text=t("word.count", lang), side="right"),
            dtick=max(1, int(np.ceil(z.max() / 6))) if z.size else 1,
        ),
    )
    fig = _figure(
        t(title_key, lang),
        max(360, 170 + 34 * len(y)),
        [heat],
        xaxis=dict(
            type="category",
            showgrid=False,
            side="top",
            title=x_title or (t(x_title_key, lang) if x_title_key else None),
        ),
        yaxis=dict(
            type="category",
            autorange="reversed",
            showgrid=False,
            title=y_title or (t(y_title_key, lang) if y_title_key else None),
        ),
    )
    # the x labels sit on top: the title must push the plot down, not be drawn over them
    fig.layout.title.update(automargin=True, yref="container", y=1, yanchor="top", pad=dict(t=8))
    return fig

"""The GCM tiles: one tile per objective of the Global Compact, with its product counts."""

from __future__ import annotations

import pandas as pd
import plotly.colors as pcolors
import plotly.graph_objects as go

from planmonitor.i18n import t
from planmonitor.output import theme
from planmonitor.output.charts.common import _figure, _require, _wrap

# A GCM tile reached only through "Todos los objetivos": pale, dotted outline, never the blue
# of a specific link.
ONLY_ALL_COLOR = "#F2F2F2"
ONLY_ALL_LINE = "#6B6B6B"
COMPACT_PER_ROW = 3


def _tile_counts(n_specific: int, n_all: int, lang: str) -> str:
    """ "2 específicos · 5 vía «Todos»" on two lines; only the parts that are not zero."""
    specific = (
        t("chart.gcm_tiles.specific_one", lang)
        if n_specific == 1
        else t("chart.gcm_tiles.specific", lang, n=n_specific)
    )
    if not n_all:
        return specific
    return f"{specific}<br>{t('chart.gcm_tiles.via_all', lang, n=n_all)}"


def build_gcm_tiles_figure(
    coverage: pd.DataFrame, lang: str = "es", per_row: int = 7, compact: bool = False
) -> go.Figure:
    """The 23 GCM objectives as a grid of tiles (7 per row, like the plan's grid; `compact`,
    for a phone: 3 per row, smaller type, labels wrapped narrower, legend under the tiles).

    Colour grows with the products that NAME the objective: a product saying "Todos los
    objetivos" would make every tile look covered, so its links are written apart on the tile
    ("0 específicos · 5 vía «Todos»") and a tile reached only that way stays pale and dotted.
    When `n` leaves them out (the page's toggle), they are not mentioned. An objective no
    product covers is white, outlined and hatched in vermillion, and says "sin cobertura".
    """
    fn = "build_gcm_tiles_figure"
    _require(coverage, ["number", "label_es", "title_en", "n"], fn)
    df = coverage.sort_values("number", kind="stable").reset_index(drop=True)
    if compact:
        per_row = min(per_row, COMPACT_PER_ROW)
    wrap_chars, font_size, row_px = (13, 11, 150) if compact else (17, 15, 175)
    n_rows = (len(df) + per_row - 1) // per_row
    specific_col = df["n_specific"] if "n_specific" in df.columns else df["n"]
    max_n = max(1, int(specific_col.max()))
    half = 0.46
    shapes: list[dict] = []
    outline: dict[str, tuple[list, list]] = {"gap": ([], []), "only_all": ([], [])}
    cx, cy, texts, hovers, text_colors = [], [], [], [], []
    for i, r in enumerate(df.itertuples(index=False)):
        col, row = i % per_row, i // per_row
        x, y = col + 0.5, -(row + 0.5)
        n = int(r.n)
        n_specific = int(getattr(r, "n_specific", n))
        n_all_links = int(getattr(r, "n_all", 0))
        shown_all = n - n_specific  # 0 when the "Todos" links are left out
        label = r.title_en if lang == "en" else r.label_es
        box = dict(type="rect", x0=x - half, x1=x + half, y0=y - half, y1=y + half, layer="below")
        if n == 0:
            kind, fill, line = "gap", "#FFFFFF", dict(color=theme.GAP_COLOR, width=3, dash="dash")
            count_text = t("chart.gcm_tiles.gap", lang)
        elif n_specific == 0:
            kind, fill = "only_all", ONLY_ALL_COLOR
            line = dict(color=ONLY_ALL_LINE, width=2, dash="dot")
            count_text = _tile_counts(0, shown_all, lang)
        else:
            kind = "specific"
            fill = pcolors.sample_colorscale(theme.SEQUENTIAL, [0.25 + 0.75 * n_specific / max_n])[
                0
            ]
            line = dict(color="#FFFFFF", width=1)
            count_text = _tile_counts(n_specific, shown_all, lang)
        shapes.append({**box, "fillcolor": fill, "line": line})
        if kind in outline:
            xs, ys = outline[kind]
            xs += [x - half, x + half, x + half, x - half, x - half, None]
            ys += [y - half, y - half, y + half, y + half, y - half, None]
        cx.append(x)
        cy.append(y)
        label_text = _wrap(label, wrap_chars, 4)
        texts.append(f"<b>{int(r.number)}</b><br>{label_text}<br><i>{count_text}</i>")
        dark = kind == "specific" and n_specific / max_n > 0.55
        text_colors.append("#FFFFFF" if dark else theme.TEXT_COLOR)
        hovers.append(
            f"<b>{t('word.gcm', lang)} {int(r.number)}</b> · {_wrap(label, 60, 3)}<br>"
            + t("chart.gcm_tiles.hover", lang, n=n, n_specific=n_specific, n_all=n_all_links)
        )
    traces: list[dict] = []
    legend = {
        "only_all": (
            "chart.gcm_tiles.only_all_legend",
            dict(color=ONLY_ALL_LINE, width=2, dash="dot"),
            None,  # a pattern over the tile would blur its text: the pale fill says enough
        ),
        "gap": (
            "chart.gcm_tiles.gap_legend",
            dict(color=theme.GAP_COLOR, width=3, dash="dash"),
            dict(shape="/", fgcolor=theme.GAP_COLOR, size=14, solidity=0.15),
        ),
    }
    for kind, (key, line, pattern) in legend.items():
        xs, ys = outline[kind]
        if xs:
            traces.append(
                dict(
                    type="scatter",
                    name=t(key, lang),
                    x=xs,
                    y=ys,
                    mode="lines",
                    line=line,
                    hoverinfo="skip",
                    **(
                        dict(fill="toself", fillcolor="rgba(255,255,255,0)", fillpattern=pattern)
                        if pattern
                        else {}
                    ),
                )
            )
    has_legend = bool(traces)
    traces.append(
        dict(
            type="scatter",
            name=t("word.gcm_objective", lang),
            x=cx,
            y=cy,
            mode="text",
            text=texts,
            textfont=dict(size=font_size, color=text_colors),
            hovertext=hovers,
            hovertemplate="%{hovertext}<extra></extra>",
            showlegend=False,
        )
    )
    hidden = dict(
        showgrid=False, zeroline=False, showticklabels=False, showline=False, ticks="", title=None
    )
    title = t("chart.gcm_tiles.title", lang)
    if compact:  # the legend's two entries on their own rows, under the tiles
        legend_layout = dict(orientation="v", yref="container", y=0.005, yanchor="bottom", x=0)
        margin = dict(t=80, b=100, l=4, r=4)
        title = _wrap(title, 28, 2)
    else:
        legend_layout = dict(orientation="h", y=1.02, yanchor="bottom", x=0, xanchor="left")
        margin = dict(t=110)
    return _figure(
        title,
        (180 if compact else 120) + row_px * n_rows,
        traces,
        xaxis=dict(range=[0, per_row], fixedrange=True, **hidden),
        yaxis=dict(range=[-n_rows, 0], fixedrange=True, **hidden),
        shapes=shapes,
        legend=legend_layout,
        margin=margin,
        showlegend=has_legend,
    )

"""The light report's charts (issue 10): the report's Plotly figures drawn again as small
inline SVG, in pure Python, so the HTML for e-mail is well under 1 MB and needs no script.

The figures are the same objects the full report embeds (html._figures), so the light charts
show the same bars, dates and numbers: horizontal bars with their text (status counts,
completion), a timeline of date bars with the change markers (the Gantt), and the tiles with
their text (GCM coverage). Every text is escaped here; the SVG is the only markup the light
report does not escape, as plotly's div is in the full one. Nothing is interactive; each chart
has a <title> and an aria-label for screen readers.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from typing import Any

import pandas as pd
import plotly.graph_objects as go
from markupsafe import Markup

WIDTH = 660
ROW = 18  # px per bar
LABEL_W = 300  # px for the labels left of the bars
FONT = 'font-family="Liberation Sans, DejaVu Sans, Arial, sans-serif"'
_TAG = re.compile(r"<[^>]*>")


def _esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def _plain(text: object) -> list[str]:
    """Plotly's rich text ("<b>1</b><br>Datos") as plain lines (tags dropped, entities kept
    as text: they are escaped again when drawn)."""
    lines = re.split(r"<br\s*/?>", str(text or ""), flags=re.IGNORECASE)
    return [html.unescape(_TAG.sub("", line)).strip() for line in lines]


def _seq(value: Any, n: int) -> list[Any]:
    """A trace attribute as a list of n values (a scalar repeated; None for missing)."""
    if value is None or isinstance(value, str):
        return [value] * n
    try:
        values = list(value)
    except TypeError:
        return [value] * n
    return (values + [None] * n)[:n]


def _title(fig: go.Figure) -> str:
    text = fig.layout.title.text if fig.layout.title else None
    return " ".join(_plain(text)) if text else ""


def _svg(title: str, height: int, body: Iterable[str]) -> Markup:
    t = _esc(title)
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{t}" '
        f'width="100%" viewBox="0 0 {WIDTH} {height}" style="max-width:{WIDTH}px;height:auto" '
        f"{FONT} "
        f'font-size="10"><title>{t}</title>' + "".join(body) + "</svg>"
    )


def _heading(title: str) -> str:
    return f'<text x="0" y="14" font-size="13" font-weight="bold">{_esc(title)}</text>'


def _categories(fig: go.Figure, axis: str, found: Sequence[Any]) -> list[Any]:
    """Category order top to bottom, as plotly draws it (categoryarray, reversed or not)."""
    ax = fig.layout[axis]
    order = list(ax.categoryarray) if ax.categoryarray is not None else []
    for value in found:
        if value not in order:
            order.append(value)
    if axis == "yaxis" and ax.autorange != "reversed":
        order.reverse()  # a y category axis runs bottom-up unless reversed
    return order


def _bars(fig: go.Figure) -> Markup:
    """Bar traces (vertical or horizontal) as horizontal bars with their text."""
    rows: list[tuple[Any, float, str, str]] = []
    for tr in fig.data:
        if tr.type != "bar":
            continue
        horizontal = tr.orientation == "h"
        cats = list(tr.y if horizontal else tr.x)
        values = list(tr.x if horizontal else tr.y)
        n = len(cats)
        colors, texts = _seq(tr.marker.color, n), _seq(tr.text, n)
        for cat, value, color, text in zip(cats, values, colors, texts, strict=True):
            if value is None:
                continue
            shown = " ".join(_plain(text)) if text is not None else f"{value:g}"
            rows.append((cat, float(value), shown, color or "#0072B2"))
    axis = "yaxis" if any(tr.orientation == "h" for tr in fig.data) else "xaxis"
    order = _categories(fig, axis, [r[0] for r in rows]) if axis == "yaxis" else []
    if order:
        rows.sort(key=lambda r: order.index(r[0]) if r[0] in order else len(order))
    top = 26
    height = top + ROW * len(rows) + 8
    room = WIDTH - LABEL_W - 50
    vmax = max([r[1] for r in rows] + [0.0])
    xr = fig.layout.xaxis.range if axis == "yaxis" else None
    if xr is not None and xr[1] is not None:
        vmax = max(vmax, float(xr[1]))
    scale = room / vmax if vmax > 0 else 0.0
    body = [_heading(_title(fig))]
    for i, (cat, value, shown, color) in enumerate(rows):
        y = top + i * ROW
        label = " ".join(_plain(cat))
        w = max(0.0, value * scale)
        body.append(
            f'<text x="{LABEL_W - 6}" y="{y + 12}" text-anchor="end">{_esc(label)}</text>'
            f'<rect x="{LABEL_W}" y="{y + 2}" width="{w:.1f}" height="{ROW - 5}" '
            f'fill="{_esc(color)}"/>'
            f'<text x="{LABEL_W + w + 4:.1f}" y="{y + 12}">{_esc(shown)}</text>'
        )
    return _svg(_title(fig), height, body)


def _date(value: Any) -> pd.Timestamp | None:
    try:
        out = pd.Timestamp(value)
    except (TypeError, ValueError):
        return None
    return None if pd.isna(out) else out


def _timeline(fig: go.Figure) -> Markup:
    """Date bars (base = start, x = length in ms) per category, and the marker traces."""
    bars: list[tuple[Any, pd.Timestamp, pd.Timestamp, str, bool]] = []
    marks: list[tuple[Any, pd.Timestamp, str]] = []
    legend: dict[str, tuple[str, bool]] = {}
    for tr in fig.data:
        if tr.type == "bar":
            n = len(tr.y or ())
            shape = tr.marker.pattern.shape if tr.marker.pattern else None
            hatched = bool(shape) and (isinstance(shape, str) or all(shape))
            if tr.name and tr.showlegend is not False:
                color = tr.marker.color if isinstance(tr.marker.color, str) else "#0072B2"
                legend.setdefault(" ".join(_plain(tr.name)), (color, hatched))
            for cat, base, length, color in zip(
                _seq(tr.y, n), _seq(tr.base, n), _seq(tr.x, n), _seq(tr.marker.color, n),
                strict=True,
            ):  # fmt: skip
                start = _date(base)
                if cat is None or start is None or length is None:
                    continue
                end = start + pd.Timedelta(milliseconds=float(length))
                bars.append((cat, start, end, color or "#0072B2", hatched))
        elif tr.type == "scatter" and tr.x is not None and tr.y is not None:
            n = len(tr.x)
            color = tr.marker.color if isinstance(tr.marker.color, str) else "#1A1A1A"
            if tr.name:
                legend.setdefault(" ".join(_plain(tr.name)), (color, False))
            for x, cat in zip(tr.x, _seq(tr.y, n), strict=True):
                when = _date(x)
                if when is not None and cat is not None:
                    marks.append((cat, when, color))
    order = _categories(fig, "yaxis", [b[0] for b in bars] + [m[0] for m in marks])
    rng = fig.layout.xaxis.range
    dates = [b[1] for b in bars] + [b[2] for b in bars] + [m[1] for m in marks]
    lo = _date(rng[0]) if rng else None
    hi = _date(rng[1]) if rng else None
    lo = lo or (min(dates) if dates else pd.Timestamp("2000-01-01"))
    hi = hi or (max(dates) if dates else lo + pd.Timedelta(days=365))
    span = max((hi - lo).total_seconds(), 1.0)
    room = WIDTH - LABEL_W - 10

    def px(when: pd.Timestamp) -> float:
        seconds = (min(max(when, lo), hi) - lo).total_seconds()
        return LABEL_W + room * seconds / span

    top = 40
    legend_rows = (len(legend) + 2) // 3
    height = top + ROW * len(order) + 10 + 16 * legend_rows
    body = [_heading(_title(fig))]
    for year in range(lo.year, hi.year + 2):
        when = pd.Timestamp(year=year, month=1, day=1)
        if lo <= when <= hi and px(when) < WIDTH - 30:  # no year cut at the right edge
            x = px(when)
            body.append(
                f'<line x1="{x:.1f}" y1="{top - 6}" x2="{x:.1f}" y2="{top + ROW * len(order)}" '
                f'stroke="#C8D6E5"/><text x="{x + 2:.1f}" y="{top - 8}">{year}</text>'
            )
    index = {cat: i for i, cat in enumerate(order)}
    for i, cat in enumerate(order):
        body.append(
            f'<text x="{LABEL_W - 6}" y="{top + i * ROW + 12}" text-anchor="end">'
            f"{_esc(' '.join(_plain(cat)))}</text>"
        )
    for cat, start, end, color, hatched in bars:
        y = top + index[cat] * ROW
        x0, x1 = px(start), px(end)
        style = ' fill-opacity="0.55" stroke="#6B6B6B" stroke-dasharray="3 2"' if hatched else ""
        body.append(
            f'<rect x="{x0:.1f}" y="{y + 3}" width="{max(x1 - x0, 1.0):.1f}" '
            f'height="{ROW - 6}" fill="{_esc(color)}"{style}/>'
        )
    for cat, when, color in marks:
        x, y = px(when), top + index[cat] * ROW + ROW / 2
        body.append(
            f'<path d="M{x:.1f} {y - 4:.1f}l4 4-4 4-4-4z" fill="{_esc(color)}" stroke="#FFF"/>'
        )
    y = top + ROW * len(order) + 16
    for i, (name, (color, hatched)) in enumerate(legend.items()):
        x = (i % 3) * (WIDTH // 3)
        yy = y + (i // 3) * 16
        style = ' fill-opacity="0.55" stroke="#6B6B6B" stroke-dasharray="3 2"' if hatched else ""
        body.append(
            f'<rect x="{x}" y="{yy - 9}" width="10" height="10" fill="{_esc(color)}"{style}/>'
            f'<text x="{x + 14}" y="{yy}">{_esc(name)}</text>'
        )
    return _svg(_title(fig), height, body)


def _tiles(fig: go.Figure) -> Markup:
    """Rectangle shapes with the text of a text trace at their centres (the GCM tiles)."""
    rects = [s for s in fig.layout.shapes if s.type == "rect"]
    texts: list[tuple[float, float, list[str]]] = []
    for tr in fig.data:
        if tr.type == "scatter" and tr.mode and "text" in tr.mode and tr.text is not None:
            n = len(tr.x)
            texts += [
                (float(x), float(y), _plain(text))
                for x, y, text in zip(tr.x, tr.y, _seq(tr.text, n), strict=True)
                if text is not None
            ]
    xs = [v for s in rects for v in (s.x0, s.x1)] or [0.0, 1.0]
    ys = [v for s in rects for v in (s.y0, s.y1)] or [0.0, 1.0]
    x_lo, x_hi, y_lo, y_hi = min(xs), max(xs), min(ys), max(ys)
    top = 24
    unit = WIDTH / max(x_hi - x_lo, 1e-9)
    height = int(top + (y_hi - y_lo) * unit * 0.9) + 4
    unit_y = (height - top - 4) / max(y_hi - y_lo, 1e-9)

    def at(x: float, y: float) -> tuple[float, float]:
        return (x - x_lo) * unit, top + (y_hi - y) * unit_y

    body = [_heading(_title(fig))]
    for s in rects:
        (x0, y0), (x1, y1) = at(s.x0, s.y1), at(s.x1, s.y0)
        dash = ' stroke-dasharray="3 2"' if s.line and s.line.dash in ("dot", "dash") else ""
        stroke = _esc(s.line.color if s.line and s.line.color else "#6B6B6B")
        body.append(
            f'<rect x="{x0:.1f}" y="{y0:.1f}" width="{x1 - x0:.1f}" height="{y1 - y0:.1f}" '
            f'fill="{_esc(s.fillcolor or "#FFFFFF")}" stroke="{stroke}"{dash}/>'
        )
    for x, y, lines in texts:
        cx, cy = at(x, y)
        first = cy - 5.5 * (len(lines) - 1)
        spans = "".join(
            f'<tspan x="{cx:.1f}" y="{first + 11 * i:.1f}"'
            + (' font-weight="bold"' if i == 0 else "")
            + f">{_esc(line)}</tspan>"
            for i, line in enumerate(lines)
        )
        body.append(f'<text text-anchor="middle" font-size="8.5">{spans}</text>')
    return _svg(_title(fig), height, body)


def chart_svg(fig: go.Figure) -> Markup:
    """The figure as inline SVG: tiles, a timeline or bars, by what it holds."""
    if fig.layout.xaxis.type == "date":
        return _timeline(fig)
    if any(s.type == "rect" for s in fig.layout.shapes or ()):
        return _tiles(fig)
    return _bars(fig)

"""Any dashboard figure laid out for a phone (issue 10: readable at 390 px).

A figure cannot know the width it will be drawn at, so the UI asks for this layout by a rule
that does not depend on the width (a phone's browser, see ``ui.page.phone``): titles wrapped,
the legend below the plot in the figure's own margin (a legend wrapped over several rows at
the top ran into the title), long row labels shortened to two short lines (the full text
stays in the hover and in the «Ver datos» table), smaller ticks. The GCM tiles are re-laid
by their own builder (``compact=True``: three tiles per row).
"""

from __future__ import annotations

import html
import re
from typing import Any

import plotly.graph_objects as go

from planmonitor.output.charts.common import _truncate, _wrap

TITLE_CHARS = 28
TICK_CHARS = 18
TICK_FONT = 12
NOTE_CHARS = 30
_TAG = re.compile(r"<[^>]+>")


def _plain(text: str) -> str:
    """Plotly label text (escaped, with <b>/<br>) as plain text on one line."""
    return " ".join(html.unescape(_TAG.sub(" ", str(text))).split())


def short_label(text: str, width: int = TICK_CHARS) -> str:
    """A row label in at most two lines of about `width` characters (escaped again)."""
    plain = _plain(text)
    if len(plain) <= width:
        return html.escape(plain, quote=False)
    return _wrap(plain, width, 2)


def _rewrap(text: Any, width: int) -> Any:
    if not isinstance(text, str) or len(_plain(text)) <= width:
        return text
    bold = text.lstrip().startswith("<b>")
    wrapped = _wrap(_plain(text), width, 3)
    return f"<b>{wrapped}</b>" if bold else wrapped


def _categories(fig: go.Figure, axis: str) -> list[str]:
    """The category labels a trace draws along `axis` ("x" or "y"), in first-seen order."""
    seen: dict[str, None] = {}
    for trace in fig.data:
        values = getattr(trace, axis, None)
        if values is None:
            continue
        for v in values:
            if isinstance(v, str):
                seen.setdefault(v, None)
    return list(seen)


def for_phone(fig: go.Figure) -> go.Figure:
    """A copy of `fig` for a screen about 360 px wide; the figure passed in is not changed."""
    fig = go.Figure(fig)
    layout = fig.layout
    if layout.title.text:
        layout.title.text = _rewrap(layout.title.text, TITLE_CHARS)
    if layout.title.subtitle and layout.title.subtitle.text:
        layout.title.subtitle.text = _rewrap(layout.title.subtitle.text, TITLE_CHARS + 10)
    has_legend = layout.showlegend is not False and any(
        t.showlegend is not False for t in fig.data if getattr(t, "name", None)
    )
    margin_b = layout.margin.b or 40
    if has_legend:
        fig.update_layout(
            legend=dict(
                orientation="h", yref="container", y=0.005, yanchor="bottom", x=0,
                xanchor="left", font=dict(size=TICK_FONT + 1),
            ),
            margin=dict(b=max(margin_b, 150)),
            height=(layout.height or 450) + 60,
        )  # fmt: skip
    fig.update_layout(margin=dict(l=8, r=8))
    yaxis = layout.yaxis
    if yaxis.ticktext is not None:  # labels already given (e.g. the Gantt's header rows)
        yaxis.ticktext = [short_label(x) if x else x for x in yaxis.ticktext]
    else:
        labels = list(yaxis.categoryarray or ()) or _categories(fig, "y")
        if labels and any(len(_plain(x)) > TICK_CHARS for x in labels):
            short = [short_label(x) for x in labels]
            yaxis.update(tickmode="array", tickvals=labels, ticktext=short)
    # a bar's text stays inside its bar, or is not drawn: beside it, it ran off the screen
    fig.update_traces(textposition="inside", selector=dict(type="bar"))
    fig.update_layout(uniformtext=dict(minsize=TICK_FONT - 2, mode="hide"))
    fig.update_yaxes(tickfont=dict(size=TICK_FONT))
    fig.update_xaxes(tickfont=dict(size=TICK_FONT))
    for note in layout.annotations:  # a band's heading written across the plot
        if note.xref == "paper" and isinstance(note.text, str):
            head = note.text.split(" · ")[0]
            if len(_plain(head)) > NOTE_CHARS:
                head = html.escape(_truncate(_plain(head), NOTE_CHARS), quote=False)
            note.text = head
    return fig

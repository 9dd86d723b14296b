"""One palette and one plotly template for every chart.

Colours come from the Okabe-Ito palette, which stays distinguishable for the common forms of
colour blindness; each status has a FIXED colour so that "Retrasado" looks the same in the
Gantt, the bars and the history. Fonts are large because the committee reads the charts on a
projector.
"""

from __future__ import annotations

import zlib

import plotly.graph_objects as go
import plotly.io as pio

from planmonitor.model import COMMITTEE, NO_REPORT, Status

TEMPLATE_NAME = "planmonitor"

# Okabe & Ito (2008), "Color Universal Design".
OKABE_ITO: dict[str, str] = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}
GREY = "#A0A0A0"
PALE_GREY = "#E3E3E3"
TEXT_COLOR = "#1A1A1A"
GRID_COLOR = "#D0D0D0"

STATUS_COLORS: dict[str, str] = {
    Status.NOT_STARTED.value: OKABE_ITO["sky_blue"],
    Status.IN_PROGRESS.value: OKABE_ITO["blue"],
    Status.COMPLETED.value: OKABE_ITO["bluish_green"],
    Status.DELAYED.value: OKABE_ITO["vermillion"],
    Status.CANCELLED.value: OKABE_ITO["reddish_purple"],
    NO_REPORT: GREY,
}

# Bars whose dates are missing from the plan: pale and hatched, never hidden.
UNDATED_COLOR = PALE_GREY
UNDATED_LINE = "#7A7A7A"
HATCH = "/"

ROLE_COLORS: dict[str, str] = {"lead": OKABE_ITO["blue"], "partner": OKABE_ITO["orange"]}

# Fixed colours for the secretariat and the committee; other agencies get a stable colour
# from the rest of the palette (by name, so it does not change between runs or filters).
AGENCY_COLORS: dict[str, str] = {
    "OIM": OKABE_ITO["blue"],
    "OCR": OKABE_ITO["black"],
    "PNUD": OKABE_ITO["sky_blue"],
    "OIT": OKABE_ITO["vermillion"],
    "ACNUR": OKABE_ITO["bluish_green"],
    "UNODC": OKABE_ITO["reddish_purple"],
    COMMITTEE: GREY,
}
_EXTRA_AGENCY_COLORS = (
    OKABE_ITO["orange"],
    OKABE_ITO["yellow"],
    "#882255",
    "#44AA99",
    "#999933",
    "#117733",
    "#332288",
    "#88CCEE",
)

# Sequential scale for counts (heatmaps, GCM tiles): white for zero up to the palette's blue.
SEQUENTIAL = [[0.0, "#FFFFFF"], [0.15, "#DCEBF5"], [0.5, "#6FA8D6"], [1.0, "#0B4F8A"]]
GAP_COLOR = OKABE_ITO["vermillion"]

BASE_FONT_SIZE = 16
TITLE_FONT_SIZE = 22
FONT_FAMILY = "Source Sans Pro, Segoe UI, Helvetica Neue, Arial, sans-serif"


def agency_color(acronym: str) -> str:
    """A stable colour per agency (same agency, same colour, in every chart and run)."""
    if acronym in AGENCY_COLORS:
        return AGENCY_COLORS[acronym]
    index = zlib.crc32(acronym.encode("utf-8")) % len(_EXTRA_AGENCY_COLORS)
    return _EXTRA_AGENCY_COLORS[index]


def status_color(status: str) -> str:
    """The fixed colour of a status (grey for anything unknown, like "Sin reporte")."""
    return STATUS_COLORS.get(status, GREY)


def make_template() -> go.layout.Template:
    """White background, dark text, clear gridlines, large fonts."""
    axis = dict(
        showgrid=True,
        gridcolor=GRID_COLOR,
        gridwidth=1,
        linecolor="#444444",
        showline=True,
        ticks="outside",
        tickcolor="#444444",
        zeroline=False,
        title=dict(font=dict(size=BASE_FONT_SIZE + 1)),
        tickfont=dict(size=BASE_FONT_SIZE),
        automargin=True,
    )
    layout = go.Layout(
        font=dict(family=FONT_FAMILY, size=BASE_FONT_SIZE, color=TEXT_COLOR),
        title=dict(font=dict(size=TITLE_FONT_SIZE, color=TEXT_COLOR), x=0.0, xanchor="left"),
        paper_bgcolor="#FFFFFF",
        plot_bgcolor="#FFFFFF",
        colorway=[v for k, v in OKABE_ITO.items() if k != "black"] + [OKABE_ITO["black"]],
        xaxis=axis,
        yaxis=axis,
        legend=dict(font=dict(size=BASE_FONT_SIZE), bgcolor="rgba(255,255,255,0.9)"),
        hoverlabel=dict(font=dict(size=BASE_FONT_SIZE, family=FONT_FAMILY), align="left"),
        margin=dict(l=20, r=20, t=70, b=40),
        bargap=0.25,
    )
    return go.layout.Template(layout=layout)


def register() -> str:
    """Register the template under TEMPLATE_NAME (idempotent) and return the name.

    The process-wide default template is left alone: each figure names ours explicitly.
    """
    if TEMPLATE_NAME not in pio.templates:
        pio.templates[TEMPLATE_NAME] = make_template()
    return TEMPLATE_NAME


register()

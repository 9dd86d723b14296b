"""One palette and one plotly template for every chart.

Colours come from the Okabe-Ito palette, which stays distinguishable for the common forms of
colour blindness; each status has a FIXED colour so that "Retrasado" looks the same in the
Gantt, the bars and the history. Fonts are large because the committee reads the charts on a
projector.
"""

from __future__ import annotations

import colorsys
from collections.abc import Iterable

import plotly.graph_objects as go
import plotly.io as pio

from planmonitor.model import COMMITTEE, NO_REPORT, Plan, Role, Status

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

# The two plans of a comparison (A, B): a colour-blind safe pair, B also hatched so that the
# two are told apart without colour; the legend names the plans.
PLAN_COLORS: tuple[str, str] = (OKABE_ITO["blue"], OKABE_ITO["orange"])
PLAN_PATTERNS: tuple[str, str] = ("", HATCH)

# Colours of the agencies, given in plan order (the secretariat first): never a status colour,
# so a chart coloured by agency is never read as one coloured by status. Okabe-Ito's colours
# the statuses do not use, then Paul Tol's "muted" scheme (both colour-blind safe); past
# those, the same hues lightened, then darkened, so that no two agencies of a plan share one.
AGENCY_PALETTE: tuple[str, ...] = (
    OKABE_ITO["orange"],
    "#332288",  # Tol muted: indigo
    "#44AA99",  # teal
    "#882255",  # wine
    "#DDCC77",  # sand
    "#117733",  # green
    "#CC6677",  # rose
    "#88CCEE",  # cyan
    "#999933",  # olive
    "#AA4499",  # purple
    OKABE_ITO["black"],
    OKABE_ITO["yellow"],
)
# Bars of products without a lead agency: a dark grey no status and no agency uses.
NO_LEAD_COLOR = "#5E5E5E"

# Sequential scale for counts (heatmaps, GCM tiles): white for zero up to the palette's blue.
SEQUENTIAL = [[0.0, "#FFFFFF"], [0.15, "#DCEBF5"], [0.5, "#6FA8D6"], [1.0, "#0B4F8A"]]
GAP_COLOR = OKABE_ITO["vermillion"]

BASE_FONT_SIZE = 16
TITLE_FONT_SIZE = 22
FONT_FAMILY = "Source Sans Pro, Segoe UI, Helvetica Neue, Arial, sans-serif"


def _shade(color: str, towards: int, share: float) -> str:
    """`color` moved `share` of the way to white (towards=255) or black (towards=0)."""
    rgb = [int(color[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(c + (towards - c) * share):02X}" for c in rgb)


def _agency_palette(n: int) -> list[str]:
    """At least `n` distinct agency colours: the palette, then its lighter and darker hues,
    then evenly spread hues; never a status colour, never twice the same."""
    colors = list(AGENCY_PALETTE)
    seen = {*colors, *STATUS_COLORS.values(), NO_LEAD_COLOR, UNDATED_COLOR}
    for towards, share in ((255, 0.4), (0, 0.4), (255, 0.65), (0, 0.6)):
        for color in AGENCY_PALETTE:
            if len(colors) >= n:
                return colors
            shaded = _shade(color, towards, share)
            if shaded not in seen:
                colors.append(shaded)
                seen.add(shaded)
    i = 0
    while len(colors) < n:  # a very large network: golden-ratio hues, then more of them
        r, g, b = colorsys.hsv_to_rgb((i * 0.618033988749895) % 1.0, 0.65, 0.75)
        i += 1
        color = "#" + "".join(f"{round(c * 255):02X}" for c in (r, g, b))
        if color not in seen:
            colors.append(color)
            seen.add(color)
    return colors


def agency_colors(acronyms_in_plan_order: Iterable[str]) -> dict[str, str]:
    """Every agency of a plan its own colour, by its place in the plan (the secretariat first).

    The same list gives the same colours on every page and in every session; two agencies of
    the list never share a colour, and none is a status colour.
    """
    order = list(dict.fromkeys(str(a) for a in acronyms_in_plan_order))
    palette = _agency_palette(len(order))
    return {a: palette[i] for i, a in enumerate(order)}


def agency_order(plan: Plan) -> list[str]:
    """The plan's agencies in its own order, the secretariat first, then the committee token."""
    table = plan.agencies
    if not len(table):
        return [COMMITTEE]
    acronyms = table["acronym"].astype(str).tolist()
    if "roles" in table.columns:
        secretariat = [
            a
            for a, roles in zip(acronyms, table["roles"], strict=True)
            if isinstance(roles, (list, tuple)) and Role.SECRETARIAT.value in roles
        ]
    else:
        secretariat = [
            a
            for a, role in zip(acronyms, table["role"], strict=True)
            if role == Role.SECRETARIAT.value
        ]
    return list(dict.fromkeys([*secretariat, *acronyms, COMMITTEE]))


def plan_agency_colors(plan: Plan) -> dict[str, str]:
    """`agency_colors` of the plan's agencies (theme's one rule for every chart and page)."""
    return agency_colors(agency_order(plan))


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

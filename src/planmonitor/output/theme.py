"""One palette and one plotly template for every chart.

Colours come from the Okabe-Ito palette, which stays distinguishable for the common forms of
colour blindness; each status has a FIXED colour so that "Retrasado" looks the same in the
Gantt, the bars and the history. Fonts are large because the committee reads the charts on a
projector.
"""

from __future__ import annotations

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
# so a chart coloured by agency is never read as one coloured by status (issues 9 and 10).
# Chosen by simulation, not by eye (tests/test_theme_colorblind.py): under normal vision and
# simulated protanopia, deuteranopia and tritanopia (daltonlens), every two of these, and each
# of them and every status colour, NO_LEAD_COLOR, UNDATED_COLOR, ACTUAL_COLOR and the white
# background, stay at least 10 CIE76 ΔE apart. The first ten are named palettes' colours that
# pass (Okabe-Ito's orange, the secretariat's; Paul Tol's muted, dark and light; colorbrewer),
# the rest the farthest colours of a 15-step sRGB grid, added while the bound held.
AGENCY_PALETTE: tuple[str, ...] = (
    OKABE_ITO["orange"],
    "#332288",  # Tol muted: indigo
    "#DDCC77",  # Tol muted: sand
    "#88CCEE",  # Tol muted: cyan
    "#225522",  # Tol dark: green
    "#663333",  # Tol dark: red
    "#785EF0",  # IBM: violet
    "#8C564B",  # brown
    "#5AAE61",  # colorbrewer: green
    "#9970AB",  # colorbrewer: purple
    "#870069",
    "#00FFB4",
    "#2D002D",
    "#0000E1",
    "#A5FF4B",
    "#96000F",
    "#C300E1",
    "#4B0F69",
    "#00005A",
    "#780FB4",
)
# Past len(AGENCY_PALETTE) agencies no further colour keeps the bound: the next round reuses
# the palette's hues, nudged by a unit or two (still an own colour), and its bars carry a
# pattern (agency_patterns) that tells the rounds apart.
AGENCY_PATTERNS: tuple[str, ...] = ("", "x", ".", "+", "-", "|")
# Bars of products without a lead agency: a dark grey no status and no agency uses.
NO_LEAD_COLOR = "#5E5E5E"
# The Gantt's «Real (según avances)» bars: the span read from the progress log.
ACTUAL_COLOR = TEXT_COLOR

# Sequential scale for counts (heatmaps, GCM tiles): white for zero up to the palette's blue.
SEQUENTIAL = [[0.0, "#FFFFFF"], [0.15, "#DCEBF5"], [0.5, "#6FA8D6"], [1.0, "#0B4F8A"]]
GAP_COLOR = OKABE_ITO["vermillion"]

BASE_FONT_SIZE = 16
TITLE_FONT_SIZE = 22
FONT_FAMILY = "Source Sans Pro, Segoe UI, Helvetica Neue, Arial, sans-serif"


def _nudge(color: str, step: int) -> str:
    """`color` with each channel moved `step` units (down where it would pass 255): an own
    colour that looks the same, so a round keeps the palette's distances."""
    rgb = [int(color[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{c + step if c + step <= 255 else c - step:02X}" for c in rgb)


def _agency_palette(n: int) -> list[tuple[str, str]]:
    """`n` (colour, pattern) pairs: the palette, then rounds of the same hues (nudged to an
    own colour), each round with the next pattern; never a status colour, never twice one."""
    seen = {*STATUS_COLORS.values(), NO_LEAD_COLOR, UNDATED_COLOR, ACTUAL_COLOR}
    styles: list[tuple[str, str]] = []
    size = len(AGENCY_PALETTE)
    while len(styles) < n:
        i = len(styles)
        rnd, base = divmod(i, size)
        color, step = AGENCY_PALETTE[base], rnd
        while color in seen:
            color, step = _nudge(AGENCY_PALETTE[base], step), step + 1
        seen.add(color)
        styles.append((color, AGENCY_PATTERNS[rnd % len(AGENCY_PATTERNS)]))
    return styles


def agency_colors(acronyms_in_plan_order: Iterable[str]) -> dict[str, str]:
    """Every agency of a plan its own colour, by its place in the plan (the secretariat first).

    The same list gives the same colours on every page and in every session; two agencies of
    the list never share a colour, and none is a status colour. Past len(AGENCY_PALETTE)
    agencies the colours alone are no longer colour-blind safe: agency_patterns says how
    those bars are patterned.
    """
    order = list(dict.fromkeys(str(a) for a in acronyms_in_plan_order))
    styles = _agency_palette(len(order))
    return {a: styles[i][0] for i, a in enumerate(order)}


def agency_patterns(acronyms_in_plan_order: Iterable[str]) -> dict[str, str]:
    """The plotly pattern shape of each agency's bars ("" for the first len(AGENCY_PALETTE)):
    with agency_colors, every agency of the list its own colour-blind-safe look."""
    order = list(dict.fromkeys(str(a) for a in acronyms_in_plan_order))
    styles = _agency_palette(len(order))
    return {a: styles[i][1] for i, a in enumerate(order)}


def agency_order(plan: Plan) -> list[str]:
    """The plan's agencies in its own order, the secretariat first, then the committee token."""
    table = plan.agencies
    if not len(table):
        return [COMMITTEE]
    acronyms = table["acronym"].astype(str).tolist()
    secretariat = [  # an agency may hold several roles (plans-as-data.md §2)
        a
        for a, roles in zip(acronyms, table["roles"], strict=True)
        if isinstance(roles, list | tuple) and Role.SECRETARIAT.value in roles
    ]
    return list(dict.fromkeys([*secretariat, *acronyms, COMMITTEE]))


def plan_agency_colors(plan: Plan) -> dict[str, str]:
    """`agency_colors` of the plan's agencies (theme's one rule for every chart and page)."""
    return agency_colors(agency_order(plan))


def plan_agency_patterns(plan: Plan) -> dict[str, str]:
    """`agency_patterns` of the plan's agencies, in the order of plan_agency_colors."""
    return agency_patterns(agency_order(plan))


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

"""Plotly figures of the dashboard: `build_*_figure(df, …, lang) -> go.Figure`.

Each builder takes a tidy DataFrame from `metrics`, checks it early with an exact ValueError
(the pages check for empty data first and show a message instead), and returns a figure in
the "planmonitor" template with titles, axes, legends and hover in the chosen language.

Workbook text is never trusted as markup: plotly renders a subset of HTML in text and hover,
so every piece of user text goes through `common._esc` (html.escape) before it reaches a
figure. One module per kind of chart (the Gantt on its own); callers use the package:
`from planmonitor.output import charts; charts.build_gantt_figure(...)`.
"""

from planmonitor.output.charts.bars import (
    build_agency_load_figure,
    build_completion_by_figure,
    build_status_by_figure,
    build_status_counts_figure,
)
from planmonitor.output.charts.common import LABEL_CHARS, ONE_DAY
from planmonitor.output.charts.compare import build_side_by_side_figure
from planmonitor.output.charts.gantt import GANTT_LEVELS, build_gantt_figure
from planmonitor.output.charts.gcm import ONLY_ALL_COLOR, ONLY_ALL_LINE, build_gcm_tiles_figure
from planmonitor.output.charts.heatmaps import build_heatmap_figure
from planmonitor.output.charts.history import build_history_figure

__all__ = [
    "GANTT_LEVELS",
    "LABEL_CHARS",
    "ONE_DAY",
    "ONLY_ALL_COLOR",
    "ONLY_ALL_LINE",
    "build_agency_load_figure",
    "build_completion_by_figure",
    "build_gantt_figure",
    "build_gcm_tiles_figure",
    "build_heatmap_figure",
    "build_history_figure",
    "build_side_by_side_figure",
    "build_status_by_figure",
    "build_status_counts_figure",
]

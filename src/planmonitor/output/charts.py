"""Plotly figures of the dashboard: `build_*_figure(df, …, lang) -> go.Figure`.

Each builder takes a tidy DataFrame from `metrics`, checks it early with an exact ValueError
(the pages check for empty data first and show a message instead), and returns a figure in
the "planmonitor" template with titles, axes, legends and hover in the chosen language.

Workbook text is never trusted as markup: plotly renders a subset of HTML in text and hover,
so every piece of user text goes through `_esc` (html.escape) before it reaches a figure.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd
import plotly.colors as pcolors
import plotly.graph_objects as go

from planmonitor.analysis.metrics import ALL_STATUSES, LEVELS, UNDATED_COLUMN, quarter_bounds
from planmonitor.i18n import (
    agency_label,
    fmt_date,
    fmt_percent,
    has_key,
    quarter_label,
    status_label,
    t,
)
from planmonitor.model import NO_REPORT, PLAN_END, PLAN_QUARTERS, PLAN_START, Status
from planmonitor.output import theme

ONE_DAY = pd.Timedelta(days=1)
LABEL_CHARS = 48
GANTT_LEVELS = ("product", "activity", "strategy")
# A GCM tile reached only through "Todos los objetivos": pale, dotted outline, never the blue
# of a specific link.
ONLY_ALL_COLOR = "#F2F2F2"
ONLY_ALL_LINE = "#6B6B6B"
_LEVEL_WORD = {
    "objective": "word.objective",
    "strategy": "word.strategy",
    "activity": "word.activity",
}


# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------
def _esc(value: Any) -> str:
    """User text made safe for plotly's HTML subset ("<script>" becomes "&lt;script&gt;")."""
    if value is None or (not isinstance(value, (list, tuple)) and pd.isna(value)):
        return ""
    return html.escape(str(value), quote=False)


def _truncate(text: str, limit: int = LABEL_CHARS) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _wrap(text: str, width: int = 60, max_lines: int = 4) -> str:
    """Escaped text broken into lines of about `width` characters joined by <br>."""
    words, lines, line = " ".join(str(text).split()).split(" "), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    if line:
        lines.append(line)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1].rstrip(".,;") + "…"
    return "<br>".join(_esc(x) for x in lines)


def _require(df: Any, columns: list[str] | tuple[str, ...], fn: str) -> None:
    """Early, exact checks: a non-empty DataFrame holding `columns`."""
    if not isinstance(df, pd.DataFrame):
        raise ValueError(
            f"{fn}: se esperaba un DataFrame / expected a DataFrame, got {type(df).__name__}"
        )
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise ValueError(f"{fn}: faltan columnas / missing columns: {', '.join(missing)}")
    if df.empty:
        raise ValueError(f"{fn}: el DataFrame está vacío / the DataFrame is empty")


def _choice(value: str, allowed: tuple[str, ...], name: str, fn: str) -> None:
    if value not in allowed:
        raise ValueError(
            f"{fn}: {name} no válido / invalid {name}: {value!r} ({', '.join(allowed)})"
        )


def _figure(title: str, height: int, traces: list[dict], **layout: Any) -> go.Figure:
    """One figure in our template, built and validated in one go.

    Traces, shapes and annotations are plain dicts handed over together: plotly validates
    each once, instead of re-validating every earlier shape on each add_shape/add_trace.
    """
    return go.Figure(
        data=traces,
        layout=dict(template=theme.register(), title=dict(text=title), height=height, **layout),
    )


def _agencies_text(values: Any, lang: str) -> str:
    if not isinstance(values, (list, tuple, set)) or not values:
        return "—"
    return ", ".join(_esc(agency_label(str(a), lang)) for a in values)


def _level_label(level: str, code: str, lang: str, names: Mapping[str, str] | None) -> str:
    label = f"{t(_LEVEL_WORD[level], lang)} {_esc(code)}"
    name = (names or {}).get(str(code), "")
    return f"{label} · {_esc(_truncate(name, 40))}" if name else label


def _ms(delta: pd.Timedelta) -> float:
    return delta.total_seconds() * 1000.0


# --------------------------------------------------------------------------------------------
# Gantt
# --------------------------------------------------------------------------------------------
def _aggregate_status(statuses: list[str]) -> str:
    """One status for a group of products (activity/strategy bars).

    Delayed wins (it is what the committee must see); all completed -> Completado; any
    progress -> En curso; otherwise No iniciado, then Sin reporte. Cancelled products are
    ignored unless all are cancelled.
    """
    active = [s for s in statuses if s != Status.CANCELLED.value]
    if not active:
        return Status.CANCELLED.value
    kinds = set(active)
    if Status.DELAYED.value in kinds:
        return Status.DELAYED.value
    if kinds == {Status.COMPLETED.value}:
        return Status.COMPLETED.value
    if kinds & {Status.IN_PROGRESS.value, Status.COMPLETED.value}:
        return Status.IN_PROGRESS.value
    if Status.NOT_STARTED.value in kinds:
        return Status.NOT_STARTED.value
    return NO_REPORT


def _gantt_rows(
    df: pd.DataFrame, lang: str, color_by: str, level: str, names: Mapping[str, str] | None
) -> pd.DataFrame:
    """One row per bar: label, hover, effective start/end, date kind, colour key."""
    start = pd.to_datetime(df["start"])
    end = pd.to_datetime(df["end"])
    kind = pd.Series("full", index=df.index)
    kind[start.isna() | end.isna()] = "partial"
    kind[start.isna() & end.isna()] = "none"
    s_eff = start.fillna(PLAN_START)
    e_eff = end.fillna(PLAN_END) + ONE_DAY  # the end day is included in the bar
    e_eff = e_eff.where(e_eff > s_eff, s_eff + ONE_DAY)
    no_lead = t("chart.gantt.no_lead", lang)

    def lead_key(leads: Any) -> str:
        return (
            agency_label(str(leads[0]), lang)
            if isinstance(leads, (list, tuple)) and leads
            else no_lead
        )

    rows = []
    if level == "product":
        # Plain lists: .iloc per row is what made this loop slow at network scale.
        starts, ends = start.tolist(), end.tolist()
        s_list, e_list, kinds = s_eff.tolist(), e_eff.tolist(), kind.tolist()
        words = {w: t(f"word.{w}", lang) for w in ("leads", "partners", "status")}
        for i, r in enumerate(df.itertuples(index=False)):
            label = f"{_esc(r.code)} {_esc(_truncate(r.name))}"
            lines = [
                f"<b>{_esc(r.code)}</b> {_wrap(r.name, 60, 3)}",
                f"{words['leads']}: {_agencies_text(getattr(r, 'leads', []), lang)}",
                f"{words['partners']}: {_agencies_text(getattr(r, 'partners', []), lang)}",
                f"{words['status']}: {status_label(r.status, lang)} · "
                f"{fmt_percent(r.percent, lang)}",
                t(
                    "chart.gantt.dates",
                    lang,
                    start=fmt_date(starts[i], lang),
                    end=fmt_date(ends[i], lang),
                ),
            ]
            k = kinds[i]
            if k == "none":
                lines.append(t("chart.gantt.undated_hover", lang))
            elif k == "partial":
                key = (
                    "chart.gantt.partial_start" if pd.isna(starts[i]) else "chart.gantt.partial_end"
                )
                lines.append(t(key, lang))
            comment = getattr(r, "last_comment", "")
            if isinstance(comment, str) and comment.strip():
                lines.append(t("chart.gantt.last_comment", lang, comment=_wrap(comment, 60, 3)))
            rows.append(
                {
                    "key": str(r.code),
                    "label": label,
                    "hover": "<br>".join(lines),
                    "start": s_list[i],
                    "end": e_list[i],
                    "kind": k,
                    "status": r.status,
                    "percent": float(r.percent),
                    "color": r.status
                    if color_by == "status"
                    else lead_key(getattr(r, "leads", [])),
                    "strategy": str(r.strategy),
                    "objective": str(getattr(r, "objective", "")),
                }
            )
        return pd.DataFrame(rows)

    # Group with plain lists (first appearance order, like groupby(sort=False)): a pandas
    # selection per group cost more than the rest of the figure at network scale.
    groups: dict[Any, list[int]] = {}
    for i, code in enumerate(df[level].tolist()):
        if not _missing(code):
            groups.setdefault(code, []).append(i)
    s_list, e_list, kinds = s_eff.tolist(), e_eff.tolist(), kind.tolist()
    all_statuses = [str(x) for x in df["status"].tolist()]
    percents = pd.to_numeric(df["percent"]).to_numpy(dtype=float, na_value=np.nan)
    strategies = df["strategy"].tolist()
    objectives = df["objective"].tolist() if "objective" in df.columns else [""] * len(df)
    all_leads = df["leads"].tolist() if "leads" in df.columns else [None] * len(df)
    for code, idx in groups.items():
        dated = [i for i in idx if kinds[i] != "none"]
        k = "none" if not dated else ("full" if all(kinds[i] == "full" for i in idx) else "partial")
        d_start = min(s_list[i] for i in dated) if dated else None
        d_end = max(e_list[i] for i in dated) if dated else None
        g_start = d_start if dated else PLAN_START
        g_end = d_end if dated else PLAN_END + ONE_DAY
        statuses = [all_statuses[i] for i in idx]
        status = _aggregate_status(statuses)
        counted = [i for i in idx if all_statuses[i] != Status.CANCELLED.value]
        percent = _nanmean(percents[counted or idx])
        n = len(idx)
        name = (names or {}).get(str(code), "")
        label = (
            _esc(f"{code} {_truncate(name, LABEL_CHARS - 14)}".strip())
            + f" ({t('n_products_one', lang) if n == 1 else t('n_products', lang, n=n)})"
        )
        summary = " · ".join(
            f"{status_label(s, lang)}: {statuses.count(s)}"
            for s in ALL_STATUSES
            if statuses.count(s)
        )
        lines = [
            f"<b>{_esc(code)}</b> {_wrap(name, 60, 3)}",
            summary,
            f"{t('word.percent', lang)}: {fmt_percent(percent, lang)}",
            t(
                "chart.gantt.dates",
                lang,
                start=fmt_date(d_start, lang),
                end=fmt_date(d_end - ONE_DAY if dated else None, lang),
            ),
        ]
        if k == "none":
            lines.append(t("chart.gantt.undated_hover", lang))
        elif k == "partial":
            lines.append(t("chart.gantt.partial", lang))
        leads = [
            x for i in idx if isinstance(all_leads[i], (list, tuple)) for x in all_leads[i][:1]
        ]
        color = (
            status
            if color_by == "status"
            else (agency_label(_mode(leads), lang) if leads else no_lead)
        )
        rows.append(
            {
                "key": str(code),
                "label": label,
                "hover": "<br>".join(lines),
                "start": g_start,
                "end": g_end,
                "kind": k,
                "status": status,
                "percent": percent,
                "color": color,
                "strategy": str(strategies[idx[0]]),
                "objective": str(objectives[idx[0]]),
            }
        )
    return pd.DataFrame(rows)


def _missing(value: Any) -> bool:
    return value is None or (not isinstance(value, (list, tuple)) and bool(pd.isna(value)))


def _nanmean(values: np.ndarray) -> float:
    """Mean ignoring NaN (as pandas' mean), NaN when nothing is left."""
    kept = values[~np.isnan(values)]
    return float(kept.mean()) if kept.size else float("nan")


def _mode(values: list[str]) -> str:
    """The most frequent value; among ties the smallest (as pandas' Series.mode()[0])."""
    counts = Counter(values)
    top = max(counts.values())
    return min(v for v, c in counts.items() if c == top)


def build_gantt_figure(
    products_with_status: pd.DataFrame,
    lang: str = "es",
    color_by: str = "status",
    today: pd.Timestamp | str | None = None,
    level: str = "product",
    markers: pd.DataFrame | None = None,
    names: Mapping[str, str] | None = None,
    group_rows: bool = False,
    group_names: Mapping[str, str] | None = None,
    today_note: bool = True,
) -> go.Figure:
    """The plan's timeline: one bar per product (or per activity/strategy), plan order.

    Products without dates are never dropped: they span the whole plan, pale and hatched in
    their colour (status or lead), under "Sin fechas en el plan". A product with only one date
    runs to the plan's bound and is hatched over its colour. `names` gives activity/strategy
    names for aggregate levels (metrics.level_names); `markers` (code, date, label) are drawn
    as symbols on the bars. `group_rows` makes the plan's grouping visible on a projector: a
    header row per strategy (per objective at strategy level) on a shaded band, named from
    `group_names`. A "today" outside the axis is said in the subtitle, not silently dropped
    (`today_note=False` when the page says it once above several charts).
    """
    fn = "build_gantt_figure"
    _require(
        products_with_status,
        ["code", "name", "strategy", "activity", "status", "percent", "start", "end"],
        fn,
    )
    _choice(color_by, ("status", "lead"), "color_by", fn)
    _choice(level, GANTT_LEVELS, "level", fn)
    df = products_with_status
    if "seq" in df.columns and df["seq"].notna().all():
        df = df.sort_values("seq", kind="stable")
    df = df.reset_index(drop=True)
    rows = _gantt_rows(df, lang, color_by, level, names)

    title_key = {
        "product": "chart.gantt.title",
        "activity": "chart.gantt.title_activity",
        "strategy": "chart.gantt.title_strategy",
    }[level]
    n_rows = len(rows)

    def bar(part: pd.DataFrame, name: str, color: str, undated: bool = False) -> dict:
        texts = [fmt_percent(p, lang) for p in part["percent"]]
        if undated:
            texts = [
                f"{t('chart.gantt.undated', lang)} · {status_label(s, lang)} · {x}"
                for s, x in zip(part["status"], texts, strict=True)
            ]
            # the hatch keeps the bar's colour (status or lead): status reads at a glance
            hatch = [colour_of[k] for k in part["color"]]
            pattern = dict(shape="/", fgcolor=hatch, fillmode="overlay", size=12, solidity=0.45)
        else:
            pattern = dict(
                shape=["/" if k == "partial" else "" for k in part["kind"]],
                fgcolor="#FFFFFF",
                fillmode="overlay",
                size=10,
            )
        return dict(
            type="bar",
            name=name,
            orientation="h",
            y=list(part["label"]),
            x=[_ms(e - s) for s, e in zip(part["start"], part["end"], strict=True)],
            base=[s.isoformat() for s in part["start"]],
            marker=dict(
                color=color,
                pattern=pattern,
                line=dict(color=hatch if undated else color, width=1.5 if undated else 1),
            ),
            text=texts,
            textposition="auto",
            insidetextanchor="start",
            hovertext=list(part["hover"]),
            hovertemplate="%{hovertext}<extra></extra>",
            cliponaxis=False,
        )

    traces: list[dict] = []
    dated = rows[rows["kind"] != "none"]
    undated = rows[rows["kind"] == "none"]
    if color_by == "status":
        groups = [(s, status_label(s, lang), theme.status_color(s)) for s in ALL_STATUSES]
    else:
        groups = [(c, _esc(c), theme.agency_color(c)) for c in dict.fromkeys(rows["color"])]
    colour_of = {key: color for key, _, color in groups}
    for key, name, color in groups:
        part = dated[dated["color"] == key]
        if len(part):
            traces.append(bar(part, name, color))
        elif (undated["color"] == key).any():  # only on undated bars: its colour still needs
            traces.append(_legend_only(name, dict(color=color)))  # a legend entry
    if len(undated):
        traces.append(
            {
                **bar(undated, t("chart.gantt.undated", lang), theme.UNDATED_COLOR, True),
                "legendgroup": "undated",
                "showlegend": False,
            }
        )
        traces.append(  # the legend shows the pale hatch itself, not the first bar's colour
            _legend_only(
                t("chart.gantt.undated", lang),
                dict(
                    color=theme.UNDATED_COLOR,
                    pattern=dict(shape="/", fgcolor=theme.UNDATED_LINE, fillmode="overlay"),
                    line=dict(color=theme.UNDATED_LINE, width=1),
                ),
                legendgroup="undated",
            )
        )
    if (rows["kind"] == "partial").any():
        traces.append(
            _legend_only(
                t("chart.gantt.partial", lang),
                dict(
                    color=theme.GREY, pattern=dict(shape="/", fgcolor="#FFFFFF", fillmode="overlay")
                ),
            )
        )

    if markers is not None:
        traces.extend(_gantt_markers(markers, df, rows, level, lang))

    x0 = min(PLAN_START, rows["start"].min())
    x1 = max(PLAN_END + ONE_DAY, rows["end"].max())
    shapes, xaxis = _quarter_axis(x0, x1, lang)
    group_level = "objective" if level == "strategy" else "strategy"
    annotations: list[dict] = []
    categories = list(rows["label"])
    yaxis: dict[str, Any] = {}
    if group_rows and rows[group_level].nunique() > 1:
        categories, headers = _group_rows(rows, group_level, lang, group_names)
        shapes += _group_bands(categories, headers)
        annotations += [
            dict(
                x=0,
                xref="paper",
                xanchor="left",
                y=cat,
                yref="y",
                text=text,
                showarrow=False,
                font=dict(size=theme.BASE_FONT_SIZE + 1, color=theme.TEXT_COLOR),
                bgcolor="rgba(255,255,255,0.85)",
            )
            for cat, text in headers.items()
        ]
        # a header's own tick stays blank: its name is written across the band
        yaxis = dict(
            tickmode="array",
            tickvals=categories,
            ticktext=["" if c in headers else c for c in categories],
        )
        n_rows = len(categories)
    else:
        shapes += _strategy_separators(rows)
    if today is None:
        today = pd.Timestamp.today().normalize()
    today = pd.Timestamp(today)
    subtitle = ""
    if not x0 <= today <= x1:
        if today_note:
            subtitle = t("chart.gantt.today_outside", lang, date=fmt_date(today, lang))
    else:
        shapes.append(
            dict(
                type="line",
                x0=today,
                x1=today,
                xref="x",
                y0=0,
                y1=1,
                yref="paper",
                line=dict(color=theme.TEXT_COLOR, width=2, dash="dash"),
                layer="above",
            )
        )
        annotations.append(
            dict(
                x=today,
                y=1,
                xref="x",
                yref="paper",
                yanchor="bottom",
                text=t("chart.gantt.today", lang, date=fmt_date(today, lang)),
                showarrow=False,
                font=dict(size=theme.BASE_FONT_SIZE),
            )
        )
    fig = _figure(
        t(title_key, lang),
        max(420, 210 + 34 * n_rows + (30 if subtitle else 0)),
        traces,
        xaxis=xaxis,
        yaxis=dict(
            type="category",
            categoryorder="array",
            categoryarray=categories,
            autorange="reversed",
            title=None,
            showgrid=False,
            **yaxis,
        ),
        shapes=shapes,
        annotations=annotations,
        barmode="overlay",
        # Below the plot, in the figure's own margin: at the top a legend that wraps to a
        # second row ran into the title's subtitle (the "today" note).
        legend=dict(
            orientation="h", yref="container", yanchor="bottom", y=0.01, x=0, xanchor="left"
        ),
        margin=dict(t=120 if subtitle else 90, b=120),
    )
    if subtitle:
        fig.layout.title.subtitle = dict(
            text=subtitle, font=dict(size=theme.BASE_FONT_SIZE, color=theme.TEXT_COLOR)
        )
    return fig


def _legend_only(name: str, marker: dict, **extra: Any) -> dict:
    """A legend entry with no bar (e.g. "Fechas incompletas", a colour seen only hatched)."""
    return dict(
        type="bar",
        name=name,
        orientation="h",
        x=[None],
        y=[None],
        marker=marker,
        hoverinfo="skip",
        **extra,
    )


def _group_rows(
    rows: pd.DataFrame, level: str, lang: str, names: Mapping[str, str] | None
) -> tuple[list[str], dict[str, str]]:
    """The y categories with a header row before each strategy (objective): the header's
    category (a run of zero-width spaces, unique and never a bar label) -> its bold text."""
    categories: list[str] = []
    headers: dict[str, str] = {}
    previous = None
    for label, group in zip(rows["label"], rows[level], strict=True):
        if group != previous:
            key = "\u200b" * (len(headers) + 1)
            name = (names or {}).get(str(group), "")
            text = f"<b>{t(_LEVEL_WORD[level], lang)} {_esc(group)}</b>"
            headers[key] = f"{text} · {_esc(_truncate(name, 70))}" if name else text
            categories.append(key)
            previous = group
        categories.append(label)
    return categories, headers


def _group_bands(categories: list[str], headers: Mapping[str, str]) -> list[dict]:
    """Every other group on a light band, and a line above each header."""
    starts = [i for i, c in enumerate(categories) if c in headers] + [len(categories)]
    shapes = []
    for n, (a, b) in enumerate(zip(starts, starts[1:], strict=False)):
        if n % 2 == 0:
            shapes.append(
                dict(
                    type="rect", xref="paper", x0=0, x1=1, yref="y", y0=a - 0.5, y1=b - 0.5,
                    layer="below", line=dict(width=0), fillcolor="rgba(11,79,138,0.07)",
                )
            )  # fmt: skip
        if a:
            shapes.append(
                dict(
                    type="line", xref="paper", x0=0, x1=1, yref="y", y0=a - 0.5, y1=a - 0.5,
                    layer="below", line=dict(color="#6B6B6B", width=1.5),
                )
            )  # fmt: skip
    return shapes


def _quarter_axis(x0: pd.Timestamp, x1: pd.Timestamp, lang: str) -> tuple[list[dict], dict]:
    """Quarter gridlines (heavier at years) and quarter labels centred in each quarter.

    Returns the gridline shapes and the x axis, set on the figure in one go (plotly
    re-validates every shape on each add_shape).
    """
    ticks, labels, shapes = [], [], []
    for q in PLAN_QUARTERS:
        qs, qe = quarter_bounds(q)
        ticks.append(qs + (qe + ONE_DAY - qs) / 2)
        labels.append(quarter_label(q, lang))
        if x0 <= qs <= x1:
            year_start = qs.month == 1
            shapes.append(
                dict(
                    type="line",
                    x0=qs,
                    x1=qs,
                    xref="x",
                    y0=0,
                    y1=1,
                    yref="paper",
                    layer="below",
                    line=dict(
                        color="#808080" if year_start else theme.GRID_COLOR,
                        width=2 if year_start else 1,
                    ),
                )
            )
    shapes.append(
        dict(
            type="line",
            x0=PLAN_END + ONE_DAY,
            x1=PLAN_END + ONE_DAY,
            xref="x",
            y0=0,
            y1=1,
            yref="paper",
            layer="below",
            line=dict(color="#808080", width=2),
        )
    )
    xaxis = dict(
        type="date",
        range=[x0, x1],
        tickmode="array",
        tickvals=ticks,
        ticktext=labels,
        showgrid=False,
        title=None,
        ticks="",
    )
    return shapes, xaxis


def _strategy_separators(rows: pd.DataFrame) -> list[dict]:
    """A thin line where the strategy changes, so the grouping reads on a projector."""
    strategies = list(rows["strategy"])
    return [
        dict(
            type="line",
            xref="paper",
            x0=0,
            x1=1,
            yref="y",
            y0=i - 0.5,
            y1=i - 0.5,
            layer="below",
            line=dict(color="#9A9A9A", width=1),
        )
        for i in range(1, len(strategies))
        if strategies[i] != strategies[i - 1]
    ]


def _gantt_markers(
    markers: pd.DataFrame,
    df: pd.DataFrame,
    rows: pd.DataFrame,
    level: str,
    lang: str,
) -> list[dict]:
    fn = "build_gantt_figure"
    if not isinstance(markers, pd.DataFrame):
        raise ValueError(f"{fn}: markers debe ser un DataFrame / markers must be a DataFrame")
    missing = [c for c in ("code", "date", "label") if c not in markers.columns]
    if missing:
        raise ValueError(
            f"{fn}: faltan columnas en markers / missing columns in markers: {', '.join(missing)}"
        )
    to_key = dict(
        zip(
            df["code"].astype(str),
            df["code"].astype(str) if level == "product" else df[level].astype(str),
            strict=True,
        )
    )
    label_of = dict(zip(rows["key"], rows["label"], strict=True))
    xs, ys, texts = [], [], []
    for m in markers.itertuples(index=False):
        key = to_key.get(str(m.code))
        if key is None or pd.isna(m.date):
            continue
        xs.append(pd.Timestamp(m.date).isoformat())
        ys.append(label_of[key])
        texts.append(f"<b>{_esc(m.code)}</b> · {fmt_date(m.date, lang)}<br>{_wrap(m.label)}")
    if not xs:
        return []
    return [
        dict(
            type="scatter",
            name=t("chart.gantt.marker", lang),
            x=xs,
            y=ys,
            mode="markers",
            marker=dict(
                symbol="diamond",
                size=14,
                color=theme.TEXT_COLOR,
                line=dict(color="#FFFFFF", width=2),
            ),
            hovertext=texts,
            hovertemplate="%{hovertext}<extra></extra>",
        )
    ]


# --------------------------------------------------------------------------------------------
# Bars
# --------------------------------------------------------------------------------------------
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


# --------------------------------------------------------------------------------------------
# Heatmap and GCM tiles
# --------------------------------------------------------------------------------------------
def _axis_label(value: Any, lang: str, agencies: pd.DataFrame | None) -> str:
    text = str(value)
    if text == UNDATED_COLUMN:
        return t("word.undated", lang)
    if text in PLAN_QUARTERS:
        return quarter_label(text, lang)
    return _esc(agency_label(text, lang, agencies))


def build_heatmap_figure(
    matrix: pd.DataFrame,
    title_key: str,
    lang: str = "es",
    x_title_key: str | None = None,
    y_title_key: str | None = None,
    agencies: pd.DataFrame | None = None,
) -> go.Figure:
    """A counts matrix (agency × quarter / strategy, co-occurrence, strategy × GCM).

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
            title=t(x_title_key, lang) if x_title_key else None,
        ),
        yaxis=dict(
            type="category",
            autorange="reversed",
            showgrid=False,
            title=t(y_title_key, lang) if y_title_key else None,
        ),
    )
    # the x labels sit on top: the title must push the plot down, not be drawn over them
    fig.layout.title.update(automargin=True, yref="container", y=1, yanchor="top", pad=dict(t=8))
    return fig


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


def build_gcm_tiles_figure(coverage: pd.DataFrame, lang: str = "es", per_row: int = 7) -> go.Figure:
    """The 23 GCM objectives as a grid of tiles (7 per row, like the plan's grid).

    Colour grows with the products that NAME the objective: a product saying "Todos los
    objetivos" would make every tile look covered, so its links are written apart on the tile
    ("0 específicos · 5 vía «Todos»") and a tile reached only that way stays pale and dotted.
    When `n` leaves them out (the page's toggle), they are not mentioned. An objective no
    product covers is white, outlined and hatched in vermillion, and says "sin cobertura".
    """
    fn = "build_gcm_tiles_figure"
    _require(coverage, ["number", "label_es", "title_en", "n"], fn)
    df = coverage.sort_values("number", kind="stable").reset_index(drop=True)
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
        texts.append(f"<b>{int(r.number)}</b><br>{_wrap(label, 17, 4)}<br><i>{count_text}</i>")
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
            textfont=dict(size=15, color=text_colors),
            hovertext=hovers,
            hovertemplate="%{hovertext}<extra></extra>",
            showlegend=False,
        )
    )
    hidden = dict(
        showgrid=False, zeroline=False, showticklabels=False, showline=False, ticks="", title=None
    )
    return _figure(
        t("chart.gcm_tiles.title", lang),
        120 + 175 * n_rows,
        traces,
        xaxis=dict(range=[0, per_row], fixedrange=True, **hidden),
        yaxis=dict(range=[-n_rows, 0], fixedrange=True, **hidden),
        shapes=shapes,
        legend=dict(orientation="h", y=1.02, yanchor="bottom", x=0, xanchor="left"),
        margin=dict(t=110),
        showlegend=has_legend,
    )


# --------------------------------------------------------------------------------------------
# History
# --------------------------------------------------------------------------------------------
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
        xaxis=dict(type="date", title=None),
        yaxis=dict(range=[0, 105], title=t("word.percent", lang), dtick=20),
        legend=dict(orientation="h", y=1.02, yanchor="bottom", x=0, xanchor="left"),
        margin=dict(t=110),
    )

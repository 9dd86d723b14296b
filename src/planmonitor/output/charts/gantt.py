"""The Gantt chart (Cronograma, the report's timeline): one bar per product, activity or
strategy, coloured by status, with the quarters on top and the month's change markers."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from planmonitor.analysis import describe
from planmonitor.analysis.metrics import ALL_STATUSES, quarter_bounds
from planmonitor.i18n import agency_label, fmt_date, fmt_percent, quarter_label, status_label, t
from planmonitor.model import NO_REPORT, Status
from planmonitor.output import theme
from planmonitor.output.charts.common import (
    _LEVEL_WORD,
    LABEL_CHARS,
    ONE_DAY,
    _agencies_text,
    _choice,
    _esc,
    _figure,
    _ms,
    _require,
    _truncate,
    _wrap,
)

GANTT_LEVELS = ("product", "activity", "strategy", "objective")


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


def _plan_line(start: Any, end: Any, lang: str) -> str:
    """The hover's plan dates: never «— – —» (issue 10)."""
    if pd.isna(start) and pd.isna(end):
        return t("chart.gantt.plan_undated", lang)
    none = t("chart.gantt.no_date", lang)
    return t(
        "chart.gantt.dates",
        lang,
        start=none if pd.isna(start) else fmt_date(start, lang),
        end=none if pd.isna(end) else fmt_date(end, lang),
    )


def _actual_line(start: Any, end: Any, ongoing: bool, lang: str) -> str:
    """The hover's actual span (analysis.spans), `end` the last day."""
    if pd.isna(start):
        return t("chart.gantt.actual_none", lang)
    key = "chart.gantt.actual_ongoing" if ongoing else "chart.gantt.actual"
    return t(key, lang, start=fmt_date(start, lang), end=fmt_date(end, lang))


def _actual_columns(df: pd.DataFrame) -> tuple[list, list, list]:
    """The actual span's start, last day and ongoing flag per row (NaT/False without)."""
    if "actual_start" not in df.columns:
        return [pd.NaT] * len(df), [pd.NaT] * len(df), [False] * len(df)
    return (
        pd.to_datetime(df["actual_start"]).tolist(),
        pd.to_datetime(df["actual_end"]).tolist(),
        [bool(x) for x in df["actual_ongoing"].fillna(False).tolist()],
    )


def _gantt_rows(
    df: pd.DataFrame,
    lang: str,
    color_by: str,
    level: str,
    names: Mapping[str, str] | None,
    period: tuple[pd.Timestamp, pd.Timestamp],
) -> pd.DataFrame:
    """One row per bar: label, hover, effective start/end, date kind, colour key, and the
    actual span when `df` has it (a_start, a_end: drawn end, a day after the last).

    A missing bound is the plan's own (`period`): an undated product spans the plan."""
    plan_start, plan_end = period
    has_actual = "actual_start" in df.columns
    a_starts, a_ends, a_ongoing = _actual_columns(df)
    start = pd.to_datetime(df["start"])
    end = pd.to_datetime(df["end"])
    kind = pd.Series("full", index=df.index)
    kind[start.isna() | end.isna()] = "partial"
    kind[start.isna() & end.isna()] = "none"
    s_eff = start.fillna(plan_start)
    e_eff = end.fillna(plan_end) + ONE_DAY  # the end day is included in the bar
    e_eff = e_eff.where(e_eff > s_eff, s_eff + ONE_DAY)
    no_lead = t("chart.gantt.no_lead", lang)

    def lead_key(leads: Any) -> str:
        return (
            agency_label(str(leads[0]), lang)
            if isinstance(leads, (list, tuple)) and leads
            else no_lead
        )

    def lead_of(leads: Any) -> str:
        """The first lead's own acronym (its colour's key), "" without lead."""
        return str(leads[0]) if isinstance(leads, (list, tuple)) and leads else ""

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
                _plan_line(starts[i], ends[i], lang),
            ]
            if has_actual:
                lines.append(_actual_line(a_starts[i], a_ends[i], a_ongoing[i], lang))
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
                    "lead": lead_of(getattr(r, "leads", [])),
                    "strategy": str(r.strategy),
                    "objective": str(getattr(r, "objective", "")),
                    "a_start": a_starts[i],
                    "a_end": a_ends[i] + ONE_DAY if pd.notna(a_ends[i]) else pd.NaT,
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
        g_start = d_start if dated else plan_start
        g_end = d_end if dated else plan_end + ONE_DAY
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
            _plan_line(d_start, d_end - ONE_DAY if dated else None, lang),
        ]
        spanned = [i for i in idx if pd.notna(a_starts[i])]
        g_a_start = min(a_starts[i] for i in spanned) if spanned else pd.NaT
        g_a_end = max(a_ends[i] for i in spanned) if spanned else pd.NaT
        if has_actual:
            ongoing = any(a_ongoing[i] for i in spanned)
            lines.append(_actual_line(g_a_start, g_a_end, ongoing, lang))
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
                "lead": str(_mode(leads)) if leads else "",
                "strategy": str(strategies[idx[0]]),
                "objective": str(objectives[idx[0]]),
                "a_start": g_a_start,
                "a_end": g_a_end + ONE_DAY if spanned else pd.NaT,
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
    period: tuple[pd.Timestamp, pd.Timestamp] | None = None,
    agency_colors: Mapping[str, str] | None = None,
    agency_patterns: Mapping[str, str] | None = None,
    window: tuple[pd.Timestamp, pd.Timestamp] | None = None,
    group_word: str | None = None,
) -> go.Figure:
    """The plan's timeline: one bar per product (or per activity/strategy/objective), plan
    order.

    Products without dates are never dropped: they span the whole plan, pale and hatched in
    their colour (status or lead), under "Sin fechas en el plan". A product with only one date
    runs to the plan's bound and is hatched over its colour. The text of a hatched bar sits on
    its own white box, so the hatching never crosses it. `names` gives activity/strategy
    names for aggregate levels (metrics.level_names); `markers` (code, date, label) are drawn
    as symbols on the bars. `group_rows` makes the plan's grouping visible on a projector: a
    header row per strategy (per objective at strategy level) on a shaded band, named from
    `group_names`; a plan of three levels (no strategies) is grouped by its objectives, under
    `group_word` (the plan's own word for the level) when given.
    A "today" outside the axis is said in the subtitle, not silently dropped
    (`today_note=False` when the page says it once above several charts).

    With the columns of `spans.with_actual` (actual_start, actual_end, actual_ongoing) each row
    gets a second, thin bar under the plan's: the span the progress log shows (issue 10), in
    the legend as «Real (según avances)» beside «Plan».

    `period` is the plan's own (first, last day; `plan.info`): the axis covers it (widened to
    any product dated outside it) and undated bars span it; without it, the products' dates.
    `window` (first, last day; spans.period_window of the period filter) zooms the axis to it.
    The quarters are on top, where a tall chart still shows them without scrolling.
    `agency_colors` / `agency_patterns` (theme.plan_agency_colors / plan_agency_patterns)
    keep each lead's look the same on every page.
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
    if period is None:
        period = describe.span(None, df["start"], df["end"])
    period = (pd.Timestamp(period[0]).normalize(), pd.Timestamp(period[1]).normalize())
    rows = _gantt_rows(df, lang, color_by, level, names, period)
    has_actual = "actual_start" in df.columns
    # with the actual span: the plan's bar on the upper part of the row, the actual below
    plan_lane = dict(width=0.5, offset=-0.42) if has_actual else {}
    text_shift = -0.17 if has_actual else 0.0  # the plan bar's centre, in rows

    title_key = {
        "product": "chart.gantt.title",
        "activity": "chart.gantt.title_activity",
        "strategy": "chart.gantt.title_strategy",
        "objective": "chart.gantt.title_objective",
    }[level]
    n_rows = len(rows)
    hatched_texts: list[tuple[str, pd.Timestamp, str]] = []  # (label, start, text)

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
                shape=[
                    "/" if k == "partial" else pattern_of.get(c, "")
                    for k, c in zip(part["kind"], part["color"], strict=True)
                ],
                fgcolor="#FFFFFF",
                fillmode="overlay",
                size=10,
            )
        # a hatched bar's text goes on a white box (an annotation): never under the hatching
        hatched = [undated or k == "partial" for k in part["kind"]]
        hatched_texts.extend(
            (label, start, text)
            for label, start, text, h in zip(
                part["label"], part["start"], texts, hatched, strict=True
            )
            if h
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
            text=["" if h else x for x, h in zip(texts, hatched, strict=True)],
            textposition="auto",
            insidetextanchor="start",
            hovertext=list(part["hover"]),
            hovertemplate="%{hovertext}<extra></extra>",
            cliponaxis=False,
            **plan_lane,
        )

    traces: list[dict] = []
    dated = rows[rows["kind"] != "none"]
    undated = rows[rows["kind"] == "none"]
    pattern_of: dict[str, str] = {}
    if color_by == "status":
        groups = [(s, status_label(s, lang), theme.status_color(s)) for s in ALL_STATUSES]
    else:
        leads = dict(zip(rows["color"], rows["lead"], strict=True))  # label -> acronym
        colors = dict(agency_colors or {})
        patterns = dict(agency_patterns or {})
        missing = [a for a in dict.fromkeys(leads.values()) if a and a not in colors]
        if missing:  # leads the given colours do not know: their own, after the plan's
            extra = theme.agency_colors([*colors, *missing])
            extra_patterns = theme.agency_patterns([*colors, *missing])
            colors.update({a: extra[a] for a in missing})
            patterns.update({a: extra_patterns[a] for a in missing})
        groups = [
            (c, _esc(c), colors[leads[c]] if leads[c] else theme.NO_LEAD_COLOR)
            for c in dict.fromkeys(rows["color"])
        ]
        pattern_of = {c: patterns.get(leads[c], "") for c in leads if leads[c]}
    colour_of = {key: color for key, _, color in groups}
    for key, name, color in groups:
        part = dated[dated["color"] == key]
        if len(part):
            traces.append(bar(part, name, color))
        elif (undated["color"] == key).any():  # only on undated bars: its colour still needs
            marker = dict(color=color)  # a legend entry
            if pattern_of.get(key):
                marker["pattern"] = dict(shape=pattern_of[key], fgcolor="#FFFFFF")
            traces.append(_legend_only(name, marker))
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
    if has_actual:
        traces.extend(_actual_traces(rows, lang))

    if markers is not None:
        traces.extend(_gantt_markers(markers, df, rows, level, lang))

    x0 = min(period[0], rows["start"].min())
    x1 = max(period[1] + ONE_DAY, rows["end"].max())
    if has_actual and rows["a_end"].notna().any():
        x0 = min(x0, rows["a_start"].min())
        x1 = max(x1, rows["a_end"].max())
    if window is not None:
        x0, x1 = pd.Timestamp(window[0]).normalize(), pd.Timestamp(window[1]).normalize() + ONE_DAY
    shapes, xaxis = _quarter_axis(x0, x1, lang, period[1])
    group_level = _group_level(rows, level)
    annotations: list[dict] = []
    categories = list(rows["label"])
    yaxis: dict[str, Any] = {}
    if group_rows and group_level and rows[group_level].nunique() > 1:
        categories, headers = _group_rows(rows, group_level, lang, group_names, group_word)
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
    elif group_level:
        shapes += _strategy_separators(rows, group_level)
    position = {c: i for i, c in enumerate(categories)}
    annotations += [
        dict(
            x=max(start, x0).isoformat(),
            xref="x",
            xanchor="left",
            xshift=4,
            y=position[label] + text_shift,
            yref="y",
            text=text,
            showarrow=False,
            font=dict(size=theme.BASE_FONT_SIZE - 2, color=theme.TEXT_COLOR),
            bgcolor="rgba(255,255,255,0.92)",
            borderpad=1,
        )
        for label, start, text in hatched_texts
        if text and start < x1
    ]
    if today is None:
        today = pd.Timestamp.today().normalize()
    today = pd.Timestamp(today)
    subtitle = ""
    if not x0 <= today <= x1:
        if today_note and window is None:
            subtitle = t(
                "chart.gantt.today_outside",
                lang,
                date=fmt_date(today, lang),
                period=describe.days_text(period[0], period[1], lang),
            )
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
                y=0,
                xref="x",
                yref="paper",
                yanchor="top",
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
        # second row ran into the title's subtitle (the "today" note) and the quarter axis.
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


def _actual_traces(rows: pd.DataFrame, lang: str) -> list[dict]:
    """The actual spans as one thin bar trace under the plan's bars, and the legend's «Plan»
    entry (an outlined bar: the plan's bars are coloured by status or lead)."""
    spanned = rows[rows["a_start"].notna()]
    plan_entry = _legend_only(
        t("chart.gantt.legend_plan", lang),
        dict(color="#FFFFFF", line=dict(color=theme.TEXT_COLOR, width=2)),
        legendgroup="plan",
    )
    actual = dict(
        type="bar",
        name=t("chart.gantt.legend_actual", lang),
        legendgroup="actual",
        showlegend=True,
        orientation="h",
        y=list(spanned["label"]),
        x=[_ms(e - s) for s, e in zip(spanned["a_start"], spanned["a_end"], strict=True)],
        base=[pd.Timestamp(s).isoformat() for s in spanned["a_start"]],
        width=0.24,
        offset=0.12,
        marker=dict(color=theme.ACTUAL_COLOR, line=dict(color=theme.ACTUAL_COLOR, width=0)),
        hovertext=list(spanned["hover"]),
        hovertemplate="%{hovertext}<extra></extra>",
        cliponaxis=False,
    )
    if not len(spanned):  # nothing reported under way yet: the legend still says what it is
        actual = {**actual, "x": [None], "y": [None], "base": None, "hoverinfo": "skip"}
        actual.pop("hovertext")
        actual.pop("hovertemplate")
    return [plan_entry, actual]


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


def _group_level(rows: pd.DataFrame, level: str) -> str | None:
    """The level whose rows are grouped under a header: the objective of a strategy, the
    strategy of a product or activity (its objective in a plan without strategies), none for
    an objective."""
    if level == "objective":
        return None
    if level == "strategy" or not rows["strategy"].astype(str).ne("").any():
        return "objective"
    return "strategy"


def _group_rows(
    rows: pd.DataFrame,
    level: str,
    lang: str,
    names: Mapping[str, str] | None,
    word: str | None = None,
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
            text = f"<b>{_esc(word or t(_LEVEL_WORD[level], lang))} {_esc(group)}</b>"
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


def _quarter_axis(
    x0: pd.Timestamp, x1: pd.Timestamp, lang: str, plan_end: pd.Timestamp
) -> tuple[list[dict], dict]:
    """Quarter gridlines (heavier at years) and quarter labels centred in each quarter, over
    the axis (the plan's period and any product outside it); a heavier line ends the plan.

    Returns the gridline shapes and the x axis, set on the figure in one go (plotly
    re-validates every shape on each add_shape).
    """
    ticks, labels, shapes = [], [], []
    for q in describe.quarters_between(x0, x1 - ONE_DAY):
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
            x0=plan_end + ONE_DAY,
            x1=plan_end + ONE_DAY,
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
        side="top",  # on top: a tall chart's axis is seen without scrolling (issue 10)
    )
    return shapes, xaxis


def _strategy_separators(rows: pd.DataFrame, level: str = "strategy") -> list[dict]:
    """A thin line where the strategy (`level`) changes, so the grouping reads on a projector."""
    strategies = list(rows[level])
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

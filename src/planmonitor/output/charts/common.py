"""Helpers shared by the chart modules: escaping, label shortening, input checks, the
figure frame in the "planmonitor" template."""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from planmonitor.i18n import agency_label, t
from planmonitor.output import theme

ONE_DAY = pd.Timedelta(days=1)
LABEL_CHARS = 48
_LEVEL_WORD = {
    "objective": "word.objective",
    "strategy": "word.strategy",
    "activity": "word.activity",
}


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

"""Writing workbooks with openpyxl.

Used by the bundled-data build script, the template, the downloads and the store. Two
promises: user text is always written as text (never a formula, whatever it starts with), and
the same input gives byte-identical files (fixed document timestamps and zip entry times), so
the committed workbooks can be checked against a fresh build.
"""

from __future__ import annotations

import datetime as dt
import io
import math
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import IO, Any
from zipfile import ZIP_DEFLATED, ZipFile, ZipInfo

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.writer.excel import ExcelWriter

from planmonitor import model
from planmonitor.model import Plan

# Fixed so that a rebuild of unchanged data gives the same bytes.
FIXED_TIMESTAMP = dt.datetime(2023, 1, 1, 0, 0, 0)
_ZIP_TIME = (2023, 1, 1, 0, 0, 0)

# The monthly report workbook's document subject: «planmonitor monthly report YYYY-MM»; the
# reader recognises a report workbook by it (reading.workbook.report_month, issue 11 §4).
REPORT_SUBJECT = "planmonitor monthly report {month}"

DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
MIN_WIDTH = 8
MAX_WIDTH = 60
LIST_SEPARATOR = ", "
YES = "Sí"
ALL_GCM = "Todos"

_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDE6F0")
_TITLE_FONT = Font(bold=True, size=12, color="9C0006")


def write_workbook(
    sheets: Mapping[str, pd.DataFrame],
    dest: str | Path | IO[bytes] | None = None,
    *,
    title_rows: Mapping[str, list[str]] | None = None,
    subject: str = "",
) -> bytes:
    """Write one sheet per DataFrame (columns = Spanish headers) and return the xlsx bytes.

    `title_rows[sheet]` lines go above the header (e.g. a "fictitious data" warning); the
    loader skips them. Strings are forced to text cells so "=1+1" or "@x" typed by a user
    never becomes a formula when the file is opened again. `dest`, when given, also receives
    the bytes (a path or a binary file object). `subject` goes to the document's properties
    (the monthly report marks itself there, see REPORT_SUBJECT).
    """
    wb = Workbook()
    wb.remove(wb.active)
    titles_by_sheet = title_rows or {}
    for name, df in sheets.items():
        _write_sheet(wb.create_sheet(title=name), df, titles_by_sheet.get(name, []))
    if not wb.worksheets:  # an xlsx needs at least one sheet
        wb.create_sheet(title="Hoja1")
    props = wb.properties
    props.creator = "planmonitor"
    props.lastModifiedBy = "planmonitor"
    props.created = FIXED_TIMESTAMP
    props.modified = FIXED_TIMESTAMP
    if subject:
        props.subject = subject

    buf = io.BytesIO()
    # ExcelWriter directly: openpyxl's save_workbook() stamps `modified` with the clock.
    ExcelWriter(wb, ZipFile(buf, "w", ZIP_DEFLATED, allowZip64=True)).save()
    data = _fix_zip_times(buf.getvalue())
    if dest is not None:
        if isinstance(dest, str | Path):
            Path(dest).write_bytes(data)
        else:
            dest.write(data)
    return data


def _write_sheet(ws: Any, df: pd.DataFrame, titles: Iterable[str]) -> None:
    row = 0
    for text in titles:
        row += 1
        cell = ws.cell(row=row, column=1)
        write_cell(cell, text)
        cell.font = _TITLE_FONT
    row += 1
    header_row = row
    widths: list[int] = []
    for col, header in enumerate(df.columns, start=1):
        cell = ws.cell(row=header_row, column=col)
        write_cell(cell, str(header))
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
        widths.append(len(str(header)))
    for values in df.itertuples(index=False, name=None):
        row += 1
        for col, raw in enumerate(values, start=1):
            value = _cell_value(raw)
            if value is None:
                continue
            cell = ws.cell(row=row, column=col)
            write_cell(cell, value)
            widths[col - 1] = max(widths[col - 1], _display_len(value))
    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = min(
            max(width + 2, MIN_WIDTH), MAX_WIDTH
        )
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)


def write_cell(cell: Any, value: Any) -> None:
    """Write one value into an openpyxl cell, the one way every workbook of planmonitor does.

    User text is always text: "=1+1" stays the characters =1+1 (never a formula, whatever it
    starts with), with the characters XML cannot hold removed. Dates get a date format (with
    the time when there is one); None, NaN and NaT leave the cell empty; a value of any other
    type is written as its text.
    """
    if _is_missing(value):
        return
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    if isinstance(value, dt.datetime):
        cell.value = value
        has_time = (value.hour, value.minute, value.second, value.microsecond) != (0, 0, 0, 0)
        cell.number_format = DATETIME_FORMAT if has_time else DATE_FORMAT
    elif isinstance(value, dt.date):
        cell.value = value
        cell.number_format = DATE_FORMAT
    elif isinstance(value, bool | int | float):
        cell.value = value
    else:
        cell.value = ILLEGAL_CHARACTERS_RE.sub("", str(value))
        # After assigning: openpyxl marks text starting with "=" as a formula.
        cell.data_type = "s"


def _cell_value(value: Any) -> Any:
    """A pandas/numpy value -> what openpyxl should store (None for an empty cell)."""
    if isinstance(value, list | tuple | set | frozenset | np.ndarray):
        items = [str(v) for v in value if not _is_missing(v)]
        return LIST_SEPARATOR.join(items) if items else None
    if _is_missing(value):
        return None
    if isinstance(value, str):
        return value if value != "" else None
    if isinstance(value, bool | np.bool_):
        return bool(value)
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, float | np.floating):
        return float(value)
    if isinstance(value, int):
        return value
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None)
    if isinstance(value, dt.date):
        return value
    return str(value)


def _is_missing(value: Any) -> bool:
    if value is None or value is pd.NaT or value is pd.NA:
        return True
    if isinstance(value, float | np.floating):
        return math.isnan(value)
    if isinstance(value, np.datetime64):
        return bool(np.isnat(value))
    return False


def _display_len(value: Any) -> int:
    if isinstance(value, dt.datetime | dt.date):
        return 10
    text = str(value)
    return max((len(line) for line in text.splitlines()), default=0)


def _fix_zip_times(data: bytes) -> bytes:
    """Rewrite the zip with fixed entry times (zipfile stamps entries with the clock)."""
    out = io.BytesIO()
    with ZipFile(io.BytesIO(data)) as src, ZipFile(out, "w", ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = ZipInfo(info.filename, date_time=_ZIP_TIME)
            entry.compress_type = ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            dst.writestr(entry, src.read(info.filename))
    return out.getvalue()


# --------------------------------------------------------------------------------------------
# Plan -> sheets (the inverse of the loader)
# --------------------------------------------------------------------------------------------
def plan_to_sheets(plan: Plan, include: Iterable[str] | None = None) -> dict[str, pd.DataFrame]:
    """The plan's tables as DataFrames with the workbook's Spanish headers, ready to write.

    `include` names sheets (Spanish names, e.g. "Productos") or tables (keys, e.g.
    "products"); by default every sheet, with Metadatos only when the plan has metadata and
    «Plan» (first) only when the plan states its own description (not an inferred one).
    `Actividades` names each activity's strategy, or its objective in a plan without
    strategies (which gets no `Estrategias` sheet).
    Lists are joined with ", ", "Todos" stands for all GCM objectives, product dates are
    written as typed (start_text/end_text) so "AAAA-T2" stays a quarter.
    """
    declared = plan.info is not None and not plan.info.period_inferred
    if include is None:
        wanted = [s for s in model.READ_SHEETS if s is not model.META or plan.meta]
        wanted = [s for s in wanted if s is not model.PLAN_SHEET or declared]
    else:
        names = set(include)
        keys = {*model.SHEETS_BY_NAME, *model.SHEETS_BY_KEY, model.PLAN_SHEET.key}
        unknown = names - keys
        if unknown:
            raise ValueError(f"Hojas desconocidas / unknown sheets: {sorted(unknown)}")
        wanted = [s for s in model.READ_SHEETS if s.name in names or s.key in names]
    out: dict[str, pd.DataFrame] = {}
    for sheet in wanted:
        if sheet is model.PLAN_SHEET:
            out[sheet.name] = plan_info_sheet(plan.info if declared else None)
        elif sheet is model.META:
            out[sheet.name] = pd.DataFrame(
                {
                    "Clave": pd.Series([str(k) for k in plan.meta], dtype=object),
                    "Valor": pd.Series([_text(v) for v in plan.meta.values()], dtype=object),
                }
            )
        else:
            out[sheet.name] = _table_to_sheet(sheet, getattr(plan, sheet.key))
    if model.ACTIVITIES.name in out:
        # One way to name an activity's parent: its strategy, or (no strategies) its objective.
        drop = "Objetivo" if plan.has_strategies else "Estrategia"
        out[model.ACTIVITIES.name] = out[model.ACTIVITIES.name].drop(columns=[drop])
    products = out.get(model.PRODUCTS.name)
    if products is not None and not products["Continúa"].astype(bool).any():
        out[model.PRODUCTS.name] = products.drop(columns=["Continúa"])  # a first plan: no column
    if include is None and not plan.has_strategies:
        out.pop(model.STRATEGIES.name, None)  # a plan of three levels has no empty level
    return out


def plan_info_sheet(info: model.PlanInfo | None) -> pd.DataFrame:
    """The «Plan» sheet (Clave / Valor) stating `info`; every key with an empty value for None."""
    from planmonitor.reading.planinfo import info_rows

    rows = info_rows(info)
    return pd.DataFrame(
        {
            "Clave": pd.Series([k for k, _ in rows], dtype=object),
            "Valor": pd.Series([v if isinstance(v, pd.Timestamp) else _text(v) for _, v in rows],
                               dtype=object),
        }
    )  # fmt: skip


def _table_to_sheet(sheet: model.Sheet, table: pd.DataFrame) -> pd.DataFrame:
    n = len(table)
    columns: dict[str, pd.Series] = {}
    for col in sheet.columns:
        if col.kind == "date_or_quarter":
            values = _dates_as_typed(table, col.name, n)
        elif col.name not in table.columns:
            values = [""] * n
        elif col.kind == "gcm":
            everything = table["gcm_all"] if "gcm_all" in table.columns else [False] * n
            values = [
                ALL_GCM if _truthy(a) else _join(g)
                for a, g in zip(everything, table[col.name], strict=True)
            ]
        elif col.kind in {"agencies", "list", "roles"}:
            values = [_join(v) for v in table[col.name]]
        elif col.kind == "bool":
            values = [YES if _truthy(v) else "" for v in table[col.name]]
        elif col.kind == "date":
            values = [None if _is_missing(v) else pd.Timestamp(v) for v in table[col.name]]
        elif col.kind in {"int", "percent"}:
            values = [_number(v) for v in table[col.name]]
        else:
            values = [_text(v) for v in table[col.name]]
        columns[col.header] = pd.Series(values, dtype=object, index=range(n))
    return pd.DataFrame(columns, index=range(n))


def _dates_as_typed(table: pd.DataFrame, name: str, n: int) -> list[str]:
    texts = table[f"{name}_text"].tolist() if f"{name}_text" in table.columns else [""] * n
    stamps = table[name].tolist() if name in table.columns else [None] * n
    out = []
    for text, stamp in zip(texts, stamps, strict=True):
        text = _text(text)
        if text:
            out.append(text)
        elif not _is_missing(stamp):
            out.append(pd.Timestamp(stamp).strftime("%Y-%m-%d"))
        else:
            out.append("")
    return out


def _join(value: Any) -> str:
    if isinstance(value, list | tuple | set | frozenset | np.ndarray):
        return LIST_SEPARATOR.join(str(v) for v in value if not _is_missing(v))
    return _text(value)


def _text(value: Any) -> str:
    return "" if _is_missing(value) else str(value)


def _truthy(value: Any) -> bool:
    if _is_missing(value):
        return False
    if isinstance(value, str):
        return value.strip().lower() in {"sí", "si", "yes", "true", "1"}
    return bool(value)


def _number(value: Any) -> int | float | str | None:
    if _is_missing(value):
        return None
    if isinstance(value, str):
        return value  # left as typed: the loader reports it
    number = float(value)
    return int(number) if number.is_integer() else number

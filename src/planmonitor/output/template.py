"""The Excel template the secretariat fills in, and the workbook with the errors marked.

`build_template(plan)` writes every sheet of the model (empty, or with the plan's data) with
dropdowns (Excel data validation) for agencies, statuses, roles, product and activity codes
and GCM numbers, a frozen and protected header row (data rows stay editable) and an
`Instrucciones` sheet generated from the model's column descriptions.

`annotate_errors(data, issues)` returns the uploaded workbook with each offending cell filled
in red and carrying an Excel comment with its message, so the secretariat fixes the file where
the problem is.
"""

from __future__ import annotations

import io
from typing import Any

import openpyxl
import pandas as pd
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from planmonitor import model
from planmonitor.output.export import write_cell

INSTRUCTIONS = "Instrucciones"
LISTS = "Listas"
# Data rows that get dropdowns and stay unlocked beyond the data (room to add rows).
EXTRA_ROWS = 500
HEADER_FILL = PatternFill("solid", fgColor="DDE6F0")
HEADER_FONT = Font(bold=True)
COMMENT_AUTHOR = "planmonitor"

# Lists in the hidden sheet, one per column: (title, values).
_YES = "Sí"
_ALL_GCM = "Todos"


def _lists(plan: model.Plan | None) -> list[tuple[str, list[Any]]]:
    agencies = plan.agencies["acronym"].astype(str).tolist() if plan is not None else []
    return [
        ("Estados", [s.value for s in model.Status]),
        ("Roles", [r.value for r in model.Role]),
        ("Sí/No", [_YES, "No"]),
        ("Objetivos PMM", [*range(1, 24), _ALL_GCM]),
        ("Agencias y Comité", [*agencies, model.COMMITTEE]),
    ]


def _range(sheet: str, col: int, last_row: int) -> str:
    letter = get_column_letter(col)
    return f"{quote_sheetname(sheet)}!${letter}$2:${letter}${last_row}"


def _validation(formula: str, strict: bool, prompt: str) -> DataValidation:
    dv = DataValidation(type="list", formula1=formula, allow_blank=True)
    dv.showErrorMessage = strict
    dv.showInputMessage = True
    dv.promptTitle = "planmonitor"
    dv.prompt = prompt[:255]
    if strict:
        dv.errorTitle = "Valor no permitido"
        dv.error = "Elija un valor de la lista."
    return dv


def _data_frames(plan: model.Plan | None) -> dict[str, pd.DataFrame]:
    from planmonitor.output import export

    if plan is None:
        # The empty template still carries the GCM catalog: reference facts, not plan data.
        from planmonitor.catalog import gcm_catalog

        return export.plan_to_sheets(_catalog_only(gcm_catalog()), include=[model.GCM.name])
    return export.plan_to_sheets(plan)


def _catalog_only(gcm: pd.DataFrame) -> model.Plan:
    empty = {s.key: model.empty_table([c.name for c in s.columns]) for s in model.SHEETS}
    empty.pop("meta")
    empty["gcm"] = gcm
    return model.Plan(**empty)


def build_template(plan: model.Plan | None = None) -> bytes:
    """The workbook to fill in: every sheet with dropdowns, empty or with `plan`'s data."""
    frames = _data_frames(plan)
    year = _year(plan)
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    _instructions(wb.create_sheet(INSTRUCTIONS), plan)

    lists = _lists(plan)
    lists_ws = wb.create_sheet(LISTS)
    list_refs: dict[str, str] = {}
    for j, (title, values) in enumerate(lists, start=1):
        write_cell(lists_ws.cell(row=1, column=j), title)
        for i, v in enumerate(values, start=2):
            write_cell(lists_ws.cell(row=i, column=j), v)
        list_refs[title] = _range(LISTS, j, len(values) + 1)
    lists_ws.sheet_state = "hidden"
    lists_ws.protection.sheet = True

    n_rows = {s.name: len(frames.get(s.name, ())) for s in model.SHEETS}
    last = {name: n + 1 + EXTRA_ROWS for name, n in n_rows.items()}
    # Code columns of the sheets themselves: a new product typed in Productos is offered at
    # once in Avances.
    codes = {
        "objectives": _range(model.OBJECTIVES.name, 1, last[model.OBJECTIVES.name]),
        "strategies": _range(model.STRATEGIES.name, 1, last[model.STRATEGIES.name]),
        "activities": _range(model.ACTIVITIES.name, 1, last[model.ACTIVITIES.name]),
        "products": _range(model.PRODUCTS.name, 1, last[model.PRODUCTS.name]),
    }

    _plan_sheet(wb.create_sheet(model.PLAN_SHEET.name), frames.get(model.PLAN_SHEET.name), year)

    for sheet in model.SHEETS:
        ws = wb.create_sheet(sheet.name)
        df = frames.get(sheet.name)
        _write_sheet(ws, sheet, df, year)
        end = last[sheet.name]
        for j, col in enumerate(sheet.columns, start=1):
            rule = _rule_for(sheet, col.in_year(year), codes, list_refs)
            if rule is None:
                continue
            letter = get_column_letter(j)
            rule.add(f"{letter}2:{letter}{end}")
            ws.add_data_validation(rule)
        _protect(ws, len(sheet.columns), end)

    wb.active = 0
    props = wb.properties
    props.creator = "planmonitor"
    props.title = template_title(plan)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _rule_for(
    sheet: model.Sheet, col: model.Column, codes: dict[str, str], lists: dict[str, str]
) -> DataValidation | None:
    """The dropdown of a column; multi-value columns only suggest (free text still allowed)."""
    prompt = col.description_es
    if col.kind == "status":
        return _validation(lists["Estados"], True, prompt)
    if col.kind == "roles":
        return _validation(
            lists["Roles"], False, prompt + ". Lista: un rol; escriba varios separados por coma."
        )
    if col.kind == "bool":
        return _validation(lists["Sí/No"], True, prompt)
    if col.kind == "gcm":
        return _validation(
            lists["Objetivos PMM"],
            False,
            prompt + ". Lista: un número; escriba varios separados por coma.",
        )
    if col.kind == "agencies":
        return _validation(
            lists["Agencias y Comité"],
            False,
            prompt + ". Lista: una agencia; escriba varias separadas por coma.",
        )
    if sheet is model.PROGRESS and col.name == "code":
        return _validation(codes["products"], True, prompt)
    if sheet is model.PRODUCTS and col.name == "activity":
        return _validation(codes["activities"], True, prompt)
    if sheet is model.ACTIVITIES and col.name == "strategy":
        return _validation(codes["strategies"], True, prompt)
    if sheet is model.STRATEGIES and col.name == "objective":
        return _validation(codes["objectives"], True, prompt)
    if sheet is model.GCM and col.name == "number":
        dv = DataValidation(
            type="whole", operator="between", formula1="1", formula2="23", allow_blank=True
        )
        dv.showErrorMessage = True
        dv.error = "Un número entero de 1 a 23."
        return dv
    if col.kind == "percent":
        dv = DataValidation(
            type="decimal", operator="between", formula1="0", formula2="100", allow_blank=True
        )
        dv.showErrorMessage = False  # "40%" typed as text is accepted by the loader
        dv.showInputMessage = True
        dv.prompt = prompt
        return dv
    return None


def _year(plan: model.Plan | None) -> int:
    """The year the examples speak of: the plan's first (the current year without a plan)."""
    return plan.info.start.year if plan is not None and plan.info else pd.Timestamp.today().year


def _write_sheet(ws: Worksheet, sheet: model.Sheet, df: pd.DataFrame | None, year: int) -> None:
    for j, col in enumerate([c.in_year(year) for c in sheet.columns], start=1):
        cell = ws.cell(row=1, column=j)
        write_cell(cell, col.header)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.comment = Comment(
            f"{col.description_es}."
            + (" Obligatorio." if col.required else " Opcional.")
            + (f" Ejemplo: {col.example}" if col.example else ""),
            COMMENT_AUTHOR,
        )
        width = max(len(col.header), 12)
        if df is not None and col.header in df.columns and len(df):
            longest = df[col.header].map(lambda v: len(str(v)) if v is not None else 0).max()
            width = max(width, min(int(longest), 60))
        ws.column_dimensions[get_column_letter(j)].width = width + 2
    if df is not None:
        # every column of the sheet, also the optional one the export leaves out
        rows = df.reindex(columns=sheet.headers, fill_value="")
        for i, values in enumerate(rows.itertuples(index=False), start=2):
            for j, v in enumerate(values, start=1):
                write_cell(ws.cell(row=i, column=j), v)
    ws.freeze_panes = "A2"


PLAN_HELP = "Ayuda"


def _plan_sheet(ws: Worksheet, df: pd.DataFrame | None, year: int) -> None:
    """The «Plan» sheet, always: every key (the plan's values when it states them, else empty)
    and a help column the loader ignores (issue 9)."""
    from planmonitor.output.export import plan_info_sheet
    from planmonitor.reading.planinfo import PLAN_KEYS

    _write_sheet(ws, model.PLAN_SHEET, df if df is not None else plan_info_sheet(None), year)
    cell = ws.cell(row=1, column=3)
    write_cell(cell, PLAN_HELP)
    cell.font = HEADER_FONT
    cell.fill = HEADER_FILL
    for i, pk in enumerate(PLAN_KEYS, start=2):
        write_cell(ws.cell(row=i, column=3), pk.help_es + (" Obligatorio." if pk.required else ""))
    ws.column_dimensions["B"].width = max(ws.column_dimensions["B"].width, 40)
    ws.column_dimensions["C"].width = 80
    _protect(ws, 2, len(PLAN_KEYS) + 1)


def _protect(ws: Worksheet, n_cols: int, last_row: int) -> None:
    """Lock the header row only: data cells are unlocked, rows can be added and sorted."""
    unlocked = Protection(locked=False)
    for row in ws.iter_rows(min_row=2, max_row=last_row, min_col=1, max_col=n_cols):
        for cell in row:
            cell.protection = unlocked
    p = ws.protection
    p.sheet = True
    # In the file format True means "forbidden"; allow what editing data needs.
    p.insertRows = False
    p.deleteRows = False
    p.formatColumns = False
    p.formatRows = False
    p.formatCells = False
    p.sort = False
    p.autoFilter = False
    p.selectLockedCells = False
    p.selectUnlockedCells = False


def template_title(plan: model.Plan | None) -> str:
    """«Plantilla del plan de trabajo — <the plan's title> — <its network>», with only the
    names the plan itself gives (none for the empty template)."""
    from planmonitor.analysis import describe

    names: list[str] = []
    if plan is not None:
        title, network = describe.plan_title(plan), describe.network(plan, "es")
        names = [title] if title else []
        if network and network not in title:  # a title often names its network already
            names.append(network)
    return " — ".join(["Plantilla del plan de trabajo", *names])


def _instructions(ws: Worksheet, plan: model.Plan | None = None) -> None:
    # the examples of dates fall in the plan's first year (the current year without a plan)
    year = _year(plan)
    lines = [
        (template_title(plan), True),
        ("Cómo usarla", True),
        (
            "1. Complete o corrija las filas de cada hoja. La primera fila (encabezados) está "
            "protegida: no cambie sus nombres.",
            False,
        ),
        (
            "2. Las celdas con lista desplegable ofrecen los valores válidos (estados, roles, "
            "agencias, códigos de productos y actividades, objetivos del PMM). En «Líderes», "
            "«Socios» y «Objetivos PMM» puede escribir varios valores separados por coma.",
            False,
        ),
        (
            "3. Para informar avances basta con subir un libro que solo tenga la hoja «Avances»: "
            "las demás hojas se mantienen como están en la versión actual.",
            False,
        ),
        (
            f"4. Las fechas pueden ser fechas de Excel o texto ({year}-04-15, 15/04/{year}); "
            f"«Inicio» y «Fin» aceptan también un trimestre ({year}-T2).",
            False,
        ),
        (
            "5. Suba el libro en la página «Actualizar datos». Si hay errores, podrá descargar el "
            "mismo libro con cada celda con error marcada en rojo y un comentario.",
            False,
        ),
        ("", False),
        ("Hojas y columnas", True),
    ]
    r = 1
    for text, bold in lines:
        cell = ws.cell(row=r, column=1)
        write_cell(cell, text)
        if bold:
            cell.font = HEADER_FONT
        r += 1
    headers = ["Hoja", "Columna", "Obligatoria", "Descripción", "Ejemplo"]
    for j, h in enumerate(headers, start=1):
        cell = ws.cell(row=r, column=j)
        write_cell(cell, h)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
    r += 1
    for sheet in model.SHEETS:
        write_cell(ws.cell(row=r, column=1), sheet.name)
        ws.cell(row=r, column=1).font = HEADER_FONT
        write_cell(ws.cell(row=r, column=4), sheet.description_es)
        r += 1
        for col in [c.in_year(year) for c in sheet.columns]:
            for j, v in enumerate(
                [
                    sheet.name,
                    col.header,
                    "Sí" if col.required else "No",
                    col.description_es,
                    col.example,
                ],
                start=1,
            ):
                write_cell(ws.cell(row=r, column=j), v)
            r += 1
    for letter, width in zip("ABCDE", (16, 24, 12, 80, 40), strict=True):
        ws.column_dimensions[letter].width = width
    for row in ws.iter_rows(min_row=1, max_row=r, min_col=4, max_col=4):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")


# --------------------------------------------------------------------------------------------
# The workbook with the errors marked
# --------------------------------------------------------------------------------------------
def annotate_errors(data: bytes, issues: pd.DataFrame) -> bytes:
    """The uploaded workbook with every issue's cell filled and commented.

    Issues without a row go on the column's header, issues without a column on the row's first
    cell, and issues without a sheet on A1 of the first sheet. The file passes the loader's
    checks first and only the marked sheets and styles are rewritten (output/annotate.py), so
    the work is bounded like the loader's (issue 12). Raises ValueError, and nothing else, when
    the file cannot be annotated (it is refused, or not in the form Excel writes).
    """
    from planmonitor.output.annotate import annotate

    try:
        return annotate(data, issues)
    except ValueError:
        raise
    except (KeyboardInterrupt, SystemExit, GeneratorExit):
        raise
    except BaseException as exc:  # a dependency's failure is "cannot be annotated", not a crash
        raise ValueError(f"the workbook cannot be annotated: {type(exc).__name__}") from exc

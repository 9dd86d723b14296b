"""load_workbook(): bytes or a path in, a validated Plan (or the full list of issues) out.

The loader never raises on bad content: a damaged file, a missing sheet, an unknown agency are
all issues in `LoadResult.issues`, collected in one pass. A partial workbook (e.g. only
«Avances») is loaded on top of a base plan; cross-references are then checked against the
merged result.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
import pandas as pd

from planmonitor import model
from planmonitor.catalog import gcm_catalog
from planmonitor.model import Plan, Severity
from planmonitor.reading.normalize import (
    BAD,
    AgencyResolver,
    Suggester,
    cell_text,
    date_series,
    map_unique,
    object_column,
    parse_bool,
    parse_gcm,
    parse_int,
    parse_percent,
    parse_role,
    parse_status,
    split_list,
    suggest,
    text_series,
)
from planmonitor.reading.validate import IssueLog, Rule
from planmonitor.reading.workbook import (
    TEXT_PREFIX,
    Limits,
    SheetTable,
    WorkbookError,
    extract_table,
    match_sheets,
    read_source,
    read_tables,
)

DATA_DIR = Path(__file__).resolve().parents[3] / "data"
PLAN_FILE = "plan-de-trabajo-2023-2024.xlsx"
PROGRESS_FILE = "avances-ejemplo.xlsx"

_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)


@dataclass(frozen=True)
class LoadResult:
    ok: bool  # no issue of severity "error"
    issues: pd.DataFrame  # model.ISSUE_COLUMNS
    plan: Plan | None  # None unless ok
    sheets: tuple[str, ...] = field(default=())  # sheet names recognised in the file


# --------------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------------
def load_workbook(
    src: bytes | str | Path,
    base: Plan | None = None,
    *,
    today: pd.Timestamp | None = None,
    limits: Limits | None = None,
    append_progress: bool = False,
) -> LoadResult:
    """Read, normalise and validate a workbook; never raises on bad content.

    Without `base` the workbook must hold model.STRUCTURE_SHEETS. With `base`, any subset of
    sheets is accepted and replaces the base's tables; a sheet with its header but no data
    rows keeps the base's table (an "empty_sheet" warning). `today` dates the "future report"
    warning (defaults to the current date). With `append_progress` (and a base), the file's
    `Avances` rows are added to the base's log instead of replacing it (see append_log).
    """
    limits = limits or Limits()
    log = IssueLog()
    try:
        data = read_source(src, limits)
        tables = read_tables(data, limits, log)
    except WorkbookError as exc:
        log.add(
            exc.rule, exc.message, exc.message_en, value=exc.value, sheet=exc.sheet, row=exc.row
        )
        return LoadResult(False, log.frame(), None, ())
    except Exception as exc:  # a reader failure we did not foresee is still "unreadable"
        log.add(
            Rule.UNREADABLE_FILE,
            "el archivo no se pudo leer.",
            "the file could not be read.",
            value=f"{type(exc).__name__}: {exc}"[:200],
        )
        return LoadResult(False, log.frame(), None, ())
    return _load_tables(tables, base, log, today, append_progress)


def load_rows(
    sheets: dict[str, list[list]], base: Plan | None = None, *, today: pd.Timestamp | None = None
) -> LoadResult:
    """Like load_workbook, from cell rows as a spreadsheet reader returns them (from A1).

    For plans made in code (synth.py) without an Excel round trip.
    """
    matched = match_sheets(list(sheets))
    tables = {
        name: extract_table(model.SHEETS_BY_NAME[name], title, sheets[title])
        for name, title in matched.items()
    }
    return _load_tables(tables, base, IssueLog(), today)


def _load_tables(
    tables: dict[str, SheetTable],
    base: Plan | None,
    log: IssueLog,
    today: pd.Timestamp | None,
    append_progress: bool = False,
) -> LoadResult:
    today = (today if today is not None else pd.Timestamp.today()).normalize()
    try:
        plan = _build_plan(tables, base, log, today)
        if append_progress and base is not None and model.PROGRESS.name in plan.sheets:
            log_ = append_log(base.progress, plan.progress)
            # A product removed by this same file takes its earlier reports with it.
            log_ = log_[log_["code"].isin(set(plan.products["code"]))].reset_index(drop=True)
            plan = replace(plan, progress=log_)
    except Exception as exc:  # a bug must not take the upload page down: report it
        log.add(
            Rule.UNREADABLE_FILE,
            "error interno al interpretar el libro; avise al equipo técnico.",
            "internal error while interpreting the workbook; tell the technical team.",
            value=f"{type(exc).__name__}: {exc}"[:200],
        )
        return LoadResult(False, log.frame(), None, tuple(tables))
    ok = not log.has_errors
    return LoadResult(ok, log.frame(), plan if ok else None, tuple(tables))


def load_default(data_dir: Path | None = None) -> LoadResult:
    """The bundled plan workbook with the example progress log loaded on top of it."""
    folder = Path(data_dir) if data_dir is not None else DATA_DIR
    first = load_workbook(folder / PLAN_FILE)
    progress_path = folder / PROGRESS_FILE
    if not first.ok or first.plan is None or not progress_path.is_file():
        return first
    second = load_workbook(progress_path, base=first.plan)
    issues = pd.concat([first.issues, second.issues], ignore_index=True)
    sheets = tuple(dict.fromkeys(first.sheets + second.sheets))
    return LoadResult(second.ok, issues, second.plan, sheets)


def append_log(base: pd.DataFrame, update: pd.DataFrame) -> pd.DataFrame:
    """The base progress log plus the update's entries it does not already hold.

    The monthly update is usually just the new reports; a full log downloaded from the
    template and extended is also fine: its entries already in the base are not added twice.
    """
    if len(update) == 0:
        return base
    key = list(model.PROGRESS_IDENTITY)
    seen = set(base[key].itertuples(index=False, name=None))
    new = [row not in seen for row in update[key].itertuples(index=False, name=None)]
    merged = pd.concat([base, update[new]], ignore_index=True)
    order = merged.assign(_order=range(len(merged)))
    return (
        order.sort_values(["date", "_order"], kind="stable")
        .drop(columns="_order")
        .reset_index(drop=True)
    )


def merge_plans(base: Plan, update: Plan) -> Plan:
    """The tables of `update.sheets` replace the base's; metadata keys are merged."""
    tables: dict[str, object] = {}
    for sheet in model.SHEETS:
        if sheet.key == "meta":
            continue
        source = update if sheet.name in update.sheets else base
        tables[sheet.key] = getattr(source, sheet.key)
    meta = {**base.meta, **update.meta} if model.META.name in update.sheets else dict(base.meta)
    sheets = tuple(dict.fromkeys(base.sheets + update.sheets))
    return _derive_hierarchy(Plan(**tables, meta=meta, sheets=sheets))  # type: ignore[arg-type]


# --------------------------------------------------------------------------------------------
# Building the plan
# --------------------------------------------------------------------------------------------
@dataclass
class _Ctx:
    log: IssueLog
    today: pd.Timestamp
    emit: bool = True  # False while building default (empty) tables

    def add(self, rule: Rule, es: str, en: str, **kw: object) -> None:
        if self.emit:
            self.log.add(rule, es, en, **kw)  # type: ignore[arg-type]


def _build_plan(
    tables: dict[str, SheetTable], base: Plan | None, log: IssueLog, today: pd.Timestamp
) -> Plan:
    ctx = _Ctx(log, today)
    if not tables:
        names = ", ".join(f"«{s.name}»" for s in model.SHEETS)
        log.add(
            Rule.NO_KNOWN_SHEET,
            f"el libro no tiene ninguna hoja reconocida (se esperan {names}).",
            f"the workbook has no recognised sheet (expected {names}).",
        )
    if base is None:
        for name in model.STRUCTURE_SHEETS:
            if name not in tables:
                log.add(
                    Rule.MISSING_SHEET,
                    "la hoja no está en el libro; es obligatoria cuando el libro no se carga "
                    "sobre un plan base.",
                    "the sheet is not in the workbook; it is required unless the workbook is "
                    "loaded on top of a base plan.",
                    sheet=name,
                )
    usable: dict[str, SheetTable] = {}
    for name, table in tables.items():
        for header in table.missing:
            log.add(
                Rule.MISSING_COLUMN,
                f"falta la columna «{header}»"
                + ("" if table.header_row else " (no se encontró la fila de encabezados)")
                + ".",
                f"column «{header}» is missing"
                + ("" if table.header_row else " (no header row found)")
                + ".",
                sheet=name,
                row=table.header_row,
                column=header,
            )
        if not table.missing:
            usable[name] = table
    in_file = set(tables)
    if base is not None:
        # An update's sheet with its header and no data rows (the empty template) would wipe
        # that table: it is taken as "not included" and the current data is kept.
        for name in [n for n, tb in usable.items() if len(tb.data) == 0]:
            del usable[name]
            in_file.discard(name)
            log.add(
                Rule.EMPTY_SHEET,
                "la hoja no tiene filas de datos: se conserva la versión actual de esta hoja.",
                "the sheet has no data rows: the current version of this sheet is kept.",
                sheet=name,
            )

    def data(sheet: model.Sheet) -> pd.DataFrame | None:
        t = usable.get(sheet.name)
        return None if t is None else t.data

    # Agencies first: every other sheet resolves agency names through them.
    agencies = _table(ctx, data(model.AGENCIES), base, "agencies", _agencies)
    # Without a usable agency table every name would be "unknown": that sheet's own issue
    # (missing sheet/column) is the one to report, so names are kept as written.
    known_agencies = data(model.AGENCIES) is not None or base is not None
    resolver = AgencyResolver(agencies) if known_agencies else None
    gcm = (
        _gcm(ctx, data(model.GCM))
        if data(model.GCM) is not None
        else (base.gcm if base is not None else gcm_catalog())
    )
    objectives = _table(ctx, data(model.OBJECTIVES), base, "objectives", _objectives)
    strategies = _table(ctx, data(model.STRATEGIES), base, "strategies", _strategies)
    activities = _table(ctx, data(model.ACTIVITIES), base, "activities", _activities)
    products = _table(
        ctx, data(model.PRODUCTS), base, "products", lambda c, d: _products(c, d, resolver)
    )
    progress = _table(ctx, data(model.PROGRESS), base, "progress", _progress)
    meta = _meta(data(model.META))
    update = Plan(
        objectives=objectives,
        strategies=strategies,
        activities=activities,
        products=products,
        agencies=agencies,
        gcm=gcm,
        progress=progress,
        meta=meta,
        sheets=tuple(s.name for s in model.SHEETS if s.name in usable),
    )
    plan = merge_plans(base, update) if base is not None else _derive_hierarchy(update)
    _check_references(ctx, plan, set(usable), in_file, has_base=base is not None)
    return plan


def _table(
    ctx: _Ctx, data: pd.DataFrame | None, base: Plan | None, key: str, build
) -> pd.DataFrame:
    """Build a table from the file, else take the base's, else an empty one."""
    if data is not None:
        return build(ctx, data)
    if base is not None:
        return getattr(base, key)
    return build(_Ctx(ctx.log, ctx.today, emit=False), pd.DataFrame({"row": []}))


def _col(data: pd.DataFrame, name: str) -> pd.Series:
    """A raw column, or empty cells when the (optional) column is absent."""
    if name in data:
        return data[name]
    return pd.Series([""] * len(data), index=data.index, dtype=object)


def _text(data: pd.DataFrame, name: str) -> pd.Series:
    """A column's cells as text ("" when empty or absent); precomputed by extract_table."""
    if TEXT_PREFIX + name in data:
        return data[TEXT_PREFIX + name]
    return text_series(_col(data, name))


def _required(ctx: _Ctx, sheet: model.Sheet, data: pd.DataFrame) -> None:
    """required_value for every empty cell of a required column (bad values are other rules)."""
    for c in sheet.columns:
        if not c.required or c.name not in data:
            continue
        empty = _text(data, c.name).eq("").to_numpy()
        for row in data["row"][empty]:
            ctx.add(
                Rule.REQUIRED_VALUE,
                "falta un valor obligatorio.",
                "a required value is missing.",
                sheet=sheet.name,
                row=int(row),
                column=c.header,
            )


def _duplicates(ctx: _Ctx, sheet: model.Sheet, header: str, codes: pd.Series, rows: pd.Series):
    nonempty = codes.ne("") & codes.notna()
    dup = codes.duplicated(keep="first") & nonempty
    if not dup.any():
        return
    first_row = dict(zip(codes[nonempty & ~dup], rows[nonempty & ~dup], strict=True))
    for code, row in zip(codes[dup], rows[dup], strict=True):
        ctx.add(
            Rule.DUPLICATE_CODE,
            f"el código «{code}» está repetido (ya aparece en la fila {first_row.get(code)}).",
            f"code «{code}» is repeated (it already appears in row {first_row.get(code)}).",
            sheet=sheet.name,
            row=int(row),
            column=header,
            value=code,
        )


def _prefix_mismatch(
    ctx: _Ctx, sheet: model.Sheet, codes: pd.Series, parents: pd.Series, sep: str, rows
) -> None:
    """CODE_MISMATCH warning: '2.1.1' filed under strategy '1.1' (likely a typo)."""
    both = codes.ne("") & parents.ne("")
    ok = pd.Series(
        [c.startswith(p + sep) for c, p in zip(codes, parents, strict=True)],
        index=codes.index,
        dtype=bool,
    )
    for code, parent, row in zip(
        codes[both & ~ok], parents[both & ~ok], rows[both & ~ok], strict=True
    ):
        ctx.add(
            Rule.CODE_MISMATCH,
            f"el código «{code}» no empieza por «{parent}{sep}», el código de su nivel superior.",
            f"code «{code}» does not start with «{parent}{sep}», its parent's code.",
            sheet=sheet.name,
            row=int(row),
            column=sheet.columns[0].header,
            value=code,
        )


def _objectives(ctx: _Ctx, data: pd.DataFrame) -> pd.DataFrame:
    s = model.OBJECTIVES
    out = pd.DataFrame(
        {
            "code": _text(data, "code"),
            "name": _text(data, "name"),
        }
    )
    out = _finish(out, data)
    _required(ctx, s, data)
    _duplicates(ctx, s, "Código", out["code"], data["row"])
    return out[model.OBJECTIVE_COLUMNS]


def _strategies(ctx: _Ctx, data: pd.DataFrame) -> pd.DataFrame:
    s = model.STRATEGIES
    out = pd.DataFrame(
        {
            "code": _text(data, "code"),
            "objective": _text(data, "objective"),
            "name": _text(data, "name"),
        }
    )
    out = _finish(out, data)
    _required(ctx, s, data)
    _duplicates(ctx, s, "Código", out["code"], data["row"])
    _prefix_mismatch(ctx, s, out["code"], out["objective"], ".", data["row"])
    return out[model.STRATEGY_COLUMNS]


def _activities(ctx: _Ctx, data: pd.DataFrame) -> pd.DataFrame:
    s = model.ACTIVITIES
    out = pd.DataFrame(
        {
            "code": _text(data, "code"),
            "strategy": _text(data, "strategy"),
            "objective": pd.Series([""] * len(data), index=data.index, dtype=str),
            "name": _text(data, "name"),
        }
    )
    out = _finish(out, data)
    _required(ctx, s, data)
    _duplicates(ctx, s, "Código", out["code"], data["row"])
    _prefix_mismatch(ctx, s, out["code"], out["strategy"], ".", data["row"])
    return out[model.ACTIVITY_COLUMNS]


def _finish(out: pd.DataFrame, data: pd.DataFrame) -> pd.DataFrame:
    """Add plan order and Excel row."""
    return out.assign(
        seq=np.arange(1, len(out) + 1, dtype="int64"),
        row=pd.array(data["row"].tolist(), dtype="Int64"),
    )


def _bad_cells(ctx, sheet, column: model.Column, raw: pd.Series, bad: pd.Series, rows, es, en):
    """One issue per bad cell; `es`/`en` take the cell text."""
    for value, row in zip(raw[bad.to_numpy()], rows[bad.to_numpy()], strict=True):
        text = cell_text(value)
        rule = _KIND_RULE[column.kind]
        ctx.add(
            rule,
            es(text),
            en(text),
            sheet=sheet.name,
            row=int(row),
            column=column.header,
            value=text,
        )


_KIND_RULE = {
    "date_or_quarter": Rule.BAD_DATE,
    "date": Rule.BAD_DATE,
    "percent": Rule.BAD_PERCENT,
    "status": Rule.BAD_STATUS,
    "role": Rule.BAD_ROLE,
    "bool": Rule.BAD_BOOL,
    "int": Rule.BAD_NUMBER,
    "gcm": Rule.BAD_GCM,
}


def _agency_cells(ctx, sheet, column, raw: pd.Series, rows, resolver: AgencyResolver | None):
    if resolver is None:
        return [list(dict.fromkeys(names)) for names in map_unique(raw, split_list)]
    parsed = map_unique(raw, resolver.parse)
    for (_found, unknown), row in zip(parsed, rows, strict=True):
        for token in unknown:
            hint = resolver.suggestion(token)
            es = f"agencia desconocida «{token}»." + (f" ¿Quiso decir «{hint}»?" if hint else "")
            en = f"unknown agency «{token}»." + (f" Did you mean «{hint}»?" if hint else "")
            if not hint:
                es += " Agréguela a la hoja «Agencias» si es nueva."
                en += " Add it to the «Agencias» sheet if it is new."
            ctx.add(
                Rule.UNKNOWN_AGENCY,
                es,
                en,
                sheet=sheet.name,
                row=int(row),
                column=column.header,
                value=token,
            )
    return [list(found) for found, _unknown in parsed]


def _products(ctx: _Ctx, data: pd.DataFrame, resolver: AgencyResolver | None) -> pd.DataFrame:
    s = model.PRODUCTS
    rows = data["row"]
    start_raw, end_raw = _col(data, "start"), _col(data, "end")
    start, start_bad = date_series(start_raw, end=False)
    end, end_bad = date_series(end_raw, end=True)
    for col, raw, bad in (
        (s.column("Inicio"), start_raw, start_bad),
        (s.column("Fin"), end_raw, end_bad),
    ):
        _bad_cells(
            ctx,
            s,
            col,
            raw,
            bad,
            rows,
            lambda t: (
                f"«{t}» no es una fecha ni un trimestre (use 2023-03-15, 15/03/2023 o 2023-T2)."
            ),
            lambda t: f"«{t}» is not a date or a quarter (use 2023-03-15, 15/03/2023 or 2023-T2).",
        )
    inverted = start.notna() & end.notna() & (end < start)
    for row, a, b in zip(rows[inverted], start[inverted], end[inverted], strict=True):
        ctx.add(
            Rule.END_BEFORE_START,
            f"el fin ({b:%Y-%m-%d}) es anterior al inicio ({a:%Y-%m-%d}).",
            f"the end ({b:%Y-%m-%d}) is before the start ({a:%Y-%m-%d}).",
            sheet=s.name,
            row=int(row),
            column="Fin",
            value=f"{b:%Y-%m-%d}",
        )
    interp_raw = _col(data, "dates_interpreted")
    interp = map_unique(interp_raw, parse_bool)
    interp_bad = pd.Series([v is BAD for v in interp], index=data.index, dtype=bool)
    _bad_cells(
        ctx,
        s,
        s.column("Fechas interpretadas"),
        interp_raw,
        interp_bad,
        rows,
        lambda t: f"«{t}» no es Sí ni No.",
        lambda t: f"«{t}» is not Sí (yes) or No.",
    )
    gcm_raw = _col(data, "gcm")
    gcm = map_unique(gcm_raw, parse_gcm)
    gcm_bad = pd.Series([bool(g[2]) for g in gcm], index=data.index, dtype=bool)
    _bad_cells(
        ctx,
        s,
        s.column("Objetivos PMM"),
        gcm_raw,
        gcm_bad,
        rows,
        lambda t: (
            f"«{t}» no es una lista de objetivos del PMM (números del 1 al 23 separados "
            "por coma, o «Todos»)."
        ),
        lambda t: (
            f"«{t}» is not a list of GCM objectives (numbers 1 to 23 separated by commas, "
            "or «Todos»)."
        ),
    )
    leads = _agency_cells(ctx, s, s.column("Líderes"), _col(data, "leads"), rows, resolver)
    partners = _agency_cells(ctx, s, s.column("Socios"), _col(data, "partners"), rows, resolver)
    out = pd.DataFrame(
        {
            "code": _text(data, "code"),
            "objective": pd.Series([""] * len(data), index=data.index, dtype=str),
            "strategy": pd.Series([""] * len(data), index=data.index, dtype=str),
            "activity": _text(data, "activity"),
            "name": _text(data, "name"),
            "leads": object_column(leads, data.index),
            "partners": object_column(partners, data.index),
            "start": start,
            "end": end,
            "start_text": _text(data, "start"),
            "end_text": _text(data, "end"),
            "dates_interpreted": pd.Series(
                [v is True for v in interp], index=data.index, dtype=bool
            ),
            "gcm": object_column([list(g[0]) for g in gcm], data.index),
            "gcm_all": pd.Series([g[1] for g in gcm], index=data.index, dtype=bool),
            "timeline_text": _text(data, "timeline_text"),
            "notes": _text(data, "notes"),
        },
        index=data.index,
    )
    out = _finish(out, data)
    _required(ctx, s, data)
    _duplicates(ctx, s, "Código", out["code"], rows)
    _prefix_mismatch(ctx, s, out["code"], out["activity"], "-", rows)
    # A lead cell with only unknown names is already an unknown_agency error.
    no_lead = _text(data, "leads").eq("") & out["code"].ne("")
    for code, row in zip(out["code"][no_lead], rows[no_lead], strict=True):
        ctx.add(
            Rule.NO_LEAD,
            f"el producto «{code}» no tiene agencia líder.",
            f"product «{code}» has no lead agency.",
            sheet=s.name,
            row=int(row),
            column="Líderes",
            value=code,
        )
    return out.reset_index(drop=True)[model.PRODUCT_COLUMNS]


def _agencies(ctx: _Ctx, data: pd.DataFrame) -> pd.DataFrame:
    s = model.AGENCIES
    rows = data["row"]
    role_raw = _col(data, "role")
    roles = map_unique(role_raw, parse_role)
    role_bad = pd.Series([r is BAD for r in roles], index=data.index, dtype=bool)
    choices = [r.value for r in model.Role]
    _bad_cells(
        ctx,
        s,
        s.column("Rol"),
        role_raw,
        role_bad,
        rows,
        lambda t: (
            f"rol desconocido «{t}»; use {' / '.join(choices)}."
            + (f" ¿Quiso decir «{h}»?" if (h := suggest(t, choices)) else "")
        ),
        lambda t: f"unknown role «{t}»; use {' / '.join(choices)}.",
    )
    out = pd.DataFrame(
        {
            "acronym": _text(data, "acronym"),
            "name_es": _text(data, "name_es"),
            "name_en": _text(data, "name_en"),
            "acronym_en": _text(data, "acronym_en"),
            "role": pd.Series(["" if r is BAD else r for r in roles], index=data.index, dtype=str),
            "aliases": object_column(map_unique(_col(data, "aliases"), split_list), data.index),
            "row": pd.array(rows.tolist(), dtype="Int64"),
        },
        index=data.index,
    )
    _required(ctx, s, data)
    _duplicates(ctx, s, "Sigla", out["acronym"], rows)
    return out.reset_index(drop=True)[model.AGENCY_COLUMNS]


def _gcm(ctx: _Ctx, data: pd.DataFrame) -> pd.DataFrame:
    s = model.GCM
    rows = data["row"]
    raw = _col(data, "number")
    numbers = map_unique(raw, parse_int)
    bad = pd.Series(
        [n is BAD or (isinstance(n, int) and not 1 <= n <= 23) for n in numbers],
        index=data.index,
        dtype=bool,
    )
    _bad_cells(
        ctx,
        s,
        s.column("Número"),
        raw,
        bad,
        rows,
        lambda t: f"«{t}» no es un número de objetivo del PMM (1 a 23).",
        lambda t: f"«{t}» is not a GCM objective number (1 to 23).",
    )
    ok_numbers = [
        n if isinstance(n, int) and not bad_ else None for n, bad_ in zip(numbers, bad, strict=True)
    ]
    out = pd.DataFrame(
        {
            "number": pd.array(ok_numbers, dtype="Int64"),
            "label_plan": _text(data, "label_plan"),
            "label_es": _text(data, "label_es"),
            "title_en": _text(data, "title_en"),
        },
        index=data.index,
    )
    _required(ctx, s, data)
    _duplicates(ctx, s, "Número", out["number"].astype(str).replace("<NA>", ""), rows)
    out = out[out["number"].notna()].astype({"number": "int64"})
    return out.reset_index(drop=True)[model.GCM_COLUMNS]


def _progress(ctx: _Ctx, data: pd.DataFrame) -> pd.DataFrame:
    s = model.PROGRESS
    rows = data["row"]
    date_raw = _col(data, "date")
    date, date_bad = date_series(date_raw, periods=False)
    _bad_cells(
        ctx,
        s,
        s.column("Fecha"),
        date_raw,
        date_bad,
        rows,
        lambda t: f"«{t}» no es una fecha (use 2023-09-30 o 30/09/2023).",
        lambda t: f"«{t}» is not a date (use 2023-09-30 or 30/09/2023).",
    )
    status_raw = _col(data, "status")
    statuses = map_unique(status_raw, parse_status)
    status_bad = pd.Series([v is BAD for v in statuses], index=data.index, dtype=bool)
    choices = list(model.STATUS_ORDER)
    _bad_cells(
        ctx,
        s,
        s.column("Estado"),
        status_raw,
        status_bad,
        rows,
        lambda t: (
            f"estado desconocido «{t}»; use {' / '.join(choices)}."
            + (f" ¿Quiso decir «{h}»?" if (h := suggest(t, choices)) else "")
        ),
        lambda t: (
            f"unknown status «{t}»; use {' / '.join(choices)}."
            + (f" Did you mean «{h}»?" if (h := suggest(t, choices)) else "")
        ),
    )
    pct_raw = _col(data, "percent")
    pct = map_unique(pct_raw, parse_percent)
    pct_bad = pd.Series([v is BAD for v in pct], index=data.index, dtype=bool)
    _bad_cells(
        ctx,
        s,
        s.column("Porcentaje"),
        pct_raw,
        pct_bad,
        rows,
        lambda t: f"«{t}» no es un porcentaje entre 0 y 100.",
        lambda t: f"«{t}» is not a percentage between 0 and 100.",
    )
    out = pd.DataFrame(
        {
            "date": date,
            "code": _text(data, "code"),
            "status": pd.Series(
                ["" if v is BAD else v for v in statuses], index=data.index, dtype=str
            ),
            "percent": pd.Series(
                [np.nan if v is BAD else v for v in pct], index=data.index, dtype="float64"
            ),
            "comment": _text(data, "comment"),
            "reported_by": _text(data, "reported_by"),
            "evidence": _text(data, "evidence"),
            "row": pd.array(rows.tolist(), dtype="Int64"),
        },
        index=data.index,
    )
    _required(ctx, s, data)
    below = out["status"].eq(model.Status.COMPLETED.value) & out["percent"].lt(100)
    for row, p in zip(rows[below], out["percent"][below], strict=True):
        ctx.add(
            Rule.COMPLETED_BELOW_100,
            f"estado «Completado» con {p:g} % de avance.",
            f"status «Completado» (completed) with {p:g} % progress.",
            sheet=s.name,
            row=int(row),
            column="Porcentaje",
            value=f"{p:g}",
        )
    # An Excel cell formatted as a percentage holds 0.4 for "40 %" (the reader sees no
    # format): a value strictly between 0 and 1 is almost surely that.
    fraction = out["percent"].gt(0) & out["percent"].lt(1)
    for row, p in zip(rows[fraction], out["percent"][fraction], strict=True):
        ctx.add(
            Rule.PERCENT_AS_FRACTION,
            f"avance de {p:g} %: ¿quiso decir {p * 100:g} %? Los porcentajes van de 0 a 100; "
            "una celda con formato de porcentaje de Excel guarda 0,4 para 40 %: "
            "quite ese formato y escriba 40.",
            f"progress of {p:g} %: did you mean {p * 100:g} %? Percentages go from 0 to 100; a "
            "cell with Excel's percentage format holds 0.4 for 40 %: remove that format and "
            "type 40.",
            sheet=s.name,
            row=int(row),
            column="Porcentaje",
            value=f"{p:g}",
        )
    future = out["date"].gt(ctx.today)
    for row, d in zip(rows[future], out["date"][future], strict=True):
        ctx.add(
            Rule.FUTURE_PROGRESS_DATE,
            f"la fecha del reporte ({d:%Y-%m-%d}) es posterior a hoy ({ctx.today:%Y-%m-%d}).",
            f"the report date ({d:%Y-%m-%d}) is after today ({ctx.today:%Y-%m-%d}).",
            sheet=s.name,
            row=int(row),
            column="Fecha",
            value=f"{d:%Y-%m-%d}",
        )
    ev = out["evidence"]
    bad_url = pd.Series(
        map_unique(ev, lambda u: bool(u) and not _URL.match(u)), index=ev.index, dtype=bool
    )
    for row, url in zip(rows[bad_url], ev[bad_url], strict=True):
        ctx.add(
            Rule.BAD_URL,
            f"la evidencia «{url}» no es un enlace http(s); no se mostrará como enlace.",
            f"evidence «{url}» is not an http(s) link; it will not be shown as a link.",
            sheet=s.name,
            row=int(row),
            column="Evidencia",
            value=url,
        )
    out = out.sort_values(["date", "row"], kind="stable", na_position="last")
    return out.reset_index(drop=True)[model.PROGRESS_COLUMNS]


def _meta(data: pd.DataFrame | None) -> dict[str, str]:
    if data is None or len(data) == 0:
        return {}
    keys = _text(data, "key")
    values = _text(data, "value")
    return {k: v for k, v in zip(keys, values, strict=True) if k}


# --------------------------------------------------------------------------------------------
# Hierarchy and cross-references (on the merged plan)
# --------------------------------------------------------------------------------------------
def _derive_hierarchy(plan: Plan) -> Plan:
    """activities.objective from strategies; products.strategy/objective from activities."""
    strat_obj = dict(zip(plan.strategies["code"], plan.strategies["objective"], strict=True))
    acts = plan.activities.assign(
        objective=plan.activities["strategy"].map(strat_obj).fillna("").astype(str)
    )
    act_strat = dict(zip(acts["code"], acts["strategy"], strict=True))
    act_obj = dict(zip(acts["code"], acts["objective"], strict=True))
    prods = plan.products.assign(
        strategy=plan.products["activity"].map(act_strat).fillna("").astype(str),
        objective=plan.products["activity"].map(act_obj).fillna("").astype(str),
    )
    return replace(plan, activities=acts, products=prods)


_REFS = (
    # child sheet, child table, column, header, parent sheet, parent table, rule, es, en
    (
        model.STRATEGIES,
        "strategies",
        "objective",
        "Objetivo",
        model.OBJECTIVES,
        "objectives",
        Rule.UNKNOWN_OBJECTIVE,
        "objetivo desconocido",
        "unknown objective",
    ),
    (
        model.ACTIVITIES,
        "activities",
        "strategy",
        "Estrategia",
        model.STRATEGIES,
        "strategies",
        Rule.UNKNOWN_STRATEGY,
        "estrategia desconocida",
        "unknown strategy",
    ),
    (
        model.PRODUCTS,
        "products",
        "activity",
        "Actividad",
        model.ACTIVITIES,
        "activities",
        Rule.UNKNOWN_ACTIVITY,
        "actividad desconocida",
        "unknown activity",
    ),
    (
        model.PROGRESS,
        "progress",
        "code",
        "Producto",
        model.PRODUCTS,
        "products",
        Rule.UNKNOWN_PRODUCT,
        "producto desconocido",
        "unknown product",
    ),
)


def _check_references(
    ctx: _Ctx, plan: Plan, usable: set[str], in_file: set[str], has_base: bool
) -> None:
    """Every parent code must exist in the merged plan.

    Rows from this file are reported with their Excel row. Rows kept from the base plan are
    checked too when this file replaced their parent table (a product removed while the base's
    progress log still reports on it).
    """
    for child, ckey, col, header, parent, pkey, rule, es, en in _REFS:
        if parent.name not in usable and (parent.name in in_file or not has_base):
            continue  # the parent sheet is broken or missing: already reported
        child_from_file = child.name in usable
        if not child_from_file and parent.name not in usable:
            continue
        if child.name in in_file and not child_from_file:
            continue
        table = getattr(plan, ckey)
        known = set(getattr(plan, pkey)["code"])
        values = table[col]
        unknown = values.ne("") & ~values.isin(known)
        if not unknown.any():
            continue
        hints = Suggester(sorted(known))
        for value, row in zip(values[unknown], table["row"][unknown], strict=True):
            hint = hints(value)
            tail_es = f" ¿Quiso decir «{hint}»?" if hint else ""
            tail_en = f" Did you mean «{hint}»?" if hint else ""
            if child_from_file:
                ctx.add(
                    rule,
                    f"{es} «{value}» (no está en la hoja «{parent.name}»).{tail_es}",
                    f"{en} «{value}» (not in sheet «{parent.name}»).{tail_en}",
                    sheet=child.name,
                    row=None if pd.isna(row) else int(row),
                    column=header,
                    value=value,
                )
            else:
                ctx.add(
                    rule,
                    f"en el plan base, la hoja «{child.name}» (fila {row}) se refiere a «{value}», "
                    f"que ya no está en la hoja «{parent.name}» de este archivo.",
                    f"in the base plan, sheet «{child.name}» (row {row}) refers to «{value}», "
                    f"which is no longer in sheet «{parent.name}» of this file.",
                    sheet=child.name,
                    column=header,
                    value=value,
                )


__all__ = ["LoadResult", "load_default", "load_rows", "load_workbook", "merge_plans", "Severity"]

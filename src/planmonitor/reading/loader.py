"""load_workbook(): bytes or a path in, a validated Plan (or the full list of issues) out.

The loader never raises on bad content: a damaged file, a missing sheet, an unknown agency are
all issues in `LoadResult.issues`, collected in one pass. A partial workbook (e.g. only
«Avances») is loaded on top of a base plan; cross-references are then checked against the
merged result.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd

from planmonitor import model
from planmonitor.catalog import gcm_catalog
from planmonitor.i18n import t
from planmonitor.model import Plan, Severity
from planmonitor.reading.kinds import Reading
from planmonitor.reading.normalize import AgencyResolver, Suggester
from planmonitor.reading.planinfo import read_plan_info
from planmonitor.reading.sheets import Ctx, build_table, text
from planmonitor.reading.validate import IssueLog, Rule
from planmonitor.reading.workbook import (
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


@dataclass(frozen=True)
class LoadResult:
    ok: bool  # no issue of severity "error"
    issues: pd.DataFrame  # model.ISSUE_COLUMNS
    plan: Plan | None  # None unless ok
    sheets: tuple[str, ...] = field(default=())  # sheet names recognised in the file
    # Issues past Limits.max_issues, counted per rule (each also a «y N más» row of `issues`)
    more: dict[str, int] = field(default_factory=dict)


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
    log = IssueLog(limits.max_issues)
    try:
        data = read_source(src, limits)
        tables = read_tables(data, limits, log)
    except WorkbookError as exc:
        log.add(
            exc.rule, exc.message, exc.message_en, value=exc.value, sheet=exc.sheet, row=exc.row
        )
        return LoadResult(False, log.frame(), None, ())
    except Exception as exc:  # a reader failure we did not foresee is still "unreadable"
        log.issue(Rule.UNREADABLE_FILE, value=f"{type(exc).__name__}: {exc}"[:200])
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
    return _load_tables(tables, base, IssueLog(Limits().max_issues), today)


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
        log.issue(
            Rule.UNREADABLE_FILE,
            "rule.unreadable_file.internal",
            value=f"{type(exc).__name__}: {exc}"[:200],
        )
        return LoadResult(False, log.frame(), None, tuple(tables), dict(log.more))
    ok = not log.has_errors
    return LoadResult(ok, log.frame(), plan if ok else None, tuple(tables), dict(log.more))


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
    more = {r: first.more.get(r, 0) + second.more.get(r, 0) for r in {**first.more, **second.more}}
    return LoadResult(second.ok, issues, second.plan, sheets, more)


def append_log(base: pd.DataFrame, update: pd.DataFrame) -> pd.DataFrame:
    """The base progress log plus the update's entries it does not already hold.

    The monthly update is usually just the new reports; a full log downloaded from the
    template and extended is also fine: its entries already in the base are not added twice.
    A report of a product and date the base already holds, with other values, is a correction:
    the update's reports of that product and date replace the base's (issue 10; the store
    keeps the previous version, so the old report is not lost).
    """
    if len(update) == 0:
        return base
    key = list(model.PROGRESS_IDENTITY)
    seen = set(base[key].itertuples(index=False, name=None))
    new = [row not in seen for row in update[key].itertuples(index=False, name=None)]
    # base's rows keep their order; an update's row goes after them, a correction where the
    # report it replaces was
    order = [float(i) for i in range(len(base))]
    added = [len(base) + j / (len(update) + 1) for j in range(len(update))]
    day = ["date", "code"]
    corrected = set(update.loc[new, day].itertuples(index=False, name=None))
    if corrected:
        first: dict[tuple, int] = {}
        replaced = []
        for i, row in enumerate(base[day].itertuples(index=False, name=None)):
            replaced.append(row in corrected)
            if row in corrected:
                first.setdefault(row, i)
        rows = list(update[day].itertuples(index=False, name=None))
        new = [n or row in corrected for n, row in zip(new, rows, strict=True)]
        added = [
            first[row] + (j + 1) / (len(update) + 1) if row in first else a
            for j, (row, a) in enumerate(zip(rows, added, strict=True))
        ]
        order = [o for o, r in zip(order, replaced, strict=True) if not r]
        base = base[[not r for r in replaced]]
    merged = pd.concat([base, update[new]], ignore_index=True)
    keep = [*order, *(a for a, n in zip(added, new, strict=True) if n)]
    return (
        merged.assign(_order=keep)
        .sort_values(["date", "_order"], kind="stable")
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
    # An update without a «Plan» sheet keeps the current plan's description (issue 9).
    info = update.info if model.PLAN_SHEET.name in update.sheets else base.info
    return _derive_hierarchy(Plan(**tables, meta=meta, sheets=sheets, info=info))  # type: ignore[arg-type]


# --------------------------------------------------------------------------------------------
# Building the plan
# --------------------------------------------------------------------------------------------
def _build_plan(
    tables: dict[str, SheetTable], base: Plan | None, log: IssueLog, today: pd.Timestamp
) -> Plan:
    ctx = Ctx(log, today)
    if not tables:
        names = ", ".join(f"«{s.name}»" for s in model.SHEETS)
        log.issue(Rule.NO_KNOWN_SHEET, names=names)
    if base is None:
        for name in model.STRUCTURE_SHEETS:
            if name not in tables:
                log.issue(Rule.MISSING_SHEET, sheet=name)
    usable: dict[str, SheetTable] = {}
    for name, table in tables.items():
        key = "rule.missing_column" if table.header_row else "rule.missing_column.no_header"
        for header in table.missing:
            log.issue(
                Rule.MISSING_COLUMN, key, sheet=name, row=table.header_row, column=header,
                header=header,
            )  # fmt: skip
        if not table.missing:
            usable[name] = table
    in_file = set(tables)
    if base is not None:
        # An update's sheet with its header and no data rows (the empty template) would wipe
        # that table: it is taken as "not included" and the current data is kept.
        for name in [n for n, tb in usable.items() if len(tb.data) == 0]:
            del usable[name]
            in_file.discard(name)
            log.issue(Rule.EMPTY_SHEET, sheet=name)

    def table(sheet: model.Sheet, reading: Reading) -> pd.DataFrame:
        """The sheet's table from the file, else the base's, else an empty one."""
        found = usable.get(sheet.name)
        if found is not None:
            return build_table(ctx, sheet, found.data, reading)
        if base is not None:
            return getattr(base, sheet.key)
        quiet = Ctx(log, today, emit=False)
        return build_table(quiet, sheet, pd.DataFrame({"row": []}), reading)

    # Agencies first: every other sheet resolves agency names through them. Without a usable
    # agency table every name would be "unknown": that sheet's own issue (missing sheet or
    # column) is the one to report, so names are kept as written.
    agencies = table(model.AGENCIES, Reading())
    known_agencies = model.AGENCIES.name in usable or base is not None
    reading = Reading(AgencyResolver(agencies) if known_agencies else None)
    tables_: dict[str, object] = {"agencies": agencies}
    for sheet in model.SHEETS:
        if sheet.key in ("agencies", "meta"):
            continue
        if sheet.key == "gcm" and sheet.name not in usable:
            tables_["gcm"] = base.gcm if base is not None else gcm_catalog()
            continue
        tables_[sheet.key] = table(sheet, reading)
    meta_table = usable.get(model.META.name)
    plan_table = usable.get(model.PLAN_SHEET.name)
    info = None if plan_table is None else read_plan_info(ctx, plan_table.data)
    if plan_table is not None and info is None:
        usable.pop(model.PLAN_SHEET.name)  # its issues are said; the plan is not stored
    update = Plan(
        **tables_,  # type: ignore[arg-type]
        meta=_meta(None if meta_table is None else meta_table.data),
        sheets=tuple(s.name for s in model.READ_SHEETS if s.name in usable),
        info=info,
    )
    plan = merge_plans(base, update) if base is not None else _derive_hierarchy(update)
    _check_references(ctx, plan, set(usable), in_file, has_base=base is not None)
    _check_activity_parents(ctx, plan, set(usable), has_base=base is not None)
    _check_period(ctx, plan, set(usable))
    return plan


# Dates checked against the plan's period: sheet, table, column, header.
_PERIOD_DATES = (
    (model.PRODUCTS, "products", "start", "Inicio"),
    (model.PRODUCTS, "products", "end", "Fin"),
    (model.PROGRESS, "progress", "date", "Fecha"),
)


def _check_period(ctx: Ctx, plan: Plan, usable: set[str]) -> None:
    """DATE_OUTSIDE_PERIOD warning for this file's dates outside the period its «Plan» sheet
    states (an inferred period is not checked: it is not the plan's word)."""
    info = plan.info
    if info is None or info.period_inferred:
        return
    first, last = f"{info.start:%Y-%m-%d}", f"{info.end:%Y-%m-%d}"
    for sheet, key, name, header in _PERIOD_DATES:
        if sheet.name not in usable:
            continue
        table = getattr(plan, key)
        days = table[name]
        outside = days.notna() & ((days < info.start) | (days > info.end))
        for day, row in zip(days[outside], table["row"][outside], strict=True):
            ctx.issue(
                Rule.DATE_OUTSIDE_PERIOD, sheet=sheet.name,
                row=None if pd.isna(row) else int(row), column=header,
                value=f"{day:%Y-%m-%d}", first=first, last=last,
            )  # fmt: skip


def _meta(data: pd.DataFrame | None) -> dict[str, str]:
    if data is None or len(data) == 0:
        return {}
    keys = text(data, "key")
    values = text(data, "value")
    return {k: v for k, v in zip(keys, values, strict=True) if k}


# --------------------------------------------------------------------------------------------
# Hierarchy and cross-references (on the merged plan)
# --------------------------------------------------------------------------------------------
def _derive_hierarchy(plan: Plan) -> Plan:
    """activities.objective from strategies (or as stated, in a plan without strategies);
    products.strategy/objective from activities."""
    strat_obj = dict(zip(plan.strategies["code"], plan.strategies["objective"], strict=True))
    stated = plan.activities["objective"].fillna("").astype(str)
    strategy = plan.activities["strategy"]
    derived = pd.Series([strat_obj.get(s, "") for s in strategy], index=strategy.index, dtype=str)
    no_strategy = plan.activities["strategy"].fillna("").eq("")
    acts = plan.activities.assign(objective=stated.where(no_strategy, derived))
    act_strat = dict(zip(acts["code"], acts["strategy"], strict=True))
    act_obj = dict(zip(acts["code"], acts["objective"], strict=True))
    prods = plan.products.assign(
        strategy=plan.products["activity"].map(act_strat).fillna("").astype(str),
        objective=plan.products["activity"].map(act_obj).fillna("").astype(str),
    )
    return replace(plan, activities=acts, products=prods)


# child sheet, its table, the referring column and header, parent sheet, its table, rule
_REFS = (
    (model.STRATEGIES, "strategies", "objective", "Objetivo", model.OBJECTIVES, "objectives",
     Rule.UNKNOWN_OBJECTIVE),
    (model.ACTIVITIES, "activities", "strategy", "Estrategia", model.STRATEGIES, "strategies",
     Rule.UNKNOWN_STRATEGY),
    (model.PRODUCTS, "products", "activity", "Actividad", model.ACTIVITIES, "activities",
     Rule.UNKNOWN_ACTIVITY),
    (model.PROGRESS, "progress", "code", "Producto", model.PRODUCTS, "products",
     Rule.UNKNOWN_PRODUCT),
)  # fmt: skip


def _check_references(
    ctx: Ctx, plan: Plan, usable: set[str], in_file: set[str], has_base: bool
) -> None:
    """Every parent code must exist in the merged plan.

    Rows from this file are reported with their Excel row. Rows kept from the base plan are
    checked too when this file replaced their parent table (a product removed while the base's
    progress log still reports on it).
    """
    for child, ckey, col, header, parent, pkey, rule in _REFS:
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
            if ctx.log.full:
                ctx.count(rule, 1)
            elif child_from_file:
                ctx.issue(
                    rule, sheet=child.name, row=None if pd.isna(row) else int(row),
                    column=header, value=value, parent=parent.name, hint=_hint(hints, value),
                )  # fmt: skip
            else:
                ctx.issue(
                    rule, "rule.unknown_reference.base", sheet=child.name, column=header,
                    value=value, child=child.name, base_row=row, parent=parent.name,
                )  # fmt: skip


def _check_activity_parents(ctx: Ctx, plan: Plan, usable: set[str], has_base: bool) -> None:
    """An activity names its strategy, or (a plan without strategies) its objective."""
    sheet = model.ACTIVITIES
    if sheet.name not in usable:
        return
    acts = plan.activities
    no_strategy = acts["strategy"].eq("") & (acts["row"].notna())
    if plan.has_strategies:
        for row in acts.loc[no_strategy, "row"]:
            ctx.issue(Rule.REQUIRED_VALUE, sheet=sheet.name, row=int(row), column="Estrategia")
        return
    for row in acts.loc[no_strategy & acts["objective"].eq(""), "row"]:
        ctx.issue(Rule.REQUIRED_VALUE, sheet=sheet.name, row=int(row), column="Objetivo")
    if model.OBJECTIVES.name not in usable and not has_base:
        return  # the objectives sheet is missing or broken: already reported
    known = set(plan.objectives["code"])
    unknown = no_strategy & acts["objective"].ne("") & ~acts["objective"].isin(known)
    hints = Suggester(sorted(known))
    for value, row in zip(acts.loc[unknown, "objective"], acts.loc[unknown, "row"], strict=True):
        ctx.issue(
            Rule.UNKNOWN_OBJECTIVE, sheet=sheet.name, row=int(row), column="Objetivo",
            value=value, parent=model.OBJECTIVES.name, hint=_hint(hints, value),
        )  # fmt: skip


def _hint(hints: Suggester, value: str):  # noqa: ANN202 - a message part per language
    def part(lang: str) -> str:
        found = hints(value)
        return t("rule.hint", lang, hint=found) if found else ""

    return part


__all__ = ["LoadResult", "load_default", "load_rows", "load_workbook", "merge_plans", "Severity"]

"""Carry-over (issue 9, plans-as-data.md §4): the template of the next plan, prefilled with what
a plan left unfinished.

`unfinished_plan(plan)` keeps the products whose latest status is neither «Completado» nor
«Cancelado» (a product never reported is unfinished too), the activities, strategies and
objectives they hang from, the agencies they name plus those that hold a role in the network
(secretariat, committee), and the GCM table; no progress report and no metadata go with it (the
next plan's log starts empty, and the example-data mark belongs to the old log). Codes, texts
and dates stay as the old plan wrote them: a date outside the new period is a warning naming
the period when the workbook is uploaded, so the secretariat sees what to move.

`carry_over_template(plan)` is `template.build_template` of that plan plus a «Plan» sheet whose
`Plan anterior` is the old plan's id and whose other keys are left empty: the title, the
network and the period of the next plan are the secretariat's to state, never guessed here (an
upload without them is refused with the list of keys to add).
"""

from __future__ import annotations

import io

import openpyxl
import pandas as pd

from planmonitor import model
from planmonitor.analysis.metrics import latest_status
from planmonitor.output.export import write_cell
from planmonitor.reading import planinfo

PLAN_SHEET = model.PLAN_SHEET.name
PREVIOUS_KEY = "Plan anterior"
# The «Plan» sheet's keys as the template writes them (docs/plans-as-data.md §1): the loader's
# own list, so the template and the reader can never disagree.
PLAN_KEYS: tuple[str, ...] = tuple(pk.key for pk in planinfo.PLAN_KEYS)
FINISHED: frozenset[str] = frozenset({model.Status.COMPLETED.value, model.Status.CANCELLED.value})


def unfinished_codes(plan: model.Plan) -> list[str]:
    """Codes of the products whose latest status is not finished, in plan order."""
    latest = latest_status(plan)
    return latest.loc[~latest["status"].isin(FINISHED), "code"].astype(str).tolist()


def _names(values: pd.Series) -> set[str]:
    out: set[str] = set()
    for v in values:
        if isinstance(v, list | tuple):
            out |= {str(x) for x in v}
        elif isinstance(v, str) and v:
            out.add(v)
    return out


def _holds_a_role(agencies: pd.DataFrame) -> pd.Series:
    """Agencies that are more than members (secretariat, committee): the network's structure.
    An agency may hold several roles (plans-as-data.md §2)."""
    member = model.Role.MEMBER.value
    return agencies["roles"].map(lambda rs: any(str(r) != member for r in (rs or [])))


def unfinished_plan(plan: model.Plan) -> model.Plan:
    """The part of `plan` the next plan carries over (see the module docstring)."""
    codes = set(unfinished_codes(plan))
    products = plan.products[plan.products["code"].astype(str).isin(codes)]
    activities = plan.activities[
        plan.activities["code"].astype(str).isin(set(products["activity"].astype(str)))
    ]
    strategies = plan.strategies[
        plan.strategies["code"].astype(str).isin(set(activities["strategy"].astype(str)))
    ]
    objective_codes = set(strategies["objective"].astype(str))
    if "objective" in activities.columns:  # a plan without strategies names them directly
        objective_codes |= set(activities["objective"].astype(str))
    objectives = plan.objectives[plan.objectives["code"].astype(str).isin(objective_codes)]
    named = _names(products["leads"]) | _names(products["partners"])
    agencies = plan.agencies[
        plan.agencies["acronym"].astype(str).isin(named) | _holds_a_role(plan.agencies)
    ]
    return model.Plan(
        objectives=objectives.reset_index(drop=True),
        strategies=strategies.reset_index(drop=True),
        activities=activities.reset_index(drop=True),
        products=products.reset_index(drop=True),
        agencies=agencies.reset_index(drop=True),
        gcm=plan.gcm,
        progress=plan.progress.iloc[0:0].copy(),
        meta={},
        sheets=plan.sheets,
    )


def carry_over_template(plan: model.Plan) -> bytes:
    """The template of the plan that follows `plan`, prefilled with its unfinished work."""
    from planmonitor.output.template import build_template

    assert plan.info is not None
    book = openpyxl.load_workbook(io.BytesIO(build_template(unfinished_plan(plan))))
    _plan_sheet(book, plan.info.plan_id)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _plan_sheet(book: openpyxl.Workbook, previous: str) -> None:
    """Write `Plan anterior` in the template's «Plan» sheet (Clave / Valor / Ayuda: the template
    always writes every key); every other value is left as the template has it (empty)."""
    ws = book[PLAN_SHEET]
    for row in ws.iter_rows(min_row=2):
        if str(row[0].value or "").strip() == PREVIOUS_KEY:
            write_cell(row[1], previous)
            return
    raise AssertionError(f"the template's «{PLAN_SHEET}» sheet has no «{PREVIOUS_KEY}» row")

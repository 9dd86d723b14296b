"""The first versions of an empty store: the workbooks bundled with the application.

A store is seeded only when it holds no plan at all (a fresh store); a store that holds any
plan, the bundled one or another, is never seeded again. The workbooks make one plan (the
first names it; the partial updates after it keep its description).
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Sequence
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from planmonitor.store import schema
from planmonitor.store.engine import write_lock
from planmonitor.store.errors import StoreUnavailable

SEED_FILES: tuple[str, ...] = ("plan-de-trabajo-2023-2024.xlsx", "avances-ejemplo.xlsx")


def candidates(paths: Sequence[Path]) -> list[schema.Candidate]:
    """The versions the workbooks make, each loaded on top of the one before (a plan, then
    partial updates); StoreUnavailable when one is missing or has errors (the store cannot
    be created)."""
    from planmonitor.reading.loader import load_workbook

    base = None
    out = []
    for p in paths:
        if not p.exists():
            raise StoreUnavailable("seed_missing", path=str(p))
        data = p.read_bytes()
        result = load_workbook(data, base=base)
        if not result.ok or result.plan is None:
            errors = schema.issues_or_empty(result.issues)
            first = "; ".join(errors["message"].head(3).tolist())
            raise StoreUnavailable("seed_invalid", name=p.name, errors=first)
        plan = result.plan
        if base is not None and schema.named_plan_id(plan) is None:
            plan = dataclasses.replace(plan, info=base.info)  # an update keeps the description
        base = plan
        out.append(
            schema.Candidate(
                plan=plan,
                issues=schema.issues_or_empty(result.issues),
                data=data,
                filename=p.name,
                sha256=hashlib.sha256(data).hexdigest(),
                sheets=tuple(result.sheets),
                kind="seed",
                author="planmonitor",
                note="Datos incluidos con la aplicación",
            )
        )
    return out


def _has_versions(conn: Connection) -> bool:
    """Anything stored already: a plan, or a version of one."""
    if conn.execute(sa.select(schema.plans_table.c.plan_id).limit(1)).first() is not None:
        return True
    return conn.execute(sa.select(schema.versions_table.c.id).limit(1)).first() is not None


def seed(engine: Engine, paths: Sequence[Path]) -> None:
    """Store the workbooks as the first versions of one plan when the store is empty.

    Safe under concurrency: the emptiness is checked again under the write lock.
    """
    with engine.connect() as c:
        if _has_versions(c):
            return
    found = candidates([Path(p) for p in paths])
    with write_lock(engine) as conn:
        if _has_versions(conn):
            return
        parent = None
        for cand in found:
            assert cand.plan.info is not None
            plan_id = found[0].plan.info.plan_id  # type: ignore[union-attr]
            parent = schema.insert_version(conn, plan_id, cand, parent_id=parent)

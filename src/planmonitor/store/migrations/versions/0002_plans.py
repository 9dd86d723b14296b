"""Several plans in one store (issue 9): table `plans`, and a `plan_id` on every per-plan row.

`plans` holds one row per plan (its id, network, title, period and whole description as JSON).
versions, files, snapshots and decision_records gain a `plan_id` (NOT NULL, indexed, a foreign
key to plans). The rows a store already holds all belong to one plan: the plan of its latest
snapshot (`plan.info.plan_id`; "plan" for data without a «Plan» sheet), whose row is created
with that snapshot's description. An empty store gets no plan: seeding creates it.

On SQLite the tables are copied (batch mode), with foreign keys off as SQLite's documented
procedure asks (migrations.upgrade does it); every row is kept.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import datetime as dt
import json

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

PLAN_ID_LENGTH = 80
TABLES = ("versions", "files", "snapshots", "decision_records")  # the per-plan tables


def _plans_columns() -> tuple:
    return (
        sa.Column("plan_id", sa.String(PLAN_ID_LENGTH), primary_key=True),
        sa.Column("network_id", sa.String(PLAN_ID_LENGTH), nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("start", sa.Date, nullable=False),
        sa.Column("end", sa.Date, nullable=False),
        sa.Column("info", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )


def _existing_info(bind: sa.engine.Connection):
    """The description of the plan in the latest snapshot (None: an empty store)."""
    import pandas as pd

    from planmonitor import model
    from planmonitor.store import codec

    snapshots = sa.table("snapshots", sa.column("version_id"), sa.column("plan"))
    raw = bind.execute(
        sa.select(snapshots.c.plan).order_by(snapshots.c.version_id.desc()).limit(1)
    ).scalar()
    if raw is not None:
        return codec.unpack_plan(bytes(raw)).info
    decisions = sa.table("decision_records", sa.column("id"))
    if bind.execute(sa.select(decisions.c.id).limit(1)).first() is None:
        return None
    # decisions without any version (never seen in practice): the plan without a description,
    # over the current year as a plan with no date is (model.inferred_period)
    year = dt.date.today().year
    return model.PlanInfo(
        plan_id="plan",
        title="",
        network_es="",
        network_en="",
        network_id="",
        country="",
        region="",
        start=pd.Timestamp(year=year, month=1, day=1),
        end=pd.Timestamp(year=year, month=12, day=31),
        period_inferred=True,
    )


def upgrade() -> None:
    from planmonitor.store import codec

    bind = op.get_bind()
    plans = op.create_table("plans", *_plans_columns())
    info = _existing_info(bind)
    plan_id = None if info is None else info.plan_id[:PLAN_ID_LENGTH]
    if info is not None:
        op.bulk_insert(
            plans,
            [
                {
                    "plan_id": plan_id,
                    "network_id": (info.network_id or "")[:PLAN_ID_LENGTH],
                    "title": info.title or "",
                    "start": info.start.date(),
                    "end": info.end.date(),
                    "info": json.dumps(
                        codec.info_to_json(info), ensure_ascii=False, sort_keys=True
                    ),
                    "created_at": dt.datetime.now(dt.UTC),
                }
            ],
        )
    sqlite = bind.dialect.name == "sqlite"
    for name in TABLES:
        with op.batch_alter_table(name, recreate="always" if sqlite else "auto") as batch:
            batch.add_column(sa.Column("plan_id", sa.String(PLAN_ID_LENGTH), nullable=True))
        if plan_id is not None:
            table = sa.table(name, sa.column("plan_id"))
            op.execute(table.update().values(plan_id=plan_id))
        with op.batch_alter_table(name, recreate="always" if sqlite else "auto") as batch:
            batch.alter_column("plan_id", existing_type=sa.String(PLAN_ID_LENGTH), nullable=False)
            batch.create_foreign_key(f"fk_{name}_plan_id", "plans", ["plan_id"], ["plan_id"])
            batch.create_index(f"ix_{name}_plan_id", ["plan_id"])


def downgrade() -> None:
    for name in reversed(TABLES):
        with op.batch_alter_table(name) as batch:
            batch.drop_index(f"ix_{name}_plan_id")
            batch.drop_constraint(f"fk_{name}_plan_id", type_="foreignkey")
            batch.drop_column("plan_id")
    op.drop_table("plans")

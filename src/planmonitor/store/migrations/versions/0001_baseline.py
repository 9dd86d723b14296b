"""Baseline: the schema of release v1 (versions, files, snapshots, decision_records).

A store written before migrations existed has these tables (decision_records only once a
decision was recorded) and no alembic_version: the tables it lacks are created, those it has
are checked (they must have v1's columns, or this is not a planmonitor store) and kept as
they are, rows included. The definitions are frozen here as v1 created them; later changes
are later revisions.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from planmonitor.store.errors import StoreUnavailable

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _versions() -> tuple:
    return (
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("author", sa.String(200), nullable=False),
        sa.Column("filename", sa.String(500), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("parent_id", sa.Integer, sa.ForeignKey("versions.id"), nullable=True),
        sa.Column("restored_from", sa.Integer, sa.ForeignKey("versions.id"), nullable=True),
        sa.Column("sheets", sa.Text, nullable=False),
        sa.Column("content_sha256", sa.String(64), nullable=False),
    )


def _files() -> tuple:
    return (
        sa.Column("version_id", sa.Integer, sa.ForeignKey("versions.id"), primary_key=True),
        sa.Column("bytes", sa.LargeBinary, nullable=False),
    )


def _snapshots() -> tuple:
    return (
        sa.Column("version_id", sa.Integer, sa.ForeignKey("versions.id"), primary_key=True),
        sa.Column("format", sa.Integer, nullable=False),
        sa.Column("plan", sa.LargeBinary, nullable=False),
        sa.Column("issues", sa.LargeBinary, nullable=False),
    )


def _decision_records() -> tuple:
    return (
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("decision_id", sa.String(32), nullable=False),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("author", sa.String(200), nullable=False),
        sa.Column("meeting_date", sa.Date, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("target_type", sa.String(16), nullable=False),
        sa.Column("target_code", sa.String(40), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("owner", sa.String(300), nullable=False),
        sa.Column("due_date", sa.Date, nullable=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.UniqueConstraint("decision_id", "revision", name="uq_decision_revision"),
    )


TABLES = {  # parents first
    "versions": _versions,
    "files": _files,
    "snapshots": _snapshots,
    "decision_records": _decision_records,
}


def upgrade() -> None:
    bind = op.get_bind()
    inspector = sa.inspect(bind)
    existing = set(inspector.get_table_names())
    for name, columns in TABLES.items():
        if name not in existing:
            op.create_table(name, *columns())
            continue
        wanted = {c.name for c in columns() if isinstance(c, sa.Column)}
        found = {c["name"] for c in inspector.get_columns(name)}
        if not wanted <= found:
            url = bind.engine.url.render_as_string(hide_password=True)
            raise StoreUnavailable("not_a_store", table=name, url=url)


def downgrade() -> None:
    for name in reversed(TABLES):
        op.drop_table(name)

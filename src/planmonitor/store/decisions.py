"""Decisions and action points of the Executive Committee's meetings, stored append-only.

The secretariat records them during a meeting against a product or a strategy: what, who, by
when, a decision or an action point, the meeting's date, open or done. They live in their own
table on the store's database (never in a plan version), so uploading a workbook or rolling
back a version never touches them. Each record belongs to one plan (`plan_id`, issue 9): a
`Decisions` book reads and writes the decisions of its plan only (`Store.for_plan(id)
.decisions()`; `Decisions(engine)` alone is the default plan's book).

Append-only, like the store: an edit or a status change is a new record with the same
`decision_id` and the next `revision`; the current state of a decision is its latest revision,
and its history is every revision. A unique (decision_id, revision) makes two simultaneous
edits of one decision fail cleanly instead of silently overwriting each other.

This module keeps the data only; the minutes (table, Excel, HTML) are planmonitor.output.minutes.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from planmonitor.i18n import t
from planmonitor.store import schema
from planmonitor.store.engine import write_lock

KINDS: tuple[str, ...] = ("decision", "action")
STATUSES: tuple[str, ...] = ("open", "done")
TARGETS: tuple[str, ...] = ("product", "strategy")
MAX_TEXT = 2000
MAX_OWNER = 300
MAX_CODE = 40

metadata = sa.MetaData()
decisions_table = sa.Table(
    "decision_records",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("decision_id", sa.String(32), nullable=False),
    sa.Column("revision", sa.Integer, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("author", sa.String(200), nullable=False),
    sa.Column("meeting_date", sa.Date, nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("target_type", sa.String(16), nullable=False),
    sa.Column("target_code", sa.String(MAX_CODE), nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("owner", sa.String(MAX_OWNER), nullable=False, default=""),
    sa.Column("due_date", sa.Date, nullable=True),
    sa.Column("status", sa.String(16), nullable=False),
    sa.UniqueConstraint("decision_id", "revision", name="uq_decision_revision"),
    sa.Column(
        "plan_id",
        sa.String(schema.PLAN_ID_LENGTH),
        sa.ForeignKey(schema.plans_table.c.plan_id, name="fk_decision_records_plan_id"),
        nullable=False,
        index=True,
    ),
)

COLUMNS = [
    "decision_id",
    "revision",
    "meeting_date",
    "kind",
    "target_type",
    "target_code",
    "text",
    "owner",
    "due_date",
    "status",
    "author",
    "created_at",
]
_FIELDS = ("meeting_date", "kind", "target_type", "target_code", "text", "owner", "due_date")


class DecisionError(ValueError):
    """A record that cannot be stored; `messages` are (Spanish, English) pairs for the user."""

    def __init__(self, messages: list[tuple[str, str]]) -> None:
        self.messages = messages
        super().__init__(" · ".join(es for es, _ in messages))

    def message(self, lang: str = "es") -> str:
        return " · ".join(en if lang == "en" else es for es, en in self.messages)


@dataclass(frozen=True)
class Entry:
    """What the secretariat types for one decision or action point."""

    meeting_date: dt.date
    kind: str  # KINDS
    target_type: str  # TARGETS
    target_code: str
    text: str
    owner: str = ""
    due_date: dt.date | None = None
    status: str = "open"  # STATUSES

    def cleaned(self) -> Entry:
        """Trimmed text; dates as plain dates (a Timestamp or datetime is accepted)."""
        return Entry(
            meeting_date=_as_date(self.meeting_date),
            kind=str(self.kind).strip(),
            target_type=str(self.target_type).strip(),
            target_code=str(self.target_code or "").strip(),
            text=str(self.text or "").strip(),
            owner=str(self.owner or "").strip(),
            due_date=None if _missing(self.due_date) else _as_date(self.due_date),
            status=str(self.status).strip(),
        )

    def problems(self, codes: Mapping[str, object] | None = None) -> list[tuple[str, str]]:
        """Every reason this entry cannot be stored (empty when it can).

        `codes`, when given, are the valid target codes (products and strategies of the plan).
        """
        e = self.cleaned()
        out: list[tuple[str, str]] = []

        def add(key: str, **kw: object) -> None:
            out.append((t(key, "es", **kw), t(key, "en", **kw)))

        if e.kind not in KINDS:
            add("decisions.err.kind", value=e.kind)
        if e.target_type not in TARGETS:
            add("decisions.err.target_type", value=e.target_type)
        if e.status not in STATUSES:
            add("decisions.err.status", value=e.status)
        if not e.target_code:
            add("decisions.err.no_target")
        elif len(e.target_code) > MAX_CODE or (codes is not None and e.target_code not in codes):
            add("decisions.err.unknown_target", code=e.target_code)
        if not e.text:
            add("decisions.err.no_text")
        elif len(e.text) > MAX_TEXT:
            add("decisions.err.long_text", n=MAX_TEXT)
        if len(e.owner) > MAX_OWNER:
            add("decisions.err.long_owner", n=MAX_OWNER)
        if e.kind == "action" and not e.owner:
            add("decisions.err.no_owner")
        if e.due_date is not None and e.due_date < e.meeting_date:
            add("decisions.err.due_before")
        return out


def _missing(value: object) -> bool:
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _as_date(value: object) -> dt.date:
    if isinstance(value, dt.datetime | pd.Timestamp):
        return pd.Timestamp(value).date()
    if isinstance(value, dt.date):
        return value
    return pd.Timestamp(str(value)).date()


# --------------------------------------------------------------------------------------------
# The records
# --------------------------------------------------------------------------------------------
@dataclass
class Decisions:
    """Decisions and action points of one plan, stored on the store's database.

    `plan_id` None: the store's default plan (api.default_plan_id), as the pages use it.
    """

    engine: Engine
    plan_id: str | None = None

    def __post_init__(self) -> None:
        ensure_schema(self.engine)
        if self.plan_id is None:
            from planmonitor.store.api import Store

            self.plan_id = Store(self.engine).default_plan_id() or ""

    def _mine(self) -> sa.ColumnElement[bool]:
        """The one condition every query of this book carries: its plan's records only."""
        return decisions_table.c.plan_id == self.plan_id

    def record(self, entry: Entry, author: str, codes: Mapping[str, object] | None = None) -> str:
        """Store a new decision or action point; returns its decision_id."""
        e = _checked(entry, codes)
        decision_id = uuid.uuid4().hex
        with write_lock(self.engine) as c:
            c.execute(
                decisions_table.insert().values(
                    **_row(e, decision_id, 1, author), plan_id=self._plan_for_writing(c)
                )
            )
        return decision_id

    def _plan_for_writing(self, conn) -> str:
        if not self.plan_id or not schema.plan_exists(conn, self.plan_id):
            from planmonitor.store.errors import StoreError

            raise StoreError("store.err.unknown_plan", plan=self.plan_id or "")
        return str(self.plan_id)

    def supersede(
        self,
        decision_id: str,
        author: str,
        codes: Mapping[str, object] | None = None,
        based_on: int | None = None,
        **changes: object,
    ) -> int:
        """A new revision of a decision with `changes` applied; returns the new revision.

        The previous revisions stay as they were (the history of who changed what, when).
        `based_on` is the revision the editor was looking at: when someone else saved a newer
        one meanwhile, the edit is refused instead of silently overwriting theirs. Raises
        KeyError for an unknown decision, DecisionError for an invalid result or a conflict.
        """
        unknown = set(changes) - set(_FIELDS) - {"status"}
        if unknown:
            raise TypeError(f"unknown fields: {', '.join(sorted(unknown))}")
        with write_lock(self.engine) as c:
            last = c.execute(
                sa.select(decisions_table)
                .where(decisions_table.c.decision_id == decision_id, self._mine())
                .order_by(decisions_table.c.revision.desc())
                .limit(1)
            ).one_or_none()
            if last is None:
                raise KeyError(decision_id)
            if based_on is not None and int(last.revision) != int(based_on):
                raise DecisionError([_conflict()])
            current = {k: getattr(last, k) for k in (*_FIELDS, "status")}
            e = _checked(Entry(**{**current, **changes}), codes)
            revision = int(last.revision) + 1
            try:
                c.execute(
                    decisions_table.insert().values(
                        **_row(e, decision_id, revision, author), plan_id=self.plan_id
                    )
                )
            except sa.exc.IntegrityError as exc:
                raise DecisionError([_conflict()]) from exc
        return revision

    def set_status(
        self, decision_id: str, status: str, author: str, based_on: int | None = None
    ) -> int:
        """Mark a decision open or done (a superseding record)."""
        return self.supersede(decision_id, author, based_on=based_on, status=status)

    def current(self, meeting_date: dt.date | str | None = None) -> pd.DataFrame:
        """The latest revision of every decision (of one meeting when given), in the order
        they were first recorded."""
        d = decisions_table
        latest = (
            sa.select(
                d.c.decision_id,
                sa.func.max(d.c.revision).label("rev"),
                sa.func.min(d.c.id).label("first_id"),
            )
            .where(self._mine())
            .group_by(d.c.decision_id)
            .subquery()
        )
        q = (
            sa.select(*[d.c[k] for k in COLUMNS], latest.c.first_id)
            .join(
                latest,
                sa.and_(d.c.decision_id == latest.c.decision_id, d.c.revision == latest.c.rev),
            )
            .where(self._mine())
            .order_by(latest.c.first_id)
        )
        if meeting_date is not None:
            q = q.where(d.c.meeting_date == _as_date(meeting_date))
        with self.engine.connect() as c:
            rows = c.execute(q).all()
        df = _frame([tuple(r)[: len(COLUMNS)] for r in rows])
        return df.sort_values(["meeting_date"], kind="stable").reset_index(drop=True)

    def history(self, decision_id: str) -> pd.DataFrame:
        """Every revision of one decision, oldest first."""
        d = decisions_table
        q = sa.select(*[d.c[k] for k in COLUMNS]).where(
            d.c.decision_id == decision_id, self._mine()
        )
        with self.engine.connect() as c:
            rows = c.execute(q.order_by(d.c.revision)).all()
        return _frame([tuple(r) for r in rows])

    def meetings(self) -> list[dt.date]:
        """The dates of the meetings that have decisions, newest first."""
        return sorted({d for d in self.current()["meeting_date"].dt.date}, reverse=True)


def ensure_schema(engine: Engine) -> None:
    """The store's schema at its head revision, decisions table included (the migrations
    create it; one query when it is there already)."""
    from planmonitor.store import migrations

    migrations.upgrade(engine)


def _conflict() -> tuple[str, str]:
    return (t("decisions.err.conflict", "es"), t("decisions.err.conflict", "en"))


def _checked(entry: Entry, codes: Mapping[str, object] | None) -> Entry:
    problems = entry.problems(codes)
    if problems:
        raise DecisionError(problems)
    return entry.cleaned()


def _row(e: Entry, decision_id: str, revision: int, author: str) -> dict:
    return {
        "decision_id": decision_id,
        "revision": revision,
        "created_at": dt.datetime.now(dt.UTC),
        "author": (str(author or "").strip() or "?")[:200],
        "meeting_date": e.meeting_date,
        "kind": e.kind,
        "target_type": e.target_type,
        "target_code": e.target_code,
        "text": e.text,
        "owner": e.owner,
        "due_date": e.due_date,
        "status": e.status,
    }


def _frame(rows: list[tuple]) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=COLUMNS)
    text = ["decision_id", "kind", "target_type", "target_code", "text", "owner", "status"]
    df = df.astype({**dict.fromkeys(text, "str"), "author": "str", "revision": "int64"})
    df["meeting_date"] = pd.to_datetime(df["meeting_date"])
    df["due_date"] = pd.to_datetime(df["due_date"])
    df["created_at"] = pd.to_datetime(df["created_at"], utc=True)
    return df

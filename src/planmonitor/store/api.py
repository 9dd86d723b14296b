"""The store's API: append-only versions of the plan in one database.

`open_store()` opens (creating, migrating and seeding on first use) the store; a `Store`
reads versions, checks an upload against the current one (`preview`), stores it (`commit`)
and restores an older one (`rollback`). Every write goes through the one writer lock
(engine.write_lock) and writes a version's rows together (schema.insert_version).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

import pandas as pd
from sqlalchemy.engine import Engine

from planmonitor import model
from planmonitor.analysis.diff import Changes, diff_plans
from planmonitor.i18n import t
from planmonitor.store import codec, migrations, policy, schema
from planmonitor.store import seed as seeding
from planmonitor.store.engine import (
    DATA_DIR,
    default_url,
    make_engine,
    shown_url,
    unavailable,
    write_lock,
)
from planmonitor.store.errors import StoreError, StoreUnavailable
from planmonitor.store.results import CommitResult, Preview


class Store:
    """Append-only versions of the plan in one database."""

    def __init__(self, engine: Engine, data_dir: Path = DATA_DIR) -> None:
        self.engine = engine
        self.data_dir = Path(data_dir)
        self.is_sqlite = engine.dialect.name == "sqlite"

    # -- reads ----------------------------------------------------------------------------
    def current_version_id(self) -> int:
        """The latest version's id: one query on the primary key (every rerun calls it)."""
        with self.engine.connect() as c:
            return schema.resolve(c, None)

    def plan(self, version_id: int | None = None) -> model.Plan:
        """The full plan of a version (the current one by default)."""
        with self.engine.connect() as c:
            return schema.read_plan(c, schema.resolve(c, version_id))

    def issues(self, version_id: int | None = None) -> pd.DataFrame:
        """The warnings found when that version's data was checked."""
        with self.engine.connect() as c:
            return schema.read_issues(c, schema.resolve(c, version_id))

    def versions(self) -> pd.DataFrame:
        """Every version, oldest first."""
        with self.engine.connect() as c:
            return schema.read_versions(c)

    def version(self, version_id: int) -> dict:
        """One version's row as a dict (raises StoreError when it does not exist)."""
        with self.engine.connect() as c:
            row = schema.read_row(c, schema.resolve(c, version_id))
        return {k: row[k] for k in schema.VERSION_COLUMNS}

    def file_bytes(self, version_id: int) -> bytes:
        """The file stored with a version, byte for byte."""
        with self.engine.connect() as c:
            return schema.read_file(c, schema.resolve(c, version_id))

    def diff(self, old_id: int, new_id: int) -> Changes:
        return diff_plans(self.plan(old_id), self.plan(new_id))

    def export_bytes(self, version_id: int | None = None) -> bytes:
        """The full data of a version as a normalised workbook."""
        from planmonitor.output import export

        return export.write_workbook(export.plan_to_sheets(self.plan(version_id)))

    # -- checking an upload -----------------------------------------------------------------
    def _check(
        self,
        data: bytes,
        filename: str,
        base_id: int,
        base: model.Plan,
        append_progress: bool = True,
    ) -> Preview:
        digest = hashlib.sha256(data).hexdigest()
        common = dict(filename=filename, sha256=digest, size=len(data), base_version_id=base_id)
        too_large = policy.size_issues(len(data))
        if too_large is not None:
            return Preview(ok=False, issues=too_large, **common)
        from planmonitor.reading.loader import load_workbook

        result = load_workbook(data, base=base, append_progress=append_progress)
        issues = schema.issues_or_empty(result.issues)
        if not result.ok or result.plan is None:
            return Preview(ok=False, issues=issues, sheets=tuple(result.sheets), **common)
        changes = diff_plans(base, result.plan)
        identical = codec.content_sha256(result.plan) == codec.content_sha256(base)
        return Preview(
            ok=True,
            issues=issues,
            sheets=tuple(result.sheets),
            plan=result.plan,
            changes=changes,
            identical=identical,
            base_progress=len(base.progress),
            **common,
        )

    def preview(self, data: bytes, filename: str, *, append_progress: bool = True) -> Preview:
        """Load and validate a file against the current version and diff it; writes nothing.

        `append_progress` (the default): a file's `Avances` rows are added to the current log
        (entries it already holds are not added twice), so the monthly update can be just the
        new reports; False replaces the whole log with the file's (to correct or remove
        entries; the removal confirmation then applies).
        """
        base_id = self.current_version_id()
        # The current version's own file changes nothing when added again; replacing the log
        # with it can (that version may have added its reports to a longer log).
        if append_progress and self._sha_of(base_id) == hashlib.sha256(data).hexdigest():
            return self._same_file_preview(data, filename, base_id)
        return self._check(data, filename, base_id, self.plan(base_id), append_progress)

    def _sha_of(self, version_id: int) -> str:
        return str(self.version(version_id)["sha256"])

    def _same_file_preview(self, data: bytes, filename: str, base_id: int) -> Preview:
        # The very file of the current version: recognised without loading it again.
        empty = diff_plans(plan := self.plan(base_id), plan)
        return Preview(
            ok=True,
            issues=self.issues(base_id),
            filename=filename,
            sha256=hashlib.sha256(data).hexdigest(),
            size=len(data),
            base_version_id=base_id,
            plan=plan,
            changes=empty,
            identical=True,
        )

    # -- writes -----------------------------------------------------------------------------
    def commit(
        self,
        data: bytes,
        filename: str,
        author: str,
        note: str = "",
        *,
        allow_removals: bool = True,
        append_progress: bool = True,
    ) -> CommitResult:
        """Validate and store a file as a new version (nothing stored on error or no change).

        The file is checked against the current version first; if another version lands before
        the lock is taken, it is checked again against that one, so a partial upload always
        applies to the version it is written after. With `allow_removals=False` a file that
        would remove products (or much of the progress log) against that version is refused
        (`refused_removals`): the page and the CLI pass it until the person confirmed.
        """
        author = _author(author)
        preview = self.preview(data, filename, append_progress=append_progress)
        if not preview.ok or preview.identical:
            return CommitResult(False, preview.base_version_id, preview)
        if not allow_removals and preview.needs_removal_confirmation:
            return CommitResult(False, preview.base_version_id, preview, refused_removals=True)
        with write_lock(self.engine) as conn:
            current = schema.resolve(conn, None)
            if current != preview.base_version_id:
                if append_progress and schema.read_row(conn, current)["sha256"] == preview.sha256:
                    return CommitResult(
                        False, current, self._same_file_preview(data, filename, current)
                    )
                base = schema.read_plan(conn, current)
                preview = self._check(data, filename, current, base, append_progress)
                if not preview.ok or preview.identical:
                    return CommitResult(False, current, preview)
                if not allow_removals and preview.needs_removal_confirmation:
                    return CommitResult(False, current, preview, refused_removals=True)
            assert preview.plan is not None
            new_id = schema.insert_version(
                conn,
                schema.Candidate(
                    plan=preview.plan,
                    issues=preview.issues,
                    data=data,
                    filename=filename,
                    sha256=preview.sha256,
                    sheets=preview.sheets,
                    kind="upload",
                    author=author,
                    note=note,
                ),
                parent_id=current,
            )
        return CommitResult(True, new_id, preview, parent_id=current)

    def rollback(self, version_id: int, author: str, note: str = "") -> int:
        """Store a new version with the data of an older one; returns its id.

        When that data is already the current data, nothing is stored and the current id is
        returned.
        """
        author = _author(author)
        with write_lock(self.engine) as conn:
            target = schema.resolve(conn, version_id)
            current = schema.resolve(conn, None)
            row = schema.read_row(conn, target)
            if row["content_sha256"] == schema.read_row(conn, current)["content_sha256"]:
                return current
            return schema.insert_version(
                conn,
                schema.Candidate(
                    plan=schema.read_plan(conn, target),
                    issues=schema.read_issues(conn, target),
                    data=schema.read_file(conn, target),
                    filename=row["filename"],
                    sha256=row["sha256"],
                    sheets=tuple(s for s in row["sheets"].split(",") if s),
                    kind="rollback",
                    author=author,
                    note=note or t("store.rollback_note", "es", v=target),
                    restored_from=target,
                    content=row["content_sha256"],
                ),
                parent_id=current,
            )

    def ensure_seeded(self, files: Sequence[Path] | None = None) -> None:
        """Store the bundled workbooks (or `files`) as the first versions of an empty store."""
        seeding.seed(self.engine, files or [self.data_dir / n for n in seeding.SEED_FILES])

    def dispose(self) -> None:
        self.engine.dispose()


def _author(author: str) -> str:
    author = (author or "").strip()
    if not author:
        raise StoreError("store.err.no_author")
    return author


def open_store(
    url: str | None = None,
    data_dir: Path | None = None,
    seed: bool | Sequence[Path] = True,
) -> Store:
    """Open the store: create or upgrade its schema (migrations) and seed it on first use.

    url None -> env PLANMONITOR_DATABASE_URL -> sqlite:///<data_dir>/planmonitor.sqlite.
    `seed` True seeds from the bundled workbooks in data_dir, a list of paths from those files
    (a plan, then partial updates), False not at all. A database that cannot be used raises
    StoreUnavailable (its `reason` and `message(lang)` say why).
    """
    data_dir = Path(data_dir or DATA_DIR)
    url = url or default_url(data_dir)
    engine = make_engine(url)
    try:
        _make_sqlite_folder(engine, url)
        migrations.upgrade(engine)
        store = Store(engine, data_dir)
        if seed:
            store.ensure_seeded(None if seed is True else list(seed))
    except Exception as exc:
        engine.dispose()
        problem = unavailable(exc, url)
        if problem is None or problem is exc:
            raise
        raise problem from exc
    return store


def _make_sqlite_folder(engine: Engine, url: str) -> None:
    database = engine.url.database if engine.dialect.name == "sqlite" else None
    if not database or database == ":memory:":
        return
    try:
        Path(database).parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreUnavailable("cannot_open", url=shown_url(url)) from exc

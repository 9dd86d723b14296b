"""The store's API: several plans, each with its append-only versions, in one database.

`open_store()` opens (creating, migrating and seeding on first use) the store. A `Store` lists
its plans (`plans()`), routes an upload to the plan it belongs to (`preview`, `commit`) and
hands out a `PlanStore` per plan (`for_plan(id)`): the one place where every read and write is
limited to one plan's rows (versions, files, snapshots, decisions), so nothing of one plan can
reach another. The single-plan methods of `Store` (`plan()`, `versions()`, `rollback()`…)
are those of the default plan (`default_plan_id`: the plan whose period contains today, else
the one that ended last), for the pages that show one plan. Every write goes through the one
writer lock (engine.write_lock) and writes a version's rows together (schema.insert_version).
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Collection, Sequence
from pathlib import Path

import pandas as pd
from sqlalchemy.engine import Connection, Engine

from planmonitor import model
from planmonitor.analysis import networks
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

PLANS_COLUMNS = [
    "plan_id",
    "title",
    "network_es",
    "network_en",
    "network_id",
    "country",
    "region",
    "start",
    "end",
    "current_version_id",
    "versions",
    "closed",
]


def default_plan_id(plans: pd.DataFrame, today: object = None) -> str | None:
    """The plan a page shows when none is chosen: the one whose period contains today, else
    the one with the latest end (None when the store holds no plan). `plans` has at least
    plan_id, start and end (Store.plans())."""
    periods = zip(plans["plan_id"], plans["start"], plans["end"], strict=True)
    return _default_of(list(periods), today)


def _default_of(periods: list[tuple[str, object, object]], today: object) -> str | None:
    if not periods:
        return None
    day = pd.Timestamp.today().normalize() if today is None else pd.Timestamp(today).normalize()
    rows = [(str(p), pd.Timestamp(s), pd.Timestamp(e)) for p, s, e in periods]
    current = [r for r in rows if r[1] <= day <= r[2]]
    # among several: the latest end, then the latest start, then the id (a stable choice)
    return max(current or rows, key=lambda r: (r[2], r[1], r[0]))[0]


def workbook_plan_id(plan: model.Plan | None) -> str | None:
    """The plan a loaded workbook names, or None when it has no «Plan» sheet."""
    return schema.named_plan_id(plan)


def _empty_like(plan: model.Plan) -> model.Plan:
    """A plan with the same tables and no rows: what a new plan is compared with."""
    tables = {k: getattr(plan, k).iloc[0:0].copy() for k in codec.TABLES}
    return model.Plan(**tables, meta={}, sheets=(), info=plan.info)


class PlanStore:
    """One plan of the store: its versions, files, progress log and decisions.

    Every query filters on `plan_id` here (and in the schema functions this class is the one
    caller of): a version id of another plan is "no such version".
    """

    def __init__(self, store: Store, plan_id: str) -> None:
        self.store = store
        self.engine = store.engine
        self.plan_id = plan_id

    def __repr__(self) -> str:
        return f"PlanStore({self.plan_id!r})"

    # -- reads ----------------------------------------------------------------------------
    def current_version_id(self) -> int:
        """The plan's latest version id: one query on an index (every rerun calls it)."""
        with self.engine.connect() as c:
            return schema.resolve(c, self.plan_id, None)

    def plan(self, version_id: int | None = None) -> model.Plan:
        """The full plan of a version (the current one by default)."""
        with self.engine.connect() as c:
            return schema.read_plan(c, self.plan_id, schema.resolve(c, self.plan_id, version_id))

    def issues(self, version_id: int | None = None) -> pd.DataFrame:
        """The warnings found when that version's data was checked."""
        with self.engine.connect() as c:
            vid = schema.resolve(c, self.plan_id, version_id)
            return schema.read_issues(c, self.plan_id, vid)

    def versions(self) -> pd.DataFrame:
        """Every version of the plan, oldest first."""
        with self.engine.connect() as c:
            return schema.read_versions(c, self.plan_id)

    def version(self, version_id: int) -> dict:
        """One version's row as a dict (raises StoreError when the plan has no such version)."""
        with self.engine.connect() as c:
            row = schema.read_row(c, self.plan_id, schema.resolve(c, self.plan_id, version_id))
        return {k: row[k] for k in schema.VERSION_COLUMNS}

    def file_bytes(self, version_id: int) -> bytes:
        """The file stored with a version, byte for byte."""
        with self.engine.connect() as c:
            return schema.read_file(c, self.plan_id, schema.resolve(c, self.plan_id, version_id))

    def diff(self, old_id: int, new_id: int) -> Changes:
        return diff_plans(self.plan(old_id), self.plan(new_id))

    def export_bytes(self, version_id: int | None = None) -> bytes:
        """The full data of a version as a normalised workbook."""
        from planmonitor.output import export

        return export.write_workbook(export.plan_to_sheets(self.plan(version_id)))

    def decisions(self):
        """The plan's decisions and action points (store.decisions.Decisions)."""
        from planmonitor.store.decisions import Decisions

        return Decisions(self.engine, self.plan_id)

    # -- checking an upload -----------------------------------------------------------------
    def _check(
        self,
        data: bytes,
        filename: str,
        base_id: int,
        base: model.Plan,
        append_progress: bool = True,
        loaded=None,
    ) -> Preview:
        """The preview of a file as an update of this plan (`loaded`: the loader's result
        against `base`, when the router has it already)."""
        digest = hashlib.sha256(data).hexdigest()
        common = dict(
            filename=filename,
            sha256=digest,
            size=len(data),
            base_version_id=base_id,
            target_plan_id=self.plan_id,
            target_title=_title(base),
        )
        too_large = policy.size_issues(len(data))
        if too_large is not None:
            return Preview(ok=False, issues=too_large, **common)
        result = loaded if loaded is not None else _load(data, base, append_progress)
        issues = schema.issues_or_empty(result.issues)
        if not result.ok or result.plan is None:
            return Preview(ok=False, issues=issues, sheets=tuple(result.sheets), **common)
        new = result.plan
        if workbook_plan_id(new) is None:  # no «Plan» sheet: the plan keeps its description
            new = dataclasses.replace(new, info=base.info)
        changes = diff_plans(base, new)
        identical = codec.content_sha256(new) == codec.content_sha256(base)
        return Preview(
            ok=True,
            issues=issues,
            sheets=tuple(result.sheets),
            plan=new,
            changes=changes,
            identical=identical,
            base_progress=len(base.progress),
            **common,
        )

    def preview(self, data: bytes, filename: str, *, append_progress: bool = True) -> Preview:
        """Store.preview with this plan selected: a file without a «Plan» sheet updates it, one
        whose sheet names another plan goes to that plan (the preview says which)."""
        return self.store.preview(
            data, filename, plan_id=self.plan_id, append_progress=append_progress
        )

    def _update_preview(self, data: bytes, filename: str, append_progress: bool) -> Preview:
        """The preview of a file as an update of this very plan (no routing)."""
        base_id = self.current_version_id()
        same = self._same_file(data, filename, base_id, append_progress)
        if same is not None:
            return same
        return self._check(data, filename, base_id, self.plan(base_id), append_progress)

    def _same_file(
        self, data: bytes, filename: str, base_id: int, append_progress: bool
    ) -> Preview | None:
        # The current version's own file changes nothing when added again; replacing the log
        # with it can (that version may have added its reports to a longer log).
        if append_progress and self._sha_of(base_id) == hashlib.sha256(data).hexdigest():
            return self._same_file_preview(data, filename, base_id)
        return None

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
            target_plan_id=self.plan_id,
            target_title=_title(plan),
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
        networks: Collection[str] | None = None,
    ) -> CommitResult:
        """Store.commit with this plan selected (routed like `preview`)."""
        return self.store.commit(
            data,
            filename,
            author,
            note,
            plan_id=self.plan_id,
            allow_removals=allow_removals,
            append_progress=append_progress,
            networks=networks,
        )

    def _store_checked(
        self,
        preview: Preview,
        data: bytes,
        filename: str,
        author: str,
        note: str,
        allow_removals: bool,
        append_progress: bool,
    ) -> CommitResult:
        """Store a checked update of this plan under the writer lock.

        If another version of the plan lands before the lock is taken, the file is checked
        again against that one, so a partial upload always applies to the version it is
        written after.
        """
        if not preview.ok or preview.identical:
            return CommitResult(False, preview.base_version_id, preview)
        if not allow_removals and preview.needs_removal_confirmation:
            return CommitResult(False, preview.base_version_id, preview, refused_removals=True)
        with write_lock(self.engine) as conn:
            current = schema.resolve(conn, self.plan_id, None)
            if current != preview.base_version_id:
                row = schema.read_row(conn, self.plan_id, current)
                if append_progress and row["sha256"] == preview.sha256:
                    return CommitResult(
                        False, current, self._same_file_preview(data, filename, current)
                    )
                base = schema.read_plan(conn, self.plan_id, current)
                renames_to = preview.renames_to
                preview = self._check(data, filename, current, base, append_progress)
                preview = dataclasses.replace(preview, renames_to=renames_to)
                if not preview.ok or preview.identical:
                    return CommitResult(False, current, preview)
                if not allow_removals and preview.needs_removal_confirmation:
                    return CommitResult(False, current, preview, refused_removals=True)
            new_id = _insert_upload(
                conn, self.plan_id, preview, data, filename, author, note, current
            )
            if preview.renames_to is not None and preview.plan is not None:
                schema.rename_plan(conn, self.plan_id, preview.plan.info)
        return CommitResult(True, new_id, preview, parent_id=current)

    def rollback(self, version_id: int, author: str, note: str = "") -> int:
        """Store a new version of the plan with the data of an older one; returns its id.

        When that data is already the current data, nothing is stored and the current id is
        returned.
        """
        author = _author(author)
        p = self.plan_id
        with write_lock(self.engine) as conn:
            target = schema.resolve(conn, p, version_id)
            current = schema.resolve(conn, p, None)
            row = schema.read_row(conn, p, target)
            if row["content_sha256"] == schema.read_row(conn, p, current)["content_sha256"]:
                return current
            return schema.insert_version(
                conn,
                p,
                schema.Candidate(
                    plan=schema.read_plan(conn, p, target),
                    issues=schema.read_issues(conn, p, target),
                    data=schema.read_file(conn, p, target),
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


def _dates_within(plan: model.Plan, start: pd.Timestamp, end: pd.Timestamp) -> bool:
    """Every date of `plan` (products' start and end, progress entries) is within start-end."""
    days = pd.concat(
        [plan.products["start"], plan.products["end"], plan.progress["date"]], ignore_index=True
    )
    days = pd.to_datetime(days, errors="coerce").dropna()
    return bool(((days >= start) & (days <= end)).all())


def _title(plan: model.Plan | None) -> str:
    return "" if plan is None or plan.info is None else plan.info.title


def _load(data: bytes, base: model.Plan | None, append_progress: bool):
    from planmonitor.reading import loader

    return loader.load_workbook(
        data, base=base, append_progress=append_progress and base is not None
    )


def _insert_upload(
    conn: Connection,
    plan_id: str,
    preview: Preview,
    data: bytes,
    filename: str,
    author: str,
    note: str,
    parent_id: int | None,
) -> int:
    assert preview.plan is not None
    return schema.insert_version(
        conn,
        plan_id,
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
        parent_id=parent_id,
    )


class Store:
    """The plans of one database, each with its append-only versions."""

    def __init__(self, engine: Engine, data_dir: Path = DATA_DIR) -> None:
        self.engine = engine
        self.data_dir = Path(data_dir)
        self.is_sqlite = engine.dialect.name == "sqlite"

    # -- the plans ------------------------------------------------------------------------
    def plans(self, today: object = None) -> pd.DataFrame:
        """Every plan, earliest period first: its description, current version, number of
        versions, and whether its period has ended (`closed`, as of `today`)."""
        day = pd.Timestamp.today() if today is None else pd.Timestamp(today)
        with self.engine.connect() as c:
            found = schema.read_plans(c)
        rows = [
            (
                i.plan_id,
                i.title,
                i.network_es,
                i.network_en,
                i.network_id,
                i.country,
                i.region,
                pd.Timestamp(i.start),
                pd.Timestamp(i.end),
                current,
                n,
                i.is_closed(day),
            )
            for i, current, n in found
        ]
        df = pd.DataFrame(rows, columns=PLANS_COLUMNS)
        text = ["plan_id", "title", "network_es", "network_en", "network_id", "country", "region"]
        df = df.astype({**dict.fromkeys(text, "str"), "versions": "int64", "closed": "bool"})
        df["start"] = pd.to_datetime(df["start"]).astype("datetime64[ns]")
        df["end"] = pd.to_datetime(df["end"]).astype("datetime64[ns]")
        df["current_version_id"] = df["current_version_id"].astype("Int64")
        return df

    def networks(self, today: object = None) -> pd.DataFrame:
        """The store's networks (analysis.networks.NETWORK_COLUMNS): its plans grouped by the
        network their «Plan» sheet states (issue 11); no table of their own."""
        return networks.networks(self.plans(today))

    def plan_ids(self) -> list[str]:
        with self.engine.connect() as c:
            return schema.plan_ids(c)

    def default_plan_id(self, today: object = None) -> str | None:
        """The plan whose period contains today, else the latest (None: no plan yet); one
        small query (the single-plan methods call it every time)."""
        with self.engine.connect() as c:
            return _default_of(schema.read_periods(c), today)

    def for_plan(self, plan_id: str | None = None) -> PlanStore:
        """One plan's store (the default plan for None); StoreError for an unknown id."""
        if plan_id is None:
            plan_id = self.default_plan_id()
            if plan_id is None:
                raise StoreError("store.err.empty")
            return PlanStore(self, plan_id)
        with self.engine.connect() as c:
            if not schema.plan_exists(c, str(plan_id)):
                raise StoreError("store.err.unknown_plan", plan=str(plan_id))
        return PlanStore(self, str(plan_id))

    def _default(self) -> PlanStore:
        return self.for_plan(None)

    # -- the default plan's reads (the pages that show one plan) --------------------------
    def current_version_id(self) -> int:
        return self._default().current_version_id()

    def plan(self, version_id: int | None = None) -> model.Plan:
        return self._default().plan(version_id)

    def issues(self, version_id: int | None = None) -> pd.DataFrame:
        return self._default().issues(version_id)

    def versions(self) -> pd.DataFrame:
        return self._default().versions()

    def version(self, version_id: int) -> dict:
        return self._default().version(version_id)

    def file_bytes(self, version_id: int) -> bytes:
        return self._default().file_bytes(version_id)

    def diff(self, old_id: int, new_id: int) -> Changes:
        return self._default().diff(old_id, new_id)

    def export_bytes(self, version_id: int | None = None) -> bytes:
        return self._default().export_bytes(version_id)

    def decisions(self):
        return self._default().decisions()

    def rollback(self, version_id: int, author: str, note: str = "") -> int:
        return self._default().rollback(version_id, author, note)

    # -- routing an upload --------------------------------------------------------------------
    def preview(
        self,
        data: bytes,
        filename: str,
        *,
        plan_id: str | None = None,
        append_progress: bool = True,
    ) -> Preview:
        """Load and validate a file against the plan it belongs to and diff it; writes nothing.

        The workbook's «Plan» sheet names its plan: an existing plan is updated, an unknown one
        is created (compared with nothing: it removes nothing of any other plan, and no report
        of another plan joins its log). A workbook without that sheet updates `plan_id` (the
        default plan when None). `Preview.target_plan_id`, `creates_plan` and `target_text`
        say which, before anything is stored. See PlanStore.preview for `append_progress`.
        """
        selected = self._selected(plan_id)
        if selected is None:  # an empty store: the file makes the first plan
            return self._new_plan_preview(data, filename, None, append_progress)
        target = self.for_plan(selected)
        base_id = target.current_version_id()
        same = target._same_file(data, filename, base_id, append_progress)
        if same is not None:
            return same
        if policy.size_issues(len(data)) is not None:
            return target._check(data, filename, base_id, target.plan(base_id), append_progress)
        base = target.plan(base_id)
        loaded = _load(data, base, append_progress)
        named = workbook_plan_id(loaded.plan)
        if not loaded.ok:
            # errors against this plan; a complete workbook of another plan may still load
            alone = _load(data, None, False)
            alone_named = workbook_plan_id(alone.plan)
            if alone.ok and alone_named is not None and alone_named != selected:
                return self._route(data, filename, alone_named, append_progress, alone)
        if named is None or named == selected:
            return target._check(data, filename, base_id, base, append_progress, loaded)
        if loaded.ok and self._declares(target, base, loaded.plan, named):
            checked = target._check(data, filename, base_id, base, append_progress, loaded)
            return dataclasses.replace(checked, renames_to=named)
        return self._route(data, filename, named, append_progress, None)

    def _declares(
        self, target: PlanStore, base: model.Plan, new: model.Plan | None, named: str
    ) -> bool:
        """True when the file is the store's one undeclared plan getting its «Plan» sheet.

        Stores written before the plans hold the bundled plan as "plan" (no «Plan» sheet, its
        period inferred). A workbook naming an id the store does not know updates that plan
        (and gives it the id) rather than creating a second one, when the store holds that
        plan only, the period the file states holds every date of that plan and the file keeps
        at least half of its product codes. Any other unknown plan is a new plan (the next
        cycle, another network).
        """
        if new is None or new.info is None or workbook_plan_id(base) is not None:
            return False
        if named in (ids := self.plan_ids()) or ids != [target.plan_id]:
            return False
        if not _dates_within(base, new.info.start, new.info.end):
            return False
        old = set(base.products["code"].astype(str))
        kept = old & set(new.products["code"].astype(str))
        return bool(old) and 2 * len(kept) >= len(old)

    def _route(self, data, filename, named: str, append_progress: bool, alone) -> Preview:
        """The preview of a file whose «Plan» sheet names another plan than the selected one."""
        if named in self.plan_ids():
            return self.for_plan(named)._update_preview(data, filename, append_progress)
        return self._new_plan_preview(data, filename, alone, append_progress)

    def _new_plan_preview(
        self, data: bytes, filename: str, loaded, append_progress: bool = True
    ) -> Preview:
        """A file that creates a plan: loaded on its own and compared with an empty plan."""
        digest = hashlib.sha256(data).hexdigest()
        common = dict(filename=filename, sha256=digest, size=len(data), base_version_id=None)
        too_large = policy.size_issues(len(data))
        if too_large is not None:
            return Preview(ok=False, issues=too_large, creates_plan=True, **common)
        result = loaded if loaded is not None else _load(data, None, False)
        issues = schema.issues_or_empty(result.issues)
        if not result.ok or result.plan is None:
            return Preview(
                ok=False, issues=issues, sheets=tuple(result.sheets), creates_plan=True, **common
            )
        new = result.plan
        assert new.info is not None
        if new.info.plan_id in self.plan_ids():  # made meanwhile
            return self.for_plan(new.info.plan_id)._update_preview(data, filename, append_progress)
        return Preview(
            ok=True,
            issues=issues,
            sheets=tuple(result.sheets),
            plan=new,
            changes=diff_plans(_empty_like(new), new),
            target_plan_id=new.info.plan_id,
            target_title=new.info.title,
            creates_plan=True,
            **common,
        )

    def _selected(self, plan_id: str | None) -> str | None:
        if plan_id is None:
            return self.default_plan_id()
        with self.engine.connect() as c:
            if not schema.plan_exists(c, str(plan_id)):
                raise StoreError("store.err.unknown_plan", plan=str(plan_id))
        return str(plan_id)

    # -- writes -----------------------------------------------------------------------------
    def commit(
        self,
        data: bytes,
        filename: str,
        author: str,
        note: str = "",
        *,
        plan_id: str | None = None,
        allow_removals: bool = True,
        append_progress: bool = True,
        networks: Collection[str] | None = None,
    ) -> CommitResult:
        """Validate and store a file as a new version of the plan it belongs to (nothing is
        stored on error or when nothing changes); routed as `preview` says.

        `networks` (issue 11): the networks the uploader may write (None: every network). A
        file that would write any other (`preview_networks`) is refused whole
        (`refused_networks`), before anything is stored.

        With `allow_removals=False` a file that would remove products (or much of the progress
        log) of its plan is refused (`refused_removals`): the page and the CLI pass it until
        the person confirmed. A file that creates a plan is stored as its first version; if
        the plan was created meanwhile, the file is checked again as an update of it.
        """
        author = _author(author)
        preview = self.preview(data, filename, plan_id=plan_id, append_progress=append_progress)
        if networks is not None and preview.ok:
            outside = self.preview_networks(preview) - set(networks)
            if outside:
                return CommitResult(
                    False, preview.base_version_id, preview, refused_networks=tuple(sorted(outside))
                )
        if preview.creates_plan:
            return self._store_new_plan(
                preview, data, filename, author, note, allow_removals, append_progress, networks
            )
        assert preview.target_plan_id is not None
        return self.for_plan(preview.target_plan_id)._store_checked(
            preview, data, filename, author, note, allow_removals, append_progress
        )

    def _store_new_plan(
        self,
        preview: Preview,
        data: bytes,
        filename: str,
        author: str,
        note: str,
        allow_removals: bool,
        append_progress: bool,
        networks: Collection[str] | None = None,
    ) -> CommitResult:
        if not preview.ok or preview.plan is None:
            return CommitResult(False, None, preview)
        plan_id = str(preview.target_plan_id)
        new_id: int | None = None
        with write_lock(self.engine) as conn:
            if not schema.plan_exists(conn, plan_id):
                new_id = _insert_upload(conn, plan_id, preview, data, filename, author, note, None)
        if new_id is None:  # created since the preview: the file is an update of it now
            return self.commit(
                data,
                filename,
                author,
                note,
                plan_id=plan_id,
                allow_removals=allow_removals,
                append_progress=append_progress,
                networks=networks,
            )
        return CommitResult(True, new_id, preview, parent_id=None)

    def preview_networks(self, preview: Preview) -> frozenset[str]:
        """The networks a checked file writes (issue 11): its target plan's network in the
        store and, when the file states its plan, the network its «Plan» sheet names."""
        out: set[str] = set()
        if preview.target_plan_id is not None:
            found = networks.network_of(self.plans(), preview.target_plan_id)
            if found is not None:
                out.add(found)
        info = preview.plan.info if preview.plan is not None else None
        if info is not None and not info.period_inferred:
            out.add(networks.network_id_of(info.network_id, info.network_es))
        return frozenset(out)

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

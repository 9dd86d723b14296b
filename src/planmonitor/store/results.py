"""What the store answers when a file is checked or stored: a Preview, a CommitResult."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from planmonitor import model
from planmonitor.analysis.diff import Changes
from planmonitor.i18n import t
from planmonitor.store import policy


@dataclass(frozen=True)
class Preview:
    """What storing a file would do: its issues, or the changes against the current version
    of the plan it goes to (`target_plan_id`; `creates_plan`: a new plan, compared with an
    empty one, `base_version_id` None)."""

    ok: bool
    issues: pd.DataFrame  # model.ISSUE_COLUMNS
    filename: str
    sha256: str
    size: int
    base_version_id: int | None
    sheets: tuple[str, ...] = ()
    plan: model.Plan | None = None
    changes: Changes | None = None
    identical: bool = False  # same data as the base version: nothing to store
    base_progress: int = 0  # progress entries of the base version (for the removal share)
    target_plan_id: str | None = None  # the plan the file updates or creates (None: unknown)
    target_title: str = ""  # that plan's title
    creates_plan: bool = False  # the file's «Plan» sheet names a plan the store does not hold
    # the file gives the store's one undeclared plan ("plan") its «Plan» sheet: stored as an
    # update of it, the plan then takes this id (docs/plans-as-data.md §3, the bundled plan)
    renames_to: str | None = None

    def target_text(self, lang: str = "es") -> str:
        """«Se creará el plan nuevo «…»» / «Se actualizará el plan «…»» (before storing)."""
        if self.target_plan_id is None:
            return ""
        name = self.target_title or self.target_plan_id
        if self.renames_to is not None:
            title = self.plan.info.title if self.plan is not None and self.plan.info else ""
            return t(
                "store.target.declare",
                lang,
                plan_id=self.target_plan_id,
                new_id=self.renames_to,
                plan=title or self.renames_to,
            )
        key = "store.target.create" if self.creates_plan else "store.target.update"
        return t(key, lang, plan=name, plan_id=self.target_plan_id)

    @property
    def removed_products(self) -> int:
        return 0 if self.changes is None else len(self.changes.removed)

    @property
    def removed_progress(self) -> int:
        return 0 if self.changes is None else len(self.changes.removed_progress)

    @property
    def needs_removal_confirmation(self) -> bool:
        """Removing products, or much of the log, is never silent (see policy)."""
        if not self.ok or self.identical:
            return False
        return policy.needs_confirmation(
            self.removed_products, self.removed_progress, self.base_progress
        )

    def removal_text(self, lang: str = "es") -> str:
        """ "3 productos y 40 de los 120 avances del registro" (what confirming would remove)."""
        return policy.removal_text(
            self.removed_products, self.removed_progress, self.base_progress, lang
        )

    @property
    def errors(self) -> pd.DataFrame:
        return self.issues[self.issues["severity"] == model.Severity.ERROR.value]

    @property
    def warnings(self) -> pd.DataFrame:
        return self.issues[self.issues["severity"] != model.Severity.ERROR.value]

    def message(self, lang: str = "es") -> str:
        if not self.ok:
            return t("store.invalid", lang)
        if self.identical:
            return t("store.unchanged", lang, v=self.base_version_id)
        return self.changes.summary(lang) if self.changes is not None else ""


@dataclass(frozen=True)
class CommitResult:
    stored: bool  # False: invalid, or identical to the current data
    version_id: int | None  # the new version, or the current one when nothing was stored
    #                         (None: a new plan that was not stored)
    preview: Preview
    parent_id: int | None = None
    refused_removals: bool = False  # it would remove data and that was not confirmed
    refused_networks: tuple[str, ...] = ()  # networks it would write that the uploader may not

    def message(self, lang: str = "es") -> str:
        if self.stored:
            return t("store.stored", lang, v=self.version_id)
        if self.refused_networks:
            return t("store.network_refused", lang, network=", ".join(self.refused_networks))
        if self.refused_removals:
            return t("store.removals_refused", lang, what=self.preview.removal_text(lang))
        return self.preview.message(lang)

"""The dashboard's shared filters as one frozen value: apply it to a plan, describe it in words.

Fields combine with AND; the values inside a field combine with OR (two strategies show the
products of either). The committee is expanded for the agency filter: a member also matches a
product whose partners say "Comité Ejecutivo". Products without dates always match a period
filter: by default they belong to the whole plan and no page may drop them.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import pandas as pd

from planmonitor.analysis import metrics
from planmonitor.analysis.metrics import quarter_bounds
from planmonitor.i18n import agency_label, quarter_label, status_label, t
from planmonitor.model import NO_REPORT, STATUS_ORDER, AgencyRole, Plan

__all__ = ["Filters", "period_options", "quarter_bounds"]
_ROLES = {r.value for r in AgencyRole}
_STATUSES = {*STATUS_ORDER, NO_REPORT}


def period_options(plan: Plan) -> tuple[str, ...]:
    """The quarters the period filter offers: the plan's own period (plan.info), widened to
    any product dated outside it."""
    return metrics.plan_quarters(plan)


def _tuple_of_str(value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,) if value else ()
    return tuple(str(v) for v in value)  # type: ignore[union-attr]


@dataclass(frozen=True)
class Filters:
    """What the user chose in the sidebar (and the URL). The default shows everything."""

    agencies: tuple[str, ...] = ()
    agency_role: str = AgencyRole.ANY.value
    objectives: tuple[str, ...] = ()
    strategies: tuple[str, ...] = ()
    activities: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    period: tuple[str, str] | None = None
    gcm: tuple[int, ...] = ()

    def __post_init__(self) -> None:
        # Values arrive from widgets and URLs as lists: store tuples so the value stays
        # hashable, and reject what cannot be a filter instead of silently showing nothing.
        for name in ("agencies", "objectives", "strategies", "activities", "statuses"):
            object.__setattr__(self, name, _tuple_of_str(getattr(self, name)))
        object.__setattr__(self, "gcm", tuple(int(n) for n in (self.gcm or ())))
        role = str(self.agency_role)
        if role not in _ROLES:
            raise ValueError(f"agency_role no válido: {role!r} (lead, partner o any)")
        object.__setattr__(self, "agency_role", role)
        unknown = [s for s in self.statuses if s not in _STATUSES]
        if unknown:
            raise ValueError(f"Estado no válido: {', '.join(unknown)}")
        if self.period is not None:
            period = tuple(str(q) for q in self.period)
            if len(period) != 2:
                raise ValueError("period debe tener dos trimestres: (inicio, fin)")
            for q in period:
                quarter_bounds(q)  # raises ValueError on a malformed quarter
            first, last = sorted(period, key=lambda q: quarter_bounds(q)[0])
            object.__setattr__(self, "period", (first, last))

    def is_default(self) -> bool:
        """True when nothing is filtered (the pages then skip the caption's detail)."""
        return self == Filters()

    # ----------------------------------------------------------------------------------------
    def mask(self, plan: Plan, as_of: pd.Timestamp | None = None) -> pd.Series:
        """Boolean Series over plan.products (same index): which products pass."""
        products = plan.products
        keep = pd.Series(True, index=products.index)
        if self.agencies:
            wanted = set(self.agencies)
            roles = metrics.product_roles(plan, expand_committee=True)
            # product_roles is in plan order; map back to the products' own index
            order = (
                products.sort_values("seq", kind="stable").index
                if "seq" in products.columns
                else products.index
            )
            hits = []
            for leads, partners in roles:
                if self.agency_role == AgencyRole.LEAD.value:
                    pool = leads
                elif self.agency_role == AgencyRole.PARTNER.value:
                    pool = partners
                else:
                    pool = leads | partners
                hits.append(bool(pool & wanted))
            keep &= pd.Series(hits, index=order).reindex(products.index)
        for field, column in (
            ("objectives", "objective"),
            ("strategies", "strategy"),
            ("activities", "activity"),
        ):
            values = getattr(self, field)
            if values:
                keep &= products[column].astype(str).isin(values)
        if self.gcm:
            wanted_gcm = set(self.gcm)
            linked = [
                bool(every) or bool(wanted_gcm & metrics.gcm_numbers(g))
                for g, every in zip(products["gcm"], products["gcm_all"], strict=True)
            ]
            keep &= pd.Series(linked, index=products.index)
        if self.period is not None:
            window_start = quarter_bounds(self.period[0])[0]
            window_end = quarter_bounds(self.period[1])[1]
            start = pd.to_datetime(products["start"])
            end = pd.to_datetime(products["end"])
            # a missing bound is open (the plan's start or end): undated products always match
            overlaps = (start.isna() | (start <= window_end)) & (end.isna() | (end >= window_start))
            keep &= overlaps
        if self.statuses:
            latest = metrics.latest_status(plan, as_of)
            status = dict(zip(latest["code"], latest["status"], strict=True))
            keep &= products["code"].map(status).isin(self.statuses)
        return keep.astype(bool)

    def apply(self, plan: Plan, as_of: pd.Timestamp | None = None) -> Plan:
        """A filtered copy: products that pass, their progress; other tables untouched.

        `as_of` matters only for the status filter (the status on that date).
        """
        if self.is_default():
            return plan
        keep = self.mask(plan, as_of)
        products = plan.products[keep.to_numpy()].reset_index(drop=True)
        progress = plan.progress
        if len(progress):
            progress = progress[progress["code"].isin(set(products["code"]))]
            progress = progress.reset_index(drop=True)
        return dataclasses.replace(plan, products=products, progress=progress)

    # ----------------------------------------------------------------------------------------
    def describe(self, lang: str = "es", plan: Plan | None = None) -> str:
        """ "Mostrando: <sigla> como líder · Estrategia 2.1" — the caption every page shows."""
        parts = self.describe_parts(lang, plan)
        return t("filters.showing", lang, parts=" · ".join(parts) or t("filters.all", lang))

    def describe_parts(self, lang: str = "es", plan: Plan | None = None) -> list[str]:
        """The caption's pieces, one per active filter."""
        agencies_df = plan.agencies if plan is not None else None
        parts = []
        if self.agencies:
            names = ", ".join(agency_label(a, lang, agencies_df) for a in self.agencies)
            parts.append(t(f"filters.agency_{self.agency_role}", lang, agencies=names))
        for field, one, many in (
            ("objectives", "filters.objective", "filters.objectives"),
            ("strategies", "filters.strategy", "filters.strategies"),
            ("activities", "filters.activity", "filters.activities"),
        ):
            values = getattr(self, field)
            if values:
                parts.append(t(one if len(values) == 1 else many, lang, codes=", ".join(values)))
        if self.statuses:
            labels = ", ".join(status_label(s, lang) for s in self.statuses)
            parts.append(t("filters.status", lang, statuses=labels))
        if self.period is not None:
            first, last = (quarter_label(q, lang) for q in self.period)
            if first == last:
                parts.append(t("filters.period_one", lang, start=first))
            else:
                parts.append(t("filters.period", lang, start=first, end=last))
        if self.gcm:
            parts.append(t("filters.gcm", lang, numbers=", ".join(str(n) for n in self.gcm)))
        return parts

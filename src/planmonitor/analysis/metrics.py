"""What the dashboard measures: DataFrame -> DataFrame functions over a Plan.

Every function is pure: inputs are never mutated (pandas copy-on-write plus explicit new
frames), the result is a new tidy DataFrame in plan order, and there is no Streamlit here so
the CLI, the report and the tests call the same code as the pages.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

import pandas as pd

from planmonitor.i18n import fmt_date, fmt_percent, quarter_parts, status_label, t
from planmonitor.model import (
    COMMITTEE,
    NO_REPORT,
    STATUS_ORDER,
    AgencyRole,
    Plan,
    PlanInfo,
    Status,
    quarter_code,
)
from planmonitor.reading import normalize

UNDATED_COLUMN = "sin fechas"
ALL_STATUSES: tuple[str, ...] = (*STATUS_ORDER, NO_REPORT)
ALERT_KINDS: tuple[str, ...] = ("overdue", "not_started", "stale", "no_lead", "no_dates")
ALERT_COLUMNS = ["code", "name", "kind", "detail_es", "detail_en"]
# What the committee can act on, most urgent first (issue 10): a product is late, has not
# started, nobody reports on it, nobody leads it. A gap in the plan's own data (no dates) is
# the secretariat's to fill in: counted once (alert_gaps), not a row per product.
ACTION_KINDS: tuple[str, ...] = ("overdue", "not_started", "stale", "no_lead")
GAP_KINDS: tuple[str, ...] = ("no_dates",)
PRODUCT_ALERT_COLUMNS = ["code", "name", "kinds", "alert_es", "alert_en", "detail_es", "detail_en"]
LATEST_COLUMNS = [
    "code",
    "name",
    "objective",
    "strategy",
    "activity",
    "status",
    "percent",
    "last_date",
    "last_comment",
    "reported_by",
    "evidence",
    "n_reports",
    # carried along so a page can draw the Gantt from this one table
    "leads",
    "partners",
    "start",
    "end",
    "seq",
]
HISTORY_COLUMNS = ["date", "percent", "status", "comment", "reported_by", "evidence"]
LEVELS = ("objective", "strategy", "activity")
_DONE = {Status.COMPLETED.value, Status.CANCELLED.value}


# --------------------------------------------------------------------------------------------
# Shared helpers
# --------------------------------------------------------------------------------------------
def quarter_bounds(q: str) -> tuple[pd.Timestamp, pd.Timestamp]:
    """First and last day of a quarter written "AAAA-T2" (the plan's quarter code)."""
    parts = quarter_parts(q)
    if parts is None:
        raise ValueError(f"Trimestre no válido: {q!r} (se espera AAAA-T1 … AAAA-T4)")
    return normalize.quarter_bounds(*parts)


def _as_of(as_of: pd.Timestamp | str | None) -> pd.Timestamp:
    return pd.Timestamp.today().normalize() if as_of is None else pd.Timestamp(as_of)


def _ordered_products(plan: Plan) -> pd.DataFrame:
    products = plan.products
    if "seq" in products.columns and len(products):
        products = products.sort_values("seq", kind="stable")
    return products.reset_index(drop=True)


def _as_list(value: object) -> list[str]:
    if isinstance(value, (list, tuple, set)):
        return [str(v) for v in value if str(v).strip()]
    if isinstance(value, str) and value.strip():
        return [value]
    return []


def _expand(names: Iterable[str], members: list[str], exclude: Iterable[str] = ()) -> set[str]:
    """Replace the committee token by its members (minus `exclude`, e.g. the product's leads)."""
    names = set(names)
    if COMMITTEE in names:
        names.discard(COMMITTEE)
        skip = set(exclude)
        names |= {m for m in members if m not in skip}
    return names


def product_roles(plan: Plan, expand_committee: bool = False) -> list[tuple[set[str], set[str]]]:
    """(leads, partners) of each product in plan order.

    Expanded, the committee token becomes its members; a member already named as a lead or
    partner of the same product is not counted twice.
    """
    members = plan.committee_members()
    products = _ordered_products(plan)
    out = []
    for leads_raw, partners_raw in zip(products["leads"], products["partners"], strict=True):
        leads, partners = set(_as_list(leads_raw)), set(_as_list(partners_raw))
        if expand_committee:
            leads = _expand(leads, members)
            partners = _expand(partners, members, exclude=leads)
        out.append((leads, partners))
    return out


def _agency_axis(plan: Plan, roles: list[tuple[set[str], set[str]]], expand: bool) -> list[str]:
    """Agencies of the plan's table in order, then any unknown name found, then the committee."""
    axis = [str(a) for a in plan.agencies["acronym"].tolist()] if len(plan.agencies) else []
    seen = set(axis)
    for leads, partners in roles:
        for name in sorted((leads | partners) - seen - {COMMITTEE}):
            axis.append(name)
            seen.add(name)
    if not expand:
        axis.append(COMMITTEE)
    return axis


def group_level(plan: Plan) -> str:
    """The level products are grouped by on the charts: the strategies, or the objectives of a
    plan of three levels (objective or working group → activity → product)."""
    return "strategy" if plan.has_strategies else "objective"


def level_names(plan: Plan, level: str = "strategy") -> dict[str, str]:
    """code -> name of the objectives, strategies or activities (for chart labels)."""
    table = {
        "objective": plan.objectives,
        "strategy": plan.strategies,
        "activity": plan.activities,
    }.get(level)
    if table is None:
        raise ValueError(f"Nivel no válido: {level!r} (objective, strategy o activity)")
    if not len(table):
        return {}
    return dict(zip(table["code"].astype(str), table["name"].astype(str), strict=True))


# --------------------------------------------------------------------------------------------
# Status and completion
# --------------------------------------------------------------------------------------------
def _progress_until(plan: Plan, as_of: pd.Timestamp | None) -> pd.DataFrame:
    progress = plan.progress
    if not len(progress):
        return progress
    if as_of is not None:
        progress = progress[pd.to_datetime(progress["date"]) <= pd.Timestamp(as_of)]
    # stable sort: entries of the same day keep the log's order, the last one wins
    return progress.sort_values("date", kind="stable")


def last_entries(progress: pd.DataFrame) -> pd.DataFrame:
    """The entry that sets each product's status: the last by date, and among entries of the
    same day the later one in the log. One row per code, in the order of those entries.

    The one place this rule lives (latest_status, which diff and changes read).
    """
    if not len(progress):
        return progress
    return progress.sort_values("date", kind="stable").groupby("code", sort=False).tail(1)


def latest_status(plan: Plan, as_of: pd.Timestamp | str | None = None) -> pd.DataFrame:
    """One row per product (all of them, plan order) with its last reported status.

    "As of" a past date, later entries are ignored; a product with no entry shows NO_REPORT
    and 0 %.
    """
    products = _ordered_products(plan)
    progress = _progress_until(plan, None if as_of is None else pd.Timestamp(as_of))
    out = pd.DataFrame(
        {c: products[c] for c in ("code", "name", "objective", "strategy", "activity")}
    )
    codes = out["code"]
    if len(progress):
        last = last_entries(progress).set_index("code")
        counts = progress.groupby("code").size()
        out["status"] = codes.map(last["status"]).fillna(NO_REPORT).astype("str")
        out["percent"] = codes.map(last["percent"]).astype("float64").fillna(0.0)
        out["last_date"] = pd.to_datetime(codes.map(last["date"]))
        for src, dst in (
            ("comment", "last_comment"),
            ("reported_by", "reported_by"),
            ("evidence", "evidence"),
        ):
            out[dst] = codes.map(last[src]).fillna("").astype("str")
        out["n_reports"] = codes.map(counts).fillna(0).astype("int64")
    else:
        out["status"] = pd.Series([NO_REPORT] * len(out), dtype="str")
        out["percent"] = pd.Series([0.0] * len(out), dtype="float64")
        out["last_date"] = pd.Series([pd.NaT] * len(out), dtype="datetime64[us]")
        for dst in ("last_comment", "reported_by", "evidence"):
            out[dst] = pd.Series([""] * len(out), dtype="str")
        out["n_reports"] = pd.Series([0] * len(out), dtype="int64")
    for c in ("leads", "partners", "start", "end", "seq"):
        out[c] = products[c] if c in products.columns else None
    return out[LATEST_COLUMNS]


def status_counts(latest: pd.DataFrame) -> pd.DataFrame:
    """(status, count) for every status in plan order plus "Sin reporte"; zeros kept."""
    counts = latest["status"].value_counts()
    return pd.DataFrame(
        {
            "status": pd.Series(ALL_STATUSES, dtype="str"),
            "count": [int(counts.get(s, 0)) for s in ALL_STATUSES],
        }
    )


def overall_completion(latest: pd.DataFrame) -> float:
    """Mean percent of the products, 0..100.

    Cancelled products are excluded (they will never reach 100 % and would drag the mean
    down); products without report count as 0 %. NaN when no product is left.
    """
    kept = latest.loc[latest["status"] != Status.CANCELLED.value, "percent"]
    return float(kept.mean()) if len(kept) else float("nan")


def completion_by(latest: pd.DataFrame, level: str = "objective") -> pd.DataFrame:
    """Mean percent per objective/strategy/activity (cancelled excluded, as overall)."""
    if level not in LEVELS:
        raise ValueError(f"Nivel no válido: {level!r} (objective, strategy o activity)")
    codes = list(dict.fromkeys(latest[level].astype(str)))
    kept = latest[latest["status"] != Status.CANCELLED.value]
    mean = kept.groupby(level)["percent"].mean()
    n_counted = kept.groupby(level).size()
    n_products = latest.groupby(level).size()
    return pd.DataFrame(
        {
            level: pd.Series(codes, dtype="str"),
            "completion": [float(mean.get(c, float("nan"))) for c in codes],
            "n_counted": [int(n_counted.get(c, 0)) for c in codes],
            "n_products": [int(n_products.get(c, 0)) for c in codes],
        }
    )


def status_by(latest: pd.DataFrame, level: str = "strategy") -> pd.DataFrame:
    """Counts per status (columns, plan order + "Sin reporte") for each level code (rows)."""
    if level not in LEVELS:
        raise ValueError(f"Nivel no válido: {level!r} (objective, strategy o activity)")
    codes = list(dict.fromkeys(latest[level].astype(str)))
    table = pd.crosstab(latest[level].astype(str), latest["status"].astype(str))
    table = table.reindex(index=codes, columns=list(ALL_STATUSES), fill_value=0)
    table = table.fillna(0).astype("int64")
    table.index.name = level
    table.columns.name = "status"
    return table


def history(plan: Plan, code: str) -> pd.DataFrame:
    """The progress entries of one product, oldest first."""
    progress = plan.progress
    if not len(progress):
        return pd.DataFrame({c: pd.Series([], dtype=object) for c in HISTORY_COLUMNS})
    rows = progress[progress["code"] == code].sort_values("date", kind="stable")
    return rows[HISTORY_COLUMNS].reset_index(drop=True)


# --------------------------------------------------------------------------------------------
# Alerts and completeness
# --------------------------------------------------------------------------------------------
def alerts(
    plan: Plan,
    as_of: pd.Timestamp | str | None = None,
    stale_days: int = 60,
    closed: bool = False,
) -> pd.DataFrame:
    """Products that need attention on `as_of` (one row per product and kind, plan order).

    - overdue: the end date has passed and the product is not Completado/Cancelado;
    - not_started: the start date has passed and the latest status is still No iniciado;
    - stale: no report in the last `stale_days` days (never reported included), for products
      that have started or have no start date; finished (Completado/Cancelado) are exempt;
    - no_lead: no lead agency; no_dates: the plan gives no start and/or no end.

    A `closed` plan (its period has ended, issue 9) gets no stale alerts: nobody reports on
    a finished cycle any more, and its state is read as of its end.
    """
    as_of = _as_of(as_of)
    latest = latest_status(plan, as_of)
    rows: list[tuple[str, str, str, str, str]] = []

    def add(code: str, name: str, kind: str, key: str, **kw: object) -> None:
        es = t(key, "es", **{k: (v("es") if callable(v) else v) for k, v in kw.items()})
        en = t(key, "en", **{k: (v("en") if callable(v) else v) for k, v in kw.items()})
        rows.append((code, name, kind, es, en))

    for r in latest.itertuples(index=False):
        start, end, status = r.start, r.end, r.status
        has_start, has_end = not pd.isna(start), not pd.isna(end)
        if has_end and end < as_of and status not in _DONE:
            add(
                r.code,
                r.name,
                "overdue",
                "alert.overdue.detail",
                end=lambda lang, d=end: fmt_date(d, lang),
                status=lambda lang, s=status: status_label(s, lang),
                percent=lambda lang, p=r.percent: fmt_percent(p, lang),
            )
        if has_start and start < as_of and status == Status.NOT_STARTED.value:
            add(
                r.code,
                r.name,
                "not_started",
                "alert.not_started.detail",
                start=lambda lang, d=start: fmt_date(d, lang),
            )
        started = (not has_start) or start <= as_of
        if started and status not in _DONE and not closed:
            if pd.isna(r.last_date):
                add(r.code, r.name, "stale", "alert.stale.never")
            else:
                days = int((as_of - r.last_date).days)
                if days > stale_days:
                    add(
                        r.code,
                        r.name,
                        "stale",
                        "alert.stale.detail",
                        date=lambda lang, d=r.last_date: fmt_date(d, lang),
                        days=days,
                    )
        if not _as_list(r.leads):
            add(r.code, r.name, "no_lead", "alert.no_lead.detail")
        if not has_start or not has_end:
            key = (
                "alert.no_dates.both"
                if not (has_start or has_end)
                else "alert.no_dates.start"
                if not has_start
                else "alert.no_dates.end"
            )
            add(r.code, r.name, "no_dates", key)
    out = pd.DataFrame(rows, columns=ALERT_COLUMNS)
    return out.astype({c: "str" for c in ALERT_COLUMNS})


def alerts_by_product(alerts: pd.DataFrame) -> pd.DataFrame:
    """One row per product with something to act on (ACTION_KINDS), most urgent first.

    `alerts` is what `alerts()` returns. A row lists the product's reasons in ACTION_KINDS
    order (`kinds` comma-joined; labels and details joined with « · »); rows are ordered by
    their most urgent reason, then plan order. GAP_KINDS are left out (see alert_gaps).
    """
    rank = {k: i for i, k in enumerate(ACTION_KINDS)}
    acted = alerts[alerts["kind"].isin(rank)]
    rows = []
    for position, (code, group) in enumerate(acted.groupby("code", sort=False)):
        group = group.assign(_rank=group["kind"].map(rank)).sort_values("_rank", kind="stable")
        kinds = group["kind"].tolist()
        rows.append(
            (
                int(group["_rank"].iloc[0]),
                position,
                code,
                group["name"].iloc[0],
                ",".join(kinds),
                " · ".join(t(f"alert.{k}", "es") for k in kinds),
                " · ".join(t(f"alert.{k}", "en") for k in kinds),
                " · ".join(group["detail_es"]),
                " · ".join(group["detail_en"]),
            )
        )
    rows.sort(key=lambda r: (r[0], r[1]))
    out = pd.DataFrame([r[2:] for r in rows], columns=PRODUCT_ALERT_COLUMNS)
    return out.astype({c: "str" for c in PRODUCT_ALERT_COLUMNS})


def alert_gaps(alerts: pd.DataFrame) -> dict[str, int]:
    """Products per data-gap kind (GAP_KINDS, zeros left out): the one summary line of what
    the plan does not say, in place of a row per product."""
    counts = alerts.loc[alerts["kind"].isin(GAP_KINDS), "kind"].value_counts()
    return {k: int(counts[k]) for k in GAP_KINDS if counts.get(k, 0)}


def completeness(plan: Plan, as_of: pd.Timestamp | str | None = None) -> pd.DataFrame:
    """How complete each product's record is, so the secretariat knows what to fill in.

    score is the share (0..100) of the applicable checks that pass; has_evidence_if_completed
    is NA (not applicable) unless the latest status is Completado, and then asks whether any
    report up to `as_of` links evidence.
    """
    as_of = _as_of(as_of)
    products = _ordered_products(plan)
    latest = latest_status(plan, as_of)
    progress = _progress_until(plan, as_of)
    with_evidence = (
        set(progress.loc[progress["evidence"].astype(str).str.strip() != "", "code"])
        if len(progress)
        else set()
    )
    out = pd.DataFrame({"code": products["code"], "name": products["name"]})
    out["has_lead"] = [bool(_as_list(v)) for v in products["leads"]]
    out["has_partners"] = [bool(_as_list(v)) for v in products["partners"]]
    out["has_dates"] = (products["start"].notna() & products["end"].notna()).astype(bool)
    out["has_gcm"] = [
        bool(list(g) if isinstance(g, (list, tuple)) else []) or bool(a)
        for g, a in zip(products["gcm"], products["gcm_all"], strict=True)
    ]
    out["has_progress"] = (latest["n_reports"] > 0).to_numpy()
    completed = (latest["status"] == Status.COMPLETED.value).to_numpy()
    out["has_evidence_if_completed"] = pd.array(
        [
            (c in with_evidence) if done else pd.NA
            for c, done in zip(products["code"], completed, strict=True)
        ],
        dtype="boolean",
    )
    checks = out[["has_lead", "has_partners", "has_dates", "has_gcm", "has_progress"]]
    passed = checks.sum(axis=1) + out["has_evidence_if_completed"].fillna(False).astype(int)
    applicable = checks.shape[1] + out["has_evidence_if_completed"].notna().astype(int)
    out["score"] = (100.0 * passed / applicable).astype("float64")
    return out


# --------------------------------------------------------------------------------------------
# Agencies
# --------------------------------------------------------------------------------------------
def agency_counts(plan: Plan, expand_committee: bool = False) -> pd.DataFrame:
    """agency, lead, partner, total: products each agency leads, partners, takes part in.

    One row per agency of the plan's table (in its order, zeros kept), then any other name
    found; not expanded, "Comité Ejecutivo" is a row of its own (as the plan writes it);
    expanded, each member counts the product once, even when also named directly. `total`
    counts a product once when the agency is both lead and partner.
    """
    roles = product_roles(plan, expand_committee)
    axis = _agency_axis(plan, roles, expand_committee)
    rows = [
        (
            agency,
            sum(agency in leads for leads, _ in roles),
            sum(agency in partners for _, partners in roles),
            sum(agency in leads or agency in partners for leads, partners in roles),
        )
        for agency in axis
    ]
    out = pd.DataFrame(rows, columns=["agency", "lead", "partner", "total"])
    return out.astype({"agency": "str", "lead": "int64", "partner": "int64", "total": "int64"})


def agency_load(plan: Plan, expand_committee: bool = False) -> pd.DataFrame:
    """(agency, role, count): agency_counts in long form, lead then partner per agency."""
    counts = agency_counts(plan, expand_committee)
    rows = []
    for agency, lead, partner in zip(
        counts["agency"], counts["lead"], counts["partner"], strict=True
    ):
        rows.append((agency, AgencyRole.LEAD.value, int(lead)))
        rows.append((agency, AgencyRole.PARTNER.value, int(partner)))
    out = pd.DataFrame(rows, columns=["agency", "role", "count"])
    return out.astype({"agency": "str", "role": "str", "count": "int64"})


def _effective_dates(
    products: pd.DataFrame, info: PlanInfo
) -> tuple[pd.Series, pd.Series, pd.Series]:
    """Start/end with missing bounds set to the plan's, and whether both were missing."""
    start = pd.to_datetime(products["start"])
    end = pd.to_datetime(products["end"])
    undated = start.isna() & end.isna()
    return start.fillna(info.start), end.fillna(info.end), undated


def plan_quarters(plan: Plan) -> tuple[str, ...]:
    """The quarters a chart of the plan covers: its period's, widened to any product dated
    outside it (a product in a quarter before or after the plan is not dropped)."""
    info = _info(plan)
    lo, hi = info.start, info.end
    for column in ("start", "end"):
        dates = pd.to_datetime(plan.products[column]).dropna()
        if len(dates):
            lo, hi = min(lo, dates.min()), max(hi, dates.max())
    first = pd.Timestamp(lo).to_period("Q").start_time
    return tuple(quarter_code(d) for d in pd.date_range(first, hi, freq="QS"))


def _info(plan: Plan) -> PlanInfo:
    assert plan.info is not None  # Plan.__post_init__ always sets one
    return plan.info


def agency_quarter_matrix(plan: Plan, expand_committee: bool = False) -> pd.DataFrame:
    """Agencies × quarters: products active in the quarter (as lead or partner).

    Products with no dates at all are counted in the last column, "sin fechas", instead of
    being spread silently over every quarter; a product with only one date runs from it to
    the plan's bound.
    """
    roles = product_roles(plan, expand_committee)
    axis = _agency_axis(plan, roles, expand_committee)
    quarters = plan_quarters(plan)
    columns = [*quarters, UNDATED_COLUMN]
    matrix = pd.DataFrame(0, index=pd.Index(axis, name="agency", dtype="str"), columns=columns)
    start, end, undated = _effective_dates(_ordered_products(plan), _info(plan))
    bounds = [quarter_bounds(q) for q in quarters]
    counts = {(a, c): 0 for a in axis for c in columns}
    for (leads, partners), s, e, u in zip(roles, start, end, undated, strict=True):
        active = (
            [UNDATED_COLUMN]
            if u
            else [q for q, (qs, qe) in zip(quarters, bounds, strict=True) if s <= qe and e >= qs]
        )
        for agency in leads | partners:
            for column in active:
                counts[(agency, column)] += 1
    for (agency, column), n in counts.items():
        matrix.loc[agency, column] = n
    return matrix.astype("int64")


def agency_strategy_matrix(
    plan: Plan, expand_committee: bool = False, level: str | None = None
) -> pd.DataFrame:
    """Agencies × strategies (plan order): products where the agency takes part. `level`
    (default: `group_level`, the objectives of a plan without strategies) names the columns."""
    level = level or group_level(plan)
    roles = product_roles(plan, expand_committee)
    axis = _agency_axis(plan, roles, expand_committee)
    products = _ordered_products(plan)
    groups = _level_codes(plan, products, level)
    counts = {(a, g): 0 for a in axis for g in groups}
    for (leads, partners), group in zip(roles, products[level], strict=True):
        for agency in leads | partners:
            counts[(agency, group)] += 1
    matrix = pd.DataFrame(
        0,
        index=pd.Index(axis, name="agency", dtype="str"),
        columns=pd.Index(groups, name=level, dtype="str"),
    )
    for (agency, group), n in counts.items():
        matrix.loc[agency, group] = n
    return matrix.astype("int64")


def _level_codes(plan: Plan, products: pd.DataFrame, level: str) -> list[str]:
    """The codes of `level` in plan order, then any the products name that the plan does not."""
    if level not in LEVELS:
        raise ValueError(f"Nivel no válido: {level!r} (objective, strategy o activity)")
    table = {"objective": plan.objectives, "strategy": plan.strategies}.get(level, plan.activities)
    codes = list(table["code"].astype(str)) if len(table) else []
    return codes + [c for c in dict.fromkeys(products[level].astype(str)) if c not in codes]


def agency_cooccurrence(plan: Plan, expand_committee: bool = False) -> pd.DataFrame:
    """Symmetric agencies × agencies: products they share; the diagonal is each agency's
    own number of products."""
    roles = product_roles(plan, expand_committee)
    axis = _agency_axis(plan, roles, expand_committee)
    counts = {(a, b): 0 for a in axis for b in axis}
    for leads, partners in roles:
        involved = sorted(leads | partners)
        for a in involved:
            for b in involved:
                counts[(a, b)] += 1
    matrix = pd.DataFrame(
        0,
        index=pd.Index(axis, name="agency", dtype="str"),
        columns=pd.Index(axis, name="agency", dtype="str"),
    )
    for (a, b), n in counts.items():
        matrix.loc[a, b] = n
    return matrix.astype("int64")


def _agency_patterns(plan: Plan) -> list[tuple[str, re.Pattern[str]]]:
    """One regex per agency matching its acronyms, aliases and names as whole words."""
    table = plan.agencies
    n = len(table)

    def column(name: str) -> list:
        return table[name].tolist() if name in table.columns else [""] * n

    rows = zip(
        column("acronym"),
        column("acronym_en"),
        column("name_es"),
        column("name_en"),
        column("aliases"),
        strict=True,
    )
    key = tuple(
        (str(acronym), *(x if isinstance(x, str) else "" for x in (en, es, name_en)))
        + tuple(_as_list(aliases))
        for acronym, en, es, name_en, aliases in rows
    )
    return _compiled_patterns(key)


@functools.lru_cache(maxsize=32)
def _compiled_patterns(
    agencies: tuple[tuple[str, ...], ...],
) -> list[tuple[str, re.Pattern[str]]]:
    """Compiled once per agency table: a report resolved every entry with fresh regexes."""
    out = []
    for acronym, *names in agencies:
        names = sorted(
            {n.strip() for n in (acronym, *names) if isinstance(n, str) and n.strip()},
            key=len,
            reverse=True,
        )
        alternatives = "|".join(re.escape(n) for n in names)
        out.append((acronym, re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.I)))
    return out


def resolve_reporter(plan: Plan, text: str) -> list[str]:
    """Agencies named in a "Reportado por" cell ("A - Ana", "B", "A, C")."""
    if not isinstance(text, str) or not text.strip():
        return []
    return [acronym for acronym, pattern in _agency_patterns(plan) if pattern.search(text)]


def agencies_named(plan: Plan, texts: Iterable[str]) -> set[str]:
    """Every agency named in any of `texts` ("Reportado por" cells), each text read once."""
    patterns = _agency_patterns(plan)
    found: set[str] = set()
    for text in {x for x in texts if isinstance(x, str) and x.strip()}:
        found.update(acronym for acronym, pattern in patterns if pattern.search(text))
    return found


def agency_reporting(
    plan: Plan, as_of: pd.Timestamp | str | None = None, days: int = 60, closed: bool = False
) -> pd.DataFrame:
    """Per agency: reports up to `as_of`, last report date, days since, stale flag (never for
    a `closed` plan: a finished cycle has no recent reports to expect; never for an agency
    that neither leads nor partners any product, the committee's members counted through it:
    it has nothing to report on, issue 10).

    "Reportado por" is free text; it is resolved to agencies by acronym, English acronym,
    alias or name. Entries that name no agency are not attributed.
    """
    as_of = _as_of(as_of)
    progress = _progress_until(plan, as_of)
    patterns = _agency_patterns(plan)
    last: dict[str, pd.Timestamp] = {}
    n: dict[str, int] = {}
    if len(progress):
        found: dict[str, list[str]] = {}  # the same few texts repeat all over the log
        for text, date in zip(progress["reported_by"], progress["date"], strict=True):
            if not isinstance(text, str) or not text.strip():
                continue
            if text not in found:
                found[text] = [a for a, pattern in patterns if pattern.search(text)]
            for acronym in found[text]:
                n[acronym] = n.get(acronym, 0) + 1
                date = pd.Timestamp(date)
                if acronym not in last or date > last[acronym]:
                    last[acronym] = date
    axis = [acronym for acronym, _ in patterns]
    last_dates = pd.to_datetime(pd.Series([last.get(a, pd.NaT) for a in axis], dtype="object"))
    days_since = pd.array(
        [int((as_of - last[a]).days) if a in last else pd.NA for a in axis], dtype="Int64"
    )
    involved = set().union(*(leads | partners for leads, partners in product_roles(plan, True)))
    stale = [
        not closed and a in involved and (a not in last or (as_of - last[a]).days > days)
        for a in axis
    ]
    return pd.DataFrame(
        {
            "agency": pd.Series(axis, dtype="str"),
            "n_reports": pd.Series([n.get(a, 0) for a in axis], dtype="int64"),
            "last_date": last_dates,
            "days_since": days_since,
            "stale": pd.Series(stale, dtype="bool"),
        }
    )


# --------------------------------------------------------------------------------------------
# GCM coverage
# --------------------------------------------------------------------------------------------
def _gcm_table(plan: Plan) -> pd.DataFrame:
    if len(plan.gcm):
        return plan.gcm.sort_values("number", kind="stable").reset_index(drop=True)
    return pd.DataFrame(
        {
            "number": list(range(1, 24)),
            "label_plan": pd.Series([""] * 23, dtype="str"),
            "label_es": pd.Series([""] * 23, dtype="str"),
            "title_en": pd.Series([""] * 23, dtype="str"),
        }
    )


def gcm_numbers(value: object) -> set[int]:
    """The GCM numbers of a product's `gcm` cell (a list; anything else means none)."""
    if isinstance(value, (list, tuple, set)) or hasattr(value, "tolist"):
        items = value.tolist() if hasattr(value, "tolist") else value
        return {int(n) for n in items if not pd.isna(n)}
    return set()


def _gcm_links(products: pd.DataFrame) -> list[tuple[set[int], bool]]:
    return [
        (gcm_numbers(g), bool(a) and not pd.isna(a))
        for g, a in zip(products["gcm"], products["gcm_all"], strict=True)
    ]


def gcm_coverage(plan: Plan, include_all: bool = True) -> pd.DataFrame:
    """The 23 GCM objectives with the number of products linked to each.

    n_specific counts products naming the objective; n_all those linked only through
    "Todos" (a product naming it AND saying "Todos" counts once, as specific); n is their
    sum when `include_all`, else n_specific; gap is n == 0.
    """
    table = _gcm_table(plan)
    links = _gcm_links(_ordered_products(plan))
    n_specific, n_all = [], []
    for number in table["number"].astype(int):
        n_specific.append(sum(number in specific for specific, _ in links))
        n_all.append(sum(every and number not in specific for specific, every in links))
    out = pd.DataFrame(
        {
            "number": table["number"].astype("int64"),
            "label_plan": table["label_plan"].astype("str"),
            "label_es": table["label_es"].astype("str"),
            "title_en": table["title_en"].astype("str"),
            "n_specific": pd.Series(n_specific, dtype="int64"),
            "n_all": pd.Series(n_all, dtype="int64"),
        }
    )
    out["n"] = out["n_specific"] + out["n_all"] if include_all else out["n_specific"]
    out["gap"] = out["n"] == 0
    return out


def coverage_counts(coverage: pd.DataFrame) -> dict[str, int]:
    """How many GCM objectives have a specific link, how many only «Todos», how many none.

    `coverage` is `gcm_coverage(...)` (the counts do not depend on its `include_all`).
    """
    specific = coverage["n_specific"] > 0
    only_all = ~specific & (coverage["n_all"] > 0)
    return {
        "total": len(coverage),
        "specific": int(specific.sum()),
        "only_all": int(only_all.sum()),
        "none": int((~specific & ~only_all).sum()),
    }


def strategy_gcm_matrix(
    plan: Plan, include_all: bool = True, level: str | None = None
) -> pd.DataFrame:
    """Strategies × GCM objectives 1..23: products of the strategy linked to each. `level`
    (default: `group_level`, the objectives of a plan without strategies) names the rows."""
    level = level or group_level(plan)
    products = _ordered_products(plan)
    numbers = _gcm_table(plan)["number"].astype(int).tolist()
    groups = _level_codes(plan, products, level)
    counts = {(g, n): 0 for g in groups for n in numbers}
    for (specific, every), group in zip(_gcm_links(products), products[level], strict=True):
        linked = set(numbers) if (every and include_all) else specific
        for number in linked:
            if (group, number) in counts:
                counts[(group, number)] += 1
    matrix = pd.DataFrame(
        0,
        index=pd.Index(groups, name=level, dtype="str"),
        columns=pd.Index(numbers, name="gcm"),
    )
    for (group, number), n in counts.items():
        matrix.loc[group, number] = n
    return matrix.astype("int64")


def products_for_gcm(plan: Plan, number: int, include_all: bool = True) -> pd.DataFrame:
    """Products linked to one GCM objective, plan order, with `via_all` (only via "Todos")."""
    products = _ordered_products(plan)
    links = _gcm_links(products)
    specific = [int(number) in s for s, _ in links]
    via_all = [every and int(number) not in s for s, every in links]
    keep = [s or (include_all and v) for s, v in zip(specific, via_all, strict=True)]
    out = products[keep].reset_index(drop=True)
    out["via_all"] = pd.Series([v for v, k in zip(via_all, keep, strict=True) if k], dtype="bool")
    return out

"""Two plans side by side (issue 9 §4): products per objective and agency, GCM objectives
gained or lost, completion.

Each plan is read as of its own day: `info.as_of(today)`, i.e. today for a plan under way and
its last day once it has ended (a closed cycle is compared as it finished).

Objectives are matched by their CODE ("1", "2", …), the plan's own key for a level, and both
plans' names are shown side by side with `same_name` (names equal once case, accents and
spaces are set aside): between cycles objective 2 may be reworded, or mean something else,
and only a reader can tell which; matching by text would silently split a reworded objective
in two. An objective of one plan only has an empty name and zero products in the other.

Agencies count products as lead and as partner with the Executive Committee expanded to its
members (as the Carga page counts them), each plan with its own committee.

GCM: an objective is covered by a plan when at least one of its products names it
(a specific link, `metrics.coverage_counts`' "specific"); «Todos» is counted apart
(`n_all_*`) and never makes an objective covered. "Gained" and "lost" read from the earlier
plan to the later one (by start, then end; A when both are equal).

Pure functions over Plans: no Streamlit, inputs never mutated.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import pandas as pd

from planmonitor.analysis import metrics
from planmonitor.model import Plan, Status

SIDES = ("a", "b")
COVERAGE = ("both", "a", "b", "none")  # covered by both, by A only, by B only, by neither
OBJECTIVE_COLUMNS = [
    "code", "name_a", "name_b", "same_name", "products_a", "products_b", "delta",
    "completion_a", "completion_b",
]  # fmt: skip
AGENCY_COLUMNS = [
    "agency", "lead_a", "partner_a", "total_a", "lead_b", "partner_b", "total_b", "delta",
]  # fmt: skip
GCM_COLUMNS = [
    "number", "label_plan", "label_es", "title_en",
    "n_specific_a", "n_all_a", "n_specific_b", "n_all_b", "coverage",
]  # fmt: skip
STATUS_COLUMNS = ["status", "count_a", "share_a", "count_b", "share_b"]
SUMMARY_KEYS = ("products", "objectives", "completed", "completed_share", "completion",
                "gcm_specific", "gcm_only_all")  # fmt: skip


@dataclass(frozen=True)
class Comparison:
    """Plan A beside plan B; every frame has one column per side (`_a`, `_b`)."""

    as_of_a: pd.Timestamp
    as_of_b: pd.Timestamp
    a_is_later: bool  # the direction of "gained" and "lost"
    objectives: pd.DataFrame  # OBJECTIVE_COLUMNS, A's order then B's own
    agencies: pd.DataFrame  # AGENCY_COLUMNS, A's order then B's own
    gcm: pd.DataFrame  # GCM_COLUMNS, the 23 objectives
    status: pd.DataFrame  # STATUS_COLUMNS, every status plus «Sin reporte», zeros kept
    summary: pd.DataFrame  # metric (SUMMARY_KEYS), a, b

    def covered(self, which: str) -> tuple[int, ...]:
        """GCM numbers whose coverage is `which` (one of COVERAGE)."""
        if which not in COVERAGE:
            raise ValueError(f"coverage must be one of {COVERAGE}, not {which!r}")
        return tuple(int(n) for n in self.gcm.loc[self.gcm["coverage"] == which, "number"])

    @property
    def gained(self) -> tuple[int, ...]:
        """GCM objectives the later plan covers and the earlier one did not."""
        return self.covered("a" if self.a_is_later else "b")

    @property
    def lost(self) -> tuple[int, ...]:
        """GCM objectives the earlier plan covered and the later one does not."""
        return self.covered("b" if self.a_is_later else "a")


def same_text(x: str, y: str) -> bool:
    """Equal once case, accents and runs of spaces are set aside."""
    return _fold(x) == _fold(y)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", str(text))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.casefold().split())


def _objectives_of(plan: Plan) -> dict[str, str]:
    """code -> name of the plan's objectives: its table's order, then any code only products
    name (an objective without a row still has products to count)."""
    names = metrics.level_names(plan, "objective")
    if len(plan.objectives) and "seq" in plan.objectives.columns:
        order = plan.objectives.sort_values("seq", kind="stable")["code"].astype(str)
        names = {c: names[c] for c in order}
    for code in plan.products["objective"].astype(str):
        names.setdefault(code, "")
    return names


def _objectives(plans: dict[str, Plan], latest: dict[str, pd.DataFrame]) -> pd.DataFrame:
    names = {s: _objectives_of(p) for s, p in plans.items()}
    codes = list(dict.fromkeys([*names["a"], *names["b"]]))
    out = pd.DataFrame({"code": pd.Series(codes, dtype="str")})
    for s in SIDES:
        out[f"name_{s}"] = pd.Series([names[s].get(c, "") for c in codes], dtype="str")
        counts = plans[s].products["objective"].astype(str).value_counts()
        out[f"products_{s}"] = pd.Series([int(counts.get(c, 0)) for c in codes], dtype="int64")
        done = metrics.completion_by(latest[s], "objective").set_index("objective")["completion"]
        out[f"completion_{s}"] = pd.Series(
            [float(done.get(c, float("nan"))) for c in codes], dtype="float64"
        )
    out["same_name"] = [
        bool(x) and bool(y) and same_text(x, y)
        for x, y in zip(out["name_a"], out["name_b"], strict=True)
    ]
    out["delta"] = out["products_b"] - out["products_a"]
    return out[OBJECTIVE_COLUMNS]


def _agencies(plans: dict[str, Plan]) -> pd.DataFrame:
    counts = {s: metrics.agency_counts(p, expand_committee=True).set_index("agency")
              for s, p in plans.items()}  # fmt: skip
    names = list(dict.fromkeys([*counts["a"].index, *counts["b"].index]))
    out = pd.DataFrame({"agency": pd.Series(names, dtype="str")})
    for s in SIDES:
        for role in ("lead", "partner", "total"):
            column = counts[s][role]
            out[f"{role}_{s}"] = pd.Series([int(column.get(n, 0)) for n in names], dtype="int64")
    out["delta"] = out["total_b"] - out["total_a"]
    # an agency named by neither plan's products (a row of both Agencias sheets) says nothing
    return out[(out["total_a"] > 0) | (out["total_b"] > 0)].reset_index(drop=True)[AGENCY_COLUMNS]


def _gcm(plans: dict[str, Plan]) -> pd.DataFrame:
    cov = {s: metrics.gcm_coverage(p).set_index("number") for s, p in plans.items()}
    numbers = sorted(set(cov["a"].index) | set(cov["b"].index))
    labels = cov["a"].combine_first(cov["b"])  # A's wording of the 23, B's for any A lacks
    out = pd.DataFrame({"number": pd.Series(numbers, dtype="int64")})
    for column in ("label_plan", "label_es", "title_en"):
        out[column] = pd.Series([str(labels.at[n, column]) for n in numbers], dtype="str")
    for s in SIDES:
        for column in ("n_specific", "n_all"):
            values = cov[s][column]
            out[f"{column}_{s}"] = pd.Series(
                [int(values.get(n, 0)) for n in numbers], dtype="int64"
            )
    in_a, in_b = out["n_specific_a"] > 0, out["n_specific_b"] > 0
    out["coverage"] = pd.Series(
        ["both" if x and y else "a" if x else "b" if y else "none"
         for x, y in zip(in_a, in_b, strict=True)],
        dtype="str",
    )  # fmt: skip
    return out[GCM_COLUMNS]


def _status(latest: dict[str, pd.DataFrame]) -> pd.DataFrame:
    out = pd.DataFrame({"status": pd.Series(metrics.ALL_STATUSES, dtype="str")})
    for s in SIDES:
        counts = metrics.status_counts(latest[s])["count"].astype("int64").to_numpy()
        total = int(counts.sum())
        out[f"count_{s}"] = counts
        out[f"share_{s}"] = (100.0 * counts / total) if total else float("nan")
    return out[STATUS_COLUMNS]


def _summary(
    plans: dict[str, Plan], latest: dict[str, pd.DataFrame], status: pd.DataFrame
) -> pd.DataFrame:
    completed = status.set_index("status").loc[Status.COMPLETED.value]
    rows = {key: {} for key in SUMMARY_KEYS}
    for s in SIDES:
        cov = metrics.coverage_counts(metrics.gcm_coverage(plans[s]))
        rows["products"][s] = float(len(plans[s].products))
        rows["objectives"][s] = float(len(_objectives_of(plans[s])))
        rows["completed"][s] = float(completed[f"count_{s}"])
        rows["completed_share"][s] = float(completed[f"share_{s}"])
        rows["completion"][s] = metrics.overall_completion(latest[s])
        rows["gcm_specific"][s] = float(cov["specific"])
        rows["gcm_only_all"][s] = float(cov["only_all"])
    return pd.DataFrame(
        {
            "metric": pd.Series(SUMMARY_KEYS, dtype="str"),
            "a": [rows[k]["a"] for k in SUMMARY_KEYS],
            "b": [rows[k]["b"] for k in SUMMARY_KEYS],
        }
    )


def _later(a: Plan, b: Plan) -> bool:
    ia, ib = a.info, b.info
    assert ia is not None and ib is not None
    return (ia.start, ia.end) >= (ib.start, ib.end)


def compare_plans(a: Plan, b: Plan, today: object | None = None) -> Comparison:
    """Plan A beside plan B, each read as of its own day (`info.as_of(today)`)."""
    day = pd.Timestamp.today().normalize() if today is None else pd.Timestamp(today)
    plans = {"a": a, "b": b}
    as_of = {s: p.info.as_of(day) for s, p in plans.items()}  # type: ignore[union-attr]
    latest = {s: metrics.latest_status(p, as_of=as_of[s]) for s, p in plans.items()}
    status = _status(latest)
    return Comparison(
        as_of_a=as_of["a"],
        as_of_b=as_of["b"],
        a_is_later=_later(a, b),
        objectives=_objectives(plans, latest),
        agencies=_agencies(plans),
        gcm=_gcm(plans),
        status=status,
        summary=_summary(plans, latest, status),
    )


def default_other(plans: pd.DataFrame, plan_id: str, previous_plan_id: str = "") -> str | None:
    """The plan to compare `plan_id` with by default: the one it names as its previous plan,
    else the previous cycle of the same network (the latest that started before it), else the
    most recent other plan (latest end, then latest start). None when there is no other.

    `plans` is `Store.plans()` (plan_id, network_id, start, end).
    """
    others = plans[plans["plan_id"] != plan_id]
    if others.empty:
        return None
    if previous_plan_id and previous_plan_id in set(others["plan_id"]):
        return previous_plan_id
    me = plans[plans["plan_id"] == plan_id]
    if len(me):
        network, start = str(me["network_id"].iloc[0] or ""), me["start"].iloc[0]
        earlier = others[(others["network_id"].astype(str) == network) & (others["start"] < start)]
        if network and len(earlier):
            return str(earlier.sort_values(["start", "end"], kind="stable")["plan_id"].iloc[-1])
    latest = others.sort_values(["end", "start"], kind="stable")
    return str(latest["plan_id"].iloc[-1])

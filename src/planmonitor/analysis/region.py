"""The regional roll-up (issue 11, §2-3): several country networks read side by side.

A `Region` is the store's networks (analysis.networks.NETWORK_COLUMNS rows) and, for each, the
one plan looked at (store.region.load_region picks it: the plan whose period holds the month,
else the network's latest). Every function here is pure: Region -> a new tidy DataFrame, one
row per network in the order of `region.networks`, no Streamlit, no store.

The rules the regional pages print:
- reporting calendar (`reporting_calendar`): see its docstring, GRACE_DAYS;
- GCM coverage counts *specific* links only; «Todos» is counted apart (column "all"), so an
  objective covered only by «Todos» products is still uncovered;
- agencies across networks keep the Executive Committee placeholder (model.COMMITTEE) as its
  own agency: each network's committee has other members, so it is not expanded;
- completion is metrics.overall_completion (cancelled excluded, unreported at 0 %) as of each
  plan's `info.as_of(today)` (a closed plan is read at its last day).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from planmonitor.analysis import metrics
from planmonitor.catalog import GCM_COUNT
from planmonitor.model import COMMITTEE, Plan, Status

GRACE_DAYS = 10
STATUSES: tuple[str, ...] = ("reported", "late", "missing", "outside")
GCM_NUMBERS: tuple[int, ...] = tuple(range(1, GCM_COUNT + 1))
CALENDAR_COLUMNS = ["network_id", "month", "status", "first_entry"]
AGENCY_COLUMNS = ["agency", "network_id", "lead", "partner"]
COMPLETION_COLUMNS = ["network_id", "products", "completion"]


@dataclass(frozen=True)
class Region:
    """The networks shown (NETWORK_COLUMNS rows) and, per network id, the plan looked at."""

    networks: pd.DataFrame
    plans: dict[str, Plan]

    def only(self, region: str | None = None, network: str | None = None) -> Region:
        """The networks of one region and/or one network id (None: no filter on it)."""
        nets = self.networks
        keep = pd.Series(True, index=nets.index)
        if region is not None:
            keep &= nets["region"].astype(str) == str(region)
        if network is not None:
            keep &= nets["network_id"].astype(str) == str(network)
        kept = nets[keep].reset_index(drop=True)
        ids = [str(i) for i in kept["network_id"]]
        return Region(kept, {i: self.plans[i] for i in ids if i in self.plans})

    def ids(self) -> list[str]:
        """The network ids that have a plan, in the order of `networks`."""
        return [str(i) for i in self.networks["network_id"] if str(i) in self.plans]

    def items(self) -> list[tuple[str, Plan]]:
        return [(i, self.plans[i]) for i in self.ids()]


def regions(networks_df: pd.DataFrame) -> list[str]:
    """The regions the networks state, in the order of their first network; "" left out."""
    found = [str(r).strip() for r in networks_df.get("region", pd.Series([], dtype="str"))]
    return list(dict.fromkeys(r for r in found if r))


def _as_list(value: object) -> list:
    return list(value) if isinstance(value, list | tuple) else []


def _dates(plan: Plan) -> pd.Series:
    """The plan's progress dates (normalised, sorted), NaT dropped."""
    if not len(plan.progress):
        return pd.Series([], dtype="datetime64[ns]")
    dates = pd.to_datetime(plan.progress["date"]).dropna().dt.normalize()
    return dates.sort_values(kind="stable").reset_index(drop=True)


# --------------------------------------------------------------------------------------------
# Reporting calendar
# --------------------------------------------------------------------------------------------
def month_status(
    dates: pd.Series, month: str, period: tuple[pd.Timestamp, pd.Timestamp]
) -> tuple[str, pd.Timestamp]:
    """(status, first entry) of one network for one month; see reporting_calendar."""
    first_day = pd.Period(month, freq="M").start_time.normalize()
    last_day = pd.Period(month, freq="M").end_time.normalize()
    after = dates[dates >= first_day]
    first = pd.Timestamp(after.iloc[0]) if len(after) else pd.NaT
    start, end = period
    if last_day < start.normalize() or first_day > end.normalize():
        return "outside", first
    if pd.isna(first):
        return "missing", first
    if first <= last_day + pd.Timedelta(days=GRACE_DAYS):
        return "reported", first
    next_last = (pd.Period(month, freq="M") + 1).end_time.normalize()
    if first <= next_last:
        return "late", first
    return "missing", first


def reporting_calendar(region: Region, months: list[str]) -> pd.DataFrame:
    """Who reported which month: one row per network and month (networks' order, then `months`).

    The rule, from the dates of the progress entries (any product of the network's plan):
    - "outside": the month is not in the plan's period (nothing is due);
    - "reported": an entry is dated in the month, or at most GRACE_DAYS (10) days after it ends
      (a report of March dated 10 April counts; one dated 11 April does not);
    - "late": the first entry on or after the month's first day is dated after that grace but
      no later than the last day of the next month;
    - "missing": no such entry by the end of the next month.
    `first_entry` is that first entry on or after the month's first day (NaT: none yet). One
    entry early in a month counts for both that month and, within the grace, the previous one.
    A month that has not ended yet reads "missing" until its first entry is made.
    """
    rows = []
    for nid, plan in region.items():
        dates = _dates(plan)
        period = (plan.info.start, plan.info.end)
        for month in months:
            status, first = month_status(dates, str(month), period)
            rows.append((nid, str(month), status, first))
    out = pd.DataFrame(rows, columns=CALENDAR_COLUMNS)
    out["first_entry"] = pd.to_datetime(out["first_entry"]).astype("datetime64[ns]")
    return out.astype({"network_id": "str", "month": "str", "status": "str"})


def last_reports(region: Region) -> pd.DataFrame:
    """Each network's latest progress entry date (NaT: never reported)."""
    rows = []
    for nid, plan in region.items():
        dates = _dates(plan)
        rows.append((nid, dates.iloc[-1] if len(dates) else pd.NaT))
    out = pd.DataFrame(rows, columns=["network_id", "last_report"])
    out["last_report"] = pd.to_datetime(out["last_report"]).astype("datetime64[ns]")
    return out.astype({"network_id": "str"})


def region_months(region: Region, today: object) -> list[str]:
    """The months of the plans' periods (their union, in order), none after today's month."""
    cap = pd.Timestamp(today).to_period("M")
    found: set[pd.Period] = set()
    for _nid, plan in region.items():
        found |= set(pd.period_range(plan.info.start, plan.info.end, freq="M"))
    return [str(p) for p in sorted(found) if p <= cap]


# --------------------------------------------------------------------------------------------
# GCM coverage
# --------------------------------------------------------------------------------------------
def gcm_coverage(region: Region) -> pd.DataFrame:
    """Per network: products with a specific link to each GCM objective (columns 1..23, ints)
    and products linked «Todos» (column "all"). A product counts once per objective."""
    rows = []
    for nid, plan in region.items():
        counts = dict.fromkeys(GCM_NUMBERS, 0)
        for links in plan.products["gcm"]:
            for n in {int(x) for x in _as_list(links)}:
                if n in counts:
                    counts[n] += 1
        all_count = int(plan.products["gcm_all"].astype(bool).sum()) if len(plan.products) else 0
        rows.append({"network_id": nid, **counts, "all": all_count})
    out = pd.DataFrame(rows, columns=["network_id", *GCM_NUMBERS, "all"])
    return out.astype({"network_id": "str", **dict.fromkeys([*GCM_NUMBERS, "all"], "int64")})


def uncovered(region: Region) -> list[int]:
    """GCM objectives that no network's product links specifically («Todos» does not cover)."""
    cov = gcm_coverage(region)
    return [n for n in GCM_NUMBERS if int(cov[n].sum()) == 0]


# --------------------------------------------------------------------------------------------
# Agencies across networks
# --------------------------------------------------------------------------------------------
def agency_networks(region: Region) -> pd.DataFrame:
    """agency × network: products the agency leads and products it is a partner of, as
    written (the committee placeholder model.COMMITTEE stays one row label, not expanded).

    Only pairs with at least one product; agencies in alphabetical order (the committee
    last), then networks in region order.
    """
    rows = []
    for nid, plan in region.items():
        lead: dict[str, int] = {}
        partner: dict[str, int] = {}
        for leads, partners in zip(plan.products["leads"], plan.products["partners"], strict=True):
            for a in dict.fromkeys(str(x) for x in _as_list(leads)):
                lead[a] = lead.get(a, 0) + 1
            for a in dict.fromkeys(str(x) for x in _as_list(partners)):
                partner[a] = partner.get(a, 0) + 1
        for a in dict.fromkeys([*lead, *partner]):
            rows.append((a, nid, lead.get(a, 0), partner.get(a, 0)))
    position = {nid: i for i, nid in enumerate(region.ids())}
    rows.sort(key=lambda r: (r[0] == COMMITTEE, r[0].casefold(), position[r[1]]))
    out = pd.DataFrame(rows, columns=AGENCY_COLUMNS)
    return out.astype({"agency": "str", "network_id": "str", "lead": "int64", "partner": "int64"})


# --------------------------------------------------------------------------------------------
# Completion and alerts
# --------------------------------------------------------------------------------------------
def _latest(plan: Plan, today: object) -> pd.DataFrame:
    return metrics.latest_status(plan, plan.info.as_of(today))


def completion_by_network(region: Region, today: object) -> pd.DataFrame:
    """network_id, products, completion (0-100, metrics.overall_completion as of each plan's
    as_of(today); NaN for a plan with no product left to count)."""
    rows = []
    for nid, plan in region.items():
        latest = _latest(plan, today)
        rows.append((nid, len(latest), metrics.overall_completion(latest)))
    out = pd.DataFrame(rows, columns=COMPLETION_COLUMNS)
    return out.astype({"network_id": "str", "products": "int64", "completion": "float64"})


def completion_by_gcm(region: Region, today: object) -> pd.DataFrame:
    """network × GCM objective (columns 1..23): mean completion of the products linked
    specifically to it (cancelled excluded, as overall); NaN where the network has none."""
    rows = []
    for nid, plan in region.items():
        latest = _latest(plan, today).set_index("code")
        gcm = dict(zip(plan.products["code"].astype(str), plan.products["gcm"], strict=True))
        values: dict[int, list[float]] = {n: [] for n in GCM_NUMBERS}
        for code, r in latest.iterrows():
            if r["status"] == Status.CANCELLED.value:
                continue
            for n in {int(x) for x in _as_list(gcm.get(str(code)))}:
                if n in values:
                    values[n].append(float(r["percent"]))
        means = {n: (sum(v) / len(v) if v else float("nan")) for n, v in values.items()}
        rows.append({"network_id": nid, **means})
    out = pd.DataFrame(rows, columns=["network_id", *GCM_NUMBERS])
    return out.astype({"network_id": "str", **dict.fromkeys(GCM_NUMBERS, "float64")})


def alerts_by_network(region: Region, today: object, stale_days: int = 60) -> pd.DataFrame:
    """Per network: alerts of each kind (metrics.ALERT_KINDS columns, rows of metrics.alerts as
    of the plan's as_of(today); a closed plan gets no stale alerts) and `products`, the
    products with something to act on (metrics.alerts_by_product)."""
    rows = []
    for nid, plan in region.items():
        found = metrics.alerts(
            plan, plan.info.as_of(today), stale_days=stale_days, closed=plan.info.is_closed(today)
        )
        counts = found["kind"].value_counts()
        rows.append(
            {
                "network_id": nid,
                **{k: int(counts.get(k, 0)) for k in metrics.ALERT_KINDS},
                "products": len(metrics.alerts_by_product(found)),
            }
        )
    columns = ["network_id", *metrics.ALERT_KINDS, "products"]
    out = pd.DataFrame(rows, columns=columns)
    return out.astype({"network_id": "str", **dict.fromkeys(columns[1:], "int64")})

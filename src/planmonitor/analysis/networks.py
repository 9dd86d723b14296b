"""The networks of a store (issue 11, §1): every plan belongs to one, named by its «Plan» sheet.

A network is what a plan's «Plan» sheet states (`Red`, `Red (inglés)`, `Código de la red`,
`País`, `Región`). Its id is stable: the sheet's `Código de la red`, else the slug of its
Spanish name (as `reading.planinfo` derives it), so the same network keeps its id across its
plan cycles and the id can key access rules (``[planmonitor.networks.<id>]`` in secrets.toml).
A plan without a «Plan» sheet (a store written before issue 9) names no network: it belongs to
the unnamed network, id ``NO_NETWORK`` (""), shown with a neutral label.

Pure functions over the rows of ``Store.plans()`` (store.PLANS_COLUMNS): no schema change.
"""

from __future__ import annotations

from collections.abc import Collection

import pandas as pd

from planmonitor.i18n import t
from planmonitor.reading.planinfo import slug

NO_NETWORK = ""  # the network of plans that state none

NETWORK_COLUMNS = [
    "network_id",
    "network_es",
    "network_en",
    "country",
    "region",
    "plan_ids",  # tuple[str, ...]: the network's plans, earliest period first
    "plans",  # int
    "latest_plan_id",  # the plan whose period ends last (its names describe the network)
]


def network_id_of(network_id: str, network_es: str) -> str:
    """The network's stable id: its stated code, else the slug of its Spanish name."""
    stated = str(network_id or "").strip()
    return stated or slug(str(network_es or ""))


def with_network_ids(plans: pd.DataFrame) -> pd.DataFrame:
    """`plans` (Store.plans() rows) with `network_id` filled in for every plan."""
    out = plans.copy()
    ids = [network_id_of(i, n) for i, n in zip(out["network_id"], out["network_es"], strict=True)]
    out["network_id"] = pd.Series(ids, index=out.index, dtype="str")
    return out


def networks(plans: pd.DataFrame) -> pd.DataFrame:
    """One row per network (NETWORK_COLUMNS), in the order of their first plan.

    The network's names, country and region are those of its latest plan (the period that
    ends last; the later row of `plans` on a tie), so a renamed network shows its new name.
    """
    if plans.empty:
        return pd.DataFrame(columns=NETWORK_COLUMNS).astype(
            {"plans": "int64", **dict.fromkeys(NETWORK_COLUMNS[:5], "str")}
        )
    rows = with_network_ids(plans).reset_index(drop=True)
    rows["_order"] = range(len(rows))
    out = []
    for nid, group in rows.groupby("network_id", sort=False):
        latest = group.sort_values(["end", "_order"], kind="stable").iloc[-1]
        out.append(
            {
                "network_id": str(nid),
                "network_es": str(latest["network_es"]),
                "network_en": str(latest["network_en"]),
                "country": str(latest["country"]),
                "region": str(latest["region"]),
                "plan_ids": tuple(str(p) for p in group["plan_id"]),
                "plans": len(group),
                "latest_plan_id": str(latest["plan_id"]),
            }
        )
    df = pd.DataFrame(out, columns=NETWORK_COLUMNS)
    text = dict.fromkeys(NETWORK_COLUMNS[:5] + ["latest_plan_id"], "str")
    return df.astype({**text, "plans": "int64"})


def network_of(plans: pd.DataFrame, plan_id: str) -> str | None:
    """The network id of one plan (None: the store holds no such plan)."""
    found = plans[plans["plan_id"] == plan_id]
    if found.empty:
        return None
    row = found.iloc[0]
    return network_id_of(row["network_id"], row["network_es"])


def is_regional(plans: pd.DataFrame) -> bool:
    """True when the store holds plans of more than one network (regional pages and wording)."""
    if plans.empty:
        return False
    return with_network_ids(plans)["network_id"].nunique() > 1


def network_name(row: pd.Series | dict, lang: str = "es") -> str:
    """A network's name in `lang` (English when given), or the unnamed network's label."""
    name = str(row.get("network_en") or "") if lang == "en" else ""
    name = name or str(row.get("network_es") or "")
    return name or t("network.unnamed", lang)


def names(nets: pd.DataFrame, ids: Collection[str], lang: str = "es") -> str:
    """ "Red A, Red B": the names of the networks `ids`, in the order of `nets`."""
    wanted = set(ids)
    found = [network_name(r, lang) for r in nets.to_dict("records") if r["network_id"] in wanted]
    return ", ".join(found)

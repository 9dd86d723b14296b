"""The networks of a store (issue 11, §1): plans grouped by the network their «Plan» sheet
states, with a stable id; pure functions over Store.plans() rows."""

from __future__ import annotations

import pandas as pd
import pytest

from planmonitor.analysis import networks
from planmonitor.store import PLANS_COLUMNS


def plans_frame(*rows: dict) -> pd.DataFrame:
    base = {
        "title": "",
        "network_en": "",
        "network_id": "",
        "country": "",
        "region": "",
        "current_version_id": 1,
        "versions": 1,
        "closed": False,
    }
    df = pd.DataFrame([{**base, **r} for r in rows], columns=PLANS_COLUMNS)
    df["start"] = pd.to_datetime(df["start"])
    df["end"] = pd.to_datetime(df["end"])
    return df


A1 = {"plan_id": "a-2023", "network_es": "Red Á de Migración", "country": "País A",
      "start": "2023-01-01", "end": "2024-12-31"}  # fmt: skip
A2 = {"plan_id": "a-2025", "network_es": "Red A (nueva)", "network_id": "red-a-de-migracion",
      "network_en": "Network A", "country": "País A", "region": "Región X",
      "start": "2025-01-01", "end": "2026-12-31"}  # fmt: skip
B = {"plan_id": "b-2025", "network_es": "Red B", "country": "País B", "region": "Región X",
     "start": "2025-01-01", "end": "2025-12-31"}  # fmt: skip
OLD = {"plan_id": "plan", "network_es": "", "start": "2023-01-01", "end": "2024-12-31"}


def test_the_id_is_the_stated_code_else_the_slug_of_the_spanish_name():
    assert networks.network_id_of("", "Red Á de Migración") == "red-a-de-migracion"
    assert networks.network_id_of("red-x", "Otra red") == "red-x"
    assert networks.network_id_of("", "") == networks.NO_NETWORK == ""


def test_plans_group_into_networks_named_by_their_latest_plan():
    nets = networks.networks(plans_frame(A1, B, A2))
    assert nets["network_id"].tolist() == ["red-a-de-migracion", "red-b"]
    a = nets.iloc[0]
    assert a["plan_ids"] == ("a-2023", "a-2025")
    assert a["plans"] == 2 and a["latest_plan_id"] == "a-2025"
    # the latest plan names the network: its new name, English name and region
    assert (a["network_es"], a["network_en"], a["region"]) == (
        "Red A (nueva)", "Network A", "Región X",
    )  # fmt: skip
    b = nets.iloc[1]
    assert (b["plan_ids"], b["country"], b["network_en"]) == (("b-2025",), "País B", "")


def test_a_plan_without_a_plan_sheet_is_the_unnamed_network():
    nets = networks.networks(plans_frame(OLD))
    assert nets["network_id"].tolist() == [networks.NO_NETWORK]
    assert networks.network_name(nets.iloc[0], "es") == "Red sin nombre"
    assert networks.network_name(nets.iloc[0], "en") == "Unnamed network"
    assert not networks.is_regional(plans_frame(OLD))


@pytest.mark.parametrize(
    ("rows", "regional"),
    [((), False), ((A1,), False), ((A1, A2), False), ((A1, B), True), ((OLD, B), True)],
)
def test_a_store_is_regional_when_it_holds_more_than_one_network(rows, regional):
    assert networks.is_regional(plans_frame(*rows)) is regional


def test_network_of_a_plan_and_names_in_either_language():
    df = plans_frame(A1, A2, B)
    assert networks.network_of(df, "a-2023") == "red-a-de-migracion"
    assert networks.network_of(df, "b-2025") == "red-b"
    assert networks.network_of(df, "nada") is None
    nets = networks.networks(df)
    assert networks.names(nets, ["red-b", "red-a-de-migracion"], "es") == "Red A (nueva), Red B"
    assert networks.names(nets, ["red-b", "red-a-de-migracion"], "en") == "Network A, Red B"


def test_an_empty_store_has_no_network():
    nets = networks.networks(plans_frame())
    assert nets.empty and list(nets.columns) == networks.NETWORK_COLUMNS


def test_store_networks_reads_the_stores_plans(tmp_path):
    from planmonitor import store

    s = store.open_store(f"sqlite:///{tmp_path / 's.sqlite'}")
    try:
        nets = s.networks()
        # the bundled plan, as seeded: its «Plan» sheet names the Peru network
        bundled = "red-de-las-naciones-unidas-sobre-la-migracion-en-peru"
        assert nets["network_id"].tolist() == [bundled]
        assert nets.iloc[0]["country"] == "Perú"
        assert nets.iloc[0]["plan_ids"] == tuple(s.plans()["plan_id"])
    finally:
        s.dispose()

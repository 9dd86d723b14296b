"""Normalisation of what people type: dates, quarters, GCM lists, percent, enums, agencies."""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd
import pytest
from factory import AGENCIES, AGENCIES_HEADER

from planmonitor.model import COMMITTEE
from planmonitor.reading.normalize import (
    BAD,
    AgencyResolver,
    cell_text,
    date_series,
    norm_key,
    parse_bool,
    parse_date,
    parse_gcm,
    parse_percent,
    parse_role,
    parse_status,
    split_list,
)

T = pd.Timestamp


@pytest.mark.parametrize(
    ("value", "start", "end"),
    [
        (dt.datetime(2023, 3, 15, 0, 0), T("2023-03-15"), T("2023-03-15")),
        (dt.date(2023, 3, 15), T("2023-03-15"), T("2023-03-15")),
        ("2023-03-15", T("2023-03-15"), T("2023-03-15")),
        ("15/03/2023", T("2023-03-15"), T("2023-03-15")),
        ("15-03-2023", T("2023-03-15"), T("2023-03-15")),
        ("05/03/23", T("2023-03-05"), T("2023-03-05")),  # day first, as in Peru
        ("2023-T2", T("2023-04-01"), T("2023-06-30")),
        ("T2 2023", T("2023-04-01"), T("2023-06-30")),
        ("2023 Q2", T("2023-04-01"), T("2023-06-30")),
        ("Q2-2023", T("2023-04-01"), T("2023-06-30")),
        ("2023T2", T("2023-04-01"), T("2023-06-30")),
        (" 2024-t4 ", T("2024-10-01"), T("2024-12-31")),
        ("2024", T("2024-01-01"), T("2024-12-31")),
        (2024.0, T("2024-01-01"), T("2024-12-31")),
        ("marzo 2023", T("2023-03-01"), T("2023-03-31")),
        ("setiembre 2024", T("2024-09-01"), T("2024-09-30")),
    ],
)
def test_dates_and_periods(value, start, end) -> None:
    assert parse_date(value, end=False) == start
    assert parse_date(value, end=True) == end


@pytest.mark.parametrize("value", ["31/02/2023", "pronto", "2023-T5", "T0 2023", "13/13/2023"])
def test_bad_dates(value) -> None:
    assert parse_date(value) is BAD


def test_empty_date_is_nat_and_report_dates_refuse_periods() -> None:
    assert parse_date("") is pd.NaT and parse_date(None) is pd.NaT
    assert parse_date("2023-T2", periods=False) is BAD
    assert parse_date("30/09/2023", periods=False) == T("2023-09-30")


def test_date_series_keeps_index_and_flags_bad_cells() -> None:
    s = pd.Series(["2023-T1", "", "nope", dt.date(2024, 1, 2)], index=[10, 11, 12, 13])
    values, bad = date_series(s, end=True)
    assert values.dtype.kind == "M"
    assert values.tolist()[0] == T("2023-03-31") and pd.isna(values[11]) and pd.isna(values[12])
    assert bad.tolist() == [False, False, True, False]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1, 3, 23", ([1, 3, 23], False, [])),
        ("1;3", ([1, 3], False, [])),
        ("3 y 1", ([1, 3], False, [])),
        (7.0, ([7], False, [])),
        ("Todos", ([], True, [])),
        ("Todos los objetivos", ([], True, [])),
        ("todos los Objetivos del PMM", ([], True, [])),
        ("", ([], False, [])),
        ("1, 24, x", ([1], False, ["24", "x"])),
        (0.0, ([], False, ["0"])),
    ],
)
def test_gcm(value, expected) -> None:
    assert parse_gcm(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [(40, 40.0), ("40%", 40.0), ("40,5", 40.5), (" 100 % ", 100.0), (0, 0.0), ("0.5", 0.5)],
)
def test_percent(value, expected) -> None:
    assert parse_percent(value) == expected


@pytest.mark.parametrize("value", [101, -1, "mucho", "40%%", True])
def test_bad_percent(value) -> None:
    assert parse_percent(value) is BAD


def test_empty_percent_is_nan() -> None:
    assert math.isnan(parse_percent(""))


@pytest.mark.parametrize(
    ("value", "expected"),
    [("Sí", True), ("si", True), ("SI", True), ("x", True), (1.0, True), ("yes", True),
     (True, True), ("No", False), ("no", False), ("", False), (0.0, False), (None, False)],
)  # fmt: skip
def test_bool(value, expected) -> None:
    assert parse_bool(value) is expected


def test_bad_bool() -> None:
    assert parse_bool("quizás") is BAD


@pytest.mark.parametrize(
    ("value", "expected"),
    [("completado", "Completado"), ("EN CURSO", "En curso"), (" no  iniciado ", "No iniciado"),
     ("Retrasado", "Retrasado"), ("cancelado", "Cancelado"), ("in progress", "En curso"),
     ("", "")],
)  # fmt: skip
def test_status(value, expected) -> None:
    assert parse_status(value) == expected


def test_bad_status_and_role() -> None:
    assert parse_status("casi listo") is BAD
    assert parse_role("jefe") is BAD
    assert parse_role("comite ejecutivo") == "Comité Ejecutivo"
    assert parse_role("Coordinacion y secretaria") == "Coordinación y Secretaría"


def test_norm_key_and_cell_text() -> None:
    assert norm_key("  Líderes\n ") == "lideres"
    assert norm_key("Fechas   INTERPRETADAS") == "fechas interpretadas"
    assert cell_text(1.0) == "1" and cell_text(1.1) == "1.1"
    assert cell_text(dt.datetime(2023, 3, 15)) == "2023-03-15"
    assert cell_text(None) == "" and cell_text(float("nan")) == ""


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("OIM, PNUD", ["OIM", "PNUD"]),
        ("OIM; PNUD / OIT", ["OIM", "PNUD", "OIT"]),
        ("OIM y PNUD", ["OIM", "PNUD"]),
        ("IOM and UNDP", ["IOM", "UNDP"]),
        ("OIM\nACNUR", ["OIM", "ACNUR"]),
        ("ONU Mujeres", ["ONU Mujeres"]),
        ("", []),
    ],
)
def test_split_list(value, expected) -> None:
    assert split_list(value) == expected


@pytest.fixture(scope="module")
def resolver() -> AgencyResolver:
    df = pd.DataFrame([list(a) for a in AGENCIES], columns=AGENCIES_HEADER)
    df = df.rename(
        columns={
            "Sigla": "acronym",
            "Nombre": "name_es",
            "Nombre (inglés)": "name_en",
            "Sigla (inglés)": "acronym_en",
            "Rol": "roles",
            "Alias": "aliases",
        }
    )
    df["aliases"] = df["aliases"].map(split_list)
    return AgencyResolver(df)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("IOM", ["OIM"]),
        ("undp, UNHCR", ["PNUD", "ACNUR"]),
        ("UNUSIDA", ["ONUSIDA"]),
        ("PMA", ["WFP"]),
        ("onu mujeres", ["ONU Mujeres"]),
        ("UN Women", ["ONU Mujeres"]),
        ("Comité Ejecutivo", [COMMITTEE]),
        ("comite ejecutivo, OCR", [COMMITTEE, "OCR"]),
        ("OIM, IOM", ["OIM"]),  # the same agency twice counts once
    ],
)
def test_agency_aliases(resolver, value, expected) -> None:
    assert resolver.parse(value) == (expected, [])


def test_unknown_agency_gets_a_suggestion(resolver) -> None:
    found, unknown = resolver.parse("OMI, PNUD, Banco Mundial")
    assert found == ["PNUD"] and unknown == ["OMI", "Banco Mundial"]
    assert resolver.suggestion("OMI") == "OIM"
    assert resolver.suggestion("UNICF") == "UNICEF"
    assert resolver.suggestion("Banco Mundial") is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Coordinación y Secretaría", (["Coordinación y Secretaría"], [])),
        (
            "Coordinación y Secretaría, Comité Ejecutivo",
            (["Coordinación y Secretaría", "Comité Ejecutivo"], []),
        ),
        (
            "secretariat; executive committee",
            (["Coordinación y Secretaría", "Comité Ejecutivo"], []),
        ),
        ("Secretaría / Comité", (["Coordinación y Secretaría", "Comité Ejecutivo"], [])),
        ("Comité Ejecutivo, jefe", (["Comité Ejecutivo"], ["jefe"])),
        ("", ([], [])),
    ],
)
def test_a_role_cell_may_hold_several_roles(value, expected) -> None:
    """Issue 9: IOM is both the secretariat and a committee member."""
    from planmonitor.reading.normalize import parse_roles

    assert parse_roles(value) == expected

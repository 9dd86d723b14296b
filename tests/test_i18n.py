"""Strings in both languages, formats of each language, labels of the model's values."""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pandas as pd
import pytest
from planfactory import make_plan, product

from planmonitor import i18n
from planmonitor.i18n import (
    agency_label,
    date_tickformat,
    fmt_date,
    fmt_datetime,
    fmt_number,
    fmt_percent,
    gcm_label,
    quarter_label,
    role_label,
    status_label,
    t,
)
from planmonitor.model import COMMITTEE, NO_REPORT, STATUS_ORDER, Role

SRC = Path(__file__).resolve().parents[1] / "src" / "planmonitor"


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_every_key_has_both_languages_and_same_placeholders():
    for key, entry in i18n.STRINGS.items():
        assert set(entry) >= {"es", "en"}, key
        assert entry["es"].strip() and entry["en"].strip(), key
        assert _fields(entry["es"]) == _fields(entry["en"]), key


def test_catalogues_define_each_key_once():
    seen: set[str] = set()
    for catalog in i18n._CATALOGS:
        assert not seen & catalog.STRINGS.keys()
        seen |= catalog.STRINGS.keys()
    assert set(i18n.STRINGS) == seen


def test_t_formats_and_falls_back():
    assert t("filters.showing", "es", parts="x") == "Mostrando: x"
    assert t("filters.showing", "en", parts="x") == "Showing: x"
    assert t("filters.showing", "fr", parts="x") == "Mostrando: x"  # unknown language -> es
    assert t("no.such.key", "en") == "no.such.key"


def test_one_date_format_per_language():
    """Spanish days are dd/mm/aaaa, English ones "15 Mar 2024"; moments add the time."""
    assert fmt_date(pd.Timestamp("2024-03-15")) == "15/03/2024"
    assert fmt_date(pd.Timestamp("2024-03-15"), "en") == "15 Mar 2024"
    assert fmt_date("2023-08-05", "es") == "05/08/2023"
    assert fmt_date(pd.Timestamp("2023-12-01"), "es") == "01/12/2023"
    assert fmt_datetime(pd.Timestamp("2026-12-03 17:26:27"), "es") == "03/12/2026 17:26"
    assert fmt_datetime(pd.Timestamp("2026-12-03 17:26:27"), "en") == "3 Dec 2026 17:26"
    assert date_tickformat("es") == "%d/%m/%Y"  # numeric: no English month names in Spanish
    assert fmt_date(pd.NaT) == "—"
    assert fmt_date(None, "en") == "—"


@pytest.mark.parametrize(
    ("x", "lang", "decimals", "expected"),
    [
        (1234.5, "es", 1, "1.234,5"),
        (1234.5, "en", 1, "1,234.5"),
        (1234567, "es", 0, "1.234.567"),
        (1234567, "en", 0, "1,234,567"),
        (0.25, "es", 2, "0,25"),
        (-1234.5, "es", 1, "-1.234,5"),
        (-0.2, "es", 0, "0"),
        (float("nan"), "es", 0, "—"),
    ],
)
def test_fmt_number(x, lang, decimals, expected):
    assert fmt_number(x, lang, decimals) == expected


def test_fmt_percent_takes_0_to_100_units():
    assert fmt_percent(45, "es") == "45 %"
    assert fmt_percent(45, "en") == "45%"
    assert fmt_percent(12.34, "es", 1) == "12,3 %"
    assert fmt_percent(None) == "—"


def test_status_labels_in_both_languages():
    expected = {
        "No iniciado": "Not started",
        "En curso": "In progress",
        "Completado": "Completed",
        "Retrasado": "Delayed",
        "Cancelado": "Cancelled",
        NO_REPORT: "No report",
    }
    for status in (*STATUS_ORDER, NO_REPORT):
        assert status_label(status, "es") == status
        assert status_label(status, "en") == expected[status]
    assert status_label("Otro", "en") == "Otro"


def test_role_labels():
    assert role_label(Role.COMMITTEE.value, "en") == "Executive Committee"
    assert role_label(Role.SECRETARIAT.value, "en") == "Coordination and Secretariat"
    assert role_label(Role.MEMBER.value, "es") == "Miembro"
    assert role_label("lead", "es") == "Líder"
    assert role_label("partner", "en") == "Partner"


def test_quarter_labels():
    assert quarter_label("2023-T2", "es") == "T2 2023"
    assert quarter_label("2023-T2", "en") == "Q2 2023"
    assert quarter_label("2024-T4", "en") == "Q4 2024"
    assert quarter_label("sin fechas", "en") == "sin fechas"


def test_gcm_label_with_and_without_catalog():
    plan = make_plan([product("1.1.1-1")])
    assert gcm_label(3, "es", plan.gcm) == "PMM 3 · Proporcionar información"
    assert gcm_label(3, "en", plan.gcm).startswith("GCM 3 · Provide accurate")
    assert gcm_label(3, "en") == "GCM 3"
    assert gcm_label(99, "es", plan.gcm) == "PMM 99"


def test_agency_label_uses_english_acronym():
    plan = make_plan([product("1.1.1-1")])
    assert agency_label("OIM", "en", plan.agencies) == "IOM"
    assert agency_label("OIM", "es", plan.agencies) == "OIM"
    assert agency_label("PNUD", "en") == "UNDP"  # built-in fallback without the table
    assert agency_label(COMMITTEE, "en") == "Executive Committee"
    assert agency_label("XYZ", "en") == "XYZ"


CORE_MODULES = sorted(
    p.relative_to(SRC).as_posix() for p in SRC.rglob("*.py") if "ui" not in p.relative_to(SRC).parts
)


def test_the_convention_walk_sees_the_whole_core():
    assert len(CORE_MODULES) > 30 and "reading/loader.py" in CORE_MODULES


@pytest.mark.parametrize("module", CORE_MODULES)
def test_core_modules_do_not_import_streamlit(module):
    tree = ast.parse((SRC / module).read_text(encoding="utf-8"))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module.split(".")[0])
    assert "streamlit" not in imported, module

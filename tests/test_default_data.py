"""The bundled workbooks: up to date with data/source/, faithful to the plan's text, loadable.

The transcription checks parse the plan's text extraction (data/source/plan-de-trabajo-
2023-2024.txt) independently of data/source/plan.toml and compare the two, so a typo, a
dropped product or an invented lead fails here.
"""

from __future__ import annotations

import importlib.util
import io
import re
import tomllib
from collections import Counter
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from planmonitor import model

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
SOURCE = DATA / "source"
SEED = (SOURCE / "plan-de-trabajo-2023-2024.txt").read_text(encoding="utf-8")
PLAN = tomllib.loads((SOURCE / "plan.toml").read_text(encoding="utf-8"))
AGENCIES = tomllib.loads((SOURCE / "agencies.toml").read_text(encoding="utf-8"))["agencies"]
EXAMPLE = tomllib.loads((SOURCE / "avances-ejemplo.toml").read_text(encoding="utf-8"))
PRODUCTS = PLAN["products"]

EXPECTED_PER_ACTIVITY = {
    "1.1.1": 2,
    "1.1.2": 1,
    "2.1.1": 5,
    "2.1.2": 1,
    "2.2.1": 1,
    "2.3.1": 4,
    "3.1.1": 3,
    "3.2.2": 3,
}
EXAMPLE_TITLE = "DATOS DE EJEMPLO FICTICIOS — no son avances reales de la Red"


def _flat(text: str) -> str:
    """The seed without bold markers and with whitespace collapsed (headings span lines)."""
    return re.sub(r"\s+", " ", text.replace("**", "")).strip()


SEED_FLAT = _flat(SEED)


def _build_module():
    spec = importlib.util.spec_from_file_location(
        "build_default_data", ROOT / "scripts" / "build_default_data.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --------------------------------------------------------------------------------------------
# Parsing the plan's text on its own
# --------------------------------------------------------------------------------------------
_ACTIVITY_RE = re.compile(r"^(?:- )?(\d\.\d\.\d) (.+)$")
_PRODUCT_PREFIX_RE = re.compile(r"^(?:- )?(?:\d+[ \t]+)?")
_FIELD_RE = {
    "timeline": re.compile(r"^Línea temporal[ \t]*(.*)$"),
    "leads": re.compile(r"^Líderes[ \t]+(.*)$"),
    "partners": re.compile(r"^Socios[ \t]+(.*)$"),
}


def _seed_body() -> list[str]:
    """The plan's lines after the table of contents (the sections with the products)."""
    lines = SEED.splitlines()
    start = lines.index("Objetivo específico 1")
    return [line.strip() for line in lines[start:]]


def _seed_products() -> list[dict[str, str]]:
    """Products as the plan lists them: activity, name, timeline, leads, partners."""
    out: list[dict[str, str]] = []
    activity = None
    in_products = False
    for line in _seed_body():
        if not line:
            continue
        m = _ACTIVITY_RE.match(line)
        if m:
            activity, in_products = m.group(1), False
            continue
        if line == "Productos:":
            in_products = True
            continue
        if line.startswith(("Objetivos involucrados", "Estrategia ", "Objetivo específico")):
            in_products = False
            continue
        if not in_products:
            continue
        for field, rx in _FIELD_RE.items():
            fm = rx.match(line)
            if fm:
                out[-1][field] = fm.group(1).strip()
                break
        else:
            out.append({"activity": activity, "name": _PRODUCT_PREFIX_RE.sub("", line)})
    return out


SEED_PRODUCTS = _seed_products()


# --------------------------------------------------------------------------------------------
# (b) The transcription matches the plan
# --------------------------------------------------------------------------------------------
def test_product_counts_per_activity() -> None:
    counts = Counter(p["activity"] for p in PRODUCTS)
    assert dict(counts) == EXPECTED_PER_ACTIVITY
    assert len(PRODUCTS) == 20
    assert Counter(p["activity"] for p in SEED_PRODUCTS) == counts


def test_product_codes_follow_the_plan_order() -> None:
    seen: Counter[str] = Counter()
    for p in PRODUCTS:
        seen[p["activity"]] += 1
        assert p["code"] == f"{p['activity']}-{seen[p['activity']]}"
    activity_order = [a["code"] for a in PLAN["activities"]]
    assert [p["activity"] for p in PRODUCTS] == sorted(
        (p["activity"] for p in PRODUCTS), key=activity_order.index
    )


def test_product_names_are_verbatim_and_in_plan_order() -> None:
    assert [p["name"] for p in PRODUCTS] == [p["name"] for p in SEED_PRODUCTS]
    for p in PRODUCTS:
        assert p["name"] in SEED, p["code"]
    champions = next(p for p in PRODUCTS if p["code"] == "3.2.2-2")
    assert champions["name"].startswith('"Champions" del Pacto Mundial')


def test_leads_and_partners_are_as_the_plan_names_them() -> None:
    for ours, seed in zip(PRODUCTS, SEED_PRODUCTS, strict=True):
        assert ours.get("leads", "") == seed.get("leads", ""), ours["code"]
        partners = ours.get("partners_plan", ours.get("partners", ""))
        assert partners == seed.get("partners", ""), ours["code"]
    by_code = {p["code"]: p for p in PRODUCTS}
    assert by_code["3.2.2-1"]["partners"] == "Comité Ejecutivo"
    assert by_code["3.2.2-2"]["partners"] == "OCR, Comité Ejecutivo"
    for code in ("2.1.2-1", "2.2.1-1", "3.1.1-1", "3.1.1-2", "3.1.1-3"):
        assert "leads" not in by_code[code] and "partners" not in by_code[code], code


def test_partner_text_that_is_not_a_list_goes_to_notes_verbatim() -> None:
    p = next(p for p in PRODUCTS if p["code"] == "2.1.1-2")
    verbatim = "OIT, PNUD, y otras según afinidad del material requerido con mandato"
    assert p["partners"] == "OIT, PNUD"
    assert f"«{verbatim}»" in p["notes"]


def test_timeline_fragments_are_verbatim_and_dates_only_where_readable() -> None:
    for ours, seed in zip(PRODUCTS, SEED_PRODUCTS, strict=True):
        assert ours.get("timeline", "") == seed.get("timeline", ""), ours["code"]
        # No fragment shows an end: no end date anywhere.
        assert "end" not in ours, ours["code"]
        m = re.match(r"^(\d{4}) T([1-4]) ", ours.get("timeline", ""))
        if m:
            assert ours["start"] == f"{m.group(1)}-T{m.group(2)}"
            assert ours["dates_interpreted"] is True
            fragment = ours["timeline"]
            assert f"Inicio interpretado del fragmento «{fragment}»" in ours["notes"]
            assert "el fin no se puede leer" in ours["notes"]
        else:
            assert "start" not in ours and not ours.get("dates_interpreted"), ours["code"]
    by_code = {p["code"]: p for p in PRODUCTS}
    assert by_code["1.1.2-1"]["timeline"] == "2023 2024"


def test_gcm_links_only_where_the_plan_states_them() -> None:
    for p in PRODUCTS:
        expected = "Todos" if p["activity"] == "2.1.1" else ""
        assert p.get("gcm", "") == expected, p["code"]
    assert "Objetivos involucrados\tTodos los objetivos" in SEED


def test_unnumbered_products_of_3_2_2_are_explained() -> None:
    for p in PRODUCTS:
        if p["activity"] == "3.2.2":
            assert "no numera" in p["notes"]


def test_objectives_use_the_section_heading_wording() -> None:
    lines = SEED.splitlines()
    for o in PLAN["objectives"]:
        i = lines.index(f"Objetivo específico {o['code']}")
        heading = "\n".join(lines[i + 1 : i + 6])
        bold = re.search(r"\*\*(.+?)\*\*", heading, re.S)
        assert bold is not None
        assert o["name"] == _flat(bold.group(1))
    assert [o["code"] for o in PLAN["objectives"]] == ["1", "2", "3"]


def test_strategies_and_activities_use_the_section_wording() -> None:
    body = _seed_body()
    headings = {}
    for line in body:
        m = re.match(r"^Estrategia (\d\.\d) (.+)$", line)
        if m:
            headings[m.group(1)] = m.group(2)
    assert {s["code"]: s["name"] for s in PLAN["strategies"]} == headings
    activities = [m.groups() for line in body if (m := _ACTIVITY_RE.match(line))]
    assert [(a["code"], a["name"]) for a in PLAN["activities"]] == activities
    assert "3.2.1" not in {a["code"] for a in PLAN["activities"]}
    for a in PLAN["activities"]:
        assert a["strategy"] == a["code"].rsplit(".", 1)[0]


def test_quoted_text_in_notes_is_verbatim_from_the_plan() -> None:
    notes = [o.get("notes", "") for o in PLAN["objectives"] + PLAN["strategies"] + PRODUCTS]
    quotes = [q for n in notes for q in re.findall(r"«([^»]+)»", n)]
    assert len(quotes) >= 8
    for q in quotes:
        assert _flat(q) in SEED_FLAT, q


def test_agencies_roles_and_names() -> None:
    roles = {a["acronym"]: a["role"] for a in AGENCIES}
    assert roles == {
        "OIM": "Coordinación y Secretaría",
        **dict.fromkeys(["OCR", "PNUD", "OIT", "ACNUR", "UNODC"], "Comité Ejecutivo"),
        **dict.fromkeys(
            ["UNESCO", "ONU Mujeres", "ONUSIDA", "FAO", "UNFPA", "UNICEF", "WFP", "OACNUDH"],
            "Miembro",
        ),
    }
    assert "Comité Ejecutivo por la OCR, PNUD, OIT, ACNUR y UNODC" in SEED
    for a in AGENCIES:
        if a["acronym"] == "ONU Mujeres":
            assert a["name_es"].startswith("Entidad de las Naciones Unidas para la Igualdad")
        else:  # the Spanish name of the plan's acronym list
            assert f"{a['acronym']}\t{a['name_es']}\n" in SEED, a["acronym"]
    en = {a["acronym"]: a["acronym_en"] for a in AGENCIES}
    assert [en[k] for k in roles] == [
        "IOM", "RCO", "UNDP", "ILO", "UNHCR", "UNODC", "UNESCO", "UN Women", "UNAIDS", "FAO",
        "UNFPA", "UNICEF", "WFP", "OHCHR",
    ]  # fmt: skip
    aliases = {a["acronym"]: a["aliases"] for a in AGENCIES}
    assert "UNUSIDA" in aliases["ONUSIDA"] and "UNUSIDA" in SEED
    assert "PMA" in aliases["WFP"]


def test_every_agency_named_in_a_product_is_known() -> None:
    known = {a["acronym"] for a in AGENCIES} | {model.COMMITTEE}
    for p in PRODUCTS:
        for field in ("leads", "partners"):
            for name in filter(None, p.get(field, "").split(", ")):
                assert name in known, (p["code"], name)


# --------------------------------------------------------------------------------------------
# (a) The committed workbooks are what the script builds now
# --------------------------------------------------------------------------------------------
def _cells(data: bytes) -> dict[str, list[list[tuple[object, str]]]]:
    wb = openpyxl.load_workbook(io.BytesIO(data))
    return {
        ws.title: [[(c.value, c.data_type) for c in row] for row in ws.iter_rows()]
        for ws in wb.worksheets
    }


@pytest.mark.parametrize("name", ["plan-de-trabajo-2023-2024.xlsx", "avances-ejemplo.xlsx"])
def test_committed_workbooks_are_up_to_date(name: str) -> None:
    built = _build_module().build()
    committed = (DATA / name).read_bytes()
    assert _cells(committed) == _cells(built[name]), "run `make data` and commit the result"


OPTIONAL_ABSENT = {("Actividades", "Objetivo"), ("Productos", "Continúa")}  # issue 9


def test_plan_workbook_sheets_and_metadata() -> None:
    wb = openpyxl.load_workbook(DATA / "plan-de-trabajo-2023-2024.xlsx")
    assert wb.sheetnames == [
        "Plan", "Objetivos", "Estrategias", "Actividades", "Productos", "Agencias", "ObjetivosPMM",
        "Metadatos",
    ]  # fmt: skip
    for ws in wb.worksheets:
        headers = model.SHEETS_BY_NAME[ws.title].headers
        # The plan has strategies (no «Objetivo» column) and is a first plan (no «Continúa»).
        headers = [h for h in headers if (ws.title, h) not in OPTIONAL_ABSENT]
        assert [c.value for c in ws[1]] == headers
    meta = {r[0]: r[1] for r in wb["Metadatos"].iter_rows(min_row=2, values_only=True)}
    assert meta["fuente"].startswith("Plan de Trabajo 2023-2024")
    assert "extracción de texto" in meta["transcripcion"]
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", meta["fecha_transcripcion"])
    assert model.META_EXAMPLE_KEY not in meta  # the plan is real
    gcm = list(wb["ObjetivosPMM"].iter_rows(min_row=2, values_only=True))
    assert [r[0] for r in gcm] == list(range(1, 24))
    for number, label_plan, _, _ in gcm:
        assert f"{number} {label_plan}" in SEED
    assert wb["Productos"].max_row == 21


def test_bundled_plan_describes_itself_from_its_own_text() -> None:
    """The «Plan» sheet states only what the plan's text says (issue 9, plans-as-data.md §5)."""
    from planmonitor.reading.loader import load_workbook
    from planmonitor.reading.planinfo import slug

    info = load_workbook(DATA / "plan-de-trabajo-2023-2024.xlsx").plan.info
    assert not info.period_inferred
    assert info.title == "Plan de Trabajo 2023-2024"
    assert f"El {info.title} trabajará" in SEED_FLAT  # the plan names itself so
    assert info.network_es == "Red de las Naciones Unidas sobre la Migración en Perú"
    assert f"la {info.network_es} se plantea" in SEED_FLAT
    assert info.network_en == ""  # the plan gives no English name
    assert info.country == "Perú" and "Perú" in SEED_FLAT
    # The plan only says «la Red Regional»: no region is named, none is invented.
    assert "la Red Regional" in SEED_FLAT
    assert info.region == ""
    # The period is read from the title «2023-2024»: whole years.
    assert (info.start, info.end) == (pd.Timestamp("2023-01-01"), pd.Timestamp("2024-12-31"))
    assert info.lang == "es"
    assert info.plan_id == f"{slug(info.network_es)}-2023-2024"
    assert info.network_id == slug(info.network_es)
    # The example log is an update of the plan: it states no description of its own.
    example = openpyxl.load_workbook(DATA / "avances-ejemplo.xlsx")
    assert "Plan" not in example.sheetnames


# --------------------------------------------------------------------------------------------
# (d) The example log is marked fictitious and covers every status
# --------------------------------------------------------------------------------------------
def _example_log() -> pd.DataFrame:
    ws = openpyxl.load_workbook(DATA / "avances-ejemplo.xlsx")["Avances"]
    rows = list(ws.iter_rows(values_only=True))
    return pd.DataFrame(rows[2:], columns=rows[1])


def test_example_log_is_marked_fictitious() -> None:
    wb = openpyxl.load_workbook(DATA / "avances-ejemplo.xlsx")
    assert wb["Avances"]["A1"].value == EXAMPLE_TITLE
    assert [c.value for c in wb["Avances"][2]] == model.PROGRESS.headers
    meta = {r[0]: r[1] for r in wb["Metadatos"].iter_rows(min_row=2, values_only=True)}
    assert meta[model.META_EXAMPLE_KEY] == "Sí"
    assert "ficticios" in meta["descripcion"]


def test_example_log_content() -> None:
    log = _example_log()
    assert set(log["Estado"]) == set(model.STATUS_ORDER)
    codes = {p["code"] for p in PRODUCTS}
    assert set(log["Producto"]) <= codes
    assert 3 <= len(codes - set(log["Producto"])) <= 4  # some products show "Sin reporte"
    dates = pd.to_datetime(log["Fecha"])
    assert dates.between(pd.Timestamp("2023-01-01"), pd.Timestamp("2024-12-31")).all()  # the plan's
    assert dates.is_monotonic_increasing
    for _, g in log.groupby("Producto"):
        assert g["Porcentaje"].is_monotonic_increasing
    assert log["Producto"].value_counts().max() >= 3
    evidence = log["Evidencia"].fillna("")
    done = log["Estado"] == model.Status.COMPLETED.value
    assert (done & (evidence != "")).any() and (done & (evidence == "")).any()
    assert all(e.startswith("https://example.org/") for e in evidence if e)
    assert log["Comentario"].notna().mean() > 0.5


# --------------------------------------------------------------------------------------------
# (c) The bundled workbooks load through the loader
# --------------------------------------------------------------------------------------------
def test_bundled_workbooks_load_without_errors() -> None:
    from planmonitor import load_default, load_workbook

    plan_only = load_workbook(DATA / "plan-de-trabajo-2023-2024.xlsx")
    assert plan_only.ok, plan_only.issues.to_dict("records")
    assert len(plan_only.plan.products) == 20
    assert plan_only.plan.progress.empty and not plan_only.plan.is_example

    result = load_default()
    assert result.ok, result.issues.to_dict("records")
    plan = result.plan
    assert plan.is_example
    assert len(plan.progress) == sum(len(e["reports"]) for e in EXAMPLE["entries"])
    products = plan.products.set_index("code")
    assert list(products.index) == [p["code"] for p in PRODUCTS]
    assert products.loc["3.2.2-2", "partners"] == ["OCR", model.COMMITTEE]
    assert products.loc["1.1.1-2", "leads"] == ["OIM", "PNUD"]
    assert products.loc["2.1.1-1", "gcm_all"]
    assert products.loc["1.1.1-1", "start"] == pd.Timestamp("2023-04-01")
    assert pd.isna(products.loc["1.1.1-1", "end"])
    assert products.loc["1.1.1-1", "dates_interpreted"]
    assert products.loc["3.1.1-1", "leads"] == []
    assert sorted(plan.committee_members()) == sorted(["OCR", "PNUD", "OIT", "ACNUR", "UNODC"])

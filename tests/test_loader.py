"""load_workbook / load_default / merge_plans: the loader contract of docs/architecture.md."""

from __future__ import annotations

import datetime as dt
import random

import pandas as pd
import pytest
from factory import TODAY, make_workbook, progress_only, valid_sheets

from planmonitor import load_workbook as top_level_load
from planmonitor import model
from planmonitor.reading.loader import DATA_DIR, PLAN_FILE, load_default, load_workbook, merge_plans

TEXT = {
    "products": ["code", "objective", "strategy", "activity", "name", "start_text", "end_text",
                 "timeline_text", "notes"],
    "progress": ["code", "status", "comment", "reported_by", "evidence"],
}  # fmt: skip


def test_valid_workbook_gives_the_plan_of_the_contract(valid_bytes) -> None:
    result = top_level_load(valid_bytes, today=TODAY)
    assert result.ok and result.issues.empty
    plan = result.plan
    assert list(plan.products.columns) == model.PRODUCT_COLUMNS
    assert list(plan.progress.columns) == model.PROGRESS_COLUMNS
    assert list(plan.agencies.columns) == model.AGENCY_COLUMNS
    assert list(plan.gcm.columns) == model.GCM_COLUMNS
    assert list(plan.activities.columns) == model.ACTIVITY_COLUMNS
    for table, cols in TEXT.items():
        df = getattr(plan, table)
        for c in cols:
            assert df[c].dtype == "str", (table, c)
            assert not df[c].isna().any(), (table, c)
    p = plan.products.set_index("code")
    assert p.loc["1.1.1-1", "leads"] == ["OIM", "PNUD"]
    assert p.loc["1.1.1-1", "partners"] == ["UNODC", "ACNUR"]
    assert p.loc["1.1.1-2", "partners"] == [model.COMMITTEE]
    assert p.loc["1.1.1-1", "start"] == pd.Timestamp("2023-04-01")
    assert p.loc["1.1.1-1", "end"] == pd.Timestamp("2024-12-31")
    assert p.loc["1.1.1-1", "start_text"] == "2023-T2"
    assert p.loc["1.1.1-1", "gcm"] == [1, 3, 23] and not p.loc["1.1.1-1", "gcm_all"]
    assert p.loc["2.1.1-1", "gcm_all"] and p.loc["2.1.1-1", "gcm"] == []
    assert pd.isna(p.loc["2.1.1-1", "start"]) and p.loc["2.1.1-1", "start_text"] == ""
    assert p.loc["1.1.1-1", "dates_interpreted"] and not p.loc["1.1.1-2", "dates_interpreted"]
    assert (p.loc["2.1.1-1", "objective"], p.loc["2.1.1-1", "strategy"]) == ("2", "2.1")
    assert plan.products["seq"].tolist() == [1, 2, 3]
    assert plan.products["start"].dtype.kind == "M"
    # Defaults: the built-in GCM catalog; the sheets the tables came from.
    assert len(plan.gcm) == 23 and plan.gcm["number"].tolist() == list(range(1, 24))
    assert "ObjetivosPMM" not in plan.sheets and "Avances" in plan.sheets
    assert plan.committee_members() == ["OCR", "PNUD", "OIT", "ACNUR", "UNODC"]
    assert not plan.is_example


def test_progress_is_sorted_by_date_then_row(valid_bytes) -> None:
    progress = load_workbook(valid_bytes, today=TODAY).plan.progress
    assert progress["date"].is_monotonic_increasing
    assert progress["row"].tolist() == [3, 2, 4]
    assert progress["percent"].dtype == "float64"
    assert progress["status"].tolist() == ["No iniciado", "En curso", "Completado"]


def test_tolerant_values_load_clean() -> None:
    sheets = valid_sheets()
    sheets["Productos"][1][3] = "IOM y undp"
    sheets["Productos"][1][4] = "unusida; PMA\ncomite ejecutivo"
    sheets["Productos"][2][5] = "T1 2023"
    sheets["Productos"][2][6] = dt.datetime(2023, 12, 31)
    sheets["Avances"][1][2] = "EN CURSO"
    sheets["Avances"][1][3] = "40,5%"
    sheets["Avances"][3][2] = "completado"
    sheets["Avances"][2][0] = "30/06/2023"
    result = load_workbook(make_workbook(sheets), today=TODAY)
    assert result.ok, result.issues.to_string()
    p = result.plan.products.set_index("code")
    assert p.loc["1.1.1-1", "leads"] == ["OIM", "PNUD"]
    assert p.loc["1.1.1-1", "partners"] == ["ONUSIDA", "WFP", model.COMMITTEE]
    assert p.loc["1.1.1-2", "start"] == pd.Timestamp("2023-01-01")
    prog = result.plan.progress.set_index("row")
    assert prog.loc[2, "status"] == "En curso" and prog.loc[2, "percent"] == 40.5
    assert prog.loc[3, "date"] == pd.Timestamp("2023-06-30")


def test_numbers_typed_as_codes_are_read_as_text() -> None:
    sheets = valid_sheets()
    sheets["Objetivos"][1][0] = 1
    sheets["Estrategias"][1][0] = 1.1
    sheets["Estrategias"][1][1] = 1
    result = load_workbook(make_workbook(sheets), today=TODAY)
    assert result.ok, result.issues.to_string()
    assert result.plan.strategies["code"].tolist()[0] == "1.1"


def test_partial_workbook_with_base_replaces_only_its_tables(base_plan) -> None:
    rows = [[dt.datetime(2024, 3, 31), "2.1.1-1", "Retrasado", 10, "", "OIM", ""]]
    data = make_workbook(progress_only(rows))
    result = load_workbook(data, base=base_plan, today=TODAY)
    assert result.ok, result.issues.to_string()
    assert result.sheets == ("Avances",)
    plan = result.plan
    assert plan.progress["code"].tolist() == ["2.1.1-1"]
    pd.testing.assert_frame_equal(plan.products, base_plan.products)
    assert set(plan.sheets) == set(base_plan.sheets)


def test_partial_workbook_is_checked_against_the_merged_plan(base_plan) -> None:
    rows = [[dt.datetime(2024, 3, 31), "9.9.9-1", "En curso", 10, "", "", ""]]
    result = load_workbook(make_workbook(progress_only(rows)), base=base_plan, today=TODAY)
    assert not result.ok and result.plan is None
    assert result.issues[["rule", "row"]].values.tolist() == [["unknown_product", 2]]


def test_new_products_and_their_progress_together(base_plan) -> None:
    sheets = valid_sheets()
    data = make_workbook(
        {
            "Productos": sheets["Productos"][:2],
            "Avances": progress_only(
                [[dt.datetime(2024, 1, 1), "1.1.1-1", "En curso", 50, "", "", ""]]
            )["Avances"],
        }
    )
    result = load_workbook(data, base=base_plan, today=TODAY)
    assert result.ok, result.issues.to_string()
    assert result.plan.products["code"].tolist() == ["1.1.1-1"]


def test_base_progress_that_loses_its_product_is_reported(base_plan) -> None:
    sheets = valid_sheets()
    data = make_workbook({"Productos": [sheets["Productos"][0], sheets["Productos"][3]]})
    result = load_workbook(data, base=base_plan, today=TODAY)
    assert not result.ok
    issues = result.issues
    assert set(issues["rule"]) == {"unknown_product"}
    assert issues["row"].isna().all()
    assert "plan base" in issues["message"].iloc[0]


def test_empty_sheet_of_an_update_keeps_the_current_data_with_a_warning(base_plan) -> None:
    """The empty template uploaded as an update must not remove every product."""
    from planmonitor.output.template import build_template

    result = load_workbook(build_template(None), base=base_plan, today=TODAY)
    assert result.ok, result.issues.to_string()
    pd.testing.assert_frame_equal(result.plan.products, base_plan.products)
    pd.testing.assert_frame_equal(result.plan.progress, base_plan.progress)
    pd.testing.assert_frame_equal(result.plan.agencies, base_plan.agencies)
    empty = result.issues[result.issues["rule"] == "empty_sheet"]
    assert set(empty["severity"]) == {"warning"}
    assert {"Productos", "Avances", "Agencias", "Objetivos"} <= set(empty["sheet"])
    products = empty[empty["sheet"] == "Productos"].iloc[0]
    assert products["message"].startswith("Hoja «Productos»")
    assert "se conserva la versión actual" in products["message"]
    assert "Productos" in products["message_en"] and "kept" in products["message_en"]


def test_empty_sheet_next_to_a_filled_one_is_checked_against_the_kept_table(base_plan) -> None:
    """Products empty (kept), progress filled: progress is still checked against the
    kept products, so a report on an unknown product is an error, a known one loads."""
    header = valid_sheets()["Productos"][0]
    unknown = [[dt.datetime(2024, 3, 31), "9.9.9-1", "En curso", 10, "", "", ""]]
    bad = make_workbook({"Productos": [header], **progress_only(unknown)})
    result = load_workbook(bad, base=base_plan, today=TODAY)
    assert not result.ok
    assert "unknown_product" in set(result.issues["rule"])
    known = [[dt.datetime(2024, 3, 31), "2.1.1-1", "En curso", 10, "", "", ""]]
    good = make_workbook({"Productos": [header], **progress_only(known)})
    result = load_workbook(good, base=base_plan, today=TODAY)
    assert result.ok, result.issues.to_string()
    assert result.plan.progress["code"].tolist() == ["2.1.1-1"]
    assert len(result.plan.products) == len(base_plan.products)
    assert result.issues["rule"].tolist() == ["empty_sheet"]


def test_empty_sheet_without_a_base_is_an_empty_table() -> None:
    """A first load has no current version to keep: an empty «Avances» is an empty log."""
    sheets = valid_sheets()
    sheets["Avances"] = sheets["Avances"][:1]
    result = load_workbook(make_workbook(sheets), today=TODAY)
    assert result.ok and result.issues.empty
    assert result.plan.progress.empty


def test_metadata_marks_example_data_and_merges(base_plan) -> None:
    data = make_workbook(
        {**progress_only([]), "Metadatos": [["Clave", "Valor"], ["datos_ficticios", "Sí"]]}
    )
    result = load_workbook(data, base=base_plan, today=TODAY)
    assert result.ok
    assert result.plan.is_example
    assert result.plan.meta == {"fuente": "pruebas", "datos_ficticios": "Sí"}


def test_merge_plans_takes_update_tables_by_sheet(base_plan) -> None:
    empty_progress = base_plan.progress.iloc[0:0]
    update = model.Plan(
        objectives=base_plan.objectives.iloc[0:0],
        strategies=base_plan.strategies,
        activities=base_plan.activities,
        products=base_plan.products,
        agencies=base_plan.agencies,
        gcm=base_plan.gcm,
        progress=empty_progress,
        sheets=("Avances",),
    )
    merged = merge_plans(base_plan, update)
    assert merged.progress.empty
    assert len(merged.objectives) == 2  # not in update.sheets: kept from base
    assert len(base_plan.progress) == 3  # the base is not changed


def test_warnings_keep_the_plan(sheets) -> None:
    sheets["Productos"][1][3] = ""
    result = load_workbook(make_workbook(sheets), today=TODAY)
    assert result.ok and result.plan is not None
    assert result.issues["rule"].tolist() == ["no_lead"]


def test_loader_never_raises_on_mangled_bytes(valid_bytes) -> None:
    rng = random.Random(7)
    for _ in range(25):
        data = bytearray(valid_bytes)
        for _ in range(rng.randint(1, 20)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        result = load_workbook(bytes(data), today=TODAY)
        assert list(result.issues.columns) == model.ISSUE_COLUMNS
        assert result.ok == (result.plan is not None)


def test_loader_never_raises_on_odd_cells() -> None:
    sheets = valid_sheets()
    sheets["Productos"][1][3:9] = [True, 3.5, dt.time(10, 0), -1, "=1/0", float(10**20)]
    sheets["Avances"][1][0:4] = [True, 1.5, None, dt.datetime(2023, 1, 1)]
    result = load_workbook(make_workbook(sheets), today=TODAY)
    assert not result.ok
    assert "unreadable_file" not in set(result.issues["rule"])


@pytest.mark.skipif(not (DATA_DIR / PLAN_FILE).is_file(), reason="bundled data not built")
def test_load_default_is_the_plan_with_the_example_log() -> None:
    result = load_default()
    assert result.ok, result.issues.to_string()
    plan = result.plan
    assert plan.is_example
    assert len(plan.products) == 20
    assert len(plan.progress) > 0
    assert set(plan.progress["code"]) <= set(plan.products["code"])
    assert set(result.issues["severity"]) <= {"warning"}
    assert {"Productos", "Avances"} <= set(result.sheets)


def test_load_default_from_a_folder(tmp_path, valid_bytes) -> None:
    (tmp_path / "plan-de-trabajo-2023-2024.xlsx").write_bytes(valid_bytes)
    only_plan = load_default(tmp_path)
    assert only_plan.ok and not only_plan.plan.is_example
    log = make_workbook(
        {
            **progress_only([[dt.datetime(2023, 5, 1), "2.1.1-1", "En curso", 5, "", "", ""]]),
            "Metadatos": [["Clave", "Valor"], ["datos_ficticios", "Sí"]],
        }
    )
    (tmp_path / "avances-ejemplo.xlsx").write_bytes(log)
    both = load_default(tmp_path)
    assert both.ok and both.plan.is_example
    assert both.plan.progress["code"].tolist() == ["2.1.1-1"]
    assert len(both.plan.products) == 3


def test_append_log_adds_only_entries_not_already_in_the_log():
    from planmonitor.reading.loader import append_log

    base = pd.DataFrame(
        {
            "date": pd.to_datetime(["2024-01-31", "2024-02-29"]),
            "code": ["1.1.1-1", "1.1.1-1"],
            "status": ["En curso", "En curso"],
            "percent": [10.0, 20.0],
            "comment": ["a", "b"],
            "reported_by": ["OIM", "OIM"],
            "evidence": ["", ""],
            "row": [2, 3],
        }
    )
    update = base.iloc[[1]].assign(row=7)  # the same report, from another file row
    update = pd.concat(
        [update, base.iloc[[0]].assign(date=pd.Timestamp("2024-01-15"), comment="c", row=8)]
    )
    merged = append_log(base, update)
    assert list(merged["comment"]) == ["c", "a", "b"]  # by date; the duplicate not added
    assert len(base) == 2  # the input is untouched


def test_append_log_replaces_a_report_of_the_same_product_and_date():
    """Issue 10: a corrected report (same product and date, new percent) replaces the one in
    the log instead of becoming a second report of that day."""
    from planmonitor.reading.loader import append_log

    base = pd.DataFrame(
        {
            "date": pd.to_datetime(["2024-01-31", "2024-02-29", "2024-02-29"]),
            "code": ["1.1.1-1", "1.1.1-1", "1.1.1-2"],
            "status": ["En curso", "En curso", "Retrasado"],
            "percent": [10.0, 20.0, 5.0],
            "comment": ["a", "b", "x"],
            "reported_by": ["OIM", "OIM", "OIT"],
            "evidence": ["", "", ""],
            "row": [2, 3, 4],
        }
    )
    fixed = base.iloc[[1]].assign(percent=25.0, comment="b corregido", row=2)
    same = base.iloc[[2]].assign(row=3)  # re-uploaded as it was: nothing to do
    merged = append_log(base, pd.concat([fixed, same]))
    assert merged[["code", "percent", "comment"]].values.tolist() == [
        ["1.1.1-1", 10.0, "a"],
        ["1.1.1-1", 25.0, "b corregido"],
        ["1.1.1-2", 5.0, "x"],
    ]
    assert base["percent"].tolist() == [10.0, 20.0, 5.0]  # the input is untouched


def test_suggestions_are_matched_once_per_distinct_value(valid_bytes, monkeypatch) -> None:
    """Issue 8: «¿Quiso decir …?» runs the matcher once per distinct mistyped code, not once
    per row (300 rows on a 2,000-product plan took 13.3 s with difflib)."""
    from planmonitor.reading import normalize

    base = load_workbook(valid_bytes, today=TODAY).plan
    calls: list[str] = []
    real = normalize.extract_one

    def counting(query, choices, **kw):
        calls.append(query)
        return real(query, choices, **kw)

    monkeypatch.setattr(normalize, "extract_one", counting)
    typos = ["1.1.1-l", "1.1.1_2", "9.9.9-9"]  # two near misses, one far from everything
    rows = [
        [dt.datetime(2023, 9, 30), typos[i % 3], "En curso", 40, "", "OIM", ""] for i in range(30)
    ]
    result = load_workbook(make_workbook(progress_only(rows)), base=base, today=TODAY)
    unknown = result.issues[result.issues["rule"] == "unknown_product"]
    assert len(unknown) == 30
    by_value = dict(zip(unknown["value"], unknown["message"], strict=False))
    assert "¿Quiso decir «1.1.1-1»?" in by_value["1.1.1-l"]
    assert "¿Quiso decir «1.1.1-2»?" in by_value["1.1.1_2"]
    assert "Quiso decir" not in by_value["9.9.9-9"]
    assert sorted(calls) == sorted(normalize.norm_key(t) for t in typos)


def _issues(result, rule: str) -> pd.DataFrame:
    return result.issues[result.issues["rule"] == rule]


def test_a_cell_longer_than_the_limit_is_one_located_issue_and_is_not_read() -> None:
    """Issue 12: the length is checked before any matching (a 10 MB token kept `validate` busy
    for minutes); the cell is named with its length and read as nothing else."""
    from planmonitor.reading.workbook import Limits

    sheets = valid_sheets()
    sheets["Productos"][1][3] = "OIM" + "x" * 997
    result = load_workbook(make_workbook(sheets), today=TODAY, limits=Limits(max_cell_chars=500))
    assert set(result.issues["rule"]) == {"cell_too_long"}  # no unknown agency, no «no lead»
    issue = result.issues.iloc[0]
    assert (issue["sheet"], issue["row"], issue["column"]) == ("Productos", 2, "Líderes")
    assert "1.000 caracteres; el máximo es 500" in issue["message"]
    assert "1,000 characters; the limit is 500" in issue["message_en"]
    assert not result.ok


def test_issues_past_the_limit_are_counted_per_rule_and_said(valid_bytes) -> None:
    """Issue 12: at most Limits.max_issues issues are collected; then one «y N más» per rule,
    with the counts in LoadResult.more."""
    from planmonitor.reading.workbook import Limits

    base = load_workbook(valid_bytes, today=TODAY).plan
    rows = [[dt.datetime(2023, 9, 30), "1.1.1-1", "En curso", "x", "", "", ""]] * 8
    rows += [[dt.datetime(2023, 9, 30), "9.9.9-9", "En curso", 10, "", "", ""]] * 4
    result = load_workbook(
        make_workbook(progress_only(rows)), base=base, today=TODAY, limits=Limits(max_issues=5)
    )
    assert not result.ok
    assert result.more == {"bad_percent": 3, "unknown_product": 4}
    kept = result.issues[result.issues["row"].notna()]
    assert len(kept) == 5 and set(kept["rule"]) == {"bad_percent"}
    more = result.issues[result.issues["row"].isna()].set_index("rule")
    assert more.loc["bad_percent", "message"].startswith("y 3 más de este tipo (bad_percent)")
    assert more.loc["unknown_product", "message_en"].startswith("and 4 more of this kind")
    assert "como máximo 5 incidencias" in more.loc["unknown_product", "message"]


@pytest.mark.parametrize(
    ("cell", "column", "says"),
    [
        (dt.datetime(9999, 12, 31), 6, "«9999-12-31» está fuera de las fechas que admite el plan"),
        ("3024-05-10", 6, "«3024-05-10» está fuera de las fechas que admite el plan"),
        ("1899-12-31", 7, "«1899-12-31» está fuera de las fechas"),
        (dt.datetime(1899, 12, 30), 7, "«00:00:00» no es una fecha"),  # serial 0: a time
        ("1900-01-00", 7, "«1900-01-00» no es una fecha ni un trimestre"),
        ("0000-01-01", 6, "«0000-01-01» no es una fecha ni un trimestre"),
        ("0000-T1", 6, "«0000-T1» no es una fecha ni un trimestre"),
        ("31/02/2024", 6, "«31/02/2024» no es una fecha ni un trimestre"),
        (99_999_999, 6, "«99999999» no es una fecha ni un trimestre"),
        (-45000, 7, "«-45000» no es una fecha ni un trimestre"),
    ],
)
def test_a_value_that_cannot_be_a_date_of_the_plan_is_a_located_error(cell, column, says):
    """Issue 12: never «error interno» (dates past 2262 overflowed the datetime column)."""
    sheets = valid_sheets()
    sheets["Productos"][1][column - 1] = cell
    result = load_workbook(make_workbook(sheets), today=TODAY)
    assert set(result.issues["rule"]) == {"bad_date"}, result.issues.to_string()
    issue = result.issues.iloc[0]
    header = "Inicio" if column == 6 else "Fin"
    assert (issue["sheet"], issue["row"], issue["column"]) == ("Productos", 2, header)
    assert says in issue["message"]


def test_a_report_date_outside_the_dates_of_a_plan_is_a_located_error(valid_bytes) -> None:
    base = load_workbook(valid_bytes, today=TODAY).plan
    rows = [["2262-04-12", "1.1.1-1", "En curso", 40, "", "OIM", ""]]
    result = load_workbook(make_workbook(progress_only(rows)), base=base, today=TODAY)
    issue = _issues(result, "bad_date").iloc[0]
    assert (issue["sheet"], issue["row"], issue["column"]) == ("Avances", 2, "Fecha")
    assert "«2262-04-12» is outside the dates the plan accepts" in issue["message_en"]


@pytest.mark.parametrize(
    ("char", "named"),
    [
        ("\u200b", "U+200B espacio de ancho cero"),
        ("\u200d", "U+200D unión de ancho cero"),
        ("\ufeff", "U+FEFF marca de orden de bytes (BOM)"),
        ("\u00a0", "U+00A0 espacio de no separación"),
        ("\u00ad", "U+00AD guion virtual"),
        ("\u202e", "U+202E forzado de derecha a izquierda"),
        ("\u2066", "U+2066 aislamiento de izquierda a derecha"),
    ],
)
def test_invisible_characters_in_codes_are_named_and_removed(valid_bytes, char, named) -> None:
    """Issue 12: «1.1.1-1» followed by U+200B was a new product; now it is the same product,
    with a warning naming the character."""
    base = load_workbook(valid_bytes, today=TODAY).plan
    rows = [[dt.datetime(2023, 10, 31), f"1.1.1-1{char}", "En curso", 50, "", "OIM", ""]]
    result = load_workbook(make_workbook(progress_only(rows)), base=base, today=TODAY)
    assert result.ok, result.issues.to_string()
    issue = _issues(result, "invisible_character").iloc[0]
    assert (issue["sheet"], issue["row"], issue["column"]) == ("Avances", 2, "Producto")
    assert named in issue["message"] and issue["severity"] == "warning"
    assert result.plan.progress["code"].eq("1.1.1-1").all()


def test_invisible_characters_in_agency_acronyms_are_removed_by_name() -> None:
    sheets = valid_sheets()
    sheets["Agencias"][1][0] = "\u200eOIM"  # a left-to-right mark before the acronym
    sheets["Productos"][3][3] = "OIM\u200b"
    result = load_workbook(make_workbook(sheets), today=TODAY)
    assert result.ok, result.issues.to_string()
    named = _issues(result, "invisible_character")
    assert list(zip(named["sheet"], named["column"], strict=True)) == [
        ("Productos", "Líderes"),
        ("Agencias", "Sigla"),
    ]
    assert "U+200E marca de izquierda a derecha" in named.iloc[1]["message"]
    assert result.plan.products.set_index("code").loc["2.1.1-1", "leads"] == ["OIM"]


def test_two_codes_made_one_by_an_invisible_character_are_refused() -> None:
    sheets = valid_sheets()
    sheets["Productos"][2][0] = "1.1.1-1\u200b"  # Excel shows it as the first product's code
    result = load_workbook(make_workbook(sheets), today=TODAY)
    assert not result.ok
    dup = _issues(result, "duplicate_code").iloc[0]
    assert (dup["sheet"], dup["row"], dup["column"], dup["value"]) == (
        "Productos", 3, "Código", "1.1.1-1"
    )  # fmt: skip
    assert "U+200B" in _issues(result, "invisible_character").iloc[0]["message"]


def test_the_duplicate_says_when_the_first_code_hid_the_character() -> None:
    sheets = valid_sheets()
    sheets["Productos"][1][0] = "1.1.1-2\u2060"  # a word joiner, then the second row's code
    sheets["Avances"][1][1] = "1.1.1-2"
    sheets["Avances"][2][1] = "1.1.1-2"
    result = load_workbook(make_workbook(sheets), today=TODAY)
    dup = _issues(result, "duplicate_code").iloc[0]
    assert dup["row"] == 3 and "U+2060 word joiner" in dup["message_en"]


# --------------------------------------------------------------------------------------------
# Issue 9: the «Plan» sheet, the words of statuses, dates outside the plan's period
# --------------------------------------------------------------------------------------------
PLAN_ROWS = [
    ["Clave", "Valor"],
    ["Título", "Plan de trabajo 2025-2026"],
    ["Red", "Red Regional sobre Migración"],
    ["Network (English)", "Regional Network on Migration"],
    ["Región", "América Latina y el Caribe"],
    ["Inicio", "2025"],
    ["Fin", "30/06/2026"],
    ["idioma", "English"],
    ["Nivel 4", "Entregable"],
    ["Datos ficticios", "Sí"],
]


def _with_plan_sheet(rows: list[list]) -> dict[str, list[list]]:
    sheets = valid_sheets()
    sheets["Plan"] = rows
    return sheets


def test_the_plan_sheet_is_read_into_plan_info() -> None:
    result = load_workbook(make_workbook(_with_plan_sheet(PLAN_ROWS)), today=TODAY)
    info = result.plan.info
    assert info.title == "Plan de trabajo 2025-2026"
    assert (info.network_es, info.network_en) == (
        "Red Regional sobre Migración", "Regional Network on Migration"
    )  # fmt: skip
    assert info.network_id == "red-regional-sobre-migracion"
    assert info.plan_id == "red-regional-sobre-migracion-2025-2026"
    assert (info.start, info.end) == (pd.Timestamp("2025-01-01"), pd.Timestamp("2026-06-30"))
    assert info.lang == "en" and info.fictitious and not info.period_inferred
    assert info.level_names == ("", "", "", "Entregable")
    assert "Plan" in result.plan.sheets


def test_without_a_plan_sheet_the_info_is_inferred_and_an_update_keeps_the_base_info(
    valid_bytes,
) -> None:
    plain = load_workbook(valid_bytes, today=TODAY).plan
    assert plain.info.plan_id == "plan" and plain.info.period_inferred
    base = load_workbook(make_workbook(_with_plan_sheet(PLAN_ROWS)), today=TODAY).plan
    rows = [[dt.datetime(2025, 3, 31), "1.1.1-1", "En curso", 60, "", "OIM", ""]]
    update = load_workbook(make_workbook(progress_only(rows)), base=base, today=TODAY)
    assert update.ok and update.plan.info == base.info


def test_a_plan_sheet_without_its_required_keys_lists_them() -> None:
    rows = [["Clave", "Valor"], ["Título", "Plan"], ["Fin", "2026"]]
    result = load_workbook(make_workbook(_with_plan_sheet(rows)), today=TODAY)
    assert not result.ok
    issue = _issues(result, "plan_info_missing").iloc[0]
    assert issue["sheet"] == "Plan" and "«Red», «Inicio»" in issue["message"]


@pytest.mark.parametrize(
    ("key", "value", "rule", "says"),
    [
        ("Inicio", "31/02/2025", "bad_date", "«31/02/2025» no es una fecha"),
        ("Idioma", "quechua", "bad_language", "«quechua» no es un idioma"),
        ("Código", "Red Perú 2025", "bad_plan_code", "(p. ej. «red-peru-2025»)"),
        ("Datos ficticios", "quizás", "bad_bool", "«quizás» no es Sí ni No"),
    ],
)
def test_a_plan_value_that_cannot_be_read_is_located(key, value, rule, says) -> None:
    rows = [*PLAN_ROWS, [key, value]]
    result = load_workbook(make_workbook(_with_plan_sheet(rows)), today=TODAY)
    issue = _issues(result, rule).iloc[0]
    assert (issue["sheet"], issue["row"], issue["column"]) == ("Plan", len(rows), "Valor")
    assert says in issue["message"] and not result.ok


def test_an_end_before_the_start_of_the_plan_is_refused() -> None:
    rows = [*PLAN_ROWS[:5], ["Inicio", "2026"], ["Fin", "2025"]]
    result = load_workbook(make_workbook(_with_plan_sheet(rows)), today=TODAY)
    issue = _issues(result, "end_before_start").iloc[0]
    assert (issue["sheet"], issue["row"]) == ("Plan", 7)


def test_dates_outside_the_stated_period_are_warnings_naming_it() -> None:
    sheets = _with_plan_sheet(PLAN_ROWS)  # 2025-01-01 to 2026-06-30; the plan's dates: 2023-24
    result = load_workbook(make_workbook(sheets), today=pd.Timestamp("2027-01-01"))
    assert result.ok
    outside = _issues(result, "date_outside_period")
    assert set(outside["column"]) == {"Inicio", "Fin", "Fecha"}
    assert (outside["severity"] == "warning").all()
    first = outside.iloc[0]["message"]
    assert "está fuera del periodo del plan (2025-01-01 a 2026-06-30)" in first
    inferred = load_workbook(make_workbook(valid_sheets()), today=TODAY)
    assert _issues(inferred, "date_outside_period").empty  # an inferred period is not checked


def test_the_words_real_plans_use_for_a_status_are_read(valid_bytes) -> None:
    base = load_workbook(valid_bytes, today=TODAY).plan
    words = ["Yet to start", "Ongoing", "En ejecución", "Completed", "On hold", "Por iniciar"]
    rows = [
        [dt.datetime(2023, 10, i + 1), "1.1.1-1", w, 100 if w == "Completed" else 10, "", "", ""]
        for i, w in enumerate(words)
    ]
    result = load_workbook(make_workbook(progress_only(rows)), base=base, today=TODAY)
    assert result.ok, result.issues.to_string()
    assert result.plan.progress["status"].tolist() == [
        "No iniciado", "En curso", "En curso", "Completado", "Retrasado", "No iniciado"
    ]  # fmt: skip


def test_an_agency_can_be_secretariat_and_committee_member() -> None:
    """Issue 9: the «Rol» cell holds several roles; IOM is both (the global network's plan)."""
    sheets = valid_sheets()
    oim = next(r for r in sheets["Agencias"] if r[0] == "OIM")
    oim[4] = "Coordinación y Secretaría, Comité Ejecutivo"
    result = load_workbook(make_workbook(sheets), today=TODAY)
    assert result.ok and result.issues.empty, result.issues
    plan = result.plan
    roles = plan.agencies.set_index("acronym")["roles"]
    assert roles["OIM"] == [model.Role.SECRETARIAT.value, model.Role.COMMITTEE.value]
    assert roles["OCR"] == [model.Role.COMMITTEE.value]
    assert plan.secretariat() == ["OIM"]
    assert plan.committee_members() == ["OIM", "OCR", "PNUD", "OIT", "ACNUR", "UNODC"]


def test_an_unknown_role_among_several_is_named_alone() -> None:
    sheets = valid_sheets()
    next(r for r in sheets["Agencias"] if r[0] == "OCR")[4] = "Comité Ejecutivo, Presidencia"
    issues = load_workbook(make_workbook(sheets), today=TODAY).issues
    bad = issues[issues["rule"] == "bad_role"]
    assert bad["value"].tolist() == ["Presidencia"]
    assert "Comité Ejecutivo" in bad["message"].iloc[0]


def test_a_member_without_a_spanish_name_is_valid_and_shown_by_its_other_names() -> None:
    """Issue 9: non-UN members (an NGO network, OECD) need no Spanish name."""
    from planmonitor.i18n import agency_name

    sheets = valid_sheets()
    sheets["Agencias"] += [
        ["OECD", "", "Organisation for Economic Co-operation and Development", "", "Miembro", ""],
        ["MADE", "", "", "", "Miembro", ""],
    ]
    result = load_workbook(make_workbook(sheets), today=TODAY)
    assert result.ok and result.issues.empty, result.issues
    agencies = result.plan.agencies
    assert agencies.set_index("acronym").loc["OECD", "name_es"] == ""
    oecd = "Organisation for Economic Co-operation and Development"
    assert agency_name("OECD", "es", agencies) == oecd
    assert agency_name("OECD", "en", agencies) == oecd
    assert agency_name("MADE", "es", agencies) == "MADE"
    assert agency_name("OIM", "es", agencies) == "Organización Internacional para las Migraciones"
    assert agency_name("OIM", "en", agencies) == "International Organization for Migration"


def test_a_three_level_english_plan_loads_without_filler_strategies() -> None:
    """Issue 9: working groups → activities → products; no «Estrategias» sheet."""
    import threelevel

    result = load_workbook(threelevel.workbook(), today=pd.Timestamp(threelevel.TODAY))
    assert result.ok and result.issues.empty, result.issues[["rule", "row", "value"]]
    plan = result.plan
    assert not plan.has_strategies and plan.strategies.empty
    assert plan.activities.set_index("code")["objective"].to_dict() == {
        "WG1.1": "WG1", "WG1.2": "WG1", "WG2.1": "WG2",
    }  # fmt: skip
    p = plan.products.set_index("code")
    assert (p["strategy"] == "").all()
    assert p["objective"].tolist() == ["WG1", "WG1", "WG2"]
    assert plan.progress["status"].tolist() == [
        model.Status.IN_PROGRESS, model.Status.NOT_STARTED, model.Status.IN_PROGRESS,
        model.Status.COMPLETED,
    ]  # fmt: skip
    assert plan.secretariat() == ["IOM"]
    assert plan.committee_members() == ["IOM", "UNDP"]
    assert plan.info.lang == "en" and plan.info.level_names[0] == "Working group"
    assert load_workbook(threelevel.workbook(), today=TODAY).plan.has_strategies is False


def test_an_activity_without_strategy_or_objective_is_named() -> None:
    import threelevel

    sheets = {k: [list(r) for r in v] for k, v in threelevel.SHEETS.items()}
    sheets["Actividades"][2][1] = ""
    sheets["Actividades"][3][1] = "WG9"
    issues = load_workbook(make_workbook(sheets), today=TODAY).issues
    found = set(zip(issues["rule"], issues["row"], issues["column"], strict=True))
    assert ("required_value", 3, "Objetivo") in found
    assert ("unknown_objective", 4, "Objetivo") in found


def test_a_plan_with_strategies_still_requires_an_activity_s_strategy() -> None:
    sheets = valid_sheets()
    sheets["Actividades"][1][1] = ""
    issues = load_workbook(make_workbook(sheets), today=TODAY).issues
    found = set(zip(issues["rule"], issues["row"], issues["column"], strict=True))
    assert ("required_value", 2, "Estrategia") in found

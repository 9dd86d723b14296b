"""Safe reading: file-level refusals, bounded checks before calamine (issue 12), header
detection, empty rows, formulas."""

from __future__ import annotations

import datetime as dt
import io
import random
import zipfile

import hostile
import pandas as pd
import pytest
import python_calamine
from factory import TODAY, make_workbook, rewrite_members, valid_sheets, with_cached_values
from msoffcrypto.format.ooxml import OOXMLFile

from planmonitor.reading import xmlscan
from planmonitor.reading.loader import load_workbook
from planmonitor.reading.validate import FILE_RULES, Rule
from planmonitor.reading.workbook import (
    Limits,
    WorkbookError,
    check_container,
    guarded,
    match_sheets,
)


def _only_issue(result) -> pd.Series:
    assert not result.ok and result.plan is None
    assert len(result.issues) == 1, result.issues.to_string()
    issue = result.issues.iloc[0]
    assert issue["sheet"] == "" and pd.isna(issue["row"]) and issue["column"] == ""
    assert issue["message"] and issue["message_en"]
    return issue


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, content in members.items():
            zf.writestr(name, content)
    return buf.getvalue()


def _encrypted(data: bytes) -> bytes:
    out = io.BytesIO()
    OOXMLFile(io.BytesIO(data)).encrypt("secreto", out)
    return out.getvalue()


BILLION_LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
    b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" '
    b'uniqueCount="1"><si><t>&lol2;</t></si></sst>'
)


def _file_cases() -> list:
    valid = make_workbook(valid_sheets())
    return [
        pytest.param(b"", Rule.EMPTY_FILE, id="empty"),
        pytest.param(b"Fecha,Producto,Estado\n2023-01-01,1.1.1-1,En curso\n", Rule.NOT_XLSX,
                     id="csv-renamed"),
        pytest.param(bytes(range(256)) * 8, Rule.NOT_XLSX, id="random-bytes"),
        pytest.param(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1024, Rule.OLD_XLS,
                     id="xls-signature"),
        pytest.param(_encrypted(valid), Rule.ENCRYPTED_FILE, id="encrypted"),
        pytest.param(valid[: len(valid) // 2], Rule.CORRUPT_FILE, id="truncated-zip"),
        pytest.param(_zip({"word/document.xml": b"<w/>"}), Rule.NOT_WORKBOOK, id="docx-like"),
        pytest.param(
            rewrite_members(valid, {"xl/workbook.xml": b"<?xml version='1.0'?>\n<!DOCTYPE x "
                                    b"SYSTEM 'file:///etc/passwd'><workbook/>"}),
            Rule.UNSAFE_XML, id="doctype-in-workbook-xml",
        ),
        pytest.param(rewrite_members(valid, {"xl/sharedStrings.xml": BILLION_LAUGHS}),
                     Rule.UNSAFE_XML, id="entity-bomb"),
        pytest.param(rewrite_members(valid, {"xl/media/filler.bin": b"\x00" * (5 * 1024 * 1024)}),
                     Rule.ZIP_BOMB, id="absurd-ratio"),
    ]  # fmt: skip


@pytest.mark.parametrize(("data", "rule"), _file_cases())
def test_unreadable_files_give_one_precise_issue(data: bytes, rule: Rule) -> None:
    issue = _only_issue(load_workbook(data, today=TODAY))
    assert issue["rule"] == rule.value
    assert rule in FILE_RULES


def test_zip_bomb_past_the_uncompressed_bound_is_refused_before_parsing() -> None:
    # ~210 MB of zeros compress to ~200 KB: small upload, huge expansion.
    bomb = _zip({"xl/workbook.xml": b"<workbook/>", "xl/worksheets/sheet1.xml": b"0" * (210 << 20)})
    assert len(bomb) < 1 << 20
    assert _only_issue(load_workbook(bomb))["rule"] == Rule.ZIP_BOMB.value


def test_zip_directory_that_lies_about_sizes_is_caught_while_expanding(valid_bytes) -> None:
    # Shrink the declared size of styles.xml in the central directory to 10 bytes.
    zf = zipfile.ZipFile(io.BytesIO(valid_bytes))
    info = zf.getinfo("xl/styles.xml")
    cd = valid_bytes.rfind(b"PK\x01\x02", 0, valid_bytes.rfind(b"xl/styles.xml") + 1)
    patched = bytearray(valid_bytes)
    patched[cd + 24 : cd + 28] = (10).to_bytes(4, "little")
    assert info.file_size > 10
    issue = _only_issue(load_workbook(bytes(patched)))
    assert issue["rule"] in {Rule.ZIP_BOMB.value, Rule.CORRUPT_FILE.value}
    assert "xl/styles.xml" in issue["message"]


def test_too_large_file_by_bytes_and_by_path(tmp_path, valid_bytes) -> None:
    small = Limits(max_bytes=1000)
    assert _only_issue(load_workbook(valid_bytes, limits=small))["rule"] == "file_too_large"
    path = tmp_path / "plan.xlsx"
    path.write_bytes(valid_bytes)
    assert _only_issue(load_workbook(path, limits=small))["rule"] == "file_too_large"
    assert load_workbook(str(path), today=TODAY).ok


def test_missing_path_is_unreadable(tmp_path) -> None:
    issue = _only_issue(load_workbook(tmp_path / "no-such.xlsx"))
    assert issue["rule"] == Rule.UNREADABLE_FILE.value


def test_title_rows_above_the_header_are_skipped_and_rows_keep_excel_numbers(sheets) -> None:
    sheets["Avances"][2][3] = "mucho"  # data row 2 -> Excel row 3, plus 2 title rows -> 5
    data = make_workbook(
        sheets, title_rows={"Avances": ["DATOS DE EJEMPLO FICTICIOS", ""], "Productos": ["Plan"]}
    )
    result = load_workbook(data, today=TODAY)
    found = set(
        zip(result.issues["rule"], result.issues["row"], result.issues["column"], strict=True)
    )
    assert found == {("bad_percent", 5, "Porcentaje")}
    sheets["Avances"][2][3] = 0
    ok = load_workbook(make_workbook(sheets, title_rows={"Avances": ["Título"]}), today=TODAY)
    assert ok.ok
    assert sorted(ok.plan.progress["row"].tolist()) == [3, 4, 5]
    assert ok.plan.products["row"].tolist() == [2, 3, 4]


def test_ten_thousand_formatted_empty_rows_are_dropped(sheets) -> None:
    sheets["Avances"] += [["", "  ", None, "", "", "", ""]] * 5  # typed blanks too
    data = make_workbook(sheets, formatted_empty_rows={"Avances": 10_000})
    result = load_workbook(data, today=TODAY)
    assert result.ok, result.issues.to_string()
    assert len(result.plan.progress) == 3
    assert len(result.plan.products) == 3


def test_empty_rows_in_the_middle_are_skipped_without_shifting_row_numbers(sheets) -> None:
    sheets["Productos"].insert(2, [""] * 11)
    sheets["Productos"][3][3] = "OMI"  # after the blank row: Excel row 4
    result = load_workbook(make_workbook(sheets), today=TODAY)
    assert result.issues[["rule", "row"]].values.tolist() == [["unknown_agency", 4]]


def test_formulas_give_their_cached_values(sheets) -> None:
    sheets["Avances"][1][3] = "=20*2"
    sheets["Avances"][1][2] = '="En "&"curso"'
    data = make_workbook(sheets)
    data = with_cached_values(data, "Avances", {"D2": 40, "C2": "En curso"})
    result = load_workbook(data, today=TODAY)
    assert result.ok, result.issues.to_string()
    row = result.plan.progress.set_index("row").loc[2]
    assert row["percent"] == 40.0 and row["status"] == "En curso"


def test_sheet_and_header_names_are_matched_tolerantly(sheets) -> None:
    sheets["Productos"][0] = [" código ", "ACTIVIDAD", "nombre", "Lideres", "SOCIOS", "inicio",
                              "Fin ", "Fechas  interpretadas", "objetivos pmm",
                              "Línea temporal (plan)", "notas"]  # fmt: skip
    renamed = {("  productos" if k == "Productos" else k.upper()): v for k, v in sheets.items()}
    result = load_workbook(make_workbook(renamed), today=TODAY)
    assert result.ok, result.issues.to_string()
    assert result.plan.products["leads"].tolist()[0] == ["OIM", "PNUD"]
    assert set(result.sheets) == {"Objetivos", "Estrategias", "Actividades", "Productos",
                                  "Agencias", "Avances", "Metadatos"}  # fmt: skip


def test_match_sheets_ignores_unknown_sheets() -> None:
    assert match_sheets(["Instrucciones", "AVANCES", "Objetivos PMM"]) == {
        "Avances": "AVANCES",
        "ObjetivosPMM": "Objetivos PMM",
    }


def test_columns_in_another_order_and_extra_columns_are_fine(sheets) -> None:
    rows = sheets["Avances"]
    sheets["Avances"] = [[r[2], "extra", r[1], r[0], r[3]] for r in rows]
    result = load_workbook(make_workbook(sheets), today=TODAY)
    assert result.ok, result.issues.to_string()
    assert result.plan.progress["comment"].tolist() == ["", "", ""]


# --------------------------------------------------------------------------------------------
# Issue 12: bounded checks before calamine (reading/xmlscan.py, workbook.check_container)
# --------------------------------------------------------------------------------------------
def _refusal(data: bytes, limits: Limits | None = None) -> WorkbookError:
    with pytest.raises(WorkbookError) as caught:
        check_container(data, limits or Limits())
    return caught.value


def _feed(scan: xmlscan.SheetScan, xml: bytes, size: int) -> xmlscan.SheetFacts:
    for i in range(0, len(xml), size):
        scan.feed(xml[i : i + size])
    return scan.close()


@pytest.mark.parametrize("seed", range(6))
def test_the_fast_bound_is_never_below_what_calamine_reads(seed) -> None:  # issue 12
    """Random cells in random order, some empty, some far, fed in chunks cutting anywhere:
    the fast scan's bound covers calamine's bounding box; the exact pass equals it."""
    rng = random.Random(seed)
    cells = []
    for _ in range(rng.randint(1, 60)):
        r, c = rng.randint(1, 3000), rng.randint(1, 800)
        ref = f"{xmlscan.column_letters(c)}{r}"
        empty = rng.random() < 0.3
        cells.append((r, ref, f'<c r="{ref}" s="0"/>' if empty else f'<c r="{ref}"><v>1</v></c>'))
    rng.shuffle(cells)
    rows = "".join(f'<row r="{r}">{xml}</row>' for r, _, xml in cells)
    sheet = hostile.Sheet("Hoja", body=f"<sheetData>{rows}</sheetData>").xml().encode()
    fast = _feed(xmlscan.SheetScan(frozenset()), sheet, rng.randint(7, 400))
    exact = xmlscan.exact_extents([sheet[i : i + 97] for i in range(0, len(sheet), 97)])
    book = python_calamine.CalamineWorkbook.from_filelike(
        io.BytesIO(hostile.build([hostile.Sheet("Hoja", body=f"<sheetData>{rows}</sheetData>")]))
    )
    end = book.get_sheet_by_name("Hoja").end  # (row, col) 0-based, None when no value at all
    truth = (end[0] + 1, end[1] + 1) if end else (0, 0)
    assert fast.standard
    assert fast.max_row >= truth[0] and fast.max_col >= truth[1]
    assert (exact.max_row, exact.max_col) == truth


@pytest.mark.parametrize(
    ("max_row", "max_col", "ref", "outside"),
    [(50001, 7, "G50001", False), (50001, 7, "H2", True), (50001, 7, "A50002", True),
     (50001, 7, "a099999", True), (9, 26, "Z9", False), (9, 26, "AA1", True),
     (0, 0, "A1", True), (999, 703, "aaa5", False), (999, 703, "AAB5", True)],
)  # fmt: skip
def test_the_outside_pattern_matches_exactly_the_cells_past_the_hypothesis(
    max_row, max_col, ref, outside
) -> None:
    found = xmlscan._outside(max_row, max_col).findall(f'<c r="{ref}">'.encode())
    assert bool(found) is outside


@pytest.mark.parametrize(
    ("sheet", "standard"),
    [('<c r="A1"><v>1</v></c>', True), ('<c s="1" r="A1"><v>1</v></c>', False),
     ("<c><v>1</v></c>", False), ('<x:c r="A1"><x:v>1</x:v></x:c>', False),
     ('<c r="A1"><v a="b">1</v></c>', False), ('<c\tr="A1"><v>1</v></c>', False)],
)  # fmt: skip
def test_a_cell_in_another_form_sends_the_sheet_to_the_exact_pass(sheet, standard) -> None:
    xml = f"<worksheet><sheetData><row r='1'>{sheet}</row></sheetData></worksheet>".encode()
    assert _feed(xmlscan.SheetScan(frozenset()), xml, 1 << 20).standard is standard


def test_the_exact_pass_places_cells_without_r_as_calamine_does() -> None:
    xml = (
        b'<worksheet><sheetData><c r="C5"><v>1</v></c><row><c><v>2</v></c><c><v>3</v></c>'
        b"</row><row><c/><c/></row></sheetData></worksheet>"
    )
    facts = xmlscan.expat_extents([xml], frozenset())
    assert (facts.max_row, facts.max_col) == (5, 5)  # (0, 3), (0, 4) and C5, as calamine


def test_an_empty_formatted_far_cell_or_row_is_not_a_reason_to_refuse(sheets) -> None:
    far = '<row r="1048576" customFormat="1"/><row r="1048575"><c r="XFD1048575" s="1"/></row>'
    data = hostile.build(hostile.with_sheet("Avances", extra=far))
    book = check_container(data, Limits())
    assert (book.facts["Avances"].max_row, book.facts["Avances"].max_col) == (4, 7)
    assert load_workbook(data, today=TODAY).ok


def test_the_dimension_tag_is_never_trusted() -> None:
    small = hostile.with_sheet(
        "Avances", head='<dimension ref="A1"/>', extra='<row r="9"><c r="K9"><v>1</v></c></row>'
    )
    facts = check_container(hostile.build(small), Limits()).facts["Avances"]
    assert facts.dimension == "A1" and (facts.max_row, facts.max_col) == (9, 11)
    large = hostile.with_sheet("Avances", head='<dimension ref="A1:XFD1048576"/>')
    facts = check_container(hostile.build(large), Limits()).facts["Avances"]
    assert facts.dimension == "A1:XFD1048576" and (facts.max_row, facts.max_col) == (4, 7)


def test_limits_are_stated_in_the_refusal_and_can_be_tightened() -> None:
    data = hostile.many_rows(40)
    assert check_container(data, Limits())
    tight = _refusal(data, Limits(max_rows=30))
    assert tight.rule is Rule.SHEET_TOO_LARGE and tight.sheet == "Avances"
    assert "más allá de la fila 30" in tight.message and "30 filas por hoja" in tight.message
    cells = _refusal(data, Limits(max_cells=200))
    assert "200" in cells.message and "«Avances» 40 × 7" in cells.message


def test_the_limits_admit_the_network_scale_with_room() -> None:
    """50,001 rows x 7 columns of «Avances» (the benchmark's 50,000 reports), as a sheet of
    the raw writer: accepted, and twice that would still be."""
    rows = [["Fecha", "Producto", "Estado", "Porcentaje", "Comentario", "Reportado por", "Ev"]]
    rows += [[dt.datetime(2024, 1, 1), "1.1.1-1", "En curso", 50, f"r{i}", "OIM", ""]
             for i in range(50_000)]  # fmt: skip
    data = hostile.build(hostile.with_sheet("Avances", rows=rows))
    facts = check_container(data, Limits()).facts["Avances"]
    assert (facts.max_row, facts.max_col) == (50_001, 7)
    assert 2 * facts.max_row <= Limits().max_rows
    assert 2 * (facts.max_row * 7 + 2_001 * 11) <= Limits().max_cells


def test_a_date_at_the_last_day_excel_shows_passes_one_day_later_does_not() -> None:
    assert check_container(hostile.date_cell("2958465.99"), Limits())  # 9999-12-31 23:45
    refused = _refusal(hostile.date_cell("2958466"))
    assert refused.rule is Rule.BAD_DATE_CELL and refused.row == 2 and "A2" in refused.message


def test_a_huge_number_without_a_date_format_is_left_to_the_validator() -> None:
    rows = hostile.valid_sheets()["Avances"]
    rows[1][3] = -1e20  # Porcentaje: a plain number
    result = load_workbook(hostile.build(hostile.with_sheet("Avances", rows=rows)), today=TODAY)
    assert Rule.BAD_DATE_CELL.value not in set(result.issues["rule"])
    assert Rule.BAD_PERCENT.value in set(result.issues["rule"])


@pytest.mark.parametrize(
    ("code", "is_date"),
    [("dd/mm/yyyy", True), ("[h]:mm:ss", True), ("0.00", False), ('"d" 0', False),
     ("[Red]0", False), ("h:mm AM/PM", True), ("0;[Red]-0", False), (r"\d0", False),
     ("mmm-yy", True), ("General", False)],
)  # fmt: skip
def test_date_formats_are_told_as_calamine_tells_them(code, is_date) -> None:
    assert xmlscan.is_date_format(code) is is_date


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16-le", "utf-16-be", "utf-32-le"])
@pytest.mark.parametrize("size", [1, 3, 5, 64])
def test_dtd_tokens_are_found_across_chunks_in_any_encoding(encoding, size) -> None:
    text = "<a><!-- x --><![CDATA[ <!doctype y> ]]></a>".encode(encoding)
    scan = xmlscan.DtdScan()
    for i in range(0, len(text), size):
        scan.feed(text[i : i + size])
    assert scan.found
    clean = xmlscan.DtdScan()
    clean.feed("<a>&lt;!DOCTYPE escaped is text</a>".encode(encoding))
    assert not clean.found


def test_a_panic_that_gets_past_the_checks_is_still_a_refusal_naming_the_sheet(
    monkeypatch,
) -> None:
    """The safety net under the date check: calamine's real Rust panic (a BaseException)."""
    monkeypatch.setattr(xmlscan, "bad_serial", lambda _text: False)
    result = load_workbook(hostile.date_cell("-1e20"), today=TODAY)
    issue = _only_issue_in(result, Rule.UNREADABLE_SHEET)
    assert issue["sheet"] == "Avances" and "PanicException" in issue["message"]


def _only_issue_in(result, rule: Rule) -> pd.Series:
    assert not result.ok and len(result.issues) == 1, result.issues.to_string()
    assert result.issues.iloc[0]["rule"] == rule.value
    return result.issues.iloc[0]


def test_guarded_turns_any_dependency_failure_into_a_refusal_but_not_an_interrupt() -> None:
    class Panic(BaseException):  # pyo3's PanicException derives from BaseException
        pass

    def panics():
        raise Panic("boom")

    with pytest.raises(WorkbookError) as caught:
        guarded(panics, sheet="Avances")
    assert caught.value.rule is Rule.UNREADABLE_SHEET and caught.value.sheet == "Avances"

    def interrupted():
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        guarded(interrupted)


def test_a_hidden_twin_is_not_read_and_the_warning_names_it() -> None:
    result = load_workbook(hostile.visible_after_very_hidden(), today=TODAY)
    assert result.ok
    assert "oculto" not in set(result.plan.progress["comment"])  # the hidden sheet's report
    assert len(result.plan.progress) == 3
    warning = result.issues.set_index("rule").loc[Rule.IGNORED_SHEET.value]
    assert "«Avances»" in warning["message"] and "«AVANCES»" in warning["message"]


def test_control_characters_are_removed_and_each_cell_is_named() -> None:
    rows = hostile.valid_sheets()["Avances"]
    for r in range(1, 4):
        rows[r][4] = f"nota_x001B_{r}_x0000_"
    result = load_workbook(hostile.build(hostile.with_sheet("Avances", rows=rows)), today=TODAY)
    assert result.ok
    assert sorted(result.plan.progress["comment"]) == ["nota1", "nota2", "nota3"]
    notes = result.issues[result.issues["rule"] == Rule.CONTROL_CHARACTER.value]
    assert set(zip(notes["row"], notes["column"], strict=True)) == {
        (2, "Comentario"), (3, "Comentario"), (4, "Comentario")
    }  # fmt: skip
    assert all("U+0000, U+001B" in m for m in notes["message"])


def test_control_character_notes_stop_after_a_few_per_column() -> None:
    rows = [hostile.valid_sheets()["Avances"][0]]
    rows += [[dt.datetime(2023, 9, 30), "1.1.1-1", "En curso", 40, f"x_x0007_{i}", "OIM", ""]
             for i in range(30)]  # fmt: skip
    result = load_workbook(hostile.build(hostile.with_sheet("Avances", rows=rows)), today=TODAY)
    notes = result.issues[result.issues["rule"] == Rule.CONTROL_CHARACTER.value]
    assert len(notes) == 21 and notes["row"].isna().sum() == 1
    assert "10" in notes.loc[notes["row"].isna(), "message"].iloc[0]


def test_zip_members_are_bounded_before_zipfile_lists_them() -> None:
    refused = _refusal(hostile.many_members(50), Limits(max_members=40))
    assert refused.rule is Rule.PART_TOO_LARGE and "40" in refused.message


def test_shared_strings_have_their_own_bound() -> None:
    data = hostile.huge_shared_strings(3 << 20)
    refused = _refusal(data, Limits(max_shared_strings=2 * 1024 * 1024))
    assert refused.rule is Rule.PART_TOO_LARGE and "xl/sharedStrings.xml" in refused.message
    assert check_container(data, Limits())


def test_empty_rows_past_the_limit_do_not_hide_a_bad_date_after_them() -> None:
    """The fast scan stops past max_rows; when the exact pass finds those rows empty, the
    dates the fast scan skipped are still checked (calamine would panic on them)."""
    padding = "".join(f'<row r="{r}" customFormat="1"/>' for r in range(200_000, 260_000))
    late = '<row r="9"><c r="A9" s="1"><v>-1e20</v></c></row>'
    data = hostile.build(hostile.with_sheet("Avances", extra=padding + late))
    refused = _refusal(data)
    assert refused.rule is Rule.BAD_DATE_CELL and "A9" in refused.message

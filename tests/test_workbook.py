"""Safe reading: file-level refusals, header detection, empty rows, formulas."""

from __future__ import annotations

import io
import zipfile

import pandas as pd
import pytest
from factory import TODAY, make_workbook, rewrite_members, valid_sheets, with_cached_values
from msoffcrypto.format.ooxml import OOXMLFile

from planmonitor.reading.loader import load_workbook
from planmonitor.reading.validate import FILE_RULES, Rule
from planmonitor.reading.workbook import Limits, match_sheets


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

"""Bad uploads through the store: each ends in a clear message and the current version is
unchanged (or, for data that is merely unusual, is stored exactly as text). The store checks
every upload with the loader before storing it, so a refused file is never kept as an
"original" to be handed out again (issue 12)."""

from __future__ import annotations

import io
import re
import zipfile

import hostile
import openpyxl
import pandas as pd
import pytest
from openpyxl.styles import PatternFill

from planmonitor import model, store
from planmonitor.output import export
from planmonitor.output.template import build_template


@pytest.fixture
def db(tmp_path):
    """This test's own store (seeded from the bundled workbooks): no test sees another's."""
    s = store.open_store(f"sqlite:///{tmp_path / 'bad.sqlite'}")
    yield s
    s.dispose()


def refused(db: store.Store, data: bytes, rule: str, filename: str = "x.xlsx") -> str:
    """Commit must refuse with `rule`; returns the Spanish message."""
    before = db.versions()
    res = db.commit(data, filename, author="prueba")
    assert not res.stored and not res.preview.ok
    rules = set(res.preview.errors["rule"])
    assert rule in rules, res.preview.errors[["rule", "message"]]
    pd.testing.assert_frame_equal(db.versions(), before)
    message = " ".join(res.preview.errors["message"])
    assert message.strip()
    return message


def progress_sheet(db: store.Store) -> pd.DataFrame:
    return export.plan_to_sheets(db.plan(), include=["Avances"])["Avances"]


def add_report(db: store.Store, **cells) -> pd.DataFrame:
    av = progress_sheet(db)
    row = {
        **av.iloc[0].to_dict(),
        "Fecha": "2024-12-20",
        "Estado": "Cancelado",
        "Porcentaje": 0,
        **cells,
    }
    return pd.concat([av, pd.DataFrame([row])], ignore_index=True)


def test_not_an_xlsx(db):
    refused(db, b"\x89PNG\r\n\x1a\n" + b"\x00" * 200, "not_xlsx")


def test_a_csv_renamed_xlsx(db):
    msg = refused(db, b"Fecha;Producto;Estado\n2024-01-01;1.1.1-1;En curso\n", "not_xlsx")
    assert "CSV" in msg


def test_a_corrupt_zip(db):
    good = export.write_workbook({"Avances": progress_sheet(db)})
    refused(db, good[: len(good) // 2], "corrupt_file")


def test_an_encrypted_workbook(db, tmp_path):
    from msoffcrypto.format.ooxml import OOXMLFile

    plain = io.BytesIO(export.write_workbook({"Avances": progress_sheet(db)}))
    out = io.BytesIO()
    OOXMLFile(plain).encrypt("clave", out)
    msg = refused(db, out.getvalue(), "encrypted_file")
    assert "contraseña" in msg.lower()


def test_an_old_xls(db):
    ole2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1024
    msg = refused(db, ole2, "old_xls", filename="viejo.xls")
    assert ".xls" in msg


def test_a_zip_bomb(db):
    good = export.write_workbook({"Avances": progress_sheet(db)})
    buf = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(good)) as src,
        zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            dst.writestr(info, src.read(info))
        dst.writestr("xl/media/padding.xml", b"<a>" + b" " * (60 * 1024 * 1024) + b"</a>")
    data = buf.getvalue()
    assert len(data) < 1024 * 1024  # small on disk, huge expanded
    refused(db, data, "zip_bomb")


def test_an_xml_entity_bomb(db):
    good = export.write_workbook({"Avances": progress_sheet(db)})
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
    )
    buf = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(good)) as src,
        zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            raw = src.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                raw, n = re.subn(rb"^(<\?xml[^>]*\?>)?", bomb, raw, count=1)
                assert n == 1
            dst.writestr(info, raw)
    refused(db, buf.getvalue(), "unsafe_xml")


def test_a_file_over_the_size_limit(db):
    big = b"PK\x03\x04" + b"\x00" * (store.MAX_UPLOAD_BYTES + 1)
    msg = refused(db, big, "file_too_large")
    assert "MB" in msg


def test_no_known_sheet(db):
    data = export.write_workbook({"Hoja1": progress_sheet(db)})
    refused(db, data, "no_known_sheet")


def test_required_sheets_missing_without_a_base():
    from planmonitor.reading.loader import load_workbook

    res = load_workbook(export.write_workbook({"Avances": pd.DataFrame({"Fecha": []})}))
    assert not res.ok
    assert {"Objetivos", "Productos"} <= set(
        res.issues.loc[res.issues["rule"] == "missing_sheet", "sheet"]
    )


def test_every_column_renamed(db):
    av = progress_sheet(db)
    av.columns = [f"Columna {i}" for i in range(len(av.columns))]
    refused(db, export.write_workbook({"Avances": av}), "missing_column")


def test_formulas_give_their_cached_values_and_are_not_evaluated(db):
    av = add_report(db, Porcentaje="=40+10", Comentario="=1+1")
    wb = openpyxl.load_workbook(io.BytesIO(export.write_workbook({"Avances": av})))
    ws = wb["Avances"]
    row = ws.max_row
    pct_col = model.PROGRESS.headers.index("Porcentaje") + 1
    ws.cell(row=row, column=pct_col).value = "=40+10"  # a real formula cell (data_type f)
    buf = io.BytesIO()
    wb.save(buf)
    # give the formula a cached value that differs from its result: what Excel last showed
    with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as src:
        parts = {i.filename: src.read(i) for i in src.infolist()}
    sheet = parts["xl/worksheets/sheet1.xml"]
    sheet, n = re.subn(rb"<f>40\+10</f>(<v\s*/>|<v></v>)?", b"<f>40+10</f><v>55</v>", sheet)
    assert n == 1
    parts["xl/worksheets/sheet1.xml"] = sheet
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, raw in parts.items():
            dst.writestr(name, raw)
    res = db.commit(out.getvalue(), "formulas.xlsx", author="prueba")
    assert res.stored, res.preview.issues
    last = db.plan().progress.iloc[-1]
    assert last["percent"] == 55.0  # the cached value, not 50
    assert last["comment"] == "=1+1"  # a text cell that looks like a formula stays text


def test_formula_looking_text_stays_text_in_every_export(db):
    texts = ['=HYPERLINK("http://x","y")', "+51 999 999", "-resta", "@SUMA(A1)"]
    av = progress_sheet(db)
    extra = pd.DataFrame(
        [
            {**av.iloc[0].to_dict(), "Fecha": f"2024-12-{10 + i}", "Comentario": txt}
            for i, txt in enumerate(texts)
        ]
    )
    res = db.commit(
        export.write_workbook({"Avances": pd.concat([av, extra])}), "t.xlsx", author="prueba"
    )
    assert res.stored, res.preview.issues
    for data in (db.export_bytes(), build_template(db.plan())):
        ws = openpyxl.load_workbook(io.BytesIO(data))["Avances"]
        col = model.PROGRESS.headers.index("Comentario") + 1
        cells = {
            c.value: c.data_type
            for c in ws.iter_cols(min_col=col, max_col=col).__next__()
            if c.value in texts
        }
        assert cells == dict.fromkeys(texts, "s")


def test_html_and_script_in_a_product_name_are_kept_as_text(db):
    sheets = export.plan_to_sheets(db.plan(), include=["Productos"])
    prods = sheets["Productos"].copy()
    name = '<script>alert("x")</script><b>negrita</b> & <img src=x onerror=alert(1)>'
    prods.loc[0, "Nombre"] = name
    res = db.commit(export.write_workbook({"Productos": prods}), "html.xlsx", author="prueba")
    assert res.stored, res.preview.issues
    assert db.plan().products.loc[0, "name"] == name
    changed = res.preview.changes.changed
    assert changed.loc[changed["header"] == "Nombre", "new"].tolist() == [name]


@pytest.mark.parametrize(
    "cell", ["2024-12-20", "20/12/2024", pd.Timestamp("2024-12-20").to_pydatetime()]
)
def test_dates_as_text_in_several_formats(db, cell):
    av = add_report(db, Fecha=cell, Porcentaje=7)
    res = db.commit(export.write_workbook({"Avances": av}), "fechas.xlsx", author="prueba")
    assert res.stored, res.preview.issues
    last = db.plan().progress
    assert ((last["date"] == pd.Timestamp("2024-12-20")) & (last["percent"] == 7)).any()


def test_unreadable_date_text_is_refused(db):
    refused(db, export.write_workbook({"Avances": add_report(db, Fecha="pronto")}), "bad_date")


def test_ten_thousand_empty_but_formatted_rows(db):
    av = add_report(db, Porcentaje=3)
    wb = openpyxl.load_workbook(io.BytesIO(export.write_workbook({"Avances": av})))
    ws = wb["Avances"]
    fill = PatternFill("solid", fgColor="FFFF00")
    start = ws.max_row + 1
    for r in range(start, start + 10_000):
        for c in range(1, 4):
            ws.cell(row=r, column=c).fill = fill
    buf = io.BytesIO()
    wb.save(buf)
    res = db.commit(buf.getvalue(), "formato.xlsx", author="prueba")
    assert res.stored, res.preview.issues
    assert len(db.plan().progress) == len(av)


# --------------------------------------------------------------------------------------------
# Issue 12: what the store keeps as "original" passed the container checks
# --------------------------------------------------------------------------------------------
STORE_KINDS = [
    "doctype_after_comment",
    "doctype_in_bin_member",
    "vba_project",
    "xlsm_content_type",
    "cell_xfd1048576",
    "date_minus_1e20",
    "very_hidden_avances_only",
    "duplicate_zip_member",
    "encrypted_zip_member",
]


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile-store")
    plan = folder / "plan.xlsx"
    plan.write_bytes(hostile.valid())
    s = store.open_store(f"sqlite:///{folder / 'store.sqlite'}", seed=[plan])
    yield s
    s.dispose()


@pytest.mark.parametrize("name", STORE_KINDS)
def test_a_refused_file_is_never_stored_nor_handed_out_as_an_original(hostile_db, name):
    data = hostile.KINDS_BY_NAME[name].build()
    before = hostile_db.versions()
    originals = [hostile_db.file_bytes(int(v)) for v in before["id"]]
    preview = hostile_db.preview(data, f"{name}.xlsx")
    result = hostile_db.commit(data, f"{name}.xlsx", author="prueba")
    assert not preview.ok and not result.stored
    pd.testing.assert_frame_equal(hostile_db.versions(), before)
    assert [hostile_db.file_bytes(int(v)) for v in before["id"]] == originals
    assert data not in originals


def test_every_stored_original_passes_the_checks_again(hostile_db):
    """Whatever the store hands out as «descargar el original» is a file the loader accepts."""
    from planmonitor.reading.workbook import Limits, check_container

    for version in hostile_db.versions()["id"]:
        check_container(hostile_db.file_bytes(int(version)), Limits())

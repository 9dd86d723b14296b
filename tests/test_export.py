"""export.write_workbook and export.plan_to_sheets."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from planmonitor import model
from planmonitor.model import Plan
from planmonitor.output import export

ROOT = Path(__file__).resolve().parents[1]

FORMULA_LOOKING = ["=1+1", "+51 999", "-x", "@SUM(A1)", '=HYPERLINK("http://x")']


def _read(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def test_formula_looking_text_stays_text() -> None:
    df = pd.DataFrame({"Comentario": FORMULA_LOOKING})
    ws = _read(export.write_workbook({"Avances": df}))["Avances"]
    cells = [ws.cell(row=r, column=1) for r in range(2, 2 + len(FORMULA_LOOKING))]
    assert [c.value for c in cells] == FORMULA_LOOKING
    assert {c.data_type for c in cells} == {"s"}


def test_title_rows_and_header_titles_are_text_too() -> None:
    df = pd.DataFrame({"=A1": ["x"]})
    ws = _read(export.write_workbook({"S": df}, title_rows={"S": ["=titulo"]}))["S"]
    assert (ws["A1"].value, ws["A1"].data_type) == ("=titulo", "s")
    assert (ws["A2"].value, ws["A2"].data_type) == ("=A1", "s")


def test_header_is_bold_and_frozen_below_title_rows() -> None:
    df = pd.DataFrame({"Fecha": [pd.Timestamp("2023-06-30")], "Producto": ["1.1.1-1"]})
    data = export.write_workbook({"Avances": df}, title_rows={"Avances": ["AVISO", "otra"]})
    ws = _read(data)["Avances"]
    assert [ws["A3"].value, ws["B3"].value] == ["Fecha", "Producto"]
    assert ws["A3"].font.bold and ws["B3"].font.bold
    assert ws.freeze_panes == "A4"
    assert ws["B4"].value == "1.1.1-1"


def test_values_dates_lists_and_empty_cells() -> None:
    df = pd.DataFrame(
        {
            "Fecha": pd.Series([pd.Timestamp("2023-06-30"), pd.NaT]),
            "Porcentaje": [40.0, float("nan")],
            "Líderes": pd.Series([["OIM", "PNUD"], []], dtype=object),
            "Número": pd.Series([3, 4], dtype="int64"),
            "Texto": pd.Series(["a", ""], dtype="str"),
        }
    )
    ws = _read(export.write_workbook({"S": df}))["S"]
    assert ws["A2"].is_date and ws["A2"].value == pd.Timestamp("2023-06-30").to_pydatetime()
    assert ws["A2"].number_format == export.DATE_FORMAT
    assert ws["B2"].value == 40
    assert ws["C2"].value == "OIM, PNUD"
    assert ws["D2"].value == 3 and ws["D2"].data_type == "n"
    # Missing values and empty strings are empty cells, not "nan"/"NaT"/"".
    assert [ws.cell(row=3, column=c).value for c in range(1, 4)] == [None, None, None]
    assert ws["D3"].value == 4 and ws["E3"].value is None


def test_control_characters_are_dropped_instead_of_failing() -> None:
    df = pd.DataFrame({"Notas": ["a\x01b\x0bc"]})
    ws = _read(export.write_workbook({"S": df}))["S"]
    assert ws["A2"].value == "abc"


def test_column_widths_follow_content_within_bounds() -> None:
    df = pd.DataFrame({"C": ["1"], "Nombre": ["x" * 300], "Medio": ["y" * 20]})
    ws = _read(export.write_workbook({"S": df}))["S"]
    assert ws.column_dimensions["A"].width == export.MIN_WIDTH
    assert ws.column_dimensions["B"].width == export.MAX_WIDTH
    assert ws.column_dimensions["C"].width == 22


def test_output_is_deterministic_and_carries_no_clock_time(tmp_path) -> None:
    sheets = {
        "Productos": pd.DataFrame({"Código": ["1.1.1-1"], "Nombre": ["Diálogo"]}),
        "Avances": pd.DataFrame({"Fecha": [pd.Timestamp("2024-01-31")], "Porcentaje": [10]}),
    }
    first = export.write_workbook(sheets, tmp_path / "a.xlsx")
    second = export.write_workbook(sheets)
    assert first == second
    assert (tmp_path / "a.xlsx").read_bytes() == first
    with zipfile.ZipFile(io.BytesIO(first)) as zf:
        assert {i.date_time for i in zf.infolist()} == {(2023, 1, 1, 0, 0, 0)}
        core = zf.read("docProps/core.xml").decode()
    assert core.count("2023-01-01T00:00:00Z") == 2  # created and modified
    props = _read(first).properties
    assert props.created == props.modified == export.FIXED_TIMESTAMP


def test_sheets_keep_their_order_and_file_objects_receive_the_bytes() -> None:
    sheets = {n: pd.DataFrame({"A": [1]}) for n in ["Objetivos", "Productos", "Agencias"]}
    buf = io.BytesIO()
    data = export.write_workbook(sheets, buf)
    assert buf.getvalue() == data
    assert _read(data).sheetnames == ["Objetivos", "Productos", "Agencias"]


# --------------------------------------------------------------------------------------------
# plan_to_sheets
# --------------------------------------------------------------------------------------------
def _tiny_plan(meta: dict[str, str] | None = None) -> Plan:
    products = pd.DataFrame(
        {
            "code": ["1.1.1-1", "1.1.1-2", "2.1.1-1"],
            "objective": ["1", "1", "2"],
            "strategy": ["1.1", "1.1", "2.1"],
            "activity": ["1.1.1", "1.1.1", "2.1.1"],
            "name": ["=Diálogo", "Talleres", "Estrategia"],
            "leads": [["OIM"], ["OIM", "PNUD"], []],
            "partners": [["UNODC", "ACNUR"], [], [model.COMMITTEE]],
            "start": [pd.Timestamp("2023-04-01"), pd.Timestamp("2023-05-15"), pd.NaT],
            "end": [pd.NaT, pd.Timestamp("2024-12-31"), pd.NaT],
            "start_text": ["2023-T2", "", ""],
            "end_text": ["", "2024-T4", ""],
            "dates_interpreted": [True, False, False],
            "gcm": [[], [1, 3, 23], []],
            "gcm_all": [False, False, True],
            "timeline_text": ["2023 T2 2023 2024", "", ""],
            "notes": ["nota", "", ""],
            "continues": ["", "", ""],
            "seq": [0, 1, 2],
            "row": [2, 3, 4],
        }
    )
    progress = pd.DataFrame(
        {
            "date": [pd.Timestamp("2023-06-30")],
            "code": ["1.1.1-1"],
            "status": [model.Status.IN_PROGRESS.value],
            "percent": [40.0],
            "comment": ["+51 999"],
            "reported_by": ["OIM"],
            "evidence": [""],
            "row": [2],
        }
    )
    agencies = pd.DataFrame(
        {
            "acronym": ["OIM"],
            "name_es": ["Organización Internacional para las Migraciones"],
            "name_en": ["International Organization for Migration"],
            "acronym_en": ["IOM"],
            "roles": [[model.Role.SECRETARIAT.value]],
            "aliases": [["IOM", "OIM-Perú"]],
            "row": [2],
        }
    )
    return Plan(
        objectives=pd.DataFrame({"code": ["1", "2"], "name": ["O1", "O2"], "seq": [0, 1]}),
        strategies=pd.DataFrame(
            {"code": ["1.1", "2.1"], "objective": ["1", "2"], "name": ["E11", "E21"]}
        ),
        activities=pd.DataFrame(
            {"code": ["1.1.1", "2.1.1"], "strategy": ["1.1", "2.1"], "name": ["A", "B"]}
        ),
        products=products,
        agencies=agencies,
        gcm=pd.DataFrame(
            {"number": [1], "label_plan": ["DATOS"], "label_es": ["Datos"], "title_en": ["T"]}
        ),
        progress=progress,
        meta=meta or {},
    )


def test_plan_to_sheets_uses_spanish_headers_and_the_plan_spelling() -> None:
    sheets = export.plan_to_sheets(_tiny_plan())
    assert list(sheets) == [s.name for s in model.SHEETS if s is not model.META]
    for name, df in sheets.items():
        # Activities name their strategy; «Objetivo» is for a plan without strategies, and
        # «Continúa» is written when a product continues one of an earlier plan (issue 9).
        absent = {("Actividades", "Objetivo"), ("Productos", "Continúa")}
        expected = [h for h in model.SHEETS_BY_NAME[name].headers if (name, h) not in absent]
        assert list(df.columns) == expected
    p = sheets["Productos"].set_index("Código")
    assert p.loc["1.1.1-1", "Líderes"] == "OIM"
    assert p.loc["1.1.1-2", "Líderes"] == "OIM, PNUD"
    assert p.loc["1.1.1-1", "Socios"] == "UNODC, ACNUR"
    assert p.loc["2.1.1-1", "Socios"] == model.COMMITTEE
    # Dates as typed when the text is known; ISO otherwise; empty when missing.
    assert p.loc["1.1.1-1", "Inicio"] == "2023-T2"
    assert p.loc["1.1.1-1", "Fin"] == ""
    assert p.loc["1.1.1-2", "Inicio"] == "2023-05-15"
    assert p.loc["1.1.1-2", "Fin"] == "2024-T4"
    assert list(p["Fechas interpretadas"]) == ["Sí", "", ""]
    assert list(p["Objetivos PMM"]) == ["", "1, 3, 23", "Todos"]
    assert p.loc["1.1.1-1", "Línea temporal (plan)"] == "2023 T2 2023 2024"
    assert sheets["Agencias"].loc[0, "Alias"] == "IOM, OIM-Perú"
    assert sheets["Avances"].loc[0, "Fecha"] == pd.Timestamp("2023-06-30")
    assert sheets["Avances"].loc[0, "Porcentaje"] == 40
    assert sheets["Actividades"].loc[1, "Estrategia"] == "2.1"


def test_plan_to_sheets_include_and_meta() -> None:
    plan = _tiny_plan({model.META_EXAMPLE_KEY: "Sí"})
    assert list(export.plan_to_sheets(plan))[-1] == "Metadatos"
    sheets = export.plan_to_sheets(plan, include=["products", "Metadatos"])
    assert list(sheets) == ["Productos", "Metadatos"]
    assert sheets["Metadatos"].to_dict("records") == [
        {"Clave": model.META_EXAMPLE_KEY, "Valor": "Sí"}
    ]
    with pytest.raises(ValueError, match="Hojas desconocidas"):
        export.plan_to_sheets(plan, include=["Nope"])


def test_plan_to_sheets_does_not_mutate_the_plan() -> None:
    plan = _tiny_plan()
    before = plan.products.copy(deep=True)
    export.plan_to_sheets(plan)
    pd.testing.assert_frame_equal(plan.products, before)


def test_written_plan_keeps_user_text_as_text() -> None:
    data = export.write_workbook(export.plan_to_sheets(_tiny_plan()))
    wb = _read(data)
    assert (wb["Productos"]["C2"].value, wb["Productos"]["C2"].data_type) == ("=Diálogo", "s")
    assert (wb["Avances"]["E2"].value, wb["Avances"]["E2"].data_type) == ("+51 999", "s")
    assert wb["Avances"]["A2"].is_date


def test_round_trip_through_the_loader() -> None:
    """load -> plan_to_sheets -> write -> load gives the same plan (needs planmonitor.loader)."""
    from planmonitor.reading.loader import load_default, load_workbook

    first = load_default()
    assert first.ok, first.issues.to_dict("records")
    data = export.write_workbook(export.plan_to_sheets(first.plan))
    second = load_workbook(data)
    assert second.ok, second.issues.to_dict("records")
    a, b = first.plan, second.plan
    keep = [c for c in model.PRODUCT_COLUMNS if c not in {"row"}]
    pd.testing.assert_frame_equal(
        a.products[keep].reset_index(drop=True), b.products[keep].reset_index(drop=True)
    )
    keep = [c for c in model.PROGRESS_COLUMNS if c != "row"]
    pd.testing.assert_frame_equal(
        a.progress[keep].reset_index(drop=True), b.progress[keep].reset_index(drop=True)
    )
    for key in ("objectives", "strategies", "activities"):
        cols = ["code", "name"]
        pd.testing.assert_frame_equal(
            getattr(a, key)[cols].reset_index(drop=True),
            getattr(b, key)[cols].reset_index(drop=True),
        )
    agency_cols = [c for c in model.AGENCY_COLUMNS if c != "row"]
    pd.testing.assert_frame_equal(
        a.agencies[agency_cols].reset_index(drop=True),
        b.agencies[agency_cols].reset_index(drop=True),
    )
    assert b.is_example == a.is_example


def test_one_cell_writer_for_every_workbook_keeps_formula_like_text_as_text():
    """issue 8: template._set and export._set were two copies; export.write_cell is the one."""
    from planmonitor.output import template

    assert template.write_cell is export.write_cell
    wb = openpyxl.Workbook()
    ws = wb.active
    values = ["=1+1", "+A1", "@SUM(A1)", float("nan"), pd.NaT, None, pd.Timestamp("2024-05-01"), 3]
    for col, value in enumerate(values, start=1):
        export.write_cell(ws.cell(row=1, column=col), value)
    buf = io.BytesIO()
    wb.save(buf)
    back = openpyxl.load_workbook(io.BytesIO(buf.getvalue())).active
    row = [back.cell(row=1, column=c) for c in range(1, len(values) + 1)]
    assert [c.value for c in row[:3]] == ["=1+1", "+A1", "@SUM(A1)"]
    assert all(c.data_type == "s" for c in row[:3])
    assert [c.value for c in row[3:6]] == [None, None, None]
    assert row[6].is_date and row[6].number_format == "yyyy-mm-dd"
    assert row[7].value == 3


def test_plan_sheet_written_only_for_a_declared_description() -> None:
    """Issue 9: the export writes «Plan» (first) from plan.info, never an inferred one."""
    import dataclasses

    from planmonitor.reading.loader import load_workbook

    plan = _tiny_plan()
    assert plan.info.period_inferred
    assert model.PLAN_SHEET.name not in export.plan_to_sheets(plan)
    info = model.PlanInfo(
        plan_id="red-x-2025-2026", title="Plan 2025-2026", network_es="Red X",
        network_en="Network X", network_id="red-x", country="", region="Andes",
        start=pd.Timestamp("2025-01-01"), end=pd.Timestamp("2026-12-31"), lang="en",
        level_names=("Grupo de trabajo", "", "", ""),
    )  # fmt: skip
    declared = dataclasses.replace(plan, info=info)
    sheets = export.plan_to_sheets(declared)
    assert next(iter(sheets)) == model.PLAN_SHEET.name
    rows = dict(zip(sheets["Plan"]["Clave"], sheets["Plan"]["Valor"], strict=True))
    assert rows["Red"] == "Red X" and rows["Nivel 1"] == "Grupo de trabajo"
    assert rows["Inicio"] == pd.Timestamp("2025-01-01")
    # Read back on the bundled plan (the tiny plan's own tables are not a complete plan).
    base = load_workbook(ROOT / "data" / "plan-de-trabajo-2023-2024.xlsx").plan
    one = export.write_workbook({"Plan": sheets["Plan"]})
    assert load_workbook(one, base=base).plan.info == info


def test_a_plan_without_strategies_is_written_with_three_levels() -> None:
    """Issue 9: no «Estrategias» sheet, activities name their objective; reads back the same."""
    import threelevel

    from planmonitor.reading.loader import load_workbook

    plan = load_workbook(threelevel.workbook(), today=pd.Timestamp(threelevel.TODAY)).plan
    sheets = export.plan_to_sheets(plan)
    assert model.STRATEGIES.name not in sheets
    assert list(sheets["Actividades"].columns) == ["Código", "Nombre", "Objetivo"]
    back = load_workbook(export.write_workbook(sheets), today=pd.Timestamp(threelevel.TODAY))
    assert back.ok and back.issues.empty, back.issues
    assert back.plan.products["objective"].tolist() == plan.products["objective"].tolist()
    assert not back.plan.has_strategies


def test_continues_is_read_kept_and_written_back() -> None:
    """Issue 9: «Productos.Continúa» names the product of an earlier plan (carry-over)."""
    from factory import TODAY, make_workbook, valid_sheets

    from planmonitor.reading.loader import load_workbook

    sheets = valid_sheets()
    sheets["Productos"][0].append("Continúa")
    sheets["Productos"][1].append("red-peru-2023-2024:1.1.1-1")
    sheets["Productos"][2].append("2.1.1-3")
    result = load_workbook(make_workbook(sheets), today=TODAY)
    assert result.ok and result.issues.empty, result.issues
    continues = result.plan.products["continues"].tolist()
    assert continues == ["red-peru-2023-2024:1.1.1-1", "2.1.1-3", ""]
    written = export.plan_to_sheets(result.plan)["Productos"]
    assert written["Continúa"].tolist() == continues
    again = load_workbook(export.write_workbook({"Productos": written}), base=result.plan)
    assert again.plan.products["continues"].tolist() == continues


def test_a_snapshot_written_before_issue_9_reads_with_roles_and_continues() -> None:
    """Stored plans of the previous release: `role` becomes `roles`, `continues` is empty."""
    from planmonitor.store import codec

    plan = _tiny_plan()
    old = codec.plan_to_json(plan)
    agencies = plan.agencies.drop(columns=["roles"])  # the old order: role where roles is
    agencies.insert(4, "role", [r[0] for r in plan.agencies["roles"]])
    old["tables"]["agencies"] = codec.frame_to_json(agencies)
    old["tables"]["products"] = codec.frame_to_json(plan.products.drop(columns=["continues"]))
    back = codec.plan_from_json(old)
    assert list(back.agencies.columns) == model.AGENCY_COLUMNS
    assert back.agencies["roles"].tolist() == plan.agencies["roles"].tolist()
    assert list(back.products.columns) == list(plan.products.columns)
    assert back.products["continues"].tolist() == [""] * len(plan.products)

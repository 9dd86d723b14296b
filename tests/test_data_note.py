"""A plan's «Nota de datos» (issue 9): what its data lacks is stated by the plan, not the code."""

from __future__ import annotations

import dataclasses

import pandas as pd
from planfactory import small_plan
from plansheet import plan_info, with_info

from planmonitor.output import export
from planmonitor.reading import loader
from planmonitor.reading.planinfo import info_rows
from planmonitor.store import codec

# The wording the Cobertura PMM page used to say of every plan (data/source/plan.toml).
BUNDLED_NOTE = (
    "El plan original marcaba los objetivos PMM en una grilla que se perdió al extraer su texto."
)


def test_the_bundled_plan_states_its_data_note():
    result = loader.load_default()
    assert result.ok
    assert result.plan.info.data_note == BUNDLED_NOTE


def test_the_data_note_key_is_read_in_english_too_and_written_back():
    info = plan_info("red-de-prueba-2030-2031", "2030-01-01", "2031-12-31", data_note="Sin fechas.")
    assert ("Nota de datos", "Sin fechas.") in info_rows(info)
    sheets = export.plan_to_sheets(with_info(small_plan(), info))
    plan_sheet = sheets["Plan"].astype(str)
    plan_sheet.loc[plan_sheet["Clave"] == "Nota de datos", "Clave"] = "Data note"
    sheets["Plan"] = plan_sheet
    result = loader.load_workbook(export.write_workbook(sheets))
    assert result.ok, result.issues
    assert result.plan.info.data_note == "Sin fechas."


def test_a_plan_without_the_key_has_no_note():
    info = plan_info("red-de-prueba-2030-2031", "2030-01-01", "2031-12-31")
    assert info.data_note == ""


def test_an_old_snapshot_without_data_note_decodes():
    info = plan_info("red-de-prueba-2030-2031", "2030-01-01", "2031-12-31", data_note="x")
    old = codec.info_to_json(info)
    del old["data_note"]  # written before the field existed
    back = codec.info_from_json(old)
    assert back == dataclasses.replace(info, data_note="")
    assert back.start == pd.Timestamp("2030-01-01")

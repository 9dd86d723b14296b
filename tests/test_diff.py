"""diff_plans: the change view shared by the upload preview and the history compare."""

from __future__ import annotations

import pandas as pd
import planfactory
from planfactory import COMMITTEE, product, report

from planmonitor import model
from planmonitor.analysis import metrics
from planmonitor.analysis.diff import diff_plans, fmt


def make_plan(products: list[dict] | None = None, progress: list[dict] | None = None) -> model.Plan:
    """Two products of activity 1.1.1 and one report: the data the tests below change."""
    return planfactory.make_plan(
        products
        if products is not None
        else [
            product(
                "1.1.1-1",
                "Diálogo de expertos",
                leads=["OIM"],
                partners=["PNUD"],
                start="2023-04-01",
                end="2024-12-31",
                gcm=[1, 3],
            ),
            product("1.1.1-2", "Curso virtual", leads=["OIT"], partners=[COMMITTEE], gcm_all=True),
        ],
        progress
        if progress is not None
        else [report("2023-09-30", "1.1.1-1", "En curso", 40, "Primer diálogo", "OIM")],
        meta={"datos_ficticios": "Sí"},
    )


def _with_products(plan: model.Plan, **changes) -> model.Plan:
    products = plan.products.copy()
    for col, (i, value) in changes.items():
        products.at[i, col] = value
    return model.Plan(**{**plan.__dict__, "products": products})


def test_same_plan_has_no_changes():
    plan = make_plan()
    changes = diff_plans(plan, make_plan())
    assert changes.is_empty
    assert changes.summary("es") == "Sin cambios"
    assert changes.summary("en") == "No changes"
    assert changes.to_frames() == {}


def test_row_numbers_and_plan_order_are_not_changes():
    """A workbook with the same data in other rows is the same data."""
    old = make_plan()
    new = model.Plan(**{**old.__dict__, "products": old.products.assign(row=[10, 11], seq=[5, 6])})
    assert diff_plans(old, new).is_empty


def test_product_added_removed_and_changed_field_by_field():
    old = make_plan()
    new = make_plan(
        products=[
            product(
                "1.1.1-1",
                "Diálogo de expertos (ampliado)",
                leads=["OIM", "PNUD"],
                partners=["PNUD"],
                start="2023-04-01",
                end="2024-12-31",
                gcm=[1, 3],
            ),
            product("1.1.1-3", "Guía nueva", leads=["OIM"]),
        ]
    )
    changes = diff_plans(old, new)
    assert changes.added["code"].tolist() == ["1.1.1-3"]
    assert changes.removed["code"].tolist() == ["1.1.1-2"]
    got = {(r.code, r.header, r.old, r.new) for r in changes.changed.itertuples()}
    assert got == {
        ("1.1.1-1", "Nombre", "Diálogo de expertos", "Diálogo de expertos (ampliado)"),
        ("1.1.1-1", "Líderes", "OIM", "OIM, PNUD"),
    }
    assert changes.counts()["changed"] == 1
    assert not changes.is_empty
    assert "1 producto(s) nuevo(s)" in changes.summary("es")
    assert "1 changed product(s)" in changes.summary("en")


def test_gcm_all_and_dates_are_compared_as_written():
    old = make_plan()
    new = _with_products(old, gcm_all=(0, True), start_text=(1, "2023-T3"))
    changed = {
        (r.code, r.header): (r.old, r.new) for r in diff_plans(old, new).changed.itertuples()
    }
    assert changed[("1.1.1-1", "Objetivos PMM")] == ("1, 3", "Todos")
    assert changed[("1.1.1-2", "Inicio")] == ("", "2023-T3")


def test_new_progress_and_status_changes():
    old = make_plan()
    new = make_plan(
        progress=[
            {
                "date": "2023-09-30",
                "code": "1.1.1-1",
                "status": "En curso",
                "percent": 40,
                "comment": "Primer diálogo",
                "reported_by": "OIM",
            },
            {"date": "2024-03-31", "code": "1.1.1-1", "status": "Completado", "percent": 100},
            {"date": "2024-03-31", "code": "1.1.1-2", "status": "Retrasado", "percent": 10},
        ]
    )
    changes = diff_plans(old, new)
    assert changes.new_progress[["code", "status", "percent", "date"]].values.tolist() == [
        ["1.1.1-1", "Completado", "100", "2024-03-31"],
        ["1.1.1-2", "Retrasado", "10", "2024-03-31"],
    ]
    assert len(changes.removed_progress) == 0
    status = {
        r.code: (r.old_status, r.new_status, r.new_percent)
        for r in changes.status_changes.itertuples()
    }
    assert status == {
        "1.1.1-1": ("En curso", "Completado", "100"),
        "1.1.1-2": (model.NO_REPORT, "Retrasado", "10"),
    }


def test_duplicate_progress_entries_are_counted():
    entry = {"date": "2023-09-30", "code": "1.1.1-1", "status": "En curso", "percent": 40}
    old = make_plan(progress=[entry])
    new = make_plan(progress=[entry, entry])
    changes = diff_plans(old, new)
    assert len(changes.new_progress) == 1
    assert changes.status_changes.empty
    back = diff_plans(new, old)
    assert len(back.removed_progress) == 1 and len(back.new_progress) == 0


def test_status_changes_take_the_latest_entry_by_date_then_log_order():
    plan = make_plan(
        progress=[
            {"date": "2024-01-01", "code": "1.1.1-1", "status": "Completado", "percent": 100},
            {"date": "2023-06-01", "code": "1.1.1-1", "status": "En curso", "percent": 50},
            {"date": "2024-01-01", "code": "1.1.1-1", "status": "Retrasado", "percent": 90},
        ]
    )
    changes = diff_plans(make_plan(progress=[]), plan).status_changes
    assert changes[["code", "old_status", "new_status", "new_percent"]].values.tolist() == [
        ["1.1.1-1", model.NO_REPORT, "Retrasado", "90"]
    ]


def test_structure_and_meta_changes():
    old = make_plan()
    agencies = old.agencies.copy()
    agencies.loc[agencies["acronym"] == "PNUD", "name_es"] = "PNUD (nombre nuevo)"
    new = model.Plan(**{**old.__dict__, "agencies": agencies, "meta": {}})
    s = diff_plans(old, new).structure
    rows = {(r.sheet, r.key, r.change, r.field) for r in s.itertuples()}
    assert rows == {
        ("Agencias", "PNUD", "changed", "Nombre"),
        ("Metadatos", "datos_ficticios", "removed", ""),
    }


def test_frames_are_text_localised_and_inputs_untouched():
    old = make_plan()
    before = old.products.copy()
    new = _with_products(old, name=(0, "<script>alert(1)</script>"))
    frames = diff_plans(old, new).to_frames("en")
    table = frames["Changed products (field by field)"]
    assert list(table.columns) == ["Code", "Field", "Before", "After"]
    assert table.iloc[0]["After"] == "<script>alert(1)</script>"
    assert all(str(dt) == "str" for dt in table.dtypes)
    pd.testing.assert_frame_equal(old.products, before)


def test_fmt():
    assert fmt(["OIM", "PNUD"]) == "OIM, PNUD"
    assert fmt(pd.NaT) == "" and fmt(None) == "" and fmt(float("nan")) == ""
    assert fmt(40.0) == "40" and fmt(12.5) == "12.5"
    assert fmt(pd.Timestamp("2023-09-30")) == "2023-09-30"
    assert fmt(True) == "Sí"


def test_status_changes_follow_the_rule_of_metrics():
    """One rule for "the latest entry": the diff shows what metrics.latest_status says."""
    plan = make_plan(
        progress=[
            {"date": "2024-01-01", "code": "1.1.1-2", "status": "Completado", "percent": 100},
            {"date": "2024-01-01", "code": "1.1.1-1", "status": "En curso", "percent": 60},
            {"date": "2023-06-01", "code": "1.1.1-1", "status": "En curso", "percent": 50},
            {"date": "2024-01-01", "code": "1.1.1-2", "status": "Retrasado", "percent": 90},
        ]
    )
    table = metrics.latest_status(plan)
    from_metrics = {
        c: (s, fmt(p))
        for c, s, p in zip(table["code"], table["status"], table["percent"], strict=True)
    }
    changes = diff_plans(make_plan(progress=[]), plan).status_changes
    shown = {r.code: (r.new_status, r.new_percent) for r in changes.itertuples()}
    assert shown == from_metrics
    assert from_metrics["1.1.1-2"] == ("Retrasado", "90")


def _log(n: int) -> list[dict]:
    return [
        {
            "date": f"2023-{1 + i % 12:02d}-{1 + i % 28:02d}",
            "code": "1.1.1-1" if i % 2 else "1.1.1-2",
            "status": "En curso",
            "percent": i % 100,
            "comment": f"avance {i}",
        }
        for i in range(n)
    ]


def test_progress_is_compared_in_proportion_to_what_changed(monkeypatch):
    """Comparing two stored versions formatted every cell of both logs (17 s at 50,000
    reports): only the entries without a partner are turned into text now."""
    import planmonitor.analysis.diff as diff_module

    log = _log(2000)
    old = make_plan(progress=log)
    changed = [dict(e) for e in log]
    changed[5]["comment"] = "corregido"
    new = make_plan(progress=[*changed, {**log[0], "date": "2024-06-30"}])
    calls = []
    original = diff_module.fmt
    monkeypatch.setattr(diff_module, "fmt", lambda v: calls.append(v) or original(v))
    changes = diff_plans(old, new)
    assert changes.new_progress["comment"].tolist() == ["avance 0"]
    # the same product and date with another comment: a correction (issue 10)
    assert changes.removed_progress.empty
    fixed = changes.corrected_progress
    assert fixed[["field", "old", "new"]].values.tolist() == [["comment", "avance 5", "corregido"]]
    assert len(calls) < 500  # 3 entries of 7 cells, the products and latest status; not 28,000


def test_progress_read_back_in_other_types_is_not_a_change():
    """A version read back from the store or a workbook may carry other date resolutions or
    whole percents as integers: the same entries are still the same."""
    plan = make_plan(progress=_log(50))
    progress = plan.progress.assign(
        date=plan.progress["date"].astype("datetime64[s]"),
        percent=plan.progress["percent"].astype("int64"),
    )
    other = model.Plan(**{**plan.__dict__, "progress": progress})
    assert diff_plans(plan, other).is_empty
    assert diff_plans(other, plan).is_empty


# --------------------------------------------------------------------------------------------
# Corrections: a report of a product and date already in the log (issue 10)
# --------------------------------------------------------------------------------------------
def test_a_report_of_the_same_product_and_date_is_a_correction_field_by_field():
    old = make_plan()  # 2023-09-30, 1.1.1-1, En curso, 40, «Primer diálogo», OIM
    new = make_plan(
        progress=[
            report("2023-09-30", "1.1.1-1", "Completado", 100, "Primer diálogo", "OIM"),
            report("2023-10-31", "1.1.1-2", "En curso", 10),
        ]
    )
    changes = diff_plans(old, new)
    assert changes.corrected_progress.values.tolist() == [
        ["2023-09-30", "1.1.1-1", "status", "Estado", "En curso", "Completado"],
        ["2023-09-30", "1.1.1-1", "percent", "Porcentaje", "40", "100"],
    ]
    assert changes.new_progress[["date", "code"]].values.tolist() == [["2023-10-31", "1.1.1-2"]]
    assert changes.removed_progress.empty
    assert changes.counts()["corrected_progress"] == 1
    assert changes.summary("es") == (
        "1 avance(s) nuevo(s) · 1 avance(s) corregido(s) · 2 cambio(s) de estado"
    )
    frames = changes.to_frames("es")
    shown = frames["Correcciones de avances ya registrados (mismo producto y fecha)"]
    assert shown.columns.tolist() == ["Fecha", "Código", "Cambio", "Campo", "Antes → después"]
    assert shown.values.tolist() == [
        ["30/09/2023", "1.1.1-1", "Corrección", "Estado", "En curso → Completado"],
        ["30/09/2023", "1.1.1-1", "Corrección", "Porcentaje", "40 → 100"],
    ]
    title = "Corrections of reports already in the log (same product and date)"
    english = changes.to_frames("en")[title]
    assert english["Before → after"].tolist() == ["In progress → Completed", "40 → 100"]
    assert english["Change"].tolist() == ["Correction", "Correction"]
    # and back: the correction undone is a correction again, not a removal
    back = diff_plans(new, old)
    assert back.corrected_progress[["field", "old", "new"]].values.tolist() == [
        ["status", "Completado", "En curso"],
        ["percent", "100", "40"],
    ]
    assert back.removed_progress[["code"]].values.tolist() == [["1.1.1-2"]]


def test_an_empty_cell_corrected_shows_a_dash():
    old = make_plan(progress=[report("2023-09-30", "1.1.1-1", "En curso", 40)])
    new = make_plan(progress=[report("2023-09-30", "1.1.1-1", "En curso", 40, "", "", "acta.pdf")])
    shown = diff_plans(old, new).to_frames("es")
    (table,) = [v for k, v in shown.items() if k.startswith("Correcciones")]
    assert table[["Campo", "Antes → después"]].values.tolist() == [["Evidencia", "— → acta.pdf"]]


def test_a_second_report_listed_with_the_first_is_new_not_a_correction():
    first = report("2023-09-30", "1.1.1-1", "En curso", 40, "Primer diálogo", "OIM")
    second = report("2023-09-30", "1.1.1-1", "En curso", 45, "Segundo informe", "PNUD")
    changes = diff_plans(make_plan(progress=[first]), make_plan(progress=[first, second]))
    assert changes.corrected_progress.empty
    assert changes.new_progress["comment"].tolist() == ["Segundo informe"]


def test_an_identical_report_is_no_change():
    assert diff_plans(make_plan(), make_plan()).summary("es") == "Sin cambios"


def test_statuses_are_shown_in_the_readers_language():
    new = make_plan(
        progress=[
            report("2023-09-30", "1.1.1-1", "En curso", 40, "Primer diálogo", "OIM"),
            report("2024-03-31", "1.1.1-2", "Retrasado", 10),
        ]
    )
    frames = diff_plans(make_plan(), new).to_frames("en")
    assert frames["New progress entries"]["Status"].tolist() == ["Delayed"]
    status = frames["Status changes"]
    assert status[["Status before", "Status after"]].values.tolist() == [["No report", "Delayed"]]
    spanish = diff_plans(make_plan(), new).to_frames("es")["Cambios de estado"]
    assert spanish[["Estado antes", "Estado después"]].values.tolist() == [
        ["Sin reporte", "Retrasado"]
    ]


# --------------------------------------------------------------------------------------------
# The reader's language in every cell the project writes (issue 10)
# --------------------------------------------------------------------------------------------
def _localisable_changes():
    """A product whose start moved (a date, no text as written), whose GCM became «Todos» and
    whose dates became interpreted, plus a corrected and a new report."""
    old = make_plan()
    new = _with_products(
        old,
        gcm_all=(0, True),
        start=(0, pd.Timestamp("2023-05-01")),
        start_text=(0, ""),
        dates_interpreted=(1, True),
    )
    new = model.Plan(
        **{
            **new.__dict__,
            "progress": make_plan(
                progress=[
                    report("2023-09-30", "1.1.1-1", "Completado", 100, "Primer diálogo", "OIM"),
                    report("2023-12-15", "1.1.1-2", "En curso", 10),
                ]
            ).progress,
        }
    )
    return diff_plans(old, new)


def _cells(frames: dict[str, pd.DataFrame]) -> set[str]:
    return {str(v) for df in frames.values() for v in df.to_numpy().ravel()}


def test_diff_frames_in_spanish_have_no_english_words_or_iso_dates():
    frames = _localisable_changes().to_frames("es")
    changed = frames["Productos modificados (campo por campo)"]
    pairs = {(r["Código"], r["Campo"]): (r["Antes"], r["Después"]) for _, r in changed.iterrows()}
    assert pairs[("1.1.1-1", "Objetivos PMM")] == ("1, 3", "Todos")
    assert pairs[("1.1.1-2", "Fechas interpretadas")] == ("No", "Sí")
    assert pairs[("1.1.1-1", "Inicio")] == ("01/04/2023", "01/05/2023")
    assert frames["Avances nuevos"]["Fecha"].tolist() == ["15/12/2023"]
    (fixed,) = [v for k, v in frames.items() if k.startswith("Correcciones")]
    assert set(fixed["Fecha"]) == {"30/09/2023"}
    cells = _cells(frames)
    assert not cells & {"True", "False", "Yes", "All", "In progress", "Completed"}
    assert not cells & {"2023-09-30", "2023-12-15", "2023-04-01", "2023-05-01"}


def test_diff_frames_in_english_say_yes_all_and_english_days():
    frames = _localisable_changes().to_frames("en")
    changed = frames["Changed products (field by field)"]
    pairs = {(r["Code"], r["Field"]): (r["Before"], r["After"]) for _, r in changed.iterrows()}
    assert pairs[("1.1.1-1", "Objetivos PMM")] == ("1, 3", "All")
    assert pairs[("1.1.1-2", "Fechas interpretadas")] == ("No", "Yes")
    assert pairs[("1.1.1-1", "Inicio")] == ("1 Apr 2023", "1 May 2023")
    assert frames["New progress entries"]["Date"].tolist() == ["15 Dec 2023"]
    title = "Corrections of reports already in the log (same product and date)"
    assert set(frames[title]["Date"]) == {"30 Sep 2023"}
    assert not _cells(frames) & {"Sí", "Todos", "True", "False", "2023-12-15", "2023-09-30"}


def test_raw_diff_tables_keep_their_values_for_the_other_views():
    """Only to_frames translates: the tables (compared, counted, read by changes) keep fmt's."""
    changes = _localisable_changes()
    assert set(changes.changed["new"]) >= {"Todos", "Sí", "2023-05-01"}
    assert changes.new_progress["date"].tolist() == ["2023-12-15"]

"""The end-of-cycle report (issue 9 §4): its content on the bundled plan, checked against the
plan's own data computed here independently, and its Excel and HTML files."""

from __future__ import annotations

import dataclasses
import io

import openpyxl
import pandas as pd
import pytest
from planfactory import cycle_info, make_plan, product, report, small_plan

from planmonitor.model import Status
from planmonitor.output import report as rp
from planmonitor.output.carryover import unfinished_codes
from planmonitor.reading.loader import load_default


@pytest.fixture(scope="module")
def bundled():
    result = load_default()
    assert result.ok
    return result.plan


def last_reports(plan, day: pd.Timestamp) -> pd.DataFrame:
    """Each product's last report up to `day` (log order breaks ties), read off the log."""
    log = plan.progress.reset_index(drop=True)
    log = log[pd.to_datetime(log["date"]) <= day].assign(_order=lambda d: range(len(d)))
    return log.sort_values(["date", "_order"]).groupby("code").tail(1).set_index("code")


def decisions_frame(rows: list[tuple[str, str, str]]) -> pd.DataFrame:
    """A Decisions.current() table: (meeting day, target code, text) per decision."""
    n = len(rows)
    return pd.DataFrame(
        {
            "decision_id": [f"d{i}" for i in range(n)],
            "revision": [1] * n,
            "meeting_date": pd.to_datetime([r[0] for r in rows]),
            "kind": ["decision"] * n,
            "target_type": ["product"] * n,
            "target_code": [r[1] for r in rows],
            "text": [r[2] for r in rows],
            "owner": ["OIM"] * n,
            "due_date": pd.to_datetime([None] * n),
            "status": ["open"] * n,
            "author": ["secretaría"] * n,
            "created_at": pd.Timestamp("2024-01-01", tz="UTC"),
        }
    )


def test_completed_are_the_products_whose_last_report_of_the_cycle_says_completed(bundled):
    built = rp.build_final_report(bundled, "es")
    last = last_reports(bundled, bundled.info.end)
    expected = [c for c in bundled.products["code"] if last["status"].get(c) == "Completado"]
    assert expected  # the bundled log completes some products
    assert built.completed["code"].tolist() == expected
    assert len(built.completed) + len(built.not_completed) == len(bundled.products)
    table = next(s.table for s in built.sections() if s.key == "completed")
    assert table["Código"].tolist() == expected


def test_every_product_not_completed_carries_the_last_comment_written_on_it(bundled):
    built = rp.build_final_report(bundled, "en")
    log = bundled.progress[bundled.progress["comment"].str.strip() != ""]
    written = last_reports(dataclasses.replace(bundled, progress=log), bundled.info.end)
    assert len(built.not_completed) and written.index.isin(built.not_completed["code"]).any()
    for row in built.not_completed.itertuples(index=False):
        assert row.status != "Completado"
        assert row.last_text == (written["comment"].get(row.code) or "")
    table = next(s.table for s in built.sections() if s.key == "not_completed")
    assert table["Last comment"].tolist() == built.not_completed["last_text"].tolist()


def test_completion_per_objective_is_the_mean_percent_without_the_cancelled(bundled):
    built = rp.build_final_report(bundled, "es")
    last = last_reports(bundled, bundled.info.end)
    products = bundled.products.set_index("code")
    for row in built.objectives.itertuples(index=False):
        codes = products.index[products["objective"] == row.objective]
        status = [last["status"].get(c, "Sin reporte") for c in codes]
        kept = [
            float(last["percent"].get(c, 0.0))
            for c, s in zip(codes, status, strict=True)
            if s != "Cancelado"
        ]
        assert row.n_products == len(codes)
        assert row.n_completed == status.count("Completado")
        assert row.completion == pytest.approx(sum(kept) / len(kept))
    assert built.objectives["objective"].tolist() == bundled.objectives["code"].tolist()


def test_gcm_objectives_are_reached_by_completed_products_linked_to_them():
    built = rp.build_final_report(small_plan(), "es")
    # 1.1.1-1 (GCM 1 and 3) is the only completed product
    assert built.gcm_reached == [1, 3]
    lines = next(s.lines for s in built.sections() if s.key == "gcm")
    assert lines[0] == "Alcanzados: 1, 3"
    # 2.1.1-1 («Todos») is not completed: every other objective has no completed product
    others = ", ".join(str(n) for n in range(1, 24) if n not in (1, 3))
    assert lines[1:] == (
        "Solo mediante «Todos»: ninguno",
        f"Sin ningún producto completado vinculado: {others}",
    )


def test_on_the_bundled_plan_no_gcm_objective_is_named_so_none_is_reached(bundled):
    """The bundled plan links products to the GCM only through «Todos»: the report says so
    rather than counting «Todos» as reaching every objective."""
    built = rp.build_final_report(bundled, "es")
    assert built.gcm_reached == []
    done = set(built.completed["code"])
    via_all = int(bundled.products.loc[bundled.products["code"].isin(done), "gcm_all"].sum())
    assert via_all and set(built.gcm["n_completed_all"]) == {via_all}


def test_each_agency_counts_the_products_it_leads_and_completed():
    built = rp.build_final_report(small_plan(), "es")
    agencies = built.agencies.set_index("agency")
    assert agencies.loc["OIM", "lead"] == 2  # 1.1.1-1 and 2.2.1-1
    assert agencies.loc["OIM", "completed_lead"] == 1  # 1.1.1-1
    assert agencies.loc["OIM", "open_lead"] == 1  # 2.2.1-1 (never reported)
    assert agencies.loc["PNUD", "completed_any"] == 1  # partner of 1.1.1-1
    assert agencies.loc["UNODC", "open_lead"] == 1  # 3.2.2-2 «No iniciado»


def test_the_decisions_are_those_of_the_meetings_held_in_the_cycle_only(bundled):
    info = bundled.info
    decisions = decisions_frame(
        [
            ((info.start - pd.Timedelta(days=1)).isoformat(), "1.1.1-1", "Antes del ciclo"),
            (info.start.isoformat(), "1.1.1-2", "Primera reunión"),
            (info.end.isoformat(), "2.1.1-1", "Última reunión"),
            ((info.end + pd.Timedelta(days=1)).isoformat(), "2.1.1-2", "Después del ciclo"),
        ]
    )
    built = rp.build_final_report(bundled, "es", decisions=decisions)
    assert built.decisions["text"].tolist() == ["Primera reunión", "Última reunión"]
    table = next(s.table for s in built.sections() if s.key == "decisions")
    name = bundled.products.set_index("code").loc["1.1.1-2", "name"]
    assert table["Producto o estrategia"].tolist()[0] == f"Producto 1.1.1-2 · {name}"
    assert rp.build_final_report(bundled, "es").decisions is None  # no store: none to read


def test_the_carried_over_products_are_the_unfinished_ones_of_the_template(bundled):
    built = rp.build_final_report(bundled, "es")
    assert built.carried["code"].tolist() == unfinished_codes(bundled)
    assert not set(built.carried["status"]) & {"Completado", "Cancelado"}


def test_a_later_plan_that_continues_a_product_is_named_by_code_or_by_its_continues_column():
    old = small_plan()
    old_id = old.info.plan_id
    info = dataclasses.replace(
        cycle_info("2025-01-01", "2026-12-31", "Plan Siguiente de Prueba"),
        previous_plan_id=old_id,
    )
    later = make_plan(
        [product("2.1.1-1", "Estrategia de comunicación II"), product("4.1.1-1", "Foro")],
        info=info,
    )
    later = dataclasses.replace(later, products=later.products.assign(continues=["", "2.3.1-1"]))
    unrelated = make_plan(
        [product("2.2.1-1", "Otro")], info=cycle_info("2025-01-01", "2025-12-31", "Otra red")
    )
    explicit = make_plan(
        [product("9.1.1-1", "Talleres")], info=cycle_info("2027-01-01", "2027-12-31", "Lejano")
    )
    explicit = dataclasses.replace(
        explicit, products=explicit.products.assign(continues=[f"{old_id}:3.2.2-2"])
    )
    built = rp.build_final_report(old, "en", later_plans=[later, unrelated, explicit])
    by = dict(zip(built.carried["code"], built.carried["continued_by"], strict=True))
    assert by["2.1.1-1"] == "Plan Siguiente de Prueba: 2.1.1-1 · Estrategia de comunicación II"
    assert by["2.3.1-1"] == "Plan Siguiente de Prueba: 4.1.1-1 · Foro"
    assert by["3.2.2-2"] == "Lejano: 9.1.1-1 · Talleres"
    assert by["2.2.1-1"] == ""  # another network's plan with the same code continues nothing
    carried = next(s for s in built.sections() if s.key == "carried")
    assert carried.table["Continued in"].tolist() == built.carried["continued_by"].tolist()
    assert carried.lines == ()  # some are continued: no «none continues» line
    alone = next(s for s in rp.build_final_report(old, "en").sections() if s.key == "carried")
    assert alone.lines == ("No later plan continues any of these products yet.",)
    assert set(alone.table["Continued in"]) == {""}


def test_reports_after_the_plan_ended_do_not_count():
    plan = small_plan()
    late = make_plan(
        [dict(p) for p in _specs(plan)],
        [
            *plan.progress.drop(columns="row").to_dict("records"),
            report("2025-02-01", "2.1.1-1", "Completado", 100, "Terminado tarde"),
        ],
        info=plan.info,
    )
    built = rp.build_final_report(late, "es")
    assert "2.1.1-1" not in set(built.completed["code"])
    row = built.not_completed.set_index("code").loc["2.1.1-1"]
    assert row["status"] == Status.DELAYED.value and row["last_text"] == "Sin fondos"
    assert "2.1.1-1" in set(built.carried["code"])


def _specs(plan):
    for r in plan.products.itertuples(index=False):
        yield product(
            r.code,
            r.name,
            leads=r.leads,
            partners=r.partners,
            start=None if pd.isna(r.start) else r.start.date().isoformat(),
            end=None if pd.isna(r.end) else r.end.date().isoformat(),
            gcm=r.gcm,
            gcm_all=r.gcm_all,
        )


@pytest.mark.parametrize(("lang", "first", "title"), [("es", "Resumen del ciclo", "cierre")])
def test_the_excel_has_one_sheet_per_section_and_text_stays_text(bundled, lang, first, title):
    built = rp.build_final_report(bundled, lang)
    wb = openpyxl.load_workbook(io.BytesIO(rp.final_excel(built)))
    assert wb.sheetnames[0] == first and len(wb.sheetnames) == len(rp.final.SECTIONS)
    ws = wb["Productos no completados"]
    values = [c for row in ws.iter_rows(values_only=True) for c in row if c is not None]
    assert title in str(values[0]).lower() or title in str(values[1]).lower()
    for comment in built.not_completed["last_text"]:
        if comment:
            assert comment in values


@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_html_is_one_file_in_the_language_with_every_section(bundled, lang):
    built = rp.build_final_report(bundled, lang)
    page = rp.final_html(built)
    assert page.startswith("<!DOCTYPE html>") and f'<html lang="{lang}">' in page
    for section in built.sections():
        assert f'<section id="{section.key}"' in page
    assert ("Informe de cierre del ciclo" if lang == "es" else "End-of-cycle report") in page
    assert "http://" not in page.split("<script", 1)[0]  # nothing fetched before the charts


def test_the_final_report_is_offered_once_the_plan_ended_or_its_log_reaches_its_last_month():
    info = cycle_info("2031-01-01", "2031-12-31", "Plan de Prueba")
    early = make_plan(
        [product("1.1.1-1")], [report("2031-11-30", "1.1.1-1", "En curso", 50)], info=info
    )
    on_time = make_plan(
        [product("1.1.1-1")], [report("2031-12-01", "1.1.1-1", "Completado", 100)], info=info
    )
    assert not rp.final_available(early, "2031-12-15")  # under way, log short of its last month
    assert rp.final_available(early, "2032-01-01")  # ended
    assert rp.final_available(on_time, "2031-12-15")
    built = rp.build_final_report(on_time, "en", as_of="2031-12-15")
    assert not built.ended and built.as_of == pd.Timestamp("2031-12-15")
    assert "State as of 15 Dec 2031; the plan ends on 31 Dec 2031" in built.header_lines()[0]
    assert rp.build_final_report(on_time, "en", as_of="2033-05-01").as_of == info.end

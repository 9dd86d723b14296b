"""AppTest of the report page's end-of-cycle mode (issue 9 §4): offered for a closed plan, its
downloads exactly planmonitor.output.report's end-of-cycle files, in Spanish and English; not
offered for a plan under way."""

# ruff: noqa: F811  (`downloads` is test_informe's fixture, imported and then requested)
from __future__ import annotations

import pandas as pd
import pytest
from planfactory import cycle_info, make_plan, product, report, small_plan
from test_informe import assert_clean, button_bytes, downloads, open_page  # noqa: F401

from planmonitor.output import report as rp

MODE = "_pm_informe_mode"
LABELS = {
    "es": ("Cierre del ciclo", "Descargar Excel", "Descargar HTML (para imprimir)"),
    "en": ("End of cycle", "Download Excel", "Download HTML (printable)"),
}


@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_final_report_of_a_closed_plan_is_downloaded_in_either_language(
    app, downloads, monkeypatch, lang
):
    monkeypatch.setattr(rp, "chromium_path", lambda: None)
    app.query_params["lang"] = lang
    open_page(app)
    assert_clean(app)
    mode = app.segmented_control(key=MODE)
    assert mode.value == "monthly"  # the monthly report stays the default
    assert mode.options[1] == LABELS[lang][0]
    mode.set_value("final").run()
    assert_clean(app)
    assert not app.selectbox  # no month to choose: the report is as of the plan's end
    plan = small_plan()
    expected = rp.build_final_report(plan, lang, as_of=plan.info.end)
    _, excel_label, html_label = LABELS[lang]
    assert button_bytes(app, downloads, excel_label) == rp.final_excel(expected)
    html = button_bytes(app, downloads, html_label).decode("utf-8")
    assert html == rp.final_html(expected)
    assert ("Informe de cierre del ciclo" if lang == "es" else "End-of-cycle report") in html
    assert "<b>migratorios</b>" not in html  # the workbook's text is escaped
    captions = " ".join(c.value for c in app.caption)
    assert ("su último día" if lang == "es" else "its last day") in captions
    titles = [s.value for s in app.subheader]
    assert titles[:3] == [s.title for s in expected.sections()][:3]  # the preview


def test_the_report_language_is_chosen_apart_from_the_page_language(app, downloads, monkeypatch):
    monkeypatch.setattr(rp, "chromium_path", lambda: None)
    open_page(app)
    app.segmented_control(key=MODE).set_value("final").run()
    app.segmented_control(key="_pm_informe_lang").set_value("en").run()
    assert_clean(app)
    plan = small_plan()
    expected = rp.build_final_report(plan, "en", as_of=plan.info.end)
    assert button_bytes(app, downloads, "Descargar Excel") == rp.final_excel(expected)


def test_the_pdf_of_the_final_report_is_printed_on_request(app, downloads, monkeypatch, tmp_path):
    printed: list[str] = []
    monkeypatch.setattr(rp, "chromium_path", lambda: tmp_path / "chromium")
    monkeypatch.setattr(rp, "to_pdf", lambda html, **kw: printed.append(html) or b"%PDF-1.7 f")
    open_page(app)
    app.segmented_control(key=MODE).set_value("final").run()
    assert not printed
    next(b for b in app.button if b.label == "Preparar PDF").click().run()
    assert_clean(app)
    assert len(printed) == 1 and "Informe de cierre del ciclo" in printed[0]
    assert button_bytes(app, downloads, "Descargar PDF") == b"%PDF-1.7 f"


def test_a_plan_under_way_is_not_offered_the_final_report(use_plan, downloads, monkeypatch):
    from apphelpers import ENTRY
    from streamlit.testing.v1 import AppTest

    today = pd.Timestamp.today().normalize()
    info = cycle_info(
        (today - pd.Timedelta(days=365)).date().isoformat(),
        (today + pd.Timedelta(days=400)).date().isoformat(),
        "Plan en Curso de Prueba",
    )
    day = (today - pd.Timedelta(days=10)).date().isoformat()
    plan = make_plan([product("1.1.1-1")], [report(day, "1.1.1-1", "En curso", 30)], info=info)
    use_plan(plan)
    monkeypatch.setattr(rp, "chromium_path", lambda: None)
    app = open_page(AppTest.from_file(ENTRY, default_timeout=60))
    assert_clean(app)
    assert not [c for c in app.segmented_control if c.key == MODE]
    assert any("se ofrecerá cuando el plan termine" in c.value for c in app.caption)
    assert app.selectbox(key="_pm_informe_month")  # the monthly report, as before


def test_from_the_store_the_final_report_lists_the_decisions_of_the_cycle(
    tmp_path, monkeypatch, downloads
):
    import datetime as dt

    from apphelpers import ENTRY
    from streamlit.testing.v1 import AppTest

    from planmonitor import store
    from planmonitor.store.decisions import Entry

    monkeypatch.setenv(store.URL_ENV, f"sqlite:///{tmp_path / 'app.sqlite'}")
    monkeypatch.setattr(rp, "chromium_path", lambda: None)
    opened = store.open_store()
    try:
        plan_store = opened.for_plan(None)
        plan = plan_store.plan()
        inside = (plan.info.start + pd.Timedelta(days=60)).date()
        after = plan.info.end.date() + dt.timedelta(days=30)
        book = plan_store.decisions()
        code = str(plan.products["code"].iloc[0])
        for day, text in ((inside, "Acuerdo <b>del ciclo</b>"), (after, "Acuerdo posterior")):
            book.record(Entry(day, "decision", "product", code, text, owner="OIM"), "ana")
        decisions = book.current()
    finally:
        opened.dispose()
    app = open_page(AppTest.from_file(ENTRY, default_timeout=60))
    app.segmented_control(key=MODE).set_value("final").run()
    assert_clean(app)
    expected = rp.build_final_report(plan, "es", decisions=decisions, as_of=plan.info.end)
    assert expected.decisions["text"].tolist() == ["Acuerdo <b>del ciclo</b>"]
    assert button_bytes(app, downloads, "Descargar Excel") == rp.final_excel(expected)
    html = button_bytes(app, downloads, "Descargar HTML (para imprimir)").decode("utf-8")
    assert "Acuerdo &lt;b&gt;del ciclo&lt;/b&gt;" in html and "Acuerdo posterior" not in html

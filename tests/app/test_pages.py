"""AppTest of the dashboard: every page in both languages, URL filters, empty filters, frame."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pandas as pd
import pytest
from apphelpers import ENTRY, PAGES, infos, page_path, plain
from planfactory import many_alerts_plan, small_plan
from streamlit.testing.v1 import AppTest

from planmonitor.analysis import describe, metrics
from planmonitor.i18n import fmt_date, t

TITLES = {p: {lang: t(f"page.{p}", lang) for lang in ("es", "en")} for p in PAGES}


def run_page(at: AppTest, name: str) -> AppTest:
    at.run()
    if name != PAGES[0]:
        at.switch_page(page_path(name)).run()
    return at


def figures(at: AppTest) -> list[dict]:
    return [json.loads(c.proto.spec) for c in at.get("plotly_chart")]


def assert_clean(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]


@pytest.mark.parametrize("lang", ["es", "en"])
@pytest.mark.parametrize("name", PAGES)
def test_every_page_renders_in_both_languages(app, name, lang):
    app.query_params["lang"] = lang
    run_page(app, name)
    assert_clean(app)
    assert [x.value for x in app.title] == [TITLES[name][lang]]
    showing = "Mostrando:" if lang == "es" else "Showing:"
    assert any(plain(c.value).startswith(showing) for c in app.caption)
    note = t("app.example_note", lang)
    assert [w.value for w in app.warning if w.value == note] == [note]
    if name != "calidad":
        assert app.get("plotly_chart"), "each chart page draws a chart"
    for fig in figures(app):  # titles follow the language too
        title = fig.get("layout", {}).get("title", {}).get("text", "")
        assert title


@pytest.mark.parametrize("name", PAGES)
def test_a_filter_matching_nothing_shows_a_message_not_an_empty_chart(app, name):
    app.query_params["agencia"] = "UNESCO"  # in the agency list, on no product
    run_page(app, name)
    assert_clean(app)
    assert infos(app) == [t("app.empty", "es")]  # issue 9: besides the closed-plan banner
    assert not app.get("plotly_chart")
    assert not app.dataframe


@pytest.mark.parametrize("name", PAGES)
def test_filters_set_through_query_parameters(app, name):
    app.query_params["agencia"] = "OIT"
    app.query_params["rol"] = "líder"
    run_page(app, name)
    assert_clean(app)
    assert app.sidebar.multiselect(key="agencia").value == ["OIT"]
    assert any("OIT como líder" in plain(c.value) for c in app.caption)


def test_gantt_has_a_bar_per_filtered_product(app):
    app.query_params["agencia"] = "OIM"
    run_page(app, "cronograma")
    assert_clean(app)
    plan = small_plan()
    expected = {
        code
        for code, leads, partners in zip(
            plan.products["code"], plan.products["leads"], plan.products["partners"], strict=True
        )
        if "OIM" in leads or "OIM" in partners
    }
    (fig,) = figures(app)
    # the plan's bars: not the «Real (según avances)» lane nor legend-only entries (issue 10)
    bars = [
        tr for tr in fig["data"] if tr.get("type") == "bar" and tr.get("legendgroup") != "actual"
    ]
    n_bars = sum(1 for tr in bars for y in tr.get("y", []) if y is not None)
    assert n_bars == len(expected) == 6
    labels = " ".join(str(y) for tr in bars for y in tr.get("y", []))
    assert all(code in labels for code in expected)


def test_gantt_keeps_products_without_dates(app):
    run_page(app, "cronograma")
    (fig,) = figures(app)
    labels = " ".join(str(y) for tr in fig["data"] for y in tr.get("y", []) or [])
    assert "2.3.1-1" in labels  # "Foro anual" has no dates in the plan


def test_sidebar_survives_a_rerun_and_a_page_change(app):
    app.query_params["agencia"] = "OIM"
    app.run()
    assert app.sidebar.multiselect(key="agencia").value == ["OIM"]
    app.sidebar.multiselect(key="estrategia").select("2.1").run()
    app.run()
    assert app.sidebar.multiselect(key="estrategia").value == ["2.1"]
    app.switch_page(page_path("cronograma")).run()
    assert_clean(app)
    assert app.title[0].value == "Cronograma"
    assert app.sidebar.multiselect(key="agencia").value == ["OIM"]
    assert app.sidebar.multiselect(key="estrategia").value == ["2.1"]
    assert any("Estrategia 2.1" in plain(c.value) for c in app.caption)


def test_strategy_options_narrow_to_the_chosen_objective(app):
    app.run()
    assert "3.1" in app.sidebar.multiselect(key="estrategia").options
    app.sidebar.multiselect(key="objetivo").select("2").run()
    assert set(app.sidebar.multiselect(key="estrategia").options) == {"2.1", "2.2", "2.3"}
    assert set(app.sidebar.multiselect(key="actividad").options) == {"2.1.1", "2.2.1", "2.3.1"}


def test_reset_button_clears_every_filter(app):
    app.query_params["agencia"] = "OIM"
    app.query_params["estado"] = "En curso"
    app.run()
    assert app.sidebar.multiselect(key="estado").value == ["En curso"]
    app.sidebar.button[0].click().run()
    assert_clean(app)
    assert app.sidebar.multiselect(key="agencia").value == []
    assert app.sidebar.multiselect(key="estado").value == []
    assert any(plain(c.value) == "Mostrando: todos los productos" for c in app.caption)


def test_language_switch_changes_titles_and_caption(app):
    app.run()
    app.switch_page(page_path("carga")).run()
    app.sidebar.button_group(key="_pm_lang").set_value("en").run()
    assert_clean(app)
    assert app.title[0].value == "Agency workload"
    assert app.query_params.get("lang") in ("en", ["en"])


def test_real_data_note_is_absent_when_the_log_is_not_example(use_plan):
    use_plan(small_plan(example=False))
    at = AppTest.from_file(ENTRY, default_timeout=60)
    at.run()
    assert_clean(at)
    assert not [w for w in at.warning if w.value == t("app.example_note", "es")]


def test_an_unexpected_error_shows_a_spanish_message_not_a_traceback(app, monkeypatch):
    def boom(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(metrics, "latest_status", boom)
    run_page(app, "resumen")
    assert not app.exception
    assert [e.value for e in app.error] == [t("app.error", "es")]


def test_as_of_date_shows_the_state_on_a_past_date(app):
    app.query_params["fecha"] = "2023-07-01"
    run_page(app, "avance")
    assert_clean(app)
    table = app.dataframe[0].value
    row = table[table["Código"] == "1.1.1-1"].iloc[0]
    assert row["Estado"] == "En curso" and row["Avance"] == 40


def test_avance_search_narrows_the_table(app):
    app.query_params["buscar"] = "foro"
    run_page(app, "avance")
    assert_clean(app)
    assert app.dataframe[0].value["Código"].tolist() == ["2.3.1-1"]


def test_cobertura_lists_the_products_of_a_chosen_objective(app):
    app.query_params["objetivo_pmm"] = "PMM 6 · Contratación y trabajo decente"
    run_page(app, "cobertura")
    assert_clean(app)
    listed = app.dataframe[-1].value  # after the charts' «Ver datos» tables
    # 6 is linked specifically by two products, and by "Todos" through 2.1.1-1
    assert set(listed["Código"]) == {"1.1.1-2", "3.2.2-1", "2.1.1-1"}
    app.toggle(key="sin_todos").set_value(True).run()
    assert set(app.dataframe[-1].value["Código"]) == {"1.1.1-2", "3.2.2-1"}


def test_calidad_shows_the_validation_warnings(app):
    run_page(app, "calidad")
    assert_clean(app)
    issues = app.dataframe[-1].value
    assert issues["Mensaje"].tolist() == ["Fecha no reconocida"]


@pytest.mark.parametrize("name", PAGES)
def test_every_page_renders_on_the_bundled_default_data(use_plan, name):
    from planmonitor.reading.loader import load_default

    result = load_default()
    assert result.plan is not None
    use_plan(result.plan, result.issues)
    at = AppTest.from_file(ENTRY, default_timeout=60)
    run_page(at, name)
    assert_clean(at)
    assert at.title[0].value == TITLES[name]["es"]


def test_workbook_source_is_versioned_by_file(tmp_path, monkeypatch):
    from planmonitor.ui import data

    src = Path(__file__).resolve().parents[2] / "data" / "plan-de-trabajo-2023-2024.xlsx"
    copy = tmp_path / "plan.xlsx"
    copy.write_bytes(src.read_bytes())
    monkeypatch.setenv(data.WORKBOOK_ENV, str(copy))
    key = data.version_key()
    assert key.startswith("file:")
    plan, issues = data.load_for_key(key)
    assert len(plan.products) == 20
    os.utime(copy, ns=(1, 1))  # a new upload of the file changes its version
    assert data.version_key() != key


def shown(frame) -> pd.DataFrame:
    """What a st.dataframe shows: a Styler's display values, else the data as text."""
    from streamlit import dataframe_util

    styled = frame.proto.arrow_data.styler.display_values
    if styled:
        return dataframe_util.convert_arrow_bytes_to_pandas_df(styled)
    return frame.value.astype("str")


@pytest.mark.parametrize("lang", ["es", "en"])
def test_avance_shows_a_dash_not_none_for_a_product_never_reported(app, lang):
    app.query_params["lang"] = lang
    run_page(app, "avance")
    assert_clean(app)
    table = shown(app.dataframe[0])
    last = t("col.last_date", lang)
    code = t("col.code", lang)
    assert "None" not in table.to_string() and "NaT" not in table.to_string()
    by_code = dict(zip(table[code], table[last], strict=True))
    assert by_code["2.3.1-1"] == "—"  # "Foro anual" has no report
    # the language's one date format (issue 10), as on every other page
    assert by_code["1.1.1-1"] == fmt_date("2023-12-15", lang)


def test_calidad_agencies_never_reported_show_a_dash_and_keep_numbers(app):
    run_page(app, "calidad")
    assert_clean(app)
    frame = app.dataframe[1]
    table = shown(frame)
    assert "None" not in table.to_string() and "nan" not in table.to_string()
    silent = table[table["Agencia"] == "ACNUR"].iloc[0]
    assert silent["Último reporte"] == "—" and silent["Días sin reportar"] == "—"
    # the data behind stays numeric (sorting by days is numeric) and holds no null: the grid
    # draws a null cell as "None" whatever the Styler says; never reported sorts last
    days = frame.value["Días sin reportar"]
    assert pd.api.types.is_numeric_dtype(days) and not days.isna().any()
    acnur = frame.value[frame.value["Agencia"] == "ACNUR"]["Días sin reportar"].iloc[0]
    assert acnur > days[table["Días sin reportar"] != "—"].max()


def test_calidad_and_avance_name_agencies_in_english(app):
    app.query_params["lang"] = "en"
    run_page(app, "calidad")
    assert_clean(app)
    agencies = shown(app.dataframe[1])["Agency"].tolist()
    assert "IOM" in agencies and "OIM" not in agencies
    assert all("OIM" not in w.value for w in app.warning)
    run_page(app, "avance")
    leads = set(app.dataframe[0].value["Leads"])
    assert "IOM" in leads and "OIM" not in leads


@pytest.mark.parametrize("lang", ["es", "en"])
def test_cobertura_states_how_many_products_have_no_gcm_link(use_plan, lang):
    """Default data: only the five 2.1.1 products say "Todos"; the other 15 have no link."""
    from planmonitor.reading.loader import load_default

    use_plan(load_default().plan)
    at = AppTest.from_file(ENTRY, default_timeout=60)
    at.query_params["lang"] = lang
    run_page(at, "cobertura")
    assert_clean(at)
    assert infos(at) == [t("cobertura.no_gcm", lang, n=15, total=20)]  # and the closed banner
    assert ("15 de 20" if lang == "es" else "15 of 20") in infos(at)[0]
    tiles = figures(at)[0]["data"][-1]["text"]
    assert all(("0 específicos" if lang == "es" else "0 specific") in x for x in tiles)
    # in words: no objective has a specific link, all 23 only through «Todos»
    summary = t("cobertura.summary", lang, total=23, specific=0, only_all=23, none=0)
    assert summary in [m.value for m in at.markdown]


def test_cobertura_says_nothing_of_missing_links_when_every_product_has_one(app):
    run_page(app, "cobertura")
    assert_clean(app)
    assert not infos(app)  # issue 9: the closed-plan banner apart
    assert app.selectbox(key="objetivo_pmm").placeholder == t("cobertura.pick.placeholder", "es")


def test_cobertura_builds_the_gcm_labels_once_per_data_version(app, monkeypatch):
    from planmonitor import i18n as text

    calls = []
    original = text.gcm_label

    def counting(*args, **kwargs):
        calls.append(args[0])
        return original(*args, **kwargs)

    monkeypatch.setattr(text, "gcm_label", counting)
    run_page(app, "cobertura")
    assert len(calls) == 23
    app.sidebar.multiselect(key="agencia").select("OIM").run()  # a new filter, same data
    app.run()
    assert_clean(app)
    assert len(calls) == 23


@pytest.mark.parametrize("lang", ["es", "en"])
def test_cronograma_says_when_today_is_outside_the_plan_and_shows_strategy_headers(
    app, lang, monkeypatch
):
    monkeypatch.setattr(pd.Timestamp, "today", classmethod(lambda cls: pd.Timestamp("2026-11-26")))
    app.query_params["lang"] = lang
    run_page(app, "cronograma")
    assert_clean(app)
    day = fmt_date(pd.Timestamp("2026-11-26"), lang)
    period = describe.period_text(small_plan().info, lang)  # the plan's own period (issue 9)
    said = t("chart.gantt.today_outside", lang, date=day, period=period)
    assert said in [c.value for c in app.caption]
    (fig,) = figures(app)
    assert not fig["layout"]["title"].get("subtitle", {}).get("text")  # said once, on the page
    word = "Estrategia" if lang == "es" else "Strategy"
    heads = [a["text"] for a in fig["layout"]["annotations"] if a["text"].startswith("<b>")]
    assert heads[0].startswith(f"<b>{word} 1.1</b>")
    assert len(heads) == len(set(small_plan().products["strategy"]))


def test_cronograma_has_no_outside_note_within_the_plan(app, monkeypatch):
    monkeypatch.setattr(pd.Timestamp, "today", classmethod(lambda cls: pd.Timestamp("2024-03-01")))
    run_page(app, "cronograma")
    assert_clean(app)
    assert not [c.value for c in app.caption if "fuera del periodo" in c.value]


# --------------------------------------------------------------------------------------------
# One meaning of the Comité Ejecutivo and of an agency's name (issue 8)
# --------------------------------------------------------------------------------------------
def load_bars(at: AppTest) -> dict[str, dict[str, int]]:
    """role trace name -> agency label -> count, from Carga's first chart (the load)."""
    fig = figures(at)[0]
    return {tr["name"]: dict(zip(tr["y"], tr["x"], strict=True)) for tr in fig["data"]}


@pytest.mark.parametrize(
    ("lang", "rule"),
    [
        ("es", '"Comité Ejecutivo" cuenta para cada uno de sus 5 miembros: '
               "OCR, PNUD, OIT, ACNUR, UNODC."),
        ("en", '"Executive Committee" counts for each of its 5 members: '
               "RCO, UNDP, ILO, UNHCR, UNODC."),
    ],
)  # fmt: skip
def test_carga_counts_the_committee_for_each_member_as_the_filter_does_and_says_so(app, lang, rule):
    """Filtering UNODC keeps 1.1.1-2 (partners: «Comité Ejecutivo»); the load chart counts
    that product for UNODC too, and has no «Comité Ejecutivo» row of its own."""
    app.query_params["agencia"] = "UNODC"
    app.query_params["lang"] = lang
    run_page(app, "carga")
    assert_clean(app)
    assert rule in [plain(c.value) for c in app.caption]
    bars = load_bars(app)
    lead, partner = (t(f"role.{r}", lang) for r in ("lead", "partner"))
    committee = "Comité Ejecutivo" if lang == "es" else "Executive Committee"
    assert all(committee not in by_agency for by_agency in bars.values())
    assert bars[lead]["UNODC"] == 1  # 3.2.2-2
    assert bars[partner]["UNODC"] == 2  # 2.2.1-1, and 1.1.1-2 through the committee
    heatmaps = figures(app)[1:]
    assert len(heatmaps) == 3
    for fig in heatmaps:
        labels = [str(y) for tr in fig["data"] for y in tr.get("y", [])]
        assert committee not in labels


def test_the_rule_names_the_members_of_the_plan_s_own_agencias_table(use_plan):
    """N and the names come from the plan: here a committee of two, with English acronyms
    that no built-in table knows."""
    from planfactory import AGENCIES, make_plan, product

    from planmonitor.model import COMMITTEE, Role

    english = {"PNUD": "PNUD-X", "OIT": "ILO-X"}
    agencies = [
        (a, n, ne, english.get(a, ae), Role.COMMITTEE.value if a in english else Role.MEMBER.value)
        for a, n, ne, ae, _role in AGENCIES
    ]
    plan = make_plan(
        [product("1.1.1-1", leads=["OIM"], partners=[COMMITTEE], start="2023-01-01")],
        agencies=agencies,
    )
    use_plan(plan)
    for lang, rule in (
        ("es", '"Comité Ejecutivo" cuenta para cada uno de sus 2 miembros: PNUD, OIT.'),
        ("en", '"Executive Committee" counts for each of its 2 members: PNUD-X, ILO-X.'),
    ):
        at = AppTest.from_file(ENTRY, default_timeout=60)
        at.query_params["lang"] = lang
        run_page(at, "carga")
        assert_clean(at)
        assert rule in [plain(c.value) for c in at.caption]
        partner = t("role.partner", lang)
        bars = load_bars(at)[partner]
        assert bars["PNUD-X" if lang == "en" else "PNUD"] == 1


def test_in_english_the_agency_list_shows_english_acronyms_and_the_url_keeps_the_plan_s(app):
    app.query_params["lang"] = "en"
    app.query_params["agencia"] = "OIM"
    run_page(app, "resumen")
    assert_clean(app)
    agency = app.sidebar.multiselect(key="agencia")
    assert agency.value == ["OIM"]
    assert "IOM" in agency.proto.options and "OIM" not in agency.proto.options
    assert "ILO" in agency.proto.options
    agency.select("OIT").run()
    assert app.query_params["agencia"] == ["OIM", "OIT"]  # the plan's acronyms, not IOM/ILO
    assert any("Showing: IOM, ILO" in plain(c.value) for c in app.caption)


def test_a_link_with_an_english_acronym_still_opens_the_view(app):
    app.query_params["agencia"] = "IOM"
    run_page(app, "resumen")
    assert_clean(app)
    assert app.sidebar.multiselect(key="agencia").value == ["OIM"]
    assert any("Mostrando: OIM" in plain(c.value) for c in app.caption)


@pytest.mark.parametrize("name", PAGES)
def test_every_page_renders_a_plan_without_strategies(use_plan, name):
    """Issue 9: a three-level plan (working groups → activities → products) draws on every
    page without an exception or an error box."""
    import threelevel

    from planmonitor.reading.loader import load_workbook

    plan = load_workbook(threelevel.workbook(), today=pd.Timestamp(threelevel.TODAY)).plan
    assert not plan.has_strategies
    use_plan(plan)
    at = AppTest.from_file(ENTRY, default_timeout=60)
    run_page(at, name)
    assert_clean(at)


def test_resumen_alerts_are_one_row_per_product_and_missing_dates_one_line(use_plan):
    """Issue 10: the same product was on two rows and every undated product had its own
    «Fechas incompletas» row; now one row per product, the gaps in one caption."""
    use_plan(many_alerts_plan())
    at = run_page(AppTest.from_file(ENTRY, default_timeout=60), "resumen")
    assert not at.exception, [e.value for e in at.exception]
    # the alerts table (the charts' «Ver datos» tables are dataframes too)
    (alerts,) = [d.value for d in at.dataframe if "Alerta" in d.value.columns]
    assert alerts["Código"].tolist() == [f"1.1.1-{i}" for i in range(1, 10)]
    assert alerts.loc[1, "Alerta"] == "Vencido · Sin agencia líder"
    assert t("alert.no_dates", "es") not in alerts.to_csv()
    assert t("alert.gaps.no_dates", "es", n=2) in [c.value for c in at.caption]


CHART_PAGES = ("resumen", "cronograma", "carga", "cobertura", "avance", "cambios")


@pytest.mark.parametrize("lang", ["es", "en"])
@pytest.mark.parametrize("name", CHART_PAGES)
def test_every_chart_has_its_data_as_a_table_under_it(app, name, lang):
    """The charts' text alternative (issue 10): a «Ver datos» expander per chart, holding a
    non-empty table."""
    app.query_params["lang"] = lang
    run_page(app, name)
    assert_clean(app)
    charts = app.get("plotly_chart")
    shown = [e for e in app.expander if e.label == t("chart.data.show", lang)]
    assert charts and len(shown) == len(charts)
    for box in shown:
        tables = box.dataframe
        assert len(tables) == 1 and not tables[0].value.empty

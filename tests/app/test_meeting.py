"""AppTest of meeting mode: projector markup, the agenda's steps, URL parameters, filters."""

from __future__ import annotations

import pytest
from apphelpers import plain
from planfactory import many_alerts_plan

from planmonitor.ui import meeting

N_STRATEGIES = 6  # small_plan: 1.1, 2.1, 2.2, 2.3, 3.1, 3.2
TOTAL = 1 + N_STRATEGIES + 3


def assert_clean(at) -> None:
    assert not at.exception, [e.value for e in at.exception]


def projector_css(at) -> bool:
    return any('section[data-testid="stSidebar"]' in h.proto.body for h in at.html)


def step_caption(at) -> str:
    return next(c.value for c in at.caption if c.value.startswith("Pantalla"))


def test_a_link_with_reunion_1_opens_meeting_mode_on_the_first_screen(app):
    app.query_params["reunion"] = "1"
    app.run()
    assert_clean(app)
    assert projector_css(app)  # sidebar hidden, large type
    assert plain(app.title[0].value) == "Resumen del plan"
    assert app.query_params["paso"] == "1"
    assert step_caption(app).startswith(f"Pantalla 1 de {TOTAL}")
    assert [m.label for m in app.metric][:2] == ["Productos", "Avance medio"]
    assert app.metric[0].value == "8"
    assert app.button(key="_pm_meeting_prev").disabled


def test_next_and_previous_step_through_the_agenda_and_update_the_url(app):
    app.query_params["reunion"] = "1"
    app.run()
    app.button(key="_pm_meeting_next").click().run()
    assert_clean(app)
    assert plain(app.title[0].value) == "Cronograma · Estrategia 1.1"
    assert app.query_params["paso"] == "2"
    for _ in range(N_STRATEGIES):
        app.button(key="_pm_meeting_next").click().run()
    assert plain(app.title[0].value) == "Carga por agencia"
    app.button(key="_pm_meeting_next").click().run()
    app.button(key="_pm_meeting_next").click().run()
    assert plain(app.title[0].value) == "Alertas"
    assert app.query_params["paso"] == str(TOTAL)
    assert app.button(key="_pm_meeting_next").disabled  # the end: no wrap by hand
    app.button(key="_pm_meeting_prev").click().run()
    assert plain(app.title[0].value) == "Cobertura del PMM"
    assert_clean(app)


@pytest.mark.parametrize(
    ("paso", "title"),
    [("3", "Cronograma · Estrategia 2.1"), ("99", "Alertas"), ("x", "Resumen del plan")],
)
def test_the_step_in_the_url_opens_that_screen(app, paso, title):
    app.query_params["reunion"] = "1"
    app.query_params["paso"] = paso
    app.run()
    assert_clean(app)
    assert plain(app.title[0].value) == title


def test_the_filters_in_the_url_still_apply(app):
    app.query_params["reunion"] = "1"
    app.query_params["estrategia"] = "2.1"
    app.run()
    assert_clean(app)
    assert any("Estrategia 2.1" in plain(c.value) for c in app.caption)
    assert step_caption(app).startswith("Pantalla 1 de 5")  # one strategy left
    assert app.metric[0].value == "1"
    app.button(key="_pm_meeting_next").click().run()
    assert plain(app.title[0].value) == "Cronograma · Estrategia 2.1"


def test_the_sidebar_switch_turns_it_on_and_leaving_brings_the_page_back(app):
    app.run()
    assert not projector_css(app)
    assert plain(app.title[0].value) == "Resumen"
    app.sidebar.toggle(key="_pm_meeting_switch_0").set_value(True).run()
    assert_clean(app)
    assert projector_css(app)
    assert app.query_params["reunion"] == "1"
    app.button(key="_pm_meeting_exit").click().run()
    assert_clean(app)
    assert not projector_css(app)
    assert plain(app.title[0].value) == "Resumen"
    assert "reunion" not in app.query_params and "paso" not in app.query_params
    assert app.sidebar.toggle(key="_pm_meeting_switch_2").value is False
    app.sidebar.toggle(key="_pm_meeting_switch_2").set_value(True).run()  # and on again
    assert projector_css(app) and plain(app.title[0].value) == "Resumen del plan"


def test_auto_advance_is_read_from_the_url_and_kept_there(app):
    app.query_params["reunion"] = "1"
    app.query_params["auto"] = "30"
    app.run()
    assert_clean(app)
    assert app.selectbox(key="_pm_meeting_auto_30").value == 30
    assert app.query_params["auto"] == "30"
    app.selectbox(key="_pm_meeting_auto_30").set_value(0).run()
    assert "auto" not in app.query_params
    assert app.selectbox(key="_pm_meeting_auto_0").value == 0


def test_meeting_mode_in_english(app):
    app.query_params["reunion"] = "1"
    app.query_params["lang"] = "en"
    app.run()
    assert_clean(app)
    assert plain(app.title[0].value) == "Plan overview"
    assert step_caption_en(app).startswith(f"Screen 1 of {TOTAL}")


def step_caption_en(at) -> str:
    return next(c.value for c in at.caption if c.value.startswith("Screen"))


def test_agenda_and_step_arithmetic():
    screens = meeting.agenda(["1.1", "2.1"])
    assert [s.kind for s in screens] == ["overview", "gantt", "gantt", "load", "gcm", "alerts"]
    assert screens[2].title("es") == "Cronograma · Estrategia 2.1"
    assert meeting.clamp_step("0", 6) == 1 and meeting.clamp_step("7", 6) == 6
    assert meeting.clamp_step(None, 6) == 1
    assert meeting.next_step(6, 1, 6) == 6  # buttons stop at the end
    assert meeting.next_step(6, 1, 6, wrap=True) == 1  # auto-advance starts over
    assert meeting.next_step(1, -1, 6) == 1


def test_projector_figures_scale_fonts_without_touching_the_original():
    import plotly.graph_objects as go

    fig = go.Figure(go.Bar(x=[1], y=["a"], text=["1"]))
    fig.update_layout(title=dict(text="t"), font=dict(size=16))
    big = meeting.projector(fig, height=600)
    assert big.layout.font.size == meeting.CHART_FONT >= 20
    assert big.layout.xaxis.tickfont.size == meeting.CHART_TICKS >= 20
    assert big.layout.height == 600 and big.data[0].textfont.size == meeting.CHART_FONT
    assert fig.layout.font.size == 16 and fig.layout.title.text == "t"


def test_the_css_is_constant_markup():
    assert "{" in meeting.CSS and "<script" not in meeting.CSS
    assert "font-size: 28px" in meeting.CSS


def test_a_today_outside_the_plan_is_said_in_the_screens_large_type_not_in_the_figure(app):
    """The figure's subtitle was small and ran into the legend on the projector."""
    import json

    app.query_params["reunion"] = "1"
    app.query_params["paso"] = "2"
    app.run()
    assert_clean(app)
    assert any("fuera del periodo del plan" in c.value for c in app.caption)
    spec = json.loads(app.get("plotly_chart")[0].proto.spec)
    assert not (spec["layout"].get("title") or {}).get("subtitle", {}).get("text")


def test_meeting_alerts_are_one_row_per_product_with_the_right_count_of_the_rest(use_plan):
    """Issue 10: 37 alert rows for 20 products and «… y 31 más»: now one row per product, the
    most urgent first, the rest counted in products, missing dates as one line."""
    from apphelpers import ENTRY
    from streamlit.testing.v1 import AppTest

    use_plan(many_alerts_plan())
    at = AppTest.from_file(ENTRY, default_timeout=60)
    at.query_params["reunion"] = "1"
    at.query_params["paso"] = "5"  # overview, Gantt 1.1, load, GCM, alerts
    at.run()
    assert_clean(at)
    assert plain(at.title[0].value) == "Alertas"
    (table,) = at.table
    shown = table.value
    codes = [plain(c) for c in shown.iloc[:, 0]]
    assert codes == [f"1.1.1-{i}" for i in range(1, 7)]  # MAX_ALERT_ROWS, plan order
    assert len(codes) == meeting.MAX_ALERT_ROWS
    assert plain(shown.iloc[1, 2]) == "Vencido · Sin agencia líder"  # one row, both reasons
    captions = [c.value for c in at.caption]
    assert "… y 3 producto(s) más con alertas (página Resumen)." in captions
    assert any(c.startswith("Además, 2 producto(s) sin fechas completas") for c in captions)
    assert not any("Fechas incompletas" in plain(str(v)) for v in shown.to_numpy().ravel())

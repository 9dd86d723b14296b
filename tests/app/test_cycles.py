"""AppTests of issue 9: every page on a 2025-2026 cycle draws that cycle and names no other
plan's years or network; a closed plan says so on every page, is read as of its end, and
raises no «sin reporte reciente» alert.

`today` is fixed (pd.Timestamp.today, which the frame reads) so that the cycle is running and
the 2021-2022 plan is finished whatever day the tests run.
"""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest
from apphelpers import ENTRY, PAGES, closed_banner, page_path
from planfactory import closed_2021_2022, cycle_2025_2026
from streamlit.testing.v1 import AppTest

from planmonitor.i18n import quarter_label, t

TODAY = pd.Timestamp("2026-05-15")
OLD = re.compile(r"(?<!\d)(?:2023|2024)(?!\d)|per[uú]", re.IGNORECASE)


@pytest.fixture
def today(monkeypatch):
    monkeypatch.setattr(pd.Timestamp, "today", classmethod(lambda cls: TODAY))
    return TODAY


def _run(use_plan, plan, name: str, lang: str = "es") -> AppTest:
    use_plan(plan)
    at = AppTest.from_file(ENTRY, default_timeout=60)
    at.query_params["lang"] = lang
    at.run()
    if name != PAGES[0]:
        at.switch_page(page_path(name)).run()
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    return at


def _drawn(at: AppTest) -> str:
    """Every text the page and the sidebar drew, tables and figures included."""
    parts: list[str] = []
    for kind in ("title", "header", "subheader", "caption", "markdown", "info", "warning",
                 "success", "metric"):  # fmt: skip
        parts += [str(e.value) for e in getattr(at, kind)]
    parts += [str(m.label) for m in at.metric]
    parts += [df.value.to_csv() for df in at.dataframe]
    parts += [c.proto.spec for c in at.get("plotly_chart")]
    parts += [" ".join(map(str, s.options)) for s in at.select_slider]
    return "\n".join(parts)


@pytest.mark.parametrize("lang", ["es", "en"])
@pytest.mark.parametrize("name", [*PAGES, "informe"])
def test_every_page_of_a_2025_2026_cycle_draws_that_cycle_only(use_plan, today, name, lang):
    at = _run(use_plan, cycle_2025_2026(), name, lang)
    drawn = _drawn(at)
    assert not OLD.search(drawn), OLD.search(drawn)
    assert not closed_banner(at)  # a running plan
    period = at.sidebar.select_slider(key="periodo")
    # the quarters as the language says them (T1 2025 / Q1 2025); the URL keeps the code
    assert period.options == [
        quarter_label(f"{y}-T{q}", lang) for y in (2025, 2026) for q in (1, 2, 3, 4)
    ]
    assert period.value == ("2025-T1", "2026-T4")  # the default: the whole cycle
    assert any("Plan de Trabajo de Prueba" in c.value for c in at.sidebar.caption)


def test_the_gantt_of_a_cycle_spans_its_period(use_plan, today):
    at = _run(use_plan, cycle_2025_2026(), "cronograma")
    (fig,) = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    axis = fig["layout"]["xaxis"]
    assert axis["ticktext"][0] == "T1 2025" and axis["ticktext"][-1] == "T4 2026"
    assert axis["range"][0].startswith("2025-01-01")


def test_the_report_page_offers_the_cycles_months(use_plan, today):
    at = _run(use_plan, cycle_2025_2026(), "informe")
    month = at.selectbox(key="_pm_informe_month")
    assert month.options[0] == "mayo de 2026" and month.options[-1] == "enero de 2025"
    assert month.value == "2026-04"


@pytest.mark.parametrize("name", [*PAGES, "informe", "cambios", "decisiones"])
def test_every_page_of_a_closed_plan_says_it_ended(use_plan, today, name):
    at = _run(use_plan, closed_2021_2022(), name)
    assert closed_banner(at) == [t("plan.closed", "es", date="31/12/2022")]


def test_a_closed_plan_says_it_ended_in_english_too(use_plan, today):
    at = _run(use_plan, closed_2021_2022(), "resumen", "en")
    assert closed_banner(at) == ["Plan ended on 31 Dec 2022: its state on that day is shown."]


def test_a_closed_plan_has_no_recent_report_alert_and_is_read_as_of_its_end(use_plan, today):
    at = _run(use_plan, closed_2021_2022(), "resumen")
    alerts = at.dataframe[-1].value  # after the charts' «Ver datos» tables
    assert t("alert.stale", "es") not in alerts.to_csv()
    assert t("alert.overdue", "es") in alerts.to_csv()  # the other alerts remain
    assert any("31/12/2022" in c.value for c in at.caption)  # as of the plan's end
    calidad = _run(use_plan, closed_2021_2022(), "calidad")
    # no agency flagged as silent: the only warning is the example data's
    assert [w.value for w in calidad.warning] == [t("app.example_note", "es")]
    assert any(t("calidad.closed", "es", date="31/12/2022") == c.value for c in calidad.caption)
    avance = _run(use_plan, closed_2021_2022(), "avance")
    assert avance.date_input(key="fecha").value == pd.Timestamp("2022-12-31").date()

"""AppTest of "Qué cambió": a date or a stored version as reference, tables, Gantt markers
(also on the Cronograma page when a reference date is chosen)."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from apphelpers import ENTRY
from planfactory import small_plan
from streamlit.testing.v1 import AppTest

from planmonitor import model, store
from planmonitor.analysis import changes
from planmonitor.i18n import fmt_date, t
from planmonitor.output import export
from planmonitor.ui import auth

PAGE = "pages/cambios.py"


def assert_clean(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]


def open_page(at: AppTest, page: str = PAGE, **params: str) -> AppTest:
    for k, val in params.items():
        at.query_params[k] = val
    at.run()
    at.switch_page(page).run()
    return at


def markers(at: AppTest) -> list[str]:
    """The codes marked on the Gantt(s) drawn (the "Cambios" scatter trace)."""
    out = []
    for chart in at.get("plotly_chart"):
        for trace in json.loads(chart.proto.spec)["data"]:
            if trace.get("type") == "scatter" and trace.get("name") == "Cambios":
                out += [h.split("</b>")[0].removeprefix("<b>") for h in trace["hovertext"]]
    return out


def test_default_reference_is_the_end_of_last_month(app):
    open_page(app)
    assert_clean(app)
    assert app.title[0].value == "Qué cambió"
    # issue 9: the small plan ended on 31 Dec 2024: it is read as of that day, so the default
    # is the end of the month before its end (it was the end of last month while it ran)
    as_of = small_plan().info.as_of(pd.Timestamp.today().normalize())
    expected = changes.default_reference(as_of)
    assert app.date_input(key="_pm_cambios_date").value == expected.date()
    assert app.query_params["desde"] == expected.date().isoformat()
    # the small plan's log ends in 2024: nothing changed since last month
    assert any("Nada cambió" in s.value for s in app.success)


def test_changes_since_a_date_from_the_url(app):
    open_page(app, desde="2023-12-01")
    assert_clean(app)
    assert any("Cambios desde el 01/12/2023" in c.value for c in app.caption)
    # status, percent, comments (nothing else changed), then the chart's «Ver datos» table
    assert len(app.dataframe) == 4
    status = app.dataframe[0].value
    assert list(status.columns) == ["Código", "Producto", "Estado antes", "Estado ahora"]
    assert status["Código"].tolist() == ["1.1.1-1", "2.1.1-1", "3.1.1-1"]
    assert status["Estado ahora"].tolist() == ["Completado", "Retrasado", "Cancelado"]
    assert [m.value for m in app.metric][:2] == ["3", "3"]
    assert sorted(markers(app)) == ["1.1.1-1", "2.1.1-1", "3.1.1-1"]
    # choosing another date recomputes and rewrites the URL
    app.date_input(key="_pm_cambios_date").set_value(pd.Timestamp("2024-03-01").date()).run()
    assert_clean(app)
    assert app.query_params["desde"] == "2024-03-01"
    assert markers(app) == ["2.1.1-1"]


def test_comment_text_is_shown_as_text(app):
    open_page(app, desde="2023-01-01")
    assert_clean(app)
    comments = next(d.value for d in app.dataframe if "Comentario" in d.value.columns)
    assert '=HYPERLINK("x")' in comments["Comentario"].tolist()  # a value, never a formula


def test_cronograma_marks_the_changes_since_the_chosen_date(app):
    open_page(app, "pages/cronograma.py")
    assert_clean(app)
    assert markers(app) == []
    app.date_input(key="marcas").set_value(pd.Timestamp("2023-12-01").date()).run()
    assert_clean(app)
    assert sorted(markers(app)) == ["1.1.1-1", "2.1.1-1", "3.1.1-1"]


# --------------------------------------------------------------------------------------------
# Against a stored version
# --------------------------------------------------------------------------------------------
@pytest.fixture
def db(tmp_path, monkeypatch):
    monkeypatch.setenv(store.URL_ENV, f"sqlite:///{tmp_path / 'app.sqlite'}")
    monkeypatch.delenv(auth.ENV_PASSWORDS, raising=False)
    s = store.open_store()
    yield s
    s.dispose()


def with_cancelled(plan: model.Plan) -> bytes:
    extra = (
        plan.progress.iloc[:1]
        .assign(date=pd.Timestamp("2024-12-20"), status="Cancelado", percent=0.0, row=pd.NA)
        .astype(plan.progress.dtypes.to_dict())
    )
    progress = pd.concat([plan.progress, extra], ignore_index=True)
    new = model.Plan(**{**plan.__dict__, "progress": progress})
    return export.write_workbook(export.plan_to_sheets(new, include=["Avances"]))


def test_changes_since_a_stored_version(db):
    before = db.current_version_id()
    plan = db.plan()
    code = str(plan.progress["code"].iloc[0])
    assert db.commit(with_cancelled(plan), "avances.xlsx", author="ana").stored
    at = AppTest.from_file(ENTRY, default_timeout=60)
    open_page(at, desde=f"v{before}")
    assert_clean(at)
    assert at.segmented_control(key="_pm_cambios_kind").value == "version"
    assert at.selectbox(key="_pm_cambios_version").value == before
    assert any(f"desde la versión {before}" in c.value for c in at.caption)
    status = at.dataframe[0].value
    assert status["Código"].tolist() == [code]
    assert status["Estado ahora"].tolist() == ["Cancelado"]
    assert markers(at) == [code]
    assert at.query_params["desde"] == f"v{before}"


def test_default_is_the_version_current_at_the_last_recorded_meeting(db):
    """A meeting recorded after the first version and before the second: the default compares
    with the first (what the committee saw), and the caption names the meeting."""
    import datetime as dt

    from planmonitor.store.decisions import Decisions, Entry
    from planmonitor.store.schema import versions_table

    first = db.current_version_id()
    with db.engine.begin() as conn:  # the versions so far were stored three days ago
        three_days_ago = dt.datetime.now(dt.UTC) - dt.timedelta(days=3)
        conn.execute(versions_table.update().values(created_at=three_days_ago))
    meeting = dt.date.today() - dt.timedelta(days=2)
    code = str(db.plan().products["code"].iloc[0])
    Decisions(db.engine).record(Entry(meeting, "decision", "product", code, "Revisar"), "ana")
    assert db.commit(with_cancelled(db.plan()), "avances.xlsx", author="ana").stored
    at = AppTest.from_file(ENTRY, default_timeout=60)
    open_page(at)
    assert_clean(at)
    assert at.segmented_control(key="_pm_cambios_kind").value == "version"
    assert at.selectbox(key="_pm_cambios_version").value == first
    assert at.query_params["desde"] == f"v{first}"
    said = t("cambios.default.meeting", "es", date=fmt_date(meeting, "es"))
    assert any(said in c.value for c in at.caption)


def test_default_without_a_meeting_is_the_previous_version_and_says_so(db):
    """Issue 10: by default the page compares with what the committee saw last; with no
    recorded meeting that is the version before the current one, and the caption says so."""
    before = db.current_version_id()
    assert db.commit(with_cancelled(db.plan()), "avances.xlsx", author="ana").stored
    at = AppTest.from_file(ENTRY, default_timeout=60)
    open_page(at)
    assert_clean(at)
    assert at.segmented_control(key="_pm_cambios_kind").value == "version"
    assert at.selectbox(key="_pm_cambios_version").value == before
    said = t("cambios.default.previous", "es")
    assert any(said in c.value and f"versión {before}" in c.value for c in at.caption)


def test_a_reference_from_the_url_is_not_called_the_default(app):
    open_page(app, desde="2023-12-01")
    assert_clean(app)
    assert not any("por defecto" in c.value for c in app.caption)

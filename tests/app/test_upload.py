"""AppTest of "Actualizar datos": access control, refusal of a bad file, preview, confirm."""

from __future__ import annotations

import pandas as pd
import pytest
from apphelpers import ENTRY, infos, plain
from plansheet import reading_plan_sheets  # noqa: F401  (fixture)
from streamlit.testing.v1 import AppTest

from planmonitor import model, store
from planmonitor.i18n import t
from planmonitor.output import export
from planmonitor.ui import auth, tables

UPLOAD = "pages/actualizar.py"
HISTORY = "pages/historial.py"
UPLOADER = "_pm_upload_file_0"


@pytest.fixture
def db(tmp_path, monkeypatch):
    """A real store (SQLite in tmp) behind the dashboard; no credential configured yet."""
    monkeypatch.setenv(store.URL_ENV, f"sqlite:///{tmp_path / 'app.sqlite'}")
    monkeypatch.delenv(auth.ENV_PASSWORDS, raising=False)
    monkeypatch.delenv(auth.ENV_VIEWER, raising=False)
    s = store.open_store()
    yield s
    s.dispose()


@pytest.fixture
def configured(db, monkeypatch):
    monkeypatch.setenv(auth.ENV_PASSWORDS, "ana:secreto-de-prueba")
    return db


def progress_file(plan: model.Plan, status: str = "Cancelado") -> bytes:
    extra = (
        plan.progress.iloc[:1]
        .assign(date=pd.Timestamp("2024-12-20"), status=status, percent=0.0, row=pd.NA)
        .astype(plan.progress.dtypes.to_dict())
    )
    new = model.Plan(
        **{**plan.__dict__, "progress": pd.concat([plan.progress, extra], ignore_index=True)}
    )
    return export.write_workbook(export.plan_to_sheets(new, include=["Avances"]))


def logged_in_app(page: str = UPLOAD) -> AppTest:
    at = AppTest.from_file(ENTRY, default_timeout=60)
    at.session_state["_pm_secretariat_user"] = "ana"
    at.run()
    at.switch_page(page).run()
    return at


def assert_clean(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]


# --------------------------------------------------------------------------------------------
# Access
# --------------------------------------------------------------------------------------------
def test_credentials_parse_and_match_in_constant_time_helpers():
    creds = auth.parse_credentials(["ana:uno", "dos", " "])
    assert creds == [auth.Credential("ana", "uno"), auth.Credential(None, "dos")]
    assert auth.match(creds, "ANA", "uno") == "ana"
    assert auth.match(creds, "luis", "uno") is None
    assert auth.match(creds, "Luis", "dos") == "Luis"  # a bare password: the typed name
    assert auth.match(creds, "", "dos") is None  # ... which is required
    assert auth.match(creds, "ana", "") is None
    assert auth.parse_credentials(None) == [] and auth.parse_credentials("") == []


@pytest.mark.parametrize("page", [UPLOAD, HISTORY])
def test_restricted_pages_are_not_in_the_navigation_without_the_credential(configured, page):
    at = AppTest.from_file(ENTRY, default_timeout=60)
    at.run()
    assert_clean(at)
    with pytest.raises(ValueError):
        at.switch_page(page)  # not a registered page: no way to reach it


@pytest.mark.parametrize(("page", "title"), [(UPLOAD, "page.upload"), (HISTORY, "page.history")])
def test_restricted_page_checks_the_credential_itself(configured, monkeypatch, page, title):
    """Behind the navigation, the page refuses on its own: listed (as if the navigation had
    let it through) to a session without the credential, it draws its title and the refusal,
    and nothing of the flow (issue 8: this test used to pass on a blank page)."""
    monkeypatch.setattr(auth, "is_secretariat", lambda: True)  # the navigation lists it
    at = AppTest.from_file(ENTRY, default_timeout=60)
    at.run()
    at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    assert [x.value for x in at.title] == [t(title, "es")]
    assert [e.value for e in at.error] == [t("auth.denied", "es")]
    assert not at.file_uploader
    assert not [b for b in at.button if (b.key or "").startswith(("_pm_upload", "_pm_history"))]
    assert not at.dataframe


def test_no_credential_configured_means_no_upload_and_says_how(db):
    def login_page():
        from planmonitor.ui import auth

        auth.login_form("es")

    at = AppTest.from_function(login_page).run()
    assert [i.value for i in at.info] == [t("auth.unconfigured", "es")]
    assert not at.text_input
    # even a session that claims a user is not the secretariat without a configured credential
    at = AppTest.from_file(ENTRY, default_timeout=60)
    at.session_state["_pm_secretariat_user"] = "ana"
    at.run()
    with pytest.raises(ValueError):
        at.switch_page(UPLOAD)


def test_login_form_wrong_then_right_password(configured):
    def login_page():
        from planmonitor.ui import auth

        auth.login_form("es")

    at = AppTest.from_function(login_page).run()
    at.text_input(key="_pm_login_name").input("ana")
    at.text_input(key="_pm_login_password").input("no-es")
    at.button[0].click().run()
    assert [e.value for e in at.error] == [t("auth.wrong", "es")]
    assert "_pm_secretariat_user" not in at.session_state
    at.text_input(key="_pm_login_password").input("secreto-de-prueba")
    at.button[0].click().run()
    assert at.session_state["_pm_secretariat_user"] == "ana"
    assert t("auth.logged_as", "es", name="ana") in [plain(s.value) for s in at.success]


# --------------------------------------------------------------------------------------------
# The upload flow
# --------------------------------------------------------------------------------------------
def test_bad_file_is_refused_with_the_issues_and_nothing_is_stored(configured):
    before = configured.versions()
    at = logged_in_app()
    assert_clean(at)
    assert at.title[0].value == t("page.upload", "es")
    bad = progress_file(configured.plan(), status="Terminado")
    at.file_uploader(key=UPLOADER).upload("malo.xlsx", bad).run()
    assert_clean(at)
    n = len(configured.preview(bad, "malo.xlsx").errors)
    assert t("upload.errors", "es", n=n) in [e.value for e in at.error]
    issues = at.dataframe[0].value
    assert list(issues.columns) == ["Gravedad", "Hoja", "Fila", "Columna", "Valor", "Mensaje"]
    assert "Terminado" in issues["Valor"].tolist()
    assert issues["Gravedad"].iloc[0] == "error"  # errors first, said in a word and coloured
    colour = tables.SEVERITY_STYLE["error"].split(";")[0].split()[-1]  # "#F8D7DA"
    assert colour in at.dataframe[0].proto.arrow_data.styler.styles  # the Styler's CSS
    assert any(b.proto.label == t("upload.annotated", "es") for b in at.get("download_button"))
    assert not [b for b in at.button if b.key == "_pm_upload_confirm"]
    pd.testing.assert_frame_equal(configured.versions(), before)


def test_not_a_workbook_is_refused(configured):
    at = logged_in_app()
    at.file_uploader(key=UPLOADER).upload("datos.xlsx", b"Fecha,Producto\n1,2\n").run()
    assert_clean(at)
    assert at.error
    assert len(configured.versions()) == 2


def test_preview_then_confirm_stores_a_version_with_author_and_note(configured):
    v0 = configured.current_version_id()
    at = logged_in_app()
    at.file_uploader(key=UPLOADER).upload("diciembre.xlsx", progress_file(configured.plan())).run()
    assert_clean(at)
    assert t("upload.preview", "es", v=v0) in [s.value for s in at.subheader]
    assert any("Cancelado" in df.value.to_string() for df in at.dataframe)
    assert configured.current_version_id() == v0  # the preview stores nothing
    at.text_input(key="_pm_upload_note").input("cierre de año")
    at.button(key="_pm_upload_confirm").click().run()
    assert_clean(at)
    v1 = configured.current_version_id()
    assert v1 == v0 + 1
    row = configured.version(v1)
    assert (row["author"], row["note"], row["filename"]) == (
        "ana",
        "cierre de año",
        "diciembre.xlsx",
    )
    assert t("upload.stored", "es", v=v1) in [s.value for s in at.success]
    assert at.file_uploader(key="_pm_upload_file_1").value is None  # a fresh uploader


def test_identical_upload_says_no_changes_and_stores_nothing(configured):
    at = logged_in_app()
    same = export.write_workbook(export.plan_to_sheets(configured.plan()))
    at.file_uploader(key=UPLOADER).upload("igual.xlsx", same).run()
    assert_clean(at)
    v = configured.current_version_id()
    assert infos(at) == [t("upload.identical", "es", v=v)]  # issue 9: closed banner apart
    assert not [b for b in at.button if b.key == "_pm_upload_confirm"]
    assert len(configured.versions()) == 2


def test_english_upload_page(configured):
    at = AppTest.from_file(ENTRY, default_timeout=60)
    at.query_params["lang"] = "en"
    at.session_state["_pm_secretariat_user"] = "ana"
    at.run()
    at.switch_page(UPLOAD).run()
    assert_clean(at)
    assert at.title[0].value == "Update data"


def fewer_products_file(plan: model.Plan, n: int = 2) -> tuple[bytes, list[str]]:
    """Productos and Avances without the last `n` products (and their reports)."""
    gone = plan.products["code"].iloc[-n:].tolist()
    keep = ~plan.products["code"].isin(gone)
    new = model.Plan(
        **{
            **plan.__dict__,
            "products": plan.products[keep].reset_index(drop=True),
            "progress": plan.progress[~plan.progress["code"].isin(gone)].reset_index(drop=True),
        }
    )
    sheets = export.plan_to_sheets(new, include=["Productos", "Avances"])
    return export.write_workbook(sheets), gone


def confirm_button(at: AppTest):
    return at.button(key="_pm_upload_confirm")


def test_removing_products_needs_the_extra_tick_before_confirmar(configured):
    v0 = configured.current_version_id()
    data, gone = fewer_products_file(configured.plan())
    at = logged_in_app()
    at.file_uploader(key=UPLOADER).upload("menos.xlsx", data).run()
    assert_clean(at)
    what = t("removal.products", "es", n=2)
    assert t("upload.removal_warning", "es", what=what) in [w.value for w in at.warning]
    boxes = [c for c in at.checkbox if c.label == f"Entiendo que se eliminarán {what}"]
    assert len(boxes) == 1 and boxes[0].value is False
    assert confirm_button(at).disabled
    at.text_input(key="_pm_upload_note").input("depuración").run()  # a rerun keeps it disabled
    assert confirm_button(at).disabled and configured.current_version_id() == v0

    boxes[0].check().run()
    assert_clean(at)
    assert not confirm_button(at).disabled
    confirm_button(at).click().run()
    assert_clean(at)
    assert configured.current_version_id() == v0 + 1
    assert not set(gone) & set(configured.plan().products["code"])


def test_a_plain_update_has_no_extra_tick(configured):
    at = logged_in_app()
    at.file_uploader(key=UPLOADER).upload("diciembre.xlsx", progress_file(configured.plan())).run()
    assert_clean(at)
    assert not at.checkbox and not at.warning
    assert not confirm_button(at).disabled


def test_the_empty_template_keeps_the_data_and_says_which_sheets_were_empty(configured):
    from planmonitor.output.template import build_template

    before = configured.plan()
    at = logged_in_app()
    at.file_uploader(key=UPLOADER).upload("plantilla.xlsx", build_template(None)).run()
    assert_clean(at)
    assert not at.checkbox  # nothing would be removed
    shown = pd.concat([df.value for df in at.dataframe]).to_string()
    assert "Hoja «Productos»" in shown and "se conserva la versión actual" in shown
    if [b for b in at.button if b.key == "_pm_upload_confirm"]:
        confirm_button(at).click().run()
        assert_clean(at)
    pd.testing.assert_frame_equal(configured.plan().products, before.products)
    pd.testing.assert_frame_equal(configured.plan().progress, before.progress)


# --------------------------------------------------------------------------------------------
# The optional viewer password (asked by the frame before anything of the data is drawn)
# --------------------------------------------------------------------------------------------
VIEWER_PASSWORD = "clave-del-comite"


def page_content(at: AppTest) -> bool:
    """Whether a dashboard page drew its content (the Resumen metrics or any chart)."""
    return bool(at.metric) or bool(at.get("plotly_chart"))


def test_viewer_password_configured_shows_nothing_until_it_is_given(db, monkeypatch):
    monkeypatch.setenv(auth.ENV_VIEWER, VIEWER_PASSWORD)
    at = AppTest.from_file(ENTRY, default_timeout=60).run()
    assert_clean(at)
    assert [x.value for x in at.title] == [t("auth.viewer_title", "es")]
    assert not page_content(at) and not at.dataframe and not at.multiselect
    at.switch_page("pages/cronograma.py").run()  # another page asks for it just the same
    assert_clean(at)
    assert [x.value for x in at.title] == [t("auth.viewer_title", "es")]
    assert not page_content(at)

    at.text_input(key="_pm_viewer_pw").input("otra")
    at.button[0].click().run()
    assert [e.value for e in at.error] == [t("auth.wrong", "es")]
    assert not page_content(at)

    at.text_input(key="_pm_viewer_pw").input(VIEWER_PASSWORD)
    at.button[0].click().run()
    assert_clean(at)
    assert page_content(at)
    assert t("auth.viewer_title", "es") not in [x.value for x in at.title]
    at.switch_page("pages/resumen.py").run()  # once per session: other pages open too
    assert_clean(at)
    assert page_content(at)


def test_viewer_password_in_english(db, monkeypatch):
    monkeypatch.setenv(auth.ENV_VIEWER, VIEWER_PASSWORD)
    at = AppTest.from_file(ENTRY, default_timeout=60)
    at.query_params["lang"] = "en"
    at.run()
    assert [x.value for x in at.title] == ["Dashboard access"]
    assert not page_content(at)


def test_no_viewer_password_means_an_open_dashboard(db):
    at = AppTest.from_file(ENTRY, default_timeout=60).run()
    assert_clean(at)
    assert page_content(at)
    assert t("auth.viewer_title", "es") not in [x.value for x in at.title]


def test_only_the_new_reports_are_enough_and_replace_is_a_choice(configured):
    """The monthly update holds just the month's reports: by default they are added."""
    plan = configured.plan()
    n = len(plan.progress)
    one = (
        plan.progress.iloc[:1]
        .assign(date=pd.Timestamp("2024-12-20"), comment="solo este", row=pd.NA)
        .astype(plan.progress.dtypes.to_dict())
    )
    data = export.write_workbook(
        export.plan_to_sheets(model.Plan(**{**plan.__dict__, "progress": one}), include=["Avances"])
    )
    at = logged_in_app()
    assert at.radio(key="_pm_upload_progress_mode").value == "append"
    at.file_uploader(key=UPLOADER).upload("dic.xlsx", data).run()
    assert_clean(at)
    assert not [c for c in at.checkbox if c.key and c.key.startswith("_pm_upload_removals")]
    at.button(key="_pm_upload_confirm").click().run()
    assert len(configured.plan().progress) == n + 1

    at.radio(key="_pm_upload_progress_mode").set_value("replace").run()
    at.file_uploader(key="_pm_upload_file_1").upload("dic.xlsx", data).run()
    assert_clean(at)
    confirm = [b for b in at.button if b.key == "_pm_upload_confirm"]
    assert confirm and confirm[0].disabled  # replacing removes n reports: needs the tick


def test_a_corrected_report_is_previewed_as_a_correction_old_to_new(configured):
    """Issue 10: the same product and date with a new percent is not «nuevo»: the preview
    says «Corrección» with old → new, and confirming replaces the report."""
    plan = configured.plan()
    at_ = int((plan.progress["percent"] < 100).to_numpy().nonzero()[0][-1])
    old = plan.progress.iloc[at_]
    fixed = plan.progress.iloc[[at_]].assign(percent=99.0, row=pd.NA)
    data = export.write_workbook(
        export.plan_to_sheets(
            model.Plan(**{**plan.__dict__, "progress": fixed}), include=["Avances"]
        )
    )
    at = logged_in_app()
    at.file_uploader(key=UPLOADER).upload("correccion.xlsx", data).run()
    assert_clean(at)
    title = t("diff.title.corrected_progress", "es")
    assert any(plain(m.value).endswith(title) for m in at.markdown)
    tables_shown = [df.value for df in at.dataframe]
    (shown,) = [df for df in tables_shown if "Antes → después" in df.columns]
    assert shown[["Código", "Cambio", "Campo", "Antes → después"]].values.tolist() == [
        [old["code"], "Corrección", "Porcentaje", f"{old['percent']:g} → 99"]
    ]
    assert not [df for df in tables_shown if "Porcentaje" in df.columns]  # nothing «nuevo»
    at.button(key="_pm_upload_confirm").click().run()
    assert_clean(at)
    log = configured.plan().progress
    assert len(log) == len(plan.progress)
    assert log.iloc[at_]["percent"] == 99.0


# --------------------------------------------------------------------------------------------
# The marked workbook on demand, the steps of the check (issue 12)
# --------------------------------------------------------------------------------------------
def test_a_refused_upload_builds_the_marked_workbook_only_when_its_button_is_pressed(
    configured, monkeypatch
):
    import io

    import openpyxl
    from streamlit.runtime.media_file_manager import MediaFileManager

    from planmonitor.output import template

    built: list[bytes] = []
    original = template.annotate_errors

    def spy(data: bytes, issues: pd.DataFrame) -> bytes:
        built.append(original(data, issues))
        return built[-1]

    monkeypatch.setattr(template, "annotate_errors", spy)
    deferred: dict[str, object] = {}  # what each download button runs when pressed
    add = MediaFileManager.add_deferred

    def keep(self, data_callable, *args, **kwargs):
        file_id = add(self, data_callable, *args, **kwargs)
        deferred[file_id] = data_callable
        return file_id

    monkeypatch.setattr(MediaFileManager, "add_deferred", keep)
    at = logged_in_app()
    bad = progress_file(configured.plan(), status="Terminado")
    at.file_uploader(key=UPLOADER).upload("malo.xlsx", bad).run()
    assert_clean(at)
    assert t("upload.errors", "es", n=1) in [e.value for e in at.error]
    assert [b for b in at.get("download_button") if b.proto.label == t("upload.annotated", "es")]
    assert built == []  # refused, shown, and nothing built yet
    at.run()  # a rerun does not build it either
    assert built == []

    (button,) = [
        b for b in at.get("download_button") if b.proto.label == t("upload.annotated", "es")
    ]
    deferred[button.proto.deferred_file_id]()  # what pressing the button runs
    assert len(built) == 1
    sheet = openpyxl.load_workbook(io.BytesIO(built[0]))["Avances"]
    marked = [c.comment.text for row in sheet.iter_rows() for c in row if c.comment]
    assert any("Terminado" in text for text in marked)


def test_the_check_shows_its_steps_reading_checking_and_comparing(configured):
    v0 = configured.current_version_id()
    at = logged_in_app()
    data = progress_file(configured.plan())
    at.file_uploader(key=UPLOADER).upload("diciembre.xlsx", data).run()
    assert_clean(at)
    (status,) = at.status
    assert status.label == t("upload.checked", "es") and status.state == "complete"
    steps = [plain(m.value) for m in status.markdown]
    assert steps[0] == t("upload.read", "es", n=f"{len(data):,}".replace(",", "."))
    assert steps[1] == t("upload.step.checking", "es", v=v0)
    assert steps[2] == t("upload.step.checked", "es", errors=0, warnings=0)
    assert steps[3].startswith(t("upload.step.compared", "es", v=v0, summary=""))
    assert t("upload.preview", "es", v=v0) in [s.value for s in at.subheader]


def test_a_workbook_of_another_plan_says_it_creates_that_plan_and_takes_nothing(
    configured, request
):
    """issue 9: the upload preview says, before storing, that the file creates a new plan;
    the bundled plan loses no product and gains no report."""
    from planfactory import make_plan, product, report
    from plansheet import plan_info, with_info
    from plansheet import workbook as plans_workbook

    request.getfixturevalue("reading_plan_sheets")
    bundled = configured.plan()
    products = [product("2.1.1-1", "Observatorio regional", leads=["PNUD"], start="2025-02-01")]
    progress = [report("2025-06-30", "2.1.1-1", "En curso", 10, "Primer informe", "PNUD")]
    info = plan_info("red-b-2025-2026", "2025-01-01", "2026-12-31", title="Plan B 2025-2026")
    data = plans_workbook(with_info(make_plan(products, progress), info))
    at = logged_in_app()
    at.file_uploader(key=UPLOADER).upload("plan-b.xlsx", data).run()
    assert_clean(at)
    expected = "Se creará el plan nuevo «Plan B 2025-2026» (red-b-2025-2026)."
    assert plain(expected) in [plain(c.value) for c in at.caption]
    assert t("upload.preview_new_plan", "es") in [s.value for s in at.subheader]
    assert not [c for c in at.checkbox if "eliminar" in str(c.label)]  # removes nothing
    confirm_button(at).click().run()
    assert_clean(at)
    assert set(configured.plans()["plan_id"]) == {bundled.info.plan_id, "red-b-2025-2026"}
    same = configured.for_plan(bundled.info.plan_id).plan()
    assert len(same.products) == len(bundled.products)
    assert len(same.progress) == len(bundled.progress)
    new = configured.for_plan("red-b-2025-2026").plan()
    assert new.progress["comment"].tolist() == ["Primer informe"]

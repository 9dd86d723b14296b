"""AppTest of "Informe mensual": month and language, Excel/HTML/PDF downloads that are exactly
planmonitor.report's output for the same data, and the message when Chromium is missing."""

from __future__ import annotations

import pytest
from planfactory import small_plan
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.testing.v1 import AppTest

from planmonitor.output import report

PAGE = "pages/informe.py"


@pytest.fixture
def downloads(monkeypatch) -> dict[str, bytes]:
    """The bytes behind each download button, by the media file id in its URL."""
    files: dict[str, bytes] = {}
    original = MemoryMediaFileStorage.load_and_get_id

    def keep(self, path_or_data, mimetype, kind, filename=None):
        file_id = original(self, path_or_data, mimetype, kind, filename)
        data = path_or_data
        files[file_id] = data.encode("utf-8") if isinstance(data, str) else bytes(data)
        return file_id

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", keep)
    return files


def button_bytes(at: AppTest, files: dict[str, bytes], label: str) -> bytes:
    button = next(b for b in at.get("download_button") if b.proto.label == label)
    return files[button.proto.url.rsplit("/", 1)[-1].split(".")[0]]


def assert_clean(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]


def open_page(app: AppTest) -> AppTest:
    app.run()
    app.switch_page(PAGE).run()
    return app


def test_downloads_are_the_report_of_the_chosen_month_and_language(app, downloads):
    open_page(app)
    assert_clean(app)
    assert app.title[0].value == "Informe mensual"
    month = app.selectbox(key="_pm_informe_month")
    assert month.value == "2024-12"  # today is after the plan: its last month
    assert month.options[0] == "diciembre de 2024" and month.options[-1] == "enero de 2023"
    month.set_value("2024-03").run()
    app.segmented_control(key="_pm_informe_lang").set_value("en").run()
    assert_clean(app)
    expected = report.build_report(small_plan(), "2024-03", lang="en")
    assert button_bytes(app, downloads, "Descargar Excel") == report.to_excel(expected)
    html = button_bytes(app, downloads, "Descargar HTML (para imprimir)").decode("utf-8")
    assert html == report.to_html(expected)
    assert '<html lang="en">' in html and "March 2024" in html
    assert "<b>migratorios</b>" not in html  # the workbook's text is escaped


def test_light_html_download_is_the_light_report_for_e_mail(app, downloads):
    """issue 10: beside the self-contained HTML (plotly.js inlined, ~5 MB), a light one."""
    open_page(app)
    app.selectbox(key="_pm_informe_month").set_value("2024-03").run()
    assert_clean(app)
    label = "HTML ligero (para correo)"
    button = next(b for b in app.get("download_button") if b.proto.label == label)
    assert button.proto.url.endswith(".html")
    light = button_bytes(app, downloads, label)
    expected = report.build_report(small_plan(), "2024-03", lang="es")
    assert light.decode("utf-8") == report.to_html(expected, light=True)
    full = button_bytes(app, downloads, "Descargar HTML (para imprimir)")
    assert len(light) < 1_000_000 < len(full)
    assert b"<script" not in light and b"<svg" in light
    app.segmented_control(key="_pm_informe_lang").set_value("en").run()
    light_en = button_bytes(app, downloads, "HTML ligero (para correo)").decode("utf-8")
    assert '<html lang="en">' in light_en and "Light version for e-mail" in light_en


def test_same_data_same_report_on_a_new_session(app, downloads):
    open_page(app)
    first = button_bytes(app, downloads, "Descargar Excel")
    again = open_page(AppTest.from_file(app._script_path, default_timeout=60))
    assert button_bytes(again, downloads, "Descargar Excel") == first


def test_without_chromium_the_page_says_so(app, monkeypatch):
    monkeypatch.setattr(report, "chromium_path", lambda: None)
    open_page(app)
    assert_clean(app)
    assert any("no tiene Chromium" in i.value for i in app.info)
    assert not [b for b in app.button if b.label == "Preparar PDF"]


def test_pdf_is_printed_on_request_then_downloadable(app, downloads, monkeypatch, tmp_path):
    printed: list[str] = []
    monkeypatch.setattr(report, "chromium_path", lambda: tmp_path / "chromium")
    monkeypatch.setattr(report, "to_pdf", lambda html, **kw: printed.append(html) or b"%PDF-1.7 x")
    open_page(app)
    assert not printed  # nothing is printed until asked (it takes seconds)
    next(b for b in app.button if b.label == "Preparar PDF").click().run()
    assert_clean(app)
    assert len(printed) == 1 and printed[0].startswith("<!DOCTYPE html>")
    assert button_bytes(app, downloads, "Descargar PDF") == b"%PDF-1.7 x"


def test_a_failed_print_is_reported(app, monkeypatch, tmp_path):
    def fail(html, **kw):
        raise report.PdfError("exit 1: boom")

    monkeypatch.setattr(report, "chromium_path", lambda: tmp_path / "chromium")
    monkeypatch.setattr(report, "to_pdf", fail)
    open_page(app)
    next(b for b in app.button if b.label == "Preparar PDF").click().run()
    assert not app.exception
    assert any("No se pudo imprimir el PDF (exit 1: boom)" in e.value for e in app.error)


def test_a_queued_print_is_said_on_the_page_and_still_delivered(
    app, downloads, monkeypatch, tmp_path
):
    """issue 12: one print at a time; the page passes a callback that says «En cola…»."""
    told: list[bool] = []

    def queued_then_printed(html, on_queued=None, **kw):
        assert callable(on_queued)
        on_queued()  # what to_pdf does when another print is running
        told.append(True)
        return b"%PDF-1.7 q"

    monkeypatch.setattr(report, "chromium_path", lambda: tmp_path / "chromium")
    monkeypatch.setattr(report, "to_pdf", queued_then_printed)
    open_page(app)
    next(b for b in app.button if b.label == "Preparar PDF").click().run()
    assert_clean(app)
    assert told == [True]
    assert button_bytes(app, downloads, "Descargar PDF") == b"%PDF-1.7 q"

"""The regional report's downloads (issue 11, §3; ui/regional_report.py): the files behind the
buttons are exactly output.report's regional report of the same region, month and language."""

from __future__ import annotations

import io

import openpyxl
import pytest
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.testing.v1 import AppTest

from planmonitor.i18n import t
from planmonitor.output import report
from planmonitor.ui import data


@pytest.fixture
def downloads(monkeypatch) -> dict[str, bytes]:
    """The bytes behind each download button, by the media file id in its URL."""
    files: dict[str, bytes] = {}
    original = MemoryMediaFileStorage.load_and_get_id

    def keep(self, path_or_data, mimetype, kind, filename=None):
        file_id = original(self, path_or_data, mimetype, kind, filename)
        got = path_or_data
        files[file_id] = got.encode("utf-8") if isinstance(got, str) else bytes(got)
        return file_id

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", keep)
    monkeypatch.setattr(data, "uses_store", lambda: False)
    return files


def button_bytes(at: AppTest, files: dict[str, bytes], label: str) -> bytes:
    button = next(b for b in at.get("download_button") if b.proto.label == label)
    return files[button.proto.url.rsplit("/", 1)[-1].split(".")[0]]


def page(lang: str) -> None:
    from test_region import A, B, region_of

    from planmonitor.ui import regional_report

    regional_report.downloads(region_of(A, B), "2025-03", lang, "2025-10-15")


@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_downloads_are_the_regional_report(downloads, lang):
    at = AppTest.from_function(page, args=(lang,), default_timeout=60)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    from test_region import A, B, region_of

    built = report.build_regional_report(region_of(A, B), "2025-03", lang, "2025-10-15")
    xlsx = button_bytes(at, downloads, t("informe.excel", lang))
    assert xlsx == report.regional_excel(built)
    first = openpyxl.load_workbook(io.BytesIO(xlsx)).sheetnames[0]
    assert first == t("regreport.section.calendar", lang)
    html = button_bytes(at, downloads, t("informe.html", lang)).decode("utf-8")
    assert html == report.regional_html(built)

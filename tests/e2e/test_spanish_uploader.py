"""The uploader speaks the page's language (issue 10): what the eye reads in place of
Streamlit's own «Upload» and «20MB per file • XLSX» is the catalogue's text; and no selector
says «Choose an option» in the Spanish UI."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect
from test_dashboard import TIMEOUT, wait_idle
from test_upload_flow import PASSWORD, nav, start_on, stop

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]

WORDS = {
    "es": ("Acceso de la Secretaría", "Nombre", "Contraseña", "Entrar", "Actualizar datos",
           "Subir archivo", "Hasta 20 MB por archivo · XLSX"),
    "en": ("Secretariat access", "Name", "Password", "Log in", "Update data",
           "Upload file", "Up to 20 MB per file · XLSX"),
}  # fmt: skip


@pytest.fixture
def secretariat(tmp_path, monkeypatch):
    monkeypatch.setenv("PLANMONITOR_SECRETARIAT_PASSWORDS", f"ana:{PASSWORD}")
    s = start_on(f"sqlite:///{tmp_path / 'planmonitor.sqlite'}", tmp_path / "srv")
    yield s
    stop(s)


def shown_text(page: Page, selector: str) -> str:
    """What a sighted user reads in `selector`: the text of its children drawn larger than a
    pixel (not removed, not visually hidden), then its generated ::after content."""
    return page.locator(selector).first.evaluate(
        """el => {
          const own = [...el.children].filter(c => getComputedStyle(c).display !== 'none'
              && c.getBoundingClientRect().width > 1)
            .map(c => c.innerText).join(' ').trim();
          const after = getComputedStyle(el, '::after').content;
          return [own, after && after !== 'none' ? JSON.parse(after) : ''].join(' ').trim();
        }"""
    )


@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_uploader_texts_are_in_the_language_of_the_page(
    secretariat, page, tmp_path, lang
) -> None:
    access, name, password, enter, update, button, limit = WORDS[lang]
    page.goto(f"{secretariat.url}/secretaria{'?lang=en' if lang == 'en' else ''}")
    expect(page.get_by_role("heading", name=access, exact=True)).to_be_visible(timeout=TIMEOUT)
    wait_idle(page)
    page.get_by_label(name, exact=True).fill("ana")
    page.get_by_label(password, exact=True).fill(PASSWORD)
    page.get_by_role("button", name=enter).click()
    wait_idle(page)
    nav(page, update)
    zone = page.get_by_test_id("stFileUploaderDropzone")
    expect(zone).to_be_visible(timeout=TIMEOUT)
    wait_idle(page)
    expect(zone.locator("button")).to_be_visible()  # the button keeps working
    zone.screenshot(path=str(tmp_path / f"uploader-{lang}.png"))
    dropzone = "[data-testid=stFileUploaderDropzone]"
    assert shown_text(page, f"{dropzone} button [data-testid=stMarkdownContainer]") == button
    assert shown_text(page, "[data-testid=stFileUploaderDropzoneInstructions] > div") == limit
    if lang == "es":
        shown = page.get_by_test_id("stMain").inner_text()  # rendered text only
        assert "per file" not in shown and "Choose an option" not in shown

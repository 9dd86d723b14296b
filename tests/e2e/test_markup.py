"""Workbook text is text on every page, in both languages, meeting mode included (issue 12).

The server's store holds a plan whose every text field (objective, strategy, activity and
product names, notes, agency acronyms, names and aliases, comments, who reported, evidence,
the version's author and note, a decision's text and owner) carries HTML, Markdown, LaTeX
and a colour directive, with image addresses pointing at a listener this test runs on the
loopback. On every page and screen: no element was made from that text (watched on every
change of the document, not only at the end), no request reached the listener, no dialog
opened, the script did not run, and the text is on screen as written.
"""

from __future__ import annotations

import datetime as dt
import http.server
import os
import sys
import threading
from pathlib import Path
from urllib.parse import urlencode

import pytest
from playwright.sync_api import Page, expect
from test_dashboard import TIMEOUT, sidebar_multiselect, wait_idle
from test_upload_flow import start_on, stop

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))

from factory import make_workbook, valid_sheets  # noqa: E402

PASSWORD = "e2e-clave-de-marcado"
BOLD, TEX, RED = "**b**", "$x^2$", ":red[x]"  # also the two extra agencies' acronyms
ENGLISH = {BOLD: TEX, RED: ":blue[y]"}  # their English acronyms
LINK = "[x](javascript:alert(1))"
DASHBOARD = ("", "cronograma", "carga", "cobertura", "avance", "calidad", "cambios")
OTHER = ("decisiones", "informe", "secretaria")
N_SCREENS = 1 + 2 + 3  # overview, one Gantt per strategy (1.1, 2.1), load, GCM, alerts


def payload(port: int) -> str:
    """Every kind of markup at once; the short ones first (some places cut long text)."""
    return (
        f"{BOLD} {TEX} {RED} {LINK} ![x](http://127.0.0.1:{port}/y) "
        f"<img src=http://127.0.0.1:{port}/x> <script>window.__pwned=1</script>"
    )


def marked_workbook(text: str) -> bytes:
    """The factory's valid plan with `text` in every text field and two agencies whose
    acronyms are markup (one of them on the Executive Committee)."""
    sheets = valid_sheets()
    for sheet in ("Objetivos", "Estrategias", "Actividades"):
        for row in sheets[sheet][1:]:
            row[-1] = f"{row[-1]} {text}"
    for row in sheets["Productos"][1:]:
        row[2] = f"{text} {row[2]}"
        row[10] = text  # Notas
    sheets["Productos"][1][3] = f"{BOLD}, PNUD"
    sheets["Productos"][1][4] = f"UNODC, {RED}"
    # A product without a lead: something to act on, so the meeting's alerts screen has a
    # table (it lists products with an actionable alert only, issue 10).
    sheets["Productos"][3][3] = ""
    sheets["Agencias"].append([BOLD, text, text, ENGLISH[BOLD], "Comité Ejecutivo", LINK])
    sheets["Agencias"].append([RED, text, text, ENGLISH[RED], "Miembro", ""])
    for row in sheets["Avances"][1:]:
        row[4] = row[5] = row[6] = text  # comment, reported by, evidence
    return make_workbook(sheets)


class Listener(http.server.ThreadingHTTPServer):
    """Records every request made to it (none may come)."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        listener = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (the http.server protocol)
                listener.requests.append(self.path)
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args) -> None:
                pass

        super().__init__(("127.0.0.1", 0), Handler)

    @property
    def port(self) -> int:
        return self.server_address[1]


# Installed before any page loads: every element added (or re-pointed) is looked at.
WATCH = """
(() => {
  const seen = new Set();
  window.__markupSeen = () => [...seen];
  const port = "127.0.0.1:%d";
  const check = (el) => {
    if (!(el instanceof Element)) return;
    const all = [el, ...el.querySelectorAll("*")];
    for (const n of all) {
      const tag = n.tagName.toLowerCase();
      const src = n.getAttribute("src") || "";
      const href = (n.getAttribute("href") || "").trim().toLowerCase();
      const alt = n.getAttribute("alt");
      if (tag === "img" && (src.includes(port) || alt === "x")) seen.add("img " + src);
      if (tag === "script" && n.textContent.includes("__pwned")) seen.add("script");
      if (tag === "a" && href.startsWith("javascript")) seen.add("javascript link");
      if ((tag === "strong" || tag === "b") && n.textContent.trim() === "b") seen.add("strong b");
      if (n.classList.contains("katex") || tag === "math") seen.add("katex");
      if (n.classList.contains("stMarkdownColoredText")) seen.add("colour " + n.textContent);
      if (src.includes(port) || href.includes(port)) seen.add(tag + " to the listener");
    }
  };
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === "attributes") check(r.target);
      for (const n of r.addedNodes) check(n);
    }
  }).observe(document, {subtree: true, childList: true, attributes: true,
                        attributeFilter: ["src", "href", "class"]});
})();
"""


@pytest.fixture(scope="module")
def marked(tmp_path_factory):
    """(server, listener, text): a server on a store whose current version is the marked plan."""
    from planmonitor.store import open_store
    from planmonitor.store.decisions import Decisions, Entry

    listener = Listener()
    threading.Thread(target=listener.serve_forever, daemon=True).start()
    text = payload(listener.port)
    tmp = tmp_path_factory.mktemp("markup")
    url = f"sqlite:///{tmp / 'planmonitor.sqlite'}"
    store = open_store(url)
    try:
        result = store.commit(
            marked_workbook(text), "marcado.xlsx", author=text, note=text, append_progress=False
        )
        assert result.stored, result.message("es")
        plan = store.plan()
        names = dict(zip(plan.products["code"], plan.products["name"], strict=True))
        Decisions(store.engine).record(
            Entry(dt.date.today(), "action", "product", "1.1.1-1", text, owner=text),
            text,
            codes=names,
        )
    finally:
        store.dispose()
    before = os.environ.get("PLANMONITOR_SECRETARIAT_PASSWORDS")
    os.environ["PLANMONITOR_SECRETARIAT_PASSWORDS"] = f"ana:{PASSWORD}"
    try:
        server = start_on(url, tmp / "server")
    finally:
        if before is None:
            os.environ.pop("PLANMONITOR_SECRETARIAT_PASSWORDS")
        else:
            os.environ["PLANMONITOR_SECRETARIAT_PASSWORDS"] = before
    yield server, listener, text
    stop(server)
    listener.shutdown()


@pytest.fixture
def watched(browser, marked):
    """A page watched from its first byte, and the dialogs and listener requests it causes."""
    server, listener, text = marked
    context = browser.new_context(viewport={"width": 1920, "height": 1080})
    context.add_init_script(WATCH % listener.port)
    page = context.new_page()
    dialogs: list[str] = []
    requests: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("request", lambda r: requests.append(r.url) if f":{listener.port}" in r.url else None)
    yield page, server, listener, text, dialogs, requests
    context.close()


def assert_inert(page: Page, listener: Listener, dialogs: list, requests: list, where: str):
    wait_idle(page)
    expect(page.get_by_test_id("stException")).to_have_count(0)
    assert page.evaluate("typeof window.__pwned") == "undefined", where
    assert page.evaluate("window.__markupSeen()") == [], where
    assert dialogs == [], where
    assert requests == [] and listener.requests == [], where


def open_url(page: Page, base: str, path: str, **query: str) -> None:
    page.goto(f"{base}/{path}?{urlencode(query)}")
    expect(page.get_by_role("heading", level=1).first).to_be_visible(timeout=TIMEOUT)
    wait_idle(page)


def caption(page: Page, text: str):
    return page.get_by_test_id("stCaptionContainer").filter(has_text=text).first


@pytest.mark.parametrize("lang", ["es", "en"])
def test_workbook_text_is_text_on_every_page(watched, lang):
    page, server, listener, text, dialogs, requests = watched
    shown = ENGLISH[BOLD] if lang == "en" else BOLD  # how the agency is called on screen
    showing = "Showing:" if lang == "en" else "Mostrando:"
    members = "6 members" if lang == "en" else "6 miembros"
    for path in DASHBOARD:
        open_url(page, server.url, path, agencia=BOLD, lang=lang)  # the URL keeps the acronym
        assert_inert(page, listener, dialogs, requests, path)
        expect(caption(page, showing)).to_contain_text(shown)  # the filter caption
        expect(sidebar_multiselect(page, "Agency" if lang == "en" else "Agencia")).to_contain_text(
            shown
        )
        if path == "carga":  # the committee rule names the markup member too
            expect(caption(page, members)).to_contain_text(shown)
        if path == "calidad":  # the plan has ended (issue 9): no «no recent report» warning
            closed = "The plan has ended" if lang == "en" else "El plan está finalizado"
            expect(page.get_by_text(closed, exact=False).first).to_be_visible()

    open_url(page, server.url, "cronograma", por_estrategia="true", lang=lang)
    assert_inert(page, listener, dialogs, requests, "cronograma by strategy")
    for literal in (BOLD, TEX, RED, LINK, "<img src=", "<script>"):
        expect(caption(page, RED)).to_contain_text(literal)  # each strategy's name as written
    heading = "Strategy 2.1" if lang == "en" else "Estrategia 2.1"
    expect(page.get_by_role("heading", name=heading, exact=True)).to_be_visible()

    for path in OTHER:
        open_url(page, server.url, path, lang=lang)
        if path == "informe":
            page.get_by_test_id("stExpander").first.click()
        assert_inert(page, listener, dialogs, requests, path)


@pytest.mark.parametrize("lang", ["es", "en"])
def test_workbook_text_is_text_on_every_meeting_screen(watched, lang):
    page, server, listener, text, dialogs, requests = watched
    shown = ENGLISH[BOLD] if lang == "en" else BOLD
    members = "6 members" if lang == "en" else "6 miembros"
    for step in range(1, N_SCREENS + 1):
        open_url(page, server.url, "", reunion="1", paso=str(step), lang=lang)
        assert_inert(page, listener, dialogs, requests, f"meeting screen {step}")
        if step in (2, 3):  # a strategy's Gantt: its name under the title
            expect(caption(page, RED)).to_contain_text(LINK)
        if step == 4:  # the agencies' load, with the committee rule
            expect(caption(page, members)).to_contain_text(shown)
        if step == N_SCREENS:  # the alerts table (st.table reads Markdown)
            expect(page.get_by_test_id("stTable")).to_contain_text(f"{BOLD} {TEX} {RED}")


def test_workbook_text_is_text_on_the_secretariat_pages(watched):
    page, server, listener, text, dialogs, requests = watched
    open_url(page, server.url, "")
    page.locator(".st-key-pm-nav").get_by_role("link", name="Acceso de la Secretaría").click()
    page.get_by_label("Nombre").fill("ana")
    page.get_by_label("Contraseña").fill(PASSWORD)
    page.get_by_role("button", name="Entrar").click()
    expect(page.get_by_text("Sesión de la Secretaría: ana")).to_be_visible(timeout=TIMEOUT)
    for lang, pages in (
        ("es", ("Historial de versiones", "Actualizar datos")),
        ("en", ("Version history", "Update data")),
    ):
        if lang == "en":
            page.get_by_test_id("stSidebar").get_by_text("English", exact=True).click()
            expect(page.get_by_role("heading", name="Update data", exact=True)).to_be_visible(
                timeout=TIMEOUT
            )
        for name in pages:
            page.locator(".st-key-pm-nav").get_by_role("link", name=name).click()
            expect(page.get_by_role("heading", name=name, exact=True)).to_be_visible(
                timeout=TIMEOUT
            )
            assert_inert(page, listener, dialogs, requests, name)
            if name in ("Historial de versiones", "Version history"):
                # the versions to compare name their author: plain text in the selects
                values = page.get_by_role("combobox").evaluate_all(
                    "els => els.map(e => e.value || e.textContent)"
                )
                assert any(f"{BOLD} {TEX} {RED} {LINK}" in v for v in values), values

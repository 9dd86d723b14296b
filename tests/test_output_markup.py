"""Markup in every text field of the plan and of the decisions stays text in the report HTML
and the minutes HTML (issues 8, 12): no element, attribute or script comes from the data."""

from __future__ import annotations

import dataclasses
import datetime as dt
from html.parser import HTMLParser

import pandas as pd
import pytest
from planfactory import AGENCIES, make_plan, product, report

from planmonitor.output import minutes
from planmonitor.output import report as rp

IMG = "<img src=x onerror=alert(1)>"
SCRIPT = "<script>alert(1)</script>"
LINK = "[x](javascript:alert(1))"
EVIL = f"{IMG} {SCRIPT} {LINK}"
EVIL_ESCAPED = "&lt;img src=x onerror=alert(1)&gt; &lt;script&gt;alert(1)&lt;/script&gt;"
AGENCY = "<b>AG</b>"  # an acronym with markup, lead of an open product that sent no report
# The elements the report and the minutes are made of; plotly adds its div and scripts.
OWN_TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "div", "h1", "h2", "p",
    "section", "table", "thead", "tbody", "tr", "th", "td", "footer", "script",
}  # fmt: skip
# The light HTML for e-mail (issue 10) draws its charts as inline SVG and has no script at all.
SVG_TAGS = {"svg", "title", "text", "tspan", "rect", "line", "path"}


class _Elements(HTMLParser):
    """Every start tag with its attributes, and the text inside each <script>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data


def assert_no_live_markup(page: str, light: bool = False) -> None:
    parsed = _Elements()
    parsed.feed(page)
    allowed = (OWN_TAGS - {"script"}) | SVG_TAGS if light else OWN_TAGS
    assert {tag for tag, _ in parsed.tags} <= allowed
    for tag, attrs in parsed.tags:
        for name, value in attrs:
            assert not name.startswith("on"), (tag, name)
            assert "javascript:" not in str(value), (tag, name)
            assert name not in {"href", "src"} or tag == "script", (tag, name)
    for script in parsed.scripts:  # plotly's own: the data sits in them as JSON strings
        assert "<img" not in script and "<script>alert" not in script
    assert "<img src=x" not in page and "<script>alert" not in page and "<b>AG" not in page


def evil_plan(name: str = EVIL):
    """Markup in every text of the plan: names of every level, notes, agencies, the GCM
    catalogue's labels, and every text of the progress log."""
    agencies = [*AGENCIES, (AGENCY, f"Agencia {IMG}", f"Agency {SCRIPT}", AGENCY, "Miembro")]
    products = [
        product("1.1.1-1", name, leads=["OIM"], partners=[AGENCY], start="2024-01-01",
                end="2024-12-31", gcm=[1, 2]),
        product("1.1.1-2", f"B {name}", leads=[AGENCY], start="2024-01-01", end="2024-12-31"),
        product("2.1.1-1", f"C {name}", leads=["OIT"], start="2024-03-01", end="2024-04-30",
                gcm_all=True),
    ]  # fmt: skip
    progress = [
        report("2024-04-10", "1.1.1-1", "En curso", 20, EVIL, f"OIM {IMG}", LINK),
        report("2024-05-05", "1.1.1-1", "En curso", 60, SCRIPT, "OIM", f"http://x/{IMG}"),
        report("2024-05-20", "2.1.1-1", "Retrasado", 30, IMG, SCRIPT, EVIL),
    ]
    plan = make_plan(products, progress, agencies=agencies)
    products_df = plan.products.assign(notes=EVIL, timeline_text=EVIL)
    levels = {
        t: getattr(plan, t).assign(name=lambda d: d["code"] + " " + EVIL)
        for t in ("objectives", "strategies", "activities")
    }
    gcm = plan.gcm.assign(label_plan=EVIL, label_es=f"ES {EVIL}", title_en=f"EN {EVIL}")
    return dataclasses.replace(plan, products=products_df, gcm=gcm, info=None, **levels)


@pytest.mark.parametrize("lang", ["es", "en"])
def test_markup_in_every_plan_text_is_text_in_the_report_html(lang):
    previous = evil_plan(name=f"Antes {SCRIPT}")  # changed names: markup before and after
    built = rp.build_report(evil_plan(), "2024-05", lang=lang, previous=previous)
    assert len(built.changes.changed_fields) and len(built.silent_agencies)
    page = rp.to_html(built)
    assert_no_live_markup(page)
    assert EVIL_ESCAPED in page  # the text itself is there, as text
    assert "&lt;b&gt;AG&lt;/b&gt;" in page  # the agency, in the silent agencies' table
    assert "[x](javascript:alert(1))" in page  # Markdown is not rendered either


@pytest.mark.parametrize("lang", ["es", "en"])
def test_markup_in_every_decision_text_is_text_in_the_minutes_html(lang):
    current = pd.DataFrame(
        {
            "decision_id": ["a", "b"],
            "revision": [1, 1],
            "meeting_date": pd.to_datetime(["2024-05-14", "2024-05-14"]),
            "kind": ["action", "decision"],
            "target_type": ["product", "strategy"],
            "target_code": [f"1.1.1-1{IMG}", "2.1"],
            "text": [EVIL, SCRIPT],
            "owner": [f"OIM {IMG}", AGENCY],
            "due_date": pd.to_datetime(["2024-06-30", None]),
            "status": ["open", "done"],
            "author": [SCRIPT, IMG],
            "created_at": pd.Timestamp("2024-05-14", tz="UTC"),
        }
    )
    names = {"2.1": f"Estrategia {EVIL}"}
    page = minutes.minutes_html(current, lang, dt.date(2024, 5, 14), names=names)
    assert_no_live_markup(page)
    assert EVIL_ESCAPED in page and "&lt;b&gt;AG&lt;/b&gt;" in page
    assert "1.1.1-1&lt;img src=x" in page

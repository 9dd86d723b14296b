"""The light HTML of the monthly report (issue 10): the same document as the self-contained one
with its charts drawn as inline SVG instead of Plotly, under 1 MB at network scale, for e-mail;
the same sections, tables and figures; no script; markup in the data stays text."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from test_output_markup import EVIL_ESCAPED, SVG_TAGS, evil_plan

from planmonitor.i18n import fmt_number, status_label, t
from planmonitor.output import report as rp
from planmonitor.output.report import light as light_charts
from planmonitor.reading.loader import load_default
from planmonitor.synth import make_network_plan

MB = 1_000_000
DOC_TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "div", "h1", "h2", "p",
    "section", "table", "thead", "tbody", "tr", "th", "td", "footer",
}  # fmt: skip


class _Document(HTMLParser):
    """The document's text and tags outside the chart boxes, and what the chart boxes hold."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.outside: list[tuple[str, str]] = []  # (tag or "text", value)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.charts: list[str] = []  # the text of each chart box
        self._depth = 0  # div depth inside a chart box (0: outside)
        self._tag = ""

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))
        if self._depth:
            self._depth += tag == "div"
        elif tag == "div" and ("class", "chart") in attrs:
            self._depth = 1
            self.charts.append("")
        else:
            self._tag = tag
            self.outside.append((tag, ""))

    def handle_endtag(self, tag):
        if self._depth and tag == "div":
            self._depth -= 1

    def handle_data(self, data):
        if self._depth:
            self.charts[-1] += data + "\n"
        elif data.strip() and self._tag not in {"script", "style"}:
            self.outside.append(("text", data.strip()))


def parse(page: str) -> _Document:
    doc = _Document()
    doc.feed(page)
    return doc


@pytest.fixture(scope="module")
def network_report():
    return rp.build_report(make_network_plan(2000, 50000), "2024-05")


@pytest.fixture(scope="module")
def default_report():
    plan = load_default().plan
    assert plan is not None
    return rp.build_report(plan, "2024-05")


def test_light_html_is_under_1_mb_at_network_scale(network_report):
    full = rp.to_html(network_report)
    light = rp.to_html(network_report, light=True)
    assert len(full.encode("utf-8")) > 4 * MB  # plotly.js inlined: the reason for the light one
    assert len(light.encode("utf-8")) < MB
    assert "<script" not in light and "newPlot" not in light  # no chart library
    loads = [(tag, n) for tag, attrs in parse(light).tags for n, _ in attrs if n in {"src", "href"}]
    assert loads == []  # nothing to fetch: the mail client needs no network either


@pytest.mark.parametrize("fixture", ["default_report", "network_report"])
def test_light_html_has_the_same_sections_tables_and_numbers(fixture, request):
    built = request.getfixturevalue(fixture)
    full, light = parse(rp.to_html(built)), parse(rp.to_html(built, light=True))
    note = t("report.light_note", built.lang)
    # Everything outside the charts is the same document; the meta line adds what this is.
    assert [(k, v.replace(f" · {note}", "")) for k, v in light.outside] == full.outside
    meta = [v for k, v in light.outside if k == "text" and note in v]
    assert len(meta) == 1 and meta[0].endswith(f"{t('report.language', built.lang)} · {note}")
    assert len(light.charts) == len(full.charts) == 4  # same charts, in the same sections
    status, completion, gantt, gcm = light.charts
    counts = built.status_counts
    for s, n in zip(counts["status"], counts["count"], strict=True):
        assert f"{status_label(s, built.lang)}\n{fmt_number(n, built.lang)}\n" in status
    for percent in built.completion["completion"]:
        assert f"{percent:.0f} %" in completion
    assert t("report.section.gcm", built.lang) in [v for k, v in light.outside if k == "text"]
    for number in built.gcm["number"]:
        assert re.search(rf"(?m)^{number}$", gcm), number  # every GCM tile, with its number
    figures = rp.html._figures(built)
    tiles = next(tr for tr in figures["gcm"][0][1].data if tr.mode and "text" in tr.mode)
    for text in tiles.text:  # each tile's words and counts, as the full report's chart has them
        assert "\n".join(light_charts._plain(text)) in gcm
    bars = figures["status"][0][1].data
    labels = {y for tr in bars if tr.type == "bar" and tr.y is not None for y in tr.y if y}
    assert labels and all(" ".join(light_charts._plain(y)) in gantt for y in labels)


def test_light_charts_are_svg_with_a_text_alternative(default_report):
    doc = parse(rp.to_html(default_report, light=True))
    svgs = [attrs for tag, attrs in doc.tags if tag == "svg"]
    assert len(svgs) == 4
    for attrs in svgs:
        a = dict(attrs)
        assert a["role"] == "img" and a["aria-label"]
    assert {tag for tag, _ in doc.tags} <= DOC_TAGS | SVG_TAGS


@pytest.mark.parametrize("lang", ["es", "en"])
def test_markup_in_every_plan_text_is_text_in_the_light_html(lang):
    previous = evil_plan(name="Antes <script>alert(1)</script>")
    built = rp.build_report(evil_plan(), "2024-05", lang=lang, previous=previous)
    page = rp.to_html(built, light=True)
    doc = parse(page)
    assert {tag for tag, _ in doc.tags} <= DOC_TAGS | SVG_TAGS  # no script, no img
    for tag, attrs in doc.tags:
        for name, value in attrs:
            assert not name.startswith("on"), (tag, name)
            assert "javascript:" not in str(value), (tag, name)
            assert name not in {"href", "src"}, (tag, name)
    assert "<img src=x" not in page and "<script>alert" not in page and "<b>AG" not in page
    assert EVIL_ESCAPED in page
    # The charts draw the data's text as text too (the product names on the timeline).
    assert any("<img src=x" in chart for chart in doc.charts)

"""Every page on a phone (390×844, issue 10): no horizontal scrolling of the page, every
heading, button, segmented control and metric inside the viewport, no two headings or metrics
on top of each other, and inside each chart no legend over the title and no two tile texts
on top of each other. Screenshots of each page go to a temporary folder (printed on failure).
"""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Page, expect
from test_dashboard import TIMEOUT, wait_idle

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]

PHONE = {"width": 390, "height": 844}
# A phone's browser says so in its User-Agent ("Mobile"): the rule ui.page.phone reads
PHONE_AGENT = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Mobile Safari/537.36"
)
PAGES = ("", "cronograma", "carga", "cobertura", "avance", "calidad", "cambios", "decisiones",
         "informe", "secretaria")  # fmt: skip

# What the page shows, measured in the browser. A box counts when it is rendered (width and
# height above 0, not hidden by an ancestor: offsetParent or fixed); 1 px of rounding allowed.
MEASURE = """() => {
  const W = window.innerWidth;
  const problems = [];
  const seen = el => {
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && el.closest(
      '[data-testid=stMain]') !== null && el.getClientRects().length > 0;
  };
  const name = el => (el.getAttribute('data-testid') || el.tagName.toLowerCase()) + ' «'
    + (el.innerText || el.textContent || '').trim().slice(0, 40).replace(/\\s+/g, ' ') + '»';
  const sw = document.scrollingElement.scrollWidth;
  if (sw > W + 1) problems.push(`page scrolls sideways: ${sw} > ${W}`);
  const main = document.querySelector('[data-testid=stMain]');
  const boxed = main.querySelectorAll(
    'h1, h2, h3, button, [data-testid=stButtonGroup], [data-testid=stMetric], '
    + '[data-testid=stPlotlyChart], [data-testid=stExpander], [data-testid=stPageLink]');
  for (const el of boxed) {
    if (!seen(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.left < -1 || r.right > W + 1)
      problems.push(`${name(el)} outside the viewport: ${Math.round(r.left)}..${Math.round(r.right)}`);
  }
  // a control whose own text is cut (its content wider than its box), or that a box
  // which clips (a row of options scrolling sideways) cuts
  for (const el of main.querySelectorAll('button')) {
    if (!seen(el)) continue;
    if (el.scrollWidth > el.clientWidth + 1)
      problems.push(`${name(el)} text cut: ${el.scrollWidth} > ${el.clientWidth}`);
    const r = el.getBoundingClientRect();
    for (let up = el.parentElement; up && up !== main; up = up.parentElement) {
      if (getComputedStyle(up).overflowX === 'visible') continue;
      const c = up.getBoundingClientRect();
      if (r.left < c.left - 1 || r.right > c.right + 1)
        problems.push(`${name(el)} cut by its row: ${Math.round(r.right)} > ${Math.round(c.right)}`);
      break;
    }
  }
  const texts = [...main.querySelectorAll('h1, h2, h3, [data-testid=stMetric]')].filter(seen);
  for (let i = 0; i < texts.length; i++) {
    for (let j = i + 1; j < texts.length; j++) {
      if (texts[i].contains(texts[j]) || texts[j].contains(texts[i])) continue;
      const a = texts[i].getBoundingClientRect(), b = texts[j].getBoundingClientRect();
      const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (w > 1 && h > 1) problems.push(`${name(texts[i])} overlaps ${name(texts[j])}`);
    }
  }
  // inside the charts: legend against title, tile/bar texts against each other, ticks cut
  const overlap = (a, b) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1
    && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
  main.querySelectorAll('.js-plotly-plot').forEach((plot, k) => {
    const title = plot.querySelector('.gtitle');
    const legend = plot.querySelector('.legend .bg') || plot.querySelector('.legend');
    const frame = plot.getBoundingClientRect();
    if (title && legend && title.textContent.trim()) {
      const t = title.getBoundingClientRect(), l = legend.getBoundingClientRect();
      if (overlap(t, l)) problems.push(`chart ${k}: legend over the title «${title.textContent.slice(0, 30)}»`);
    }
    if (title && title.textContent.trim()) {
      const t = title.getBoundingClientRect();
      if (t.left < frame.left - 1 || t.right > frame.right + 1)
        problems.push(`chart ${k}: title cut «${title.textContent.slice(0, 30)}»`);
    }
    const words = [...plot.querySelectorAll('.textpoint text, .ytick text')]
      .filter(el => el.textContent.trim()).map(el => [el, el.getBoundingClientRect()]);
    for (const [el, r] of words) {
      if (r.left < frame.left - 1 || r.right > frame.right + 1)
        problems.push(`chart ${k}: text cut «${el.textContent.slice(0, 30)}»`);
    }
    const points = words.filter(([el]) => el.closest('.textpoint'));
    for (let i = 0; i < points.length; i++)
      for (let j = i + 1; j < points.length; j++)
        if (overlap(points[i][1], points[j][1]))
          problems.push(`chart ${k}: «${points[i][0].textContent.slice(0, 20)}» overlaps «${points[j][0].textContent.slice(0, 20)}»`);
  });
  return problems;
}"""


def drawn(page: Page) -> None:
    expect(page.locator("[data-testid=stMain] h1").first).to_be_visible(timeout=TIMEOUT)
    wait_idle(page)
    charts = page.locator("[data-testid=stPlotlyChart]")
    for i in range(charts.count()):  # each chart drawn by plotly, not only its placeholder
        expect(charts.nth(i).locator(".main-svg").first).to_be_attached(timeout=TIMEOUT)


@pytest.fixture
def phone(browser):
    context = browser.new_context(
        viewport=PHONE,
        locale="es-PE",
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        user_agent=PHONE_AGENT,
    )
    pg = context.new_page()
    yield pg
    context.close()


@pytest.mark.parametrize("lang", ["es", "en"])
def test_every_page_is_readable_on_a_phone(server, phone, tmp_path, lang) -> None:
    found = {}
    for path in PAGES:
        phone.goto(f"{server.url}/{path}{'?lang=en' if lang == 'en' else ''}")
        drawn(phone)
        name = path or "resumen"
        phone.screenshot(path=str(tmp_path / f"{name}-{lang}.png"))
        charts = phone.get_by_test_id("stPlotlyChart")
        for i in range(charts.count()):  # the main pane scrolls, not the page: one per chart
            charts.nth(i).screenshot(path=str(tmp_path / f"{name}-{lang}-chart{i}.png"))
        found[name] = phone.evaluate(MEASURE)
    print(f"phone screenshots: {tmp_path}")
    (tmp_path / "problems.json").write_text(json.dumps(found, indent=1, ensure_ascii=False))
    assert {k: v for k, v in found.items() if v} == {}
    assert len(found) == len(PAGES)

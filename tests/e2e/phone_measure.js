() => {
  const W = window.innerWidth;
  const problems = [];
  const seen = el => {
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && el.closest(
      '[data-testid=stMain]') !== null && el.getClientRects().length > 0;
  };
  const name = el => (el.getAttribute('data-testid') || el.tagName.toLowerCase()) + ' «'
    + (el.innerText || el.textContent || '').trim().slice(0, 40).replace(/\s+/g, ' ') + '»';
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
    const words = [...plot.querySelectorAll('.textpoint text, .bartext, .ytick text')]
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
}

// Small SVG plots (sparkline, line chart, paired bars, heatmap) returned as markup strings.
// Every text that comes from data goes through escapeHtml.
import { rampRgb, rgbCss, divergingRgb } from './colors.js';

export function escapeHtml(s) {
  return String(s ?? '').replace(/[&<>"']/g, (c) => ({
    '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;',
  })[c]);
}

/** Polyline points for values [{x, y}] scaled into a w x h box (y in [0, yMax]). */
export function polylinePoints(values, w, h, xMax, yMax = 1, pad = 2) {
  const xm = Math.max(1, xMax);
  return values.map(({ x, y }) => {
    const px = pad + (x / xm) * (w - 2 * pad);
    const py = h - pad - (Math.min(yMax, Math.max(0, y)) / yMax) * (h - 2 * pad);
    return `${px.toFixed(1)},${py.toFixed(1)}`;
  }).join(' ');
}

export function sparkline(values, { width = 160, height = 36, xMax, marker } = {}) {
  const xm = xMax ?? Math.max(1, ...values.map((v) => v.x));
  const pts = polylinePoints(values, width, height, xm);
  const m = marker == null ? '' : (() => {
    const v = values.find((p) => p.x === marker);
    if (!v) return '';
    const [cx, cy] = polylinePoints([v], width, height, xm).split(',');
    return `<circle cx="${cx}" cy="${cy}" r="3" class="marker"/>`;
  })();
  return `<svg class="sparkline" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="top-1 probability across layers">`
    + `<rect width="${width}" height="${height}" class="plot-bg"/>`
    + `<polyline points="${pts}" class="line"/>${m}</svg>`;
}

/** Line chart of several series [{name, values:[{x,y}]}] with axes 0..xMax, 0..yMax. */
export function lineChart(series, { width = 360, height = 140, xMax, yMax = 1, xLabel = '', yLabel = '' } = {}) {
  const l = 34; const b = 22; const w = width - l - 8; const h = height - b - 8;
  const xm = xMax ?? Math.max(1, ...series.flatMap((s) => s.values.map((v) => v.x)));
  const lines = series.map((s, i) => `<polyline transform="translate(${l},8)" class="line series-${i}" points="${polylinePoints(s.values, w, h, xm, yMax)}"><title>${escapeHtml(s.name)}</title></polyline>`).join('');
  const legend = series.map((s, i) => `<text x="${l + 6}" y="${20 + 12 * i}" class="legend series-${i}">${escapeHtml(s.name)}</text>`).join('');
  return `<svg class="chart" width="${width}" height="${height}" role="img" aria-label="${escapeHtml(yLabel)} by ${escapeHtml(xLabel)}">`
    + `<rect x="${l}" y="8" width="${w}" height="${h}" class="plot-bg"/>`
    + `<text x="${l - 4}" y="14" class="axis" text-anchor="end">${yMax}</text>`
    + `<text x="${l - 4}" y="${8 + h}" class="axis" text-anchor="end">0</text>`
    + `<text x="${l}" y="${height - 6}" class="axis">0</text>`
    + `<text x="${l + w}" y="${height - 6}" class="axis" text-anchor="end">${xm}</text>`
    + `<text x="${l + w / 2}" y="${height - 6}" class="axis" text-anchor="middle">${escapeHtml(xLabel)}</text>`
    + `${lines}${legend}</svg>`;
}

/** Paired horizontal bars: rows [{label, a, b, aText, bText}] with values in [0, 1]. */
export function pairedBars(rows, { width = 420, aName = 'baseline', bName = 'ablated' } = {}) {
  const rowH = 30; const l = 130; const w = width - l - 60;
  const height = rows.length * rowH + 24;
  const body = rows.map((r, i) => {
    const y = 20 + i * rowH;
    const aw = Math.max(0, Math.min(1, r.a)) * w;
    const bw = Math.max(0, Math.min(1, r.b)) * w;
    return `<g class="bar-row"><text x="${l - 6}" y="${y + 14}" text-anchor="end" class="label">${escapeHtml(r.label)}</text>`
      + `<rect x="${l}" y="${y}" width="${aw.toFixed(1)}" height="11" class="bar-a"><title>${escapeHtml(aName)}: ${r.a.toFixed(3)} ${escapeHtml(r.aText ?? '')}</title></rect>`
      + `<rect x="${l}" y="${y + 13}" width="${bw.toFixed(1)}" height="11" class="bar-b"><title>${escapeHtml(bName)}: ${r.b.toFixed(3)} ${escapeHtml(r.bText ?? '')}</title></rect>`
      + `<text x="${l + aw + 4}" y="${y + 10}" class="value">${r.a.toFixed(2)}</text>`
      + `<text x="${l + bw + 4}" y="${y + 23}" class="value">${r.b.toFixed(2)}</text></g>`;
  }).join('');
  return `<svg class="chart bars" width="${width}" height="${height}" role="img" aria-label="${escapeHtml(aName)} versus ${escapeHtml(bName)}">`
    + `<rect x="${l}" y="4" width="10" height="10" class="bar-a"/><text x="${l + 14}" y="13" class="legend">${escapeHtml(aName)}</text>`
    + `<rect x="${l + 90}" y="4" width="10" height="10" class="bar-b"/><text x="${l + 104}" y="13" class="legend">${escapeHtml(bName)}</text>`
    + `${body}</svg>`;
}

/** Heatmap of rows x columns; cell(row, col) -> {value in [0, 1.5], text}. */
export function heatmap(rowNames, colNames, cell, { cellW = 70, cellH = 28 } = {}) {
  const l = 210; const t = 22;
  const width = l + colNames.length * cellW + 4;
  const height = t + rowNames.length * cellH + 4;
  let body = colNames.map((c, j) => `<text x="${l + j * cellW + cellW / 2}" y="14" text-anchor="middle" class="axis">${escapeHtml(c)}</text>`).join('');
  rowNames.forEach((r, i) => {
    body += `<text x="${l - 6}" y="${t + i * cellH + cellH / 2 + 4}" text-anchor="end" class="label">${escapeHtml(r)}</text>`;
    colNames.forEach((c, j) => {
      const v = cell(r, c);
      if (!v) return;
      const fill = rgbCss(divergingRgb(v.value - 1));
      body += `<g><rect x="${l + j * cellW}" y="${t + i * cellH}" width="${cellW - 2}" height="${cellH - 2}" fill="${fill}" class="heat-cell"><title>${escapeHtml(r)} × ${escapeHtml(c)}: ${escapeHtml(v.text)}</title></rect>`
        + `<text x="${l + j * cellW + cellW / 2}" y="${t + i * cellH + cellH / 2 + 3}" text-anchor="middle" class="heat-text">${escapeHtml(v.text)}</text></g>`;
    });
  });
  return `<svg class="chart heatmap" width="${width}" height="${height}" role="img" aria-label="knockout effect by edge set and window">${body}</svg>`;
}

/** A colour bar legend for the sequential ramp. */
export function rampLegend(label) {
  const stops = [0, 0.25, 0.5, 0.75, 1].map((v) => `<stop offset="${v * 100}%" stop-color="${rgbCss(rampRgb(v))}"/>`).join('');
  return `<svg width="160" height="26" role="img" aria-label="${escapeHtml(label)} colour scale"><defs><linearGradient id="ramp">${stops}</linearGradient></defs>`
    + `<rect x="0" y="0" width="160" height="10" fill="url(#ramp)"/><text x="0" y="22" class="axis">0</text><text x="160" y="22" class="axis" text-anchor="end">1</text>`
    + `<text x="80" y="22" class="axis" text-anchor="middle">${escapeHtml(label)}</text></svg>`;
}

/** Vertical list of horizontal bars with optional interval whiskers: [{label, value, lo, hi}]. */
export function intervalBars(bars, { width = 640, max } = {}) {
  const l = 260; const rowH = 20; const w = width - l - 50;
  const m = max ?? Math.max(1e-9, ...bars.map((b) => Math.max(b.value, b.hi ?? 0)));
  const x = (v) => l + (Math.max(0, v) / m) * w;
  const body = bars.map((b, i) => {
    const y = 6 + i * rowH;
    const whisker = b.lo !== null && b.hi !== null
      ? `<line x1="${x(b.lo)}" x2="${x(b.hi)}" y1="${y + 7}" y2="${y + 7}" class="whisker"/>` : '';
    return `<text x="${l - 6}" y="${y + 11}" text-anchor="end" class="label">${escapeHtml(b.label)}</text>`
      + `<rect x="${l}" y="${y + 2}" width="${(x(b.value) - l).toFixed(1)}" height="10" class="bar-a"/>${whisker}`
      + `<text x="${x(Math.max(b.value, b.hi ?? b.value)) + 4}" y="${y + 11}" class="value">${Number(b.value).toFixed(3)}</text>`;
  }).join('');
  return `<svg class="chart" width="${width}" height="${bars.length * rowH + 12}" role="img" aria-label="aggregate bars">${body}</svg>`;
}

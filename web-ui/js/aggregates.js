// Experiment aggregates (from lenscast.aggregates.v1) as table rows, CSV and JSON. Pure.

function flatten(obj, prefix = '', out = {}) {
  for (const [k, v] of Object.entries(obj ?? {})) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) flatten(v, key, out);
    else out[key] = Array.isArray(v) ? v.join(' ') : v;
  }
  return out;
}

/**
 * Rows of one aggregate value: its `rows` (or `metrics`) array when it has one, one row per
 * entry of an object of objects, otherwise the whole value flattened into one row. Each row
 * carries the aggregate's key (experiment or tag).
 */
export function aggregateRows(key, value) {
  let rows;
  if (Array.isArray(value)) rows = value;
  else if (Array.isArray(value?.rows)) rows = value.rows;
  else if (Array.isArray(value?.metrics)) rows = value.metrics;
  else rows = [value];
  const scalars = {};
  if (value && typeof value === 'object' && !Array.isArray(value) && rows !== value && rows[0] !== value) {
    for (const [k, v] of Object.entries(value)) {
      if (!HIDDEN.has(k) && (v === null || typeof v !== 'object')) scalars[k] = v;
    }
  }
  return rows.map((r) => ({ key, ...scalars, ...flatten(r) }));
}

const HIDDEN = new Set(['schema', 'version', 'updatedAtMs']);

/** Columns whose values are all numbers (and at least one is present): what can be plotted. */
export function numericColumns(rows) {
  return columns(rows).filter((c) => rows.some((r) => typeof r[c] === 'number')
    && rows.every((r) => r[c] === undefined || r[c] === null || typeof r[c] === 'number'));
}

/**
 * Bars of one numeric column: a label per row from its text columns, the value, and an interval
 * when the row has `<column>Lo`/`<column>Hi` (or `ciLow`/`ciHigh`) beside it.
 */
export function barSeries(rows, column) {
  const textCols = columns(rows).filter((c) => c !== 'key' && rows.every((r) => r[c] === undefined || typeof r[c] === 'string'));
  return rows.filter((r) => typeof r[column] === 'number').map((r) => ({
    label: [r.key, ...textCols.map((c) => r[c])].filter((v) => v !== undefined && v !== '').join(' · '),
    value: r[column],
    lo: r[`${column}Lo`] ?? r[`${column}.lo`] ?? r.ciLow ?? null,
    hi: r[`${column}Hi`] ?? r[`${column}.hi`] ?? r.ciHigh ?? null,
  }));
}

/** Union of the rows' columns, in first-seen order. */
export function columns(rows) {
  const cols = [];
  for (const r of rows) for (const k of Object.keys(r)) if (!cols.includes(k)) cols.push(k);
  return cols;
}

function csvCell(v) {
  if (v === undefined || v === null) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** RFC 4180 CSV with a header row. */
export function toCsv(rows) {
  const cols = columns(rows);
  const lines = [cols.map(csvCell).join(',')];
  for (const r of rows) lines.push(cols.map((c) => csvCell(r[c])).join(','));
  return lines.join('\r\n') + '\r\n';
}

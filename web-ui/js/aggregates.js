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
  return rows.map((r) => ({ key, ...flatten(r) }));
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

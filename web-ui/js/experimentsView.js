// The experiments dialog: aggregates per experiment/tag as a table, live, with CSV/JSON download.
import { aggregateRows, columns, toCsv, numericColumns, barSeries } from './aggregates.js';
import { escapeHtml, intervalBars } from './plots.js';

const $ = (id) => document.getElementById(id);

export class ExperimentsView {
  constructor() {
    this.values = new Map();
    $('show-experiments').addEventListener('click', () => { this.render(); $('experiments').showModal(); });
    $('close-experiments').addEventListener('click', () => $('experiments').close());
    $('aggregate-column').addEventListener('change', () => this.render());
  }

  set(key, value) {
    this.values.set(key, value);
    if ($('experiments').open) this.render();
  }

  rows() {
    return [...this.values.entries()].flatMap(([k, v]) => aggregateRows(k, v));
  }

  render() {
    const rows = this.rows();
    $('aggregates-empty').hidden = rows.length > 0;
    const cols = columns(rows);
    const fmt = (v) => (typeof v === 'number' && !Number.isInteger(v) ? v.toFixed(3) : v ?? '');
    $('aggregates-table').innerHTML = rows.length
      ? `<thead><tr>${cols.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr></thead><tbody>`
        + rows.map((r) => `<tr>${cols.map((c) => `<td>${escapeHtml(fmt(r[c]))}</td>`).join('')}</tr>`).join('') + '</tbody>'
      : '';
    const numeric = numericColumns(rows);
    const select = $('aggregate-column');
    const chosen = numeric.includes(select.value) ? select.value : numeric.find((c) => c !== 'jobs') ?? numeric[0] ?? '';
    select.innerHTML = numeric.map((c) => `<option${c === chosen ? ' selected' : ''}>${escapeHtml(c)}</option>`).join('');
    $('aggregate-plot').innerHTML = chosen ? intervalBars(barSeries(rows, chosen)) : '';
    const csv = $('download-csv');
    const json = $('download-json');
    if (csv.href.startsWith('blob:')) URL.revokeObjectURL(csv.href);
    if (json.href.startsWith('blob:')) URL.revokeObjectURL(json.href);
    csv.href = URL.createObjectURL(new Blob([toCsv(rows)], { type: 'text/csv' }));
    json.href = URL.createObjectURL(new Blob([JSON.stringify(Object.fromEntries(this.values), null, 2)], { type: 'application/json' }));
  }
}

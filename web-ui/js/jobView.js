// The open job: layer evolution (grid, slider, play), patch details, last-position top-k,
// word search, objects, ablations, knockout, result. Folds events via jobState, paints per frame.
import {
  applyEvent, createJobState, receivedLayers, nearestLayer, top1, measureValues, searchCells,
  cellTopK, lastTopK, top1Series, classShareByLayer, ablationBars, knockoutMatrix,
  searchCountsByLayer, cellCount, wantsLens,
} from './jobState.js';
import { boxOnCrop, cellsUnderBox, parseCellsCondition, positionsToCells, rowCol } from './grid.js';
import { LayerView } from './layerView.js';
import { displayToken } from './tokens.js';
import { escapeHtml, sparkline, lineChart, pairedBars, heatmap, rampLegend } from './plots.js';

const $ = (id) => document.getElementById(id);
const CROP = 336;
const MAX_LATENCY_SAMPLES = 5000;

export class JobView {
  constructor({ metrics }) {
    this.metrics = metrics;
    this.state = null;
    this.crop = null;
    this.layer = 0;
    this.follow = true;
    this.focusedCell = null;
    this.playing = null;
    this.dirty = false;
    this.pendingLayerEvents = [];
    this.view = new LayerView($('stage'), { onFocusCell: (i) => { this.focusedCell = i; this.renderPatch(); } });
    $('layer-slider').addEventListener('input', (e) => {
      this.layer = Number(e.target.value);
      this.follow = this.layer >= Math.max(...receivedLayers(this.state), 0);
      this.schedule();
    });
    $('play').addEventListener('click', () => this.togglePlay());
    for (const id of ['measure', 'measure-word', 'search', 'ablation-condition']) {
      for (const type of ['input', 'change']) {
        $(id).addEventListener(type, () => { this.schedule(); this.renderCurvesSoon(); });
      }
    }
    document.addEventListener('keydown', (e) => {
      if (!this.state || e.target.matches('input, textarea, select')) return;
      if (e.key === '[' || e.key === ']') {
        this.step(e.key === ']' ? 1 : -1);
        e.preventDefault();
      } else if (e.key === 'p') {
        this.togglePlay();
      }
    });
  }

  get jobId() {
    return this.state?.jobId ?? null;
  }

  open(jobId) {
    this.stopPlay();
    this.state = createJobState(jobId);
    this.crop = null;
    this.layer = 0;
    this.follow = true;
    this.focusedCell = null;
    $('job-empty').hidden = true;
    $('job-open').hidden = false;
    $('job-title').textContent = `Job ${jobId.slice(0, 8)}`;
    $('job-title').title = jobId;
    this.view.build(this.state.grid);
    this.view.setImage(null);
    this.view.drawObjects([], CROP);
    $('search').value = '';
    this.renderAll();
  }

  close() {
    this.stopPlay();
    this.state = null;
    $('job-open').hidden = true;
    $('job-empty').hidden = false;
  }

  /** Details from GET /api/jobs/{id}: the summary row and the crop geometry. */
  setDetails(details) {
    if (!this.state || details.job?.jobId !== this.state.jobId) return;
    if (details.crop) this.setCrop(details.crop);
    this.row = details.job;
    this.renderHeader();
  }

  setCrop(crop) {
    this.crop = crop;
    this.view.setImage(crop.url);
    $('stage').classList.toggle('has-image', true);
    this.renderObjects();
  }

  setRow(row) {
    if (!this.state || row.jobId !== this.state.jobId) return;
    this.row = row;
    this.renderHeader();
  }

  /** One event of the open job (live or replayed). */
  onEvent(event) {
    if (!this.state) return;
    const receivedAtMs = performance.timeOrigin + performance.now();
    const what = applyEvent(this.state, event);
    if (!what) return;
    if (what === 'layer') {
      this.view.build(this.state.grid);
      if (this.follow || receivedLayers(this.state).length === 1) this.layer = event.layer;
      if (event.emittedAtMs) this.pendingLayerEvents.push({ layer: event.layer, emittedAtMs: event.emittedAtMs, receivedAtMs });
      this.schedule();
      this.renderSlider();
      this.addLastTopKRow(event.layer);
      this.renderCurvesSoon();
    } else if (what === 'job') {
      this.renderHeader();
      this.renderSlider();
      this.renderObjects();
    } else if (what === 'status' || what === 'result') {
      this.renderHeader();
      this.renderSlider();
      if (what === 'result') this.renderResult();
    } else if (what === 'ablation') {
      this.renderAblations();
      this.schedule();
    } else if (what === 'knockout') {
      this.renderKnockouts();
    }
  }

  schedule() {
    if (this.dirty) return;
    this.dirty = true;
    requestAnimationFrame(() => this.paint());
  }

  renderCurvesSoon() {
    if (this.curvesTimer) return;
    this.curvesTimer = setTimeout(() => { this.curvesTimer = null; this.renderCurves(); }, 150);
  }

  paint() {
    this.dirty = false;
    if (!this.state) return;
    const shown = nearestLayer(this.state, this.layer);
    $('layer-label').textContent = shown ?? '–';
    const slider = $('layer-slider');
    if (shown !== null && Number(slider.value) !== shown) slider.value = String(shown);
    if (shown !== null) {
      const measure = $('measure').value;
      const word = $('measure-word').value.trim() || this.className() || '';
      const { tokens } = top1(this.state, shown);
      const values = measureValues(this.state, shown, measure, word);
      const query = $('search').value.trim();
      const hits = query ? searchCells(this.state, shown, query) : null;
      $('search-count').textContent = query ? `${hits.size} patches at layer ${shown}` : '';
      this.view.paint({
        tokens, values, boolean: measure === 'class', search: hits,
        object: this.objectCells(), ablated: this.ablatedCells(),
      });
      const legend = measure === 'class'
        ? '<span class="chip yes">top-1 = class</span> <span class="chip no">other</span>'
        : rampLegend(measure === 'word' ? `p(${word || '…'})` : 'top-1 probability');
      if (legend !== this.legend) {
        this.legend = legend;
        $('legend').innerHTML = legend;
      }
    }
    this.renderPatch();
    this.renderLastTopKHighlight(shown);
    const paintedAtMs = performance.timeOrigin + performance.now();
    // a layer counts as painted by the first frame showing it or a later layer (live view)
    const reached = shown ?? -1;
    for (const p of this.pendingLayerEvents) {
      if (p.layer <= reached) {
        this.metrics.layerLatency.push({ ...p, jobId: this.state.jobId, paintedAtMs, shown });
      }
    }
    // the newest samples only: a page left open for days must not grow without bound
    if (this.metrics.layerLatency.length > MAX_LATENCY_SAMPLES) {
      this.metrics.layerLatency.splice(0, this.metrics.layerLatency.length - MAX_LATENCY_SAMPLES);
    }
    this.pendingLayerEvents = this.pendingLayerEvents.filter((p) => p.layer > reached);
  }

  step(delta) {
    const layers = receivedLayers(this.state);
    if (layers.length === 0) return;
    const shown = nearestLayer(this.state, this.layer);
    const i = layers.indexOf(shown);
    const next = layers[Math.max(0, Math.min(layers.length - 1, i + delta))];
    this.layer = next;
    this.follow = next === layers[layers.length - 1];
    this.schedule();
  }

  togglePlay() {
    if (this.playing) this.stopPlay();
    else this.startPlay();
  }

  startPlay(intervalMs = 300) {
    if (!this.state) return;
    const layers = receivedLayers(this.state);
    if (layers.length === 0) return;
    if (nearestLayer(this.state, this.layer) === layers[layers.length - 1]) this.layer = layers[0];
    $('play').textContent = '❚❚';
    $('play').setAttribute('aria-label', 'pause');
    this.playing = setInterval(() => {
      const ls = receivedLayers(this.state);
      const shown = nearestLayer(this.state, this.layer);
      if (shown === ls[ls.length - 1]) {
        this.stopPlay();
        return;
      }
      this.step(1);
    }, intervalMs);
    this.schedule();
  }

  stopPlay() {
    if (this.playing) clearInterval(this.playing);
    this.playing = null;
    $('play').textContent = '▶';
    $('play').setAttribute('aria-label', 'play layers');
  }

  className() {
    const job = this.state?.job;
    return job?.class || job?.objects?.[0]?.label || '';
  }

  objectBoxes() {
    const objects = this.state?.job?.objects || [];
    if (!this.crop) return [];
    return objects.filter((o) => Array.isArray(o.bbox))
      .map((o) => ({ ...boxOnCrop(o.bbox, this.crop), label: o.label }));
  }

  objectCells() {
    const buffer = this.state?.job?.analyses?.ablation?.buffer ?? 1;
    const cells = new Set();
    for (const box of this.objectBoxes()) {
      for (const c of cellsUnderBox(box, this.state.grid, CROP, buffer)) cells.add(c);
    }
    return cells;
  }

  ablatedCells() {
    const condition = $('ablation-condition').value;
    const a = condition && this.state.ablations.get(condition);
    if (!a) return null;
    const explicit = Array.isArray(a.cells) ? a.cells : parseCellsCondition(a.condition);
    return new Set(explicit ?? positionsToCells(a.positions, this.state.imageStart, cellCount(this.state)));
  }

  renderAll() {
    this.renderHeader();
    this.renderSlider();
    this.renderLastTopK();
    this.renderAblations();
    this.renderKnockouts();
    this.renderResult();
    this.renderCurves();
    this.schedule();
  }

  renderHeader() {
    if (!this.state) return;
    const status = this.state.status;
    const state = status?.state ?? this.row?.state ?? 'submitted';
    const el = $('job-state');
    el.textContent = state;
    el.className = `state ${state}`;
    const job = this.state.job;
    const ask = job?.prompt ? job.prompt.replace(/\s+/g, ' ') : job?.task ? `task: ${job.task}${job.class ? ` (${job.class})` : ''}` : '';
    $('job-subtitle').textContent = [job?.image?.name, ask, job?.experiment && `experiment ${job.experiment}`, job?.tag && `tag ${job.tag}`]
      .filter(Boolean).join(' · ');
    const error = status?.error ?? (this.row?.errorMessage ? { code: this.row.errorCode, message: this.row.errorMessage } : null);
    const errEl = $('job-error');
    if (state === 'failed') {
      errEl.hidden = false;
      errEl.textContent = `Failed${error?.code ? ` (${error.code})` : ''}: ${error?.message ?? 'no reason given'}`;
    } else {
      errEl.hidden = true;
    }
  }

  renderSlider() {
    if (!this.state) return;
    const total = this.state.numLayers;
    const received = this.state.layers.size;
    const slider = $('layer-slider');
    slider.max = String(Math.max(0, (total || received) - 1));
    slider.disabled = received === 0;
    $('layer-count').textContent = this.state.job && !wantsLens(this.state.job)
      ? 'none: this job did not ask for the logit lens'
      : `${received} / ${total || '?'}`;
  }

  renderPatch() {
    const body = $('patch-topk').tBodies[0];
    if (!this.state || this.focusedCell === null) {
      $('patch-name').textContent = '– (hover or focus a patch)';
      body.innerHTML = '';
      $('patch-sparkline').innerHTML = '';
      return;
    }
    const shown = nearestLayer(this.state, this.layer);
    const cell = this.focusedCell;
    const { row, col } = rowCol(cell, this.state.grid[1]);
    $('patch-name').textContent = `#${cell} (row ${row}, col ${col}) at layer ${shown ?? '–'}`;
    body.innerHTML = cellTopK(this.state, shown, cell)
      .map((t) => `<tr><td>${escapeHtml(displayToken(t.token))}</td><td class="num">${t.prob.toFixed(3)}</td>`
        + `<td><span class="pbar" style="width:${Math.round(t.prob * 80)}px"></span></td></tr>`).join('');
    const series = top1Series(this.state, cell).map((p) => ({ x: p.layer, y: p.prob }));
    $('patch-sparkline').innerHTML = series.length
      ? `<div class="muted">top-1 probability by layer</div>${sparkline(series, { xMax: Math.max(1, this.state.numLayers - 1), marker: shown })}`
      : '';
  }

  lastTopKRow(layer) {
    const top = lastTopK(this.state, layer);
    return `<tr data-layer="${layer}"><th>${layer}</th>${top.map((t) => `<td title="${escapeHtml(displayToken(t.token))} ${t.prob.toFixed(3)}">${escapeHtml(displayToken(t.token))} <span class="muted">${t.prob.toFixed(2)}</span></td>`).join('')}</tr>`;
  }

  renderLastTopK() {
    if (!this.state) return;
    $('last-topk').tBodies[0].innerHTML = receivedLayers(this.state).map((l) => this.lastTopKRow(l)).join('');
    this.renderLastTopKHighlight(nearestLayer(this.state, this.layer));
  }

  /** Inserts one layer's row in layer order (layers usually arrive in order: an append). */
  addLastTopKRow(layer) {
    const body = $('last-topk').tBodies[0];
    const next = [...body.rows].find((r) => Number(r.dataset.layer) > layer);
    const tmp = document.createElement('tbody');
    tmp.innerHTML = this.lastTopKRow(layer);
    body.insertBefore(tmp.firstElementChild, next ?? null);
  }

  renderLastTopKHighlight(layer) {
    const table = $('last-topk');
    const prev = table.querySelector('tr.current');
    if (prev && Number(prev.dataset.layer) === layer) return;
    prev?.classList.remove('current');
    table.querySelector(`tr[data-layer="${layer}"]`)?.classList.add('current');
  }

  renderObjects() {
    if (!this.state) return;
    this.view.drawObjects(this.objectBoxes(), CROP);
    this.renderCurves();
    this.schedule();
  }

  renderCurves() {
    if (!this.state) return;
    const cells = [...this.objectCells()];
    const cls = this.className();
    const share = classShareByLayer(this.state, cells, cls);
    $('objects-panel').hidden = share.length === 0;
    if (share.length) {
      $('class-share').innerHTML = lineChart([{ name: `share decoding to "${cls}"`, values: share.map((s) => ({ x: s.layer, y: s.share })) }],
        { xMax: Math.max(1, this.state.numLayers - 1), xLabel: 'layer', yLabel: 'share' });
    }
    const query = $('search').value.trim();
    $('search-panel').hidden = !query;
    if (query) {
      const counts = searchCountsByLayer(this.state, query);
      const n = cellCount(this.state);
      $('search-word').textContent = `"${query}"`;
      $('search-curve').innerHTML = lineChart([{ name: `share of patches with "${query}"`, values: counts.map((c) => ({ x: c.layer, y: c.count / n })) }],
        { xMax: Math.max(1, this.state.numLayers - 1), xLabel: 'layer', yLabel: 'share' });
    }
  }

  renderAblations() {
    if (!this.state) return;
    const bars = ablationBars(this.state);
    $('ablation-panel').hidden = bars.length === 0;
    const select = $('ablation-condition');
    const current = select.value;
    select.innerHTML = '<option value="">(none)</option>' + bars.map((b) => `<option>${escapeHtml(b.condition)}</option>`).join('');
    select.value = bars.some((b) => b.condition === current) ? current : '';
    $('ablation-bars').innerHTML = bars.length ? pairedBars(bars.map((b) => ({
      label: b.condition, a: b.baseline, b: b.ablated,
      aText: `"${b.baselineAnswer}"${b.baselineCorrect === null ? '' : b.baselineCorrect ? ' ✓' : ' ✗'}`,
      bText: `"${b.ablatedAnswer}"${b.ablatedCorrect === null ? '' : b.ablatedCorrect ? ' ✓' : ' ✗'}`,
    }))) : '';
  }

  renderKnockouts() {
    if (!this.state) return;
    const m = knockoutMatrix(this.state);
    $('knockout-panel').hidden = m.edgeSets.length === 0;
    $('knockout-heatmap').innerHTML = m.edgeSets.length ? heatmap(m.edgeSets, m.windows, (r, c) => {
      const v = m.values.get(`${r}|${c}`);
      return v ? { value: v.ratio, text: `${v.ratio.toFixed(2)}${v.changed ? ' *' : ''}` } : null;
    }) + '<p class="muted">1.00 = no effect; * = the answer changed.</p>' : '';
  }

  renderResult() {
    const r = this.state?.result;
    $('result-panel').hidden = !r;
    if (!r) return;
    const timings = Object.entries(r.timings || {}).map(([k, v]) => `${escapeHtml(k)} ${Number(v).toFixed(0)} ms`).join(', ');
    const model = r.model ? [r.model.name, r.model.dtype, r.model.device].filter(Boolean).join(' · ') : '';
    $('result').innerHTML = `<p>${r.generated?.text ? `Generated: <q>${escapeHtml(r.generated.text)}</q>` : ''}</p>`
      + `<p class="muted">${escapeHtml(model)}</p><p class="muted">${timings}</p>`;
  }
}

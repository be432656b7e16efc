// Folds a job's events (as they arrive, in any order, with duplicates) into what the views need.
// Pure: no DOM. One JobState per open job.
import { normalizeWord } from './tokens.js';

export function createJobState(jobId) {
  return {
    jobId,
    job: null,          // the lenscast.job event (without image bytes)
    status: null,       // latest lenscast.status
    result: null,       // lenscast.result
    numLayers: 0,
    grid: [24, 24],
    imageStart: 0,
    layers: new Map(),  // layer -> LayerEntry (see layerEntry)
    ablations: new Map(),  // condition -> ablation event
    knockouts: new Map(),  // `${edgeSet}|${window}` -> knockout event
  };
}

/**
 * One layer's lens, flat: `words` holds each distinct top-k word once; `top[r * k + j]` is the
 * index into `words` of row r's j-th entry (-1 where the row is short) and `p[r * k + j]` its
 * probability; rows follow `positions` (the visual cells, then the last position).
 */
function layerEntry({ positions, k, words, top, p, emittedAtMs }) {
  return { positions: positions || [], rows: k ? Math.floor(top.length / k) : 0, k, words, top, p, emittedAtMs: emittedAtMs ?? null, norm: null };
}

/** A full lenscast.layer event's top-k ([rows][k] arrays) as a flat entry. */
function entryFromEvent(event) {
  const tokens = event.topk?.tokens || [];
  const probs = event.topk?.probs || [];
  const k = tokens.reduce((m, row) => Math.max(m, row?.length ?? 0), 0);
  const index = new Map();
  const words = [];
  const top = new Int32Array(tokens.length * k).fill(-1);
  const p = new Float64Array(tokens.length * k);
  tokens.forEach((row, r) => (row || []).forEach((word, j) => {
    if (word == null) return;
    let i = index.get(word);
    if (i === undefined) {
      i = words.length;
      words.push(word);
      index.set(word, i);
    }
    top[r * k + j] = i;
    p[r * k + j] = probs[r]?.[j] ?? 0;
  }));
  return layerEntry({ positions: event.positions, k, words, top, p, emittedAtMs: event.emittedAtMs });
}

/** A compact layer frame from the dashboard (`"type": "layer"`, see CompactLayerFrame). */
function entryFromCompact(frame) {
  const scale = frame.pScale || 1;
  return layerEntry({
    positions: frame.positions, k: frame.k, words: frame.words || [], top: frame.top || [],
    p: Float64Array.from(frame.p || [], (v) => v / scale), emittedAtMs: frame.emittedAtMs,
  });
}

/**
 * Whether a job gets the logit lens (as the worker decides): when its analyses ask for it, or ask
 * for nothing in particular. Unknown (the job event not seen yet) counts as a lens job.
 */
export function wantsLens(job) {
  const a = job?.analyses;
  return !a || Boolean(a.logitLens) || (!a.ablation && !a.knockout && !a.generate);
}

function isLayer(event) {
  return event.schema === 'lenscast.layer' || (!event.schema && event.type === 'layer');
}

/** Applies one event; returns what changed: 'job' | 'layer' | 'ablation' | ... | null. */
export function applyEvent(state, event) {
  if (!event || event.jobId !== state.jobId) return null;
  if (isLayer(event)) {
    if (state.layers.has(event.layer)) return null;
    state.numLayers = Math.max(state.numLayers, event.numLayers || 0);
    if (Array.isArray(event.grid) && event.grid.length === 2) state.grid = event.grid;
    state.imageStart = event.imageStart ?? state.imageStart;
    state.layers.set(event.layer, event.schema ? entryFromEvent(event) : entryFromCompact(event));
    return 'layer';
  }
  switch (event.schema) {
    case 'lenscast.job':
      state.job = event;
      return 'job';
    case 'lenscast.ablation':
      if (state.ablations.has(event.condition)) return null;
      state.ablations.set(event.condition, event);
      return 'ablation';
    case 'lenscast.knockout': {
      const key = `${event.edgeSet}|${event.window}`;
      if (state.knockouts.has(key)) return null;
      state.knockouts.set(key, event);
      return 'knockout';
    }
    case 'lenscast.result':
      state.result = event;
      return 'result';
    case 'lenscast.status': {
      const terminal = (s) => s === 'completed' || s === 'failed';
      if (state.status && terminal(state.status.state) && !terminal(event.state)) return null;
      state.status = event;
      // progress counts layers on lens jobs, runs (baseline, conditions, ...) on the others
      if (event.progress && event.progress.total && wantsLens(state.job)) {
        state.numLayers = Math.max(state.numLayers, event.progress.total);
      }
      return 'status';
    }
    default:
      return null;
  }
}

export function cellCount(state) {
  return state.grid[0] * state.grid[1];
}

/** Layers received so far, ascending. */
export function receivedLayers(state) {
  return [...state.layers.keys()].sort((a, b) => a - b);
}

/** The received layer nearest to `wanted` at or below it (or the lowest received). */
export function nearestLayer(state, wanted) {
  const layers = receivedLayers(state);
  if (layers.length === 0) return null;
  let best = layers[0];
  for (const l of layers) if (l <= wanted) best = l;
  return best;
}

/** The word of row r's j-th entry, or undefined. */
function wordAt(entry, r, j) {
  const i = entry.top[r * entry.k + j];
  return i >= 0 ? entry.words[i] : undefined;
}

/** The normalised form of each of the entry's words (computed once per layer). */
function normalized(entry) {
  if (!entry.norm) entry.norm = entry.words.map(normalizeWord);
  return entry.norm;
}

/** Whether row r's j-th entry is the (normalised) word w. */
function isWord(entry, r, j, w) {
  const i = entry.top[r * entry.k + j];
  return i >= 0 && normalized(entry)[i] === w;
}

/** Top-1 token and probability of each grid cell at a layer (visual positions only). */
export function top1(state, layer) {
  const entry = state.layers.get(layer);
  const n = cellCount(state);
  const tokens = new Array(n).fill('');
  const probs = new Float32Array(n);
  if (!entry) return { tokens, probs };
  for (let c = 0; c < n && c < entry.rows; c++) {
    tokens[c] = wordAt(entry, c, 0) ?? '';
    probs[c] = entry.p[c * entry.k] ?? 0;
  }
  return { tokens, probs };
}

/** Top-k of one row of a layer: [{token, prob}]. */
function rowTopK(entry, r) {
  const out = [];
  for (let j = 0; j < entry.k; j++) {
    const token = wordAt(entry, r, j);
    if (token !== undefined) out.push({ token, prob: entry.p[r * entry.k + j] });
  }
  return out;
}

/** Top-k of one grid cell at a layer: [{token, prob}]. */
export function cellTopK(state, layer, cell) {
  const entry = state.layers.get(layer);
  if (!entry || cell >= entry.rows) return [];
  return rowTopK(entry, cell);
}

/** Top-k of the last position (the row after the visual block) at a layer. */
export function lastTopK(state, layer) {
  const entry = state.layers.get(layer);
  if (!entry || entry.rows <= cellCount(state)) return [];
  return rowTopK(entry, entry.rows - 1);
}

/** Probability of `word` in a cell's top-k (0 when absent). */
function wordProb(entry, cell, word) {
  for (let j = 0; j < entry.k; j++) {
    if (isWord(entry, cell, j, word)) return entry.p[cell * entry.k + j];
  }
  return 0;
}

/**
 * Per-cell value in [0, 1] of a measure at a layer:
 * 'top1' -> top-1 probability; 'word' -> probability of `word` (within the top-k);
 * 'class' -> 1 when the top-1 is the object class `word`, else 0.
 */
export function measureValues(state, layer, measure, word = '') {
  const entry = state.layers.get(layer);
  const n = cellCount(state);
  const out = new Float32Array(n);
  if (!entry) return out;
  const w = normalizeWord(word);
  for (let c = 0; c < n && c < entry.rows; c++) {
    if (measure === 'word') out[c] = w ? wordProb(entry, c, w) : 0;
    else if (measure === 'class') out[c] = w && isWord(entry, c, 0, w) ? 1 : 0;
    else out[c] = entry.p[c * entry.k] ?? 0;
  }
  return out;
}

/** Cells whose top-k at a layer contains `word` (normalised match). */
export function searchCells(state, layer, word) {
  const w = normalizeWord(word);
  const entry = state.layers.get(layer);
  const hits = new Set();
  if (!w || !entry) return hits;
  const n = cellCount(state);
  for (let c = 0; c < n && c < entry.rows; c++) {
    for (let j = 0; j < entry.k; j++) {
      if (isWord(entry, c, j, w)) {
        hits.add(c);
        break;
      }
    }
  }
  return hits;
}

/** How many cells contain `word` in their top-k, per received layer: [{layer, count}]. */
export function searchCountsByLayer(state, word) {
  return receivedLayers(state).map((layer) => ({ layer, count: searchCells(state, layer, word).size }));
}

/** Top-1 probability of one cell across the received layers: [{layer, prob}]. */
export function top1Series(state, cell) {
  return receivedLayers(state).map((layer) => {
    const entry = state.layers.get(layer);
    return { layer, prob: cell < entry.rows ? entry.p[cell * entry.k] : 0 };
  });
}

/**
 * Share of the given object cells whose top-1 decodes to the class, per received layer:
 * [{layer, share}] (the paper's per-layer object-token decoding curve).
 */
export function classShareByLayer(state, cells, className) {
  const w = normalizeWord(className);
  if (!w || cells.length === 0) return [];
  return receivedLayers(state).map((layer) => {
    const entry = state.layers.get(layer);
    let hits = 0;
    for (const c of cells) if (c < entry.rows && isWord(entry, c, 0, w)) hits++;
    return { layer, share: hits / cells.length };
  });
}

/** Ablation bars: per condition, baseline vs ablated probability of the answer (or correct class). */
export function ablationBars(state) {
  return [...state.ablations.values()].map((a) => {
    const pick = (o) => (o ? (o.correctProb ?? o.prob ?? 0) : 0);
    return {
      condition: a.condition,
      baseline: pick(a.baseline),
      ablated: pick(a.ablated),
      baselineAnswer: a.baseline?.answer ?? '',
      ablatedAnswer: a.ablated?.answer ?? '',
      baselineCorrect: a.baseline?.correct ?? null,
      ablatedCorrect: a.ablated?.correct ?? null,
      positions: a.positions || [],
      cells: a.cells || null,
    };
  });
}

/**
 * Knockout heatmap: rows = edge sets, columns = windows, value = knocked / baseline probability
 * of the answer (or correct class), so 1 means no effect.
 */
export function knockoutMatrix(state) {
  const edgeSets = [];
  const windows = [];
  const values = new Map();
  for (const k of state.knockouts.values()) {
    if (!edgeSets.includes(k.edgeSet)) edgeSets.push(k.edgeSet);
    const w = k.window || (k.layers ? `${k.layers[0]}-${k.layers[1]}` : '?');
    if (!windows.includes(w)) windows.push(w);
    const pick = (o) => (o ? (o.correctProb ?? o.prob ?? 0) : 0);
    const base = pick(k.baseline);
    const knocked = pick(k.knocked);
    values.set(`${k.edgeSet}|${w}`, {
      ratio: base > 0 ? knocked / base : 0,
      base,
      knocked,
      changed: k.baseline?.answer !== k.knocked?.answer,
    });
  }
  return { edgeSets, windows, values };
}

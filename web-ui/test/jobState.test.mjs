import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  createJobState, applyEvent, nearestLayer, top1, cellTopK, lastTopK, measureValues, searchCells,
  top1Series, classShareByLayer, ablationBars, knockoutMatrix, receivedLayers, wantsLens,
} from '../js/jobState.js';

const GRID = [2, 2]; // 4 visual cells + the last position

function layer(l, tokens, probs, extra = {}) {
  return {
    schema: 'lenscast.layer', version: 1, jobId: 'j', layer: l, numLayers: 3, imageStart: 5,
    grid: GRID, positions: [5, 6, 7, 8, 20], topk: { ids: tokens.map((t) => t.map(() => 0)), tokens, probs },
    emittedAtMs: 1000 + l, ...extra,
  };
}

const L0 = layer(0,
  [['▁cat', '▁dog'], ['▁sky', '▁cat'], ['▁dog', '▁the'], ['▁the', '▁a'], ['▁A', '▁The']],
  [[0.5, 0.2], [0.6, 0.3], [0.7, 0.1], [0.9, 0.05], [0.4, 0.3]]);
const L2 = layer(2,
  [['▁cat', '▁Cat'], ['▁cat', '▁sky'], ['▁cat', '▁dog'], ['▁grass', '▁cat'], ['▁cat', '▁A']],
  [[0.8, 0.1], [0.7, 0.2], [0.6, 0.3], [0.5, 0.4], [0.9, 0.05]]);

function state() {
  const s = createJobState('j');
  applyEvent(s, L2);
  applyEvent(s, L0);
  return s;
}

test('layers arriving out of order are kept by index; duplicates and other jobs are ignored', () => {
  const s = state();
  assert.deepEqual(receivedLayers(s), [0, 2]);
  assert.equal(applyEvent(s, L0), null);
  assert.equal(applyEvent(s, { ...L0, jobId: 'other', layer: 1 }), null);
  assert.equal(s.numLayers, 3);
  assert.deepEqual(s.grid, GRID);
});

test('a missing layer shows the nearest received layer below it', () => {
  const s = state();
  assert.equal(nearestLayer(s, 1), 0);
  assert.equal(nearestLayer(s, 2), 2);
  assert.equal(nearestLayer(createJobState('x'), 3), null);
});

test('top-1 per visual cell excludes the last position; last top-k is the last row', () => {
  const s = state();
  const t = top1(s, 0);
  assert.deepEqual(t.tokens, ['▁cat', '▁sky', '▁dog', '▁the']);
  assert.ok(Math.abs(t.probs[3] - 0.9) < 1e-6);
  assert.deepEqual(lastTopK(s, 2).map((x) => x.token), ['▁cat', '▁A']);
  assert.deepEqual(cellTopK(s, 0, 1), [{ token: '▁sky', prob: 0.6 }, { token: '▁cat', prob: 0.3 }]);
});

test('measures: top-1 probability, probability of a word, top-1 equals the class', () => {
  const s = state();
  assert.deepEqual([...measureValues(s, 0, 'top1')].map((v) => +v.toFixed(2)), [0.5, 0.6, 0.7, 0.9]);
  assert.deepEqual([...measureValues(s, 0, 'word', 'cat')].map((v) => +v.toFixed(2)), [0.5, 0.3, 0, 0]);
  assert.deepEqual([...measureValues(s, 2, 'class', 'Cat')], [1, 1, 1, 0]);
});

test('word search matches any top-k entry, ignoring the space marker and case', () => {
  const s = state();
  assert.deepEqual([...searchCells(s, 0, 'CAT')].sort(), [0, 1]);
  assert.deepEqual([...searchCells(s, 2, 'cat')].sort(), [0, 1, 2, 3]);
  assert.equal(searchCells(s, 2, '').size, 0);
});

test('a patch sparkline follows its top-1 probability across received layers', () => {
  assert.deepEqual(top1Series(state(), 3).map((p) => [p.layer, +p.prob.toFixed(2)]), [[0, 0.9], [2, 0.5]]);
});

test('class share counts object cells whose top-1 is the class, per layer', () => {
  const share = classShareByLayer(state(), [0, 1, 3], 'cat');
  assert.deepEqual(share.map((x) => [x.layer, +x.share.toFixed(3)]), [[0, 0.333], [2, 0.667]]);
});

test('ablation bars compare the correct-class probability, else the answer probability', () => {
  const s = createJobState('j');
  const outcome = (prob, correctProb, answer) => ({ answer, prob, correctProb, correct: null });
  applyEvent(s, { schema: 'lenscast.ablation', jobId: 'j', condition: 'object_b1', positions: [5],
    baseline: outcome(0.9, 0.8, 'Yes'), ablated: outcome(0.7, 0.2, 'No') });
  applyEvent(s, { schema: 'lenscast.ablation', jobId: 'j', condition: 'none',
    baseline: outcome(0.9, null, 'Yes'), ablated: outcome(0.9, null, 'Yes') });
  const bars = ablationBars(s);
  assert.deepEqual(bars.map((b) => [b.condition, b.baseline, b.ablated]), [['object_b1', 0.8, 0.2], ['none', 0.9, 0.9]]);
});

test('knockout matrix has edge sets as rows and windows as columns with knocked/baseline ratios', () => {
  const s = createJobState('j');
  const o = (prob, answer) => ({ answer, prob, correctProb: null });
  applyEvent(s, { schema: 'lenscast.knockout', jobId: 'j', edgeSet: 'image->last', window: 'early', layers: [0, 1], baseline: o(0.8, 'a'), knocked: o(0.4, 'b') });
  applyEvent(s, { schema: 'lenscast.knockout', jobId: 'j', edgeSet: 'image->last', window: 'late', layers: [2, 3], baseline: o(0.8, 'a'), knocked: o(0.8, 'a') });
  applyEvent(s, { schema: 'lenscast.knockout', jobId: 'j', edgeSet: 'object_b1->last', window: 'early', layers: [0, 1], baseline: o(0.5, 'a'), knocked: o(0.5, 'a') });
  const m = knockoutMatrix(s);
  assert.deepEqual(m.edgeSets, ['image->last', 'object_b1->last']);
  assert.deepEqual(m.windows, ['early', 'late']);
  assert.equal(m.values.get('image->last|early').ratio, 0.5);
  assert.equal(m.values.get('image->last|early').changed, true);
  assert.equal(m.values.get('object_b1->last|late'), undefined);
});

test('a finished job does not go back to running when an old status is redelivered', () => {
  const s = createJobState('j');
  applyEvent(s, { schema: 'lenscast.status', jobId: 'j', state: 'completed', progress: { done: 3, total: 3 } });
  assert.equal(applyEvent(s, { schema: 'lenscast.status', jobId: 'j', state: 'running', progress: { done: 1, total: 3 } }), null);
  assert.equal(s.status.state, 'completed');
});

/** The compact frame the dashboard sends for a layer event (CompactLayerFrame, pScale 1e4). */
function compact(event) {
  const words = [];
  const top = [];
  const p = [];
  const k = Math.max(...event.topk.tokens.map((row) => row.length));
  event.topk.tokens.forEach((row, r) => {
    for (let j = 0; j < k; j++) {
      const word = row[j];
      if (word === undefined) {
        top.push(-1);
        p.push(0);
        continue;
      }
      if (!words.includes(word)) words.push(word);
      top.push(words.indexOf(word));
      p.push(Math.round(event.topk.probs[r][j] * 10000));
    }
  });
  const { topk, schema, version, ...rest } = event;
  return { type: 'layer', ...rest, k, pScale: 10000, words, top, p };
}

test('a compact layer frame gives the same views as the full event', () => {
  const full = state();
  const small = createJobState('j');
  assert.equal(applyEvent(small, compact(L2)), 'layer');
  assert.equal(applyEvent(small, compact(L0)), 'layer');
  assert.equal(applyEvent(small, compact(L0)), null, 'a repeated layer is ignored');
  assert.deepEqual(receivedLayers(small), receivedLayers(full));
  for (const l of [0, 2]) {
    assert.deepEqual(top1(small, l), top1(full, l));
    assert.deepEqual(lastTopK(small, l), lastTopK(full, l));
    for (let c = 0; c < 4; c++) assert.deepEqual(cellTopK(small, l, c), cellTopK(full, l, c));
    assert.deepEqual(measureValues(small, l, 'word', 'cat'), measureValues(full, l, 'word', 'cat'));
    assert.deepEqual([...searchCells(small, l, 'dog')], [...searchCells(full, l, 'dog')]);
  }
  assert.equal(small.layers.get(0).emittedAtMs, 1000);
});

test('rows shorter than k and unknown words leave gaps, not wrong words', () => {
  const s = createJobState('j');
  applyEvent(s, layer(1, [['▁cat'], ['▁sky', '▁cat'], [], ['▁the', '▁a'], ['▁A']],
    [[0.5], [0.6, 0.3], [], [0.9, 0.05], [0.4]]));
  assert.deepEqual(cellTopK(s, 1, 0), [{ token: '▁cat', prob: 0.5 }]);
  assert.deepEqual(cellTopK(s, 1, 2), []);
  assert.deepEqual(top1(s, 1).tokens, ['▁cat', '▁sky', '', '▁the']);
  assert.deepEqual(lastTopK(s, 1), [{ token: '▁A', prob: 0.4 }]);
});

test('status progress sets the layer count only for jobs that get the lens', () => {
  const lensFree = createJobState('j');
  applyEvent(lensFree, { schema: 'lenscast.job', jobId: 'j', analyses: { ablation: { conditions: ['none'] } } });
  applyEvent(lensFree, { schema: 'lenscast.status', jobId: 'j', state: 'running', progress: { done: 1, total: 6 } });
  assert.equal(lensFree.numLayers, 0, 'six runs are not six layers');
  const lens = createJobState('j');
  applyEvent(lens, { schema: 'lenscast.job', jobId: 'j', analyses: { logitLens: { topK: 5 }, ablation: {} } });
  applyEvent(lens, { schema: 'lenscast.status', jobId: 'j', state: 'running', progress: { done: 1, total: 33 } });
  assert.equal(lens.numLayers, 33);
  assert.equal(wantsLens(null), true);
  assert.equal(wantsLens({ analyses: {} }), true);
  assert.equal(wantsLens({ analyses: { generate: { maxNewTokens: 4 } } }), false);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mergeJob, filterJobs, progressFraction, distinct } from '../js/jobList.js';
import { aggregateRows, toCsv, columns, numericColumns, barSeries } from '../js/aggregates.js';
import { displayToken, normalizeWord } from '../js/tokens.js';

const a = { jobId: 'a', state: 'running', layersDone: 2, layersTotal: 4, tag: 'coco', experiment: 'e1', submittedAtMs: 1 };
const b = { jobId: 'b', state: 'completed', layersDone: 4, layersTotal: 4, tag: 'mine', submittedAtMs: 2 };

test('merging a row replaces the old one and keeps the newest submission first', () => {
  let jobs = mergeJob([], a);
  jobs = mergeJob(jobs, b);
  jobs = mergeJob(jobs, { ...a, layersDone: 3 });
  assert.deepEqual(jobs.map((j) => [j.jobId, j.layersDone]), [['b', 4], ['a', 3]]);
});

test('filters match tag and experiment substrings, case-insensitively', () => {
  assert.deepEqual(filterJobs([a, b], { tag: 'CO' }).map((j) => j.jobId), ['a']);
  assert.deepEqual(filterJobs([a, b], { experiment: 'e1' }).map((j) => j.jobId), ['a']);
  assert.deepEqual(filterJobs([a, b], {}).length, 2);
  assert.deepEqual(distinct([a, b], 'tag'), ['coco', 'mine']);
});

test('progress is layers done over total, full once completed, zero before the total is known', () => {
  assert.equal(progressFraction(a), 0.5);
  assert.equal(progressFraction({ ...b, layersDone: 0 }), 1);
  assert.equal(progressFraction({ state: 'submitted', layersDone: 0, layersTotal: 0 }), 0);
});

test('aggregate values become rows; CSV quotes what needs quoting', () => {
  const rows = [
    ...aggregateRows('e1', { rows: [{ condition: 'object_b1', task: 'polling', metric: { mean: 0.5, lo: 0.4 } }] }),
    ...aggregateRows('e2', { jobs: 3, note: 'a, "b"' }),
  ];
  assert.deepEqual(columns(rows), ['key', 'condition', 'task', 'metric.mean', 'metric.lo', 'jobs', 'note']);
  assert.equal(toCsv(rows), 'key,condition,task,metric.mean,metric.lo,jobs,note\r\n'
    + 'e1,object_b1,polling,0.5,0.4,,\r\ne2,,,,,3,"a, ""b"""\r\n');
});

test('tokens display without the SentencePiece space marker', () => {
  assert.equal(displayToken('▁cat'), 'cat');
  assert.equal(displayToken('▁'), '␣');
  assert.equal(displayToken('<0x0A>'), '⏎');
  assert.equal(normalizeWord('▁Cat'), 'cat');
});

test('an aggregator message keeps its experiment, tag and job count on every row', () => {
  const rows = aggregateRows('e1/t', {
    schema: 'lenscast.aggregate', version: 1, experiment: 'e1', tag: 't', jobs: 4, updatedAtMs: 9,
    rows: [{ kind: 'ablation', condition: 'object_b1', accuracy: 0.5, accuracyLo: 0.3, accuracyHi: 0.7 },
      { kind: 'ablation', condition: 'none', accuracy: 0.9 }],
  });
  assert.deepEqual(rows[0], { key: 'e1/t', experiment: 'e1', tag: 't', jobs: 4, kind: 'ablation',
    condition: 'object_b1', accuracy: 0.5, accuracyLo: 0.3, accuracyHi: 0.7 });
  assert.ok(numericColumns(rows).includes('accuracy'));
  assert.ok(!numericColumns(rows).includes('condition'));
  const bars = barSeries(rows, 'accuracy');
  assert.deepEqual(bars.map((b) => [b.value, b.lo, b.hi]), [[0.5, 0.3, 0.7], [0.9, null, null]]);
  assert.match(bars[0].label, /object_b1/);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mergeJob, filterJobs, progressFraction, distinct } from '../js/jobList.js';
import { aggregateRows, toCsv, columns } from '../js/aggregates.js';
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

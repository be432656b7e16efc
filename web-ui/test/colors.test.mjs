import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rampRgb, tint, labelColor, divergingRgb, booleanTint } from '../js/colors.js';

test('the ramp runs from the first to the last stop and clamps outside [0, 1]', () => {
  assert.deepEqual(rampRgb(0), [68, 1, 84]);
  assert.deepEqual(rampRgb(1), [253, 231, 37]);
  assert.deepEqual(rampRgb(-3), rampRgb(0));
  assert.deepEqual(rampRgb(7), rampRgb(1));
  assert.deepEqual(rampRgb(NaN), rampRgb(0));
});

test('the ramp gets brighter as the value grows', () => {
  const lum = ([r, g, b]) => 0.299 * r + 0.587 * g + 0.114 * b;
  let prev = -1;
  for (let v = 0; v <= 1.0001; v += 0.05) {
    const l = lum(rampRgb(v));
    assert.ok(l > prev, `luminance must grow at ${v}`);
    prev = l;
  }
});

test('tints are translucent css colours; labels stay readable', () => {
  assert.match(tint(0.5), /^rgba\(\d+,\d+,\d+,0\.55\)$/);
  assert.equal(labelColor(0), '#fff');
  assert.equal(labelColor(1), '#111');
  assert.notEqual(booleanTint(true), booleanTint(false));
});

test('diverging colours are white at zero, red for drops, blue for rises', () => {
  assert.deepEqual(divergingRgb(0), [255, 255, 255]);
  const drop = divergingRgb(-1);
  assert.ok(drop[0] > drop[2]);
  const rise = divergingRgb(1);
  assert.ok(rise[2] > rise[0]);
});

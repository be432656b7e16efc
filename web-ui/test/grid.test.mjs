import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  rowCol, cellIndex, patchRect, boxOnCrop, cellsUnderBox, parseCellsCondition, positionsToCells, moveFocus,
} from '../js/grid.js';

test('row-major index maps to row and column and back', () => {
  assert.deepEqual(rowCol(0, 24), { row: 0, col: 0 });
  assert.deepEqual(rowCol(25, 24), { row: 1, col: 1 });
  assert.deepEqual(rowCol(575, 24), { row: 23, col: 23 });
  for (const i of [0, 23, 24, 300, 575]) {
    const { row, col } = rowCol(i, 24);
    assert.equal(cellIndex(row, col, 24), i);
  }
});

test('patch rectangles tile the 336 px crop in 14 px squares', () => {
  assert.deepEqual(patchRect(0, [24, 24], 336), { x: 0, y: 0, w: 14, h: 14 });
  assert.deepEqual(patchRect(25, [24, 24], 336), { x: 14, y: 14, w: 14, h: 14 });
  assert.deepEqual(patchRect(575, [24, 24], 336), { x: 322, y: 322, w: 14, h: 14 });
});

test('a box in original pixels is scaled and shifted by the centre crop', () => {
  // 672x448 image: scale 0.75 -> 504x336, left offset (504-336)/2 = 84
  const geometry = { scaleX: 0.75, scaleY: 0.75, left: 84, top: 0 };
  assert.deepEqual(boxOnCrop([112, 0, 224, 448], geometry), { x: 0, y: 0, w: 168, h: 336 });
});

test('cells under a box are the overlapped patches, dilated by the buffer and clipped', () => {
  const box = { x: 14, y: 14, w: 14, h: 14 }; // exactly patch (1,1)
  assert.deepEqual(cellsUnderBox(box, [24, 24], 336, 0), [25]);
  assert.deepEqual(cellsUnderBox(box, [24, 24], 336, 1), [0, 1, 2, 24, 25, 26, 48, 49, 50]);
  const corner = { x: -50, y: -50, w: 60, h: 60 }; // overlaps only patch (0,0)
  assert.deepEqual(cellsUnderBox(corner, [24, 24], 336, 1), [0, 1, 24, 25]);
  assert.deepEqual(cellsUnderBox({ x: 400, y: 0, w: 10, h: 10 }, [24, 24], 336, 2), []);
});

test('a partial overlap counts the patch', () => {
  assert.deepEqual(cellsUnderBox({ x: 13, y: 0, w: 2, h: 1 }, [24, 24], 336, 0), [0, 1]);
});

test('explicit cell conditions expand ranges; other conditions give null', () => {
  assert.deepEqual(parseCellsCondition('cells:200-202,224'), [200, 201, 202, 224]);
  assert.equal(parseCellsCondition('object_b1'), null);
  assert.equal(parseCellsCondition('cells:abc'), null);
});

test('sequence positions map to grid cells relative to the image start', () => {
  assert.deepEqual(positionsToCells([5, 6, 581, 4], 5, 576), [0, 1]);
});

test('arrow keys move focus within the grid and stop at its edges', () => {
  assert.equal(moveFocus(0, 'ArrowLeft', [24, 24]), 0);
  assert.equal(moveFocus(0, 'ArrowRight', [24, 24]), 1);
  assert.equal(moveFocus(0, 'ArrowDown', [24, 24]), 24);
  assert.equal(moveFocus(575, 'ArrowDown', [24, 24]), 575);
  assert.equal(moveFocus(30, 'Home', [24, 24]), 24);
  assert.equal(moveFocus(30, 'x', [24, 24]), null);
});

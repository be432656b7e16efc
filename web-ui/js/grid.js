// Grid geometry: patch index <-> row/column, patch rectangles on the crop, object boxes -> cells.
// Pure functions; the crop is `size` px square and the grid is rows x cols patches, row-major.

export function rowCol(index, cols) {
  return { row: Math.floor(index / cols), col: index % cols };
}

export function cellIndex(row, col, cols) {
  return row * cols + col;
}

/** Pixel rectangle of a patch on a crop of `size` px. */
export function patchRect(index, grid, size) {
  const [rows, cols] = grid;
  const { row, col } = rowCol(index, cols);
  const w = size / cols;
  const h = size / rows;
  return { x: col * w, y: row * h, w, h };
}

/** Maps a box [x, y, w, h] in original-image pixels onto the crop (may fall partly outside). */
export function boxOnCrop(bbox, geometry) {
  const [x, y, w, h] = bbox;
  const sx = geometry.scaleX ?? geometry.scale;
  const sy = geometry.scaleY ?? geometry.scale;
  return { x: x * sx - geometry.left, y: y * sy - geometry.top, w: w * sx, h: h * sy };
}

/**
 * Cells whose patch overlaps a box on the crop, dilated by `buffer` cells (the paper's object
 * patches with buffer b). Returns sorted row-major indices.
 */
export function cellsUnderBox(box, grid, size, buffer = 0) {
  const [rows, cols] = grid;
  const cw = size / cols;
  const ch = size / rows;
  const x0 = Math.max(0, box.x);
  const y0 = Math.max(0, box.y);
  const x1 = Math.min(size, box.x + box.w);
  const y1 = Math.min(size, box.y + box.h);
  if (x1 <= x0 || y1 <= y0) return [];
  const c0 = Math.max(0, Math.floor(x0 / cw) - buffer);
  const r0 = Math.max(0, Math.floor(y0 / ch) - buffer);
  const c1 = Math.min(cols - 1, Math.ceil(x1 / cw) - 1 + buffer);
  const r1 = Math.min(rows - 1, Math.ceil(y1 / ch) - 1 + buffer);
  const out = [];
  for (let r = r0; r <= r1; r++) {
    for (let c = c0; c <= c1; c++) out.push(cellIndex(r, c, cols));
  }
  return out;
}

/**
 * Parses an ablation condition naming explicit cells (`cells:200-207,224-231`) into indices;
 * other conditions give null (the worker reports their positions instead).
 */
export function parseCellsCondition(condition) {
  if (typeof condition !== 'string' || !condition.startsWith('cells:')) return null;
  const out = [];
  for (const part of condition.slice(6).split(',')) {
    const m = part.trim().match(/^(\d+)(?:-(\d+))?$/);
    if (!m) return null;
    const a = Number(m[1]);
    const b = m[2] === undefined ? a : Number(m[2]);
    for (let i = Math.min(a, b); i <= Math.max(a, b); i++) out.push(i);
  }
  return out;
}

/** Grid cells of ablated sequence positions, given where the image block starts. */
export function positionsToCells(positions, imageStart, cellCount) {
  const out = [];
  for (const p of positions || []) {
    const c = p - imageStart;
    if (c >= 0 && c < cellCount) out.push(c);
  }
  return out;
}

/** Next focused cell for an arrow key (roving focus over the grid); null for other keys. */
export function moveFocus(index, key, grid) {
  const [rows, cols] = grid;
  const { row, col } = rowCol(index, cols);
  switch (key) {
    case 'ArrowLeft': return col > 0 ? index - 1 : index;
    case 'ArrowRight': return col < cols - 1 ? index + 1 : index;
    case 'ArrowUp': return row > 0 ? index - cols : index;
    case 'ArrowDown': return row < rows - 1 ? index + cols : index;
    case 'Home': return cellIndex(row, 0, cols);
    case 'End': return cellIndex(row, cols - 1, cols);
    default: return null;
  }
}

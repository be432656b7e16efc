// The image under its grid of patches: one element per visual token (focus, hover, the
// data-testid/data-top1 marks, search/object/ablation outlines) over one canvas that paints the
// tints and top-1 labels. Painting a layer is one scaled drawImage of a pixel-per-patch tint
// image, 576 label blits from a LabelAtlas, a grid path, and one attribute per changed patch:
// no text shaping, style or layout work per frame.
import { tint, booleanTint, labelColor } from './colors.js';
import { displayToken } from './tokens.js';
import { moveFocus, patchRect } from './grid.js';
import { escapeHtml } from './plots.js';
import { LabelAtlas } from './labelAtlas.js';

const LABEL_CHARS = 5;
const LABEL_FONT = '8px system-ui, sans-serif';
const LABEL_HEIGHT = 12;
// tints and label colours precomputed at 256 levels: no colour strings built per cell per frame
const LEVELS = 255;
const TINT_RGBA = Array.from({ length: LEVELS + 1 }, (_, q) => rgba(tint(q / LEVELS)));
const LABEL_COLORS = Array.from({ length: LEVELS + 1 }, (_, q) => labelColor(q / LEVELS));
const YES = rgba(booleanTint(true));
const NO = rgba(booleanTint(false));

function level(v) {
  return Number.isFinite(v) ? Math.max(0, Math.min(LEVELS, Math.round(v * LEVELS))) : 0;
}

/** [r, g, b, a 0-255] of an `rgba(r,g,b,a)` colour. */
function rgba(css) {
  const [r, g, b, a] = css.match(/[\d.]+/g).map(Number);
  return [r, g, b, Math.round(a * 255)];
}

export class LayerView {
  constructor(root, { onFocusCell }) {
    this.root = root;
    this.onFocusCell = onFocusCell;
    this.grid = null;
    this.cells = [];
    this.focused = 0;
    this.image = root.querySelector('img.crop');
    this.canvas = root.querySelector('canvas.tints');
    this.labels = new Map();
    this.patches = root.querySelector('.patches');
    this.overlay = root.querySelector('svg.objects');
    this.patches.addEventListener('keydown', (e) => this.onKey(e));
    this.patches.addEventListener('mouseover', (e) => {
      const i = Number(e.target.closest('[data-testid="patch"]')?.dataset.cell);
      if (Number.isInteger(i)) this.onFocusCell(i);
    });
    this.patches.addEventListener('focusin', (e) => {
      const i = Number(e.target.dataset.cell);
      if (Number.isInteger(i)) {
        this.focused = i;
        const token = this.cells[i].token;
        e.target.setAttribute('aria-label', `patch ${i}: ${displayToken(token) || 'no word yet'}`);
        this.onFocusCell(i);
      }
    });
  }

  /** Builds the cells for a grid (once per job; reuses them when the grid is the same). */
  build(grid) {
    if (this.grid && this.grid[0] === grid[0] && this.grid[1] === grid[1]) return;
    this.grid = grid;
    const [rows, cols] = grid;
    this.patches.style.gridTemplateColumns = `repeat(${cols}, 1fr)`;
    this.patches.style.gridTemplateRows = `repeat(${rows}, 1fr)`;
    const frag = document.createDocumentFragment();
    this.cells = [];
    for (let i = 0; i < rows * cols; i++) {
      const el = document.createElement('div');
      el.className = 'patch';
      el.dataset.testid = 'patch';
      el.setAttribute('data-testid', 'patch');
      el.dataset.cell = String(i);
      el.dataset.top1 = '';
      el.tabIndex = i === 0 ? 0 : -1;
      el.setAttribute('role', 'gridcell');
      frag.appendChild(el);
      this.cells.push({ el, token: null, flags: '' });
    }
    this.patches.replaceChildren(frag);
    this.focused = 0;
    this.sizeCanvas();
  }

  sizeCanvas() {
    const css = this.canvas.getBoundingClientRect().width || 576;
    const ratio = window.devicePixelRatio || 1;
    this.canvas.width = Math.round(css * ratio);
    this.canvas.height = Math.round(css * ratio);
    this.ctx = this.canvas.getContext('2d', { alpha: true });
    this.ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    this.cssSize = css;
    const [rows, cols] = this.grid;
    // one pixel per patch, scaled up without smoothing: the tints are a single drawImage
    this.tintCanvas = document.createElement('canvas');
    this.tintCanvas.width = cols;
    this.tintCanvas.height = rows;
    this.tintCtx = this.tintCanvas.getContext('2d');
    this.tintPixels = this.tintCtx.createImageData(cols, rows);
    this.labelLevels = new Uint8Array(rows * cols);
    this.atlas = new LabelAtlas({
      slotWidth: css / cols, slotHeight: Math.min(LABEL_HEIGHT, css / rows), ratio, font: LABEL_FONT,
    });
  }

  label(token) {
    let l = this.labels.get(token);
    if (l === undefined) {
      l = displayToken(token).slice(0, LABEL_CHARS);
      if (this.labels.size > 50000) this.labels.clear();
      this.labels.set(token, l);
    }
    return l;
  }

  setImage(url) {
    if (url) {
      if (this.image.getAttribute('src') !== url) this.image.src = url;
      this.image.hidden = false;
    } else {
      this.image.removeAttribute('src');
      this.image.hidden = true;
    }
  }

  /**
   * Paints one layer. tokens[i]: top-1 token; values[i]: measure in [0, 1]; boolean: render
   * the measure as yes/no; flags: sets of cells to mark (search hits, object, ablated).
   */
  paint({ tokens, values, boolean, search, object, ablated }) {
    const [rows, cols] = this.grid;
    const ctx = this.ctx;
    const w = this.cssSize / cols;
    const h = this.cssSize / rows;
    // tints: [rows, cols] RGBA pixels -> one scaled drawImage
    const pixels = this.tintPixels.data;
    for (let i = 0; i < this.cells.length; i++) {
      const v = values[i];
      const q = level(v);
      this.labelLevels[i] = q;
      pixels.set(boolean ? (v >= 0.5 ? YES : NO) : TINT_RGBA[q], i * 4);
    }
    this.tintCtx.putImageData(this.tintPixels, 0, 0);
    ctx.clearRect(0, 0, this.cssSize, this.cssSize);
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(this.tintCanvas, 0, 0, this.cssSize, this.cssSize);
    // labels: new ones rasterised into the atlas first, then all blitted from it; marks:
    // attributes/classes only where they changed
    const labelColor = (i) => (boolean ? '#fff' : LABEL_COLORS[this.labelLevels[i]]);
    const labels = [];
    for (let i = 0; i < this.cells.length; i++) {
      if (tokens[i]) labels.push([this.label(tokens[i]), labelColor(i)]);
    }
    this.atlas.prepare(labels);
    const labelY = (h - this.atlas.h) / 2;
    for (let i = 0; i < this.cells.length; i++) {
      const cell = this.cells[i];
      const token = tokens[i] ?? '';
      if (cell.token !== token) {
        cell.token = token;
        cell.el.setAttribute('data-top1', token);
      }
      if (token) {
        this.atlas.draw(ctx, this.label(token), labelColor(i), (i % cols) * w, Math.floor(i / cols) * h + labelY);
      }
      const flags = (search?.has(i) ? 's' : '') + (object?.has(i) ? 'o' : '') + (ablated?.has(i) ? 'a' : '');
      if (cell.flags !== flags) {
        cell.flags = flags;
        cell.el.classList.toggle('hit', flags.includes('s'));
        cell.el.classList.toggle('object', flags.includes('o'));
        cell.el.classList.toggle('ablated', flags.includes('a'));
      }
    }
    this.strokeGrid(rows, cols, w, h);
  }

  /** Thin lines between the patches: one path, instead of a border on each of 576 elements. */
  strokeGrid(rows, cols, w, h) {
    const ctx = this.ctx;
    ctx.beginPath();
    for (let c = 1; c < cols; c++) {
      ctx.moveTo(c * w, 0);
      ctx.lineTo(c * w, this.cssSize);
    }
    for (let r = 1; r < rows; r++) {
      ctx.moveTo(0, r * h);
      ctx.lineTo(this.cssSize, r * h);
    }
    ctx.strokeStyle = 'rgba(0,0,0,.2)';
    ctx.lineWidth = 0.5;
    ctx.stroke();
  }

  /** Object boxes (already mapped onto the crop, in crop pixels of `size`). */
  drawObjects(boxes, size) {
    this.overlay.setAttribute('viewBox', `0 0 ${size} ${size}`);
    this.overlay.innerHTML = boxes.map((b) => `<g class="object-box"><rect x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}"/>`
      + `<text x="${Math.max(2, b.x + 2)}" y="${Math.max(10, b.y - 3)}">${escapeHtml(b.label)}</text></g>`).join('');
  }

  cellRect(i, size) {
    return patchRect(i, this.grid, size);
  }

  onKey(e) {
    if (!this.grid) return;
    const next = moveFocus(this.focused, e.key, this.grid);
    if (next === null) return;
    e.preventDefault();
    this.cells[this.focused].el.tabIndex = -1;
    this.focused = next;
    this.cells[next].el.tabIndex = 0;
    this.cells[next].el.focus();
  }
}

// The image under its grid of patches: one element per visual token, tinted by the chosen
// measure and labelled with its top-1 word at the shown layer. Only what changed is touched,
// so a layer switch costs one pass over 576 cells.
import { tint, booleanTint, labelColor } from './colors.js';
import { displayToken } from './tokens.js';
import { moveFocus, patchRect } from './grid.js';
import { escapeHtml } from './plots.js';

export class LayerView {
  constructor(root, { onFocusCell }) {
    this.root = root;
    this.onFocusCell = onFocusCell;
    this.grid = null;
    this.cells = [];
    this.focused = 0;
    this.image = root.querySelector('img.crop');
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
      this.cells.push({ el, token: null, color: null, flags: '' });
    }
    this.patches.replaceChildren(frag);
    this.focused = 0;
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
    for (let i = 0; i < this.cells.length; i++) {
      const cell = this.cells[i];
      const token = tokens[i] ?? '';
      if (cell.token !== token) {
        cell.token = token;
        cell.el.textContent = displayToken(token);
        cell.el.dataset.top1 = token;
        cell.el.title = displayToken(token);
      }
      const v = values[i];
      const color = boolean ? booleanTint(v >= 0.5) : tint(v);
      if (cell.color !== color) {
        cell.color = color;
        cell.el.style.backgroundColor = color;
        cell.el.style.color = boolean ? '#fff' : labelColor(v);
      }
      const flags = (search?.has(i) ? 's' : '') + (object?.has(i) ? 'o' : '') + (ablated?.has(i) ? 'a' : '');
      if (cell.flags !== flags) {
        cell.flags = flags;
        cell.el.classList.toggle('hit', flags.includes('s'));
        cell.el.classList.toggle('object', flags.includes('o'));
        cell.el.classList.toggle('ablated', flags.includes('a'));
      }
    }
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

// Patch labels rasterised once and then copied: each distinct (label, colour) is drawn into a
// slot of an atlas canvas the first time it is seen, and a frame blits 576 slots with drawImage
// instead of shaping and rasterising 576 strings. The atlas starts over when it is full.

const COLUMNS = 64;

function key(text, color) {
  return `${color}\u0000${text}`;
}

export class LabelAtlas {
  /**
   * slotWidth/slotHeight: one label's box in CSS px; ratio: device pixels per CSS px;
   * font: the canvas font of the labels; capacity: slots before the atlas starts over.
   */
  constructor({ slotWidth, slotHeight, ratio = 1, font, capacity = 2048 }) {
    this.w = slotWidth;
    this.h = slotHeight;
    this.ratio = ratio;
    this.font = font;
    this.capacity = capacity;
    this.canvas = document.createElement('canvas');
    this.canvas.width = Math.ceil(COLUMNS * slotWidth * ratio);
    this.canvas.height = Math.ceil(Math.ceil(capacity / COLUMNS) * slotHeight * ratio);
    this.ctx = this.canvas.getContext('2d');
    this.slots = new Map();
  }

  /**
   * Copies `text` in `color` into the box whose top-left corner is (x, y) on `target`. Draw
   * the frame's new labels with `prepare` first: reading the atlas after each write would make
   * the browser snapshot the whole atlas canvas once per new label.
   */
  draw(target, text, color, x, y) {
    const slot = this.slot(text, color);
    const r = this.ratio;
    target.drawImage(this.canvas, slot.x * r, slot.y * r, this.w * r, this.h * r, x, y, this.w, this.h);
  }

  /** Rasterises the labels not seen yet; [[text, color]...] with repeats allowed. */
  prepare(labels) {
    const fresh = labels.filter(([text, color]) => !this.slots.has(key(text, color)));
    if (this.slots.size + fresh.length > this.capacity) this.clear();
    for (const [text, color] of fresh) this.slot(text, color);
  }

  slot(text, color) {
    const k = key(text, color);
    let slot = this.slots.get(k);
    if (slot) return slot;
    if (this.slots.size >= this.capacity) this.clear();
    const i = this.slots.size;
    slot = { x: (i % COLUMNS) * this.w, y: Math.floor(i / COLUMNS) * this.h };
    const ctx = this.ctx;
    ctx.setTransform(this.ratio, 0, 0, this.ratio, 0, 0);
    ctx.font = this.font;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillStyle = color;
    ctx.fillText(text, slot.x + this.w / 2, slot.y + this.h / 2, this.w - 1);
    this.slots.set(k, slot);
    return slot;
  }

  clear() {
    this.ctx.setTransform(1, 0, 0, 1, 0, 0);
    this.ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    this.slots.clear();
  }
}

// The submit dialog: image upload with a drawn object box, prompt or task, analyses; posts
// multipart (image + JSON options) to /api/jobs.
import { api } from './api.js';

const $ = (id) => document.getElementById(id);
const list = (s) => s.split(',').map((x) => x.trim()).filter(Boolean);

/** The job options of the form's values (pure; exported for tests through the page). */
export function buildOptions(v) {
  const options = {};
  if (v.mode === 'prompt') options.prompt = v.prompt;
  else {
    options.task = v.task;
    if (v.className) options.class = v.className;
    if (v.question) options.question = v.question;
  }
  if (v.objectLabel && v.bbox) options.objects = [{ label: v.objectLabel, bbox: v.bbox }];
  const analyses = {};
  if (v.lens) analyses.logitLens = { topK: v.topK };
  if (v.ablation) analyses.ablation = { conditions: list(v.conditions), buffer: 1, seed: 0 };
  if (v.knockout) analyses.knockout = { edgeSets: list(v.edgeSets), windows: list(v.windows) };
  if (v.generate) analyses.generate = { maxNewTokens: v.maxNewTokens };
  options.analyses = analyses;
  if (v.experiment) options.experiment = v.experiment;
  if (v.tag) options.tag = v.tag;
  return options;
}

/** "x,y,w,h" -> [x, y, w, h] or null. */
export function parseBbox(text) {
  const parts = String(text).split(',').map((s) => Number(s.trim()));
  return parts.length === 4 && parts.every(Number.isFinite) && parts[2] > 0 && parts[3] > 0 ? parts : null;
}

export class SubmitForm {
  constructor({ onSubmitted }) {
    this.onSubmitted = onSubmitted;
    this.dialog = $('submit-dialog');
    this.image = null;
    this.drag = null;
    $('open-submit').addEventListener('click', () => this.open());
    $('submit-cancel').addEventListener('click', () => this.dialog.close());
    $('submit-image').addEventListener('change', () => this.loadPreview());
    for (const r of document.querySelectorAll('input[name="mode"]')) {
      r.addEventListener('change', () => {
        const task = this.mode() === 'task';
        $('task-fields').hidden = !task;
        $('submit-prompt').hidden = task;
      });
    }
    const canvas = $('submit-canvas');
    canvas.addEventListener('pointerdown', (e) => { this.drag = { x0: e.offsetX, y0: e.offsetY, x1: e.offsetX, y1: e.offsetY }; });
    canvas.addEventListener('pointermove', (e) => {
      if (!this.drag) return;
      this.drag.x1 = e.offsetX;
      this.drag.y1 = e.offsetY;
      this.drawPreview();
    });
    canvas.addEventListener('pointerup', () => { this.finishBox(); });
    $('submit-bbox').addEventListener('input', () => this.drawPreview());
    $('submit-form').addEventListener('submit', (e) => { e.preventDefault(); this.send(); });
  }

  open() {
    $('submit-error').hidden = true;
    this.dialog.showModal();
  }

  mode() {
    return document.querySelector('input[name="mode"]:checked').value;
  }

  loadPreview() {
    const file = $('submit-image').files[0];
    if (!file) return;
    const img = new Image();
    img.onload = () => { this.image = img; this.drawPreview(); };
    img.src = URL.createObjectURL(file);
  }

  scale() {
    const c = $('submit-canvas');
    return this.image ? Math.min(c.width / this.image.naturalWidth, c.height / this.image.naturalHeight) : 1;
  }

  finishBox() {
    if (!this.drag || !this.image) { this.drag = null; return; }
    const s = this.scale();
    const x = Math.min(this.drag.x0, this.drag.x1) / s;
    const y = Math.min(this.drag.y0, this.drag.y1) / s;
    const w = Math.abs(this.drag.x1 - this.drag.x0) / s;
    const h = Math.abs(this.drag.y1 - this.drag.y0) / s;
    this.drag = null;
    if (w >= 2 && h >= 2) $('submit-bbox').value = [x, y, w, h].map((v) => Math.round(v)).join(',');
    this.drawPreview();
  }

  drawPreview() {
    const c = $('submit-canvas');
    const g = c.getContext('2d');
    g.clearRect(0, 0, c.width, c.height);
    if (!this.image) return;
    const s = this.scale();
    g.drawImage(this.image, 0, 0, this.image.naturalWidth * s, this.image.naturalHeight * s);
    g.strokeStyle = '#ff3b6b';
    g.lineWidth = 2;
    if (this.drag) {
      g.strokeRect(this.drag.x0, this.drag.y0, this.drag.x1 - this.drag.x0, this.drag.y1 - this.drag.y0);
    } else {
      const b = parseBbox($('submit-bbox').value);
      if (b) g.strokeRect(b[0] * s, b[1] * s, b[2] * s, b[3] * s);
    }
  }

  values() {
    return {
      mode: this.mode(),
      prompt: $('submit-prompt').value,
      task: $('submit-task').value,
      className: $('submit-class').value.trim(),
      question: $('submit-question').value.trim(),
      objectLabel: $('submit-object').value.trim(),
      bbox: parseBbox($('submit-bbox').value),
      lens: $('an-lens').checked,
      topK: Number($('an-topk').value) || 5,
      ablation: $('an-ablation').checked,
      conditions: $('an-conditions').value,
      knockout: $('an-knockout').checked,
      edgeSets: $('an-edgesets').value,
      windows: $('an-windows').value,
      generate: $('an-generate').checked,
      maxNewTokens: Number($('an-maxnew').value) || 16,
      experiment: $('submit-experiment').value.trim(),
      tag: $('submit-tag').value.trim(),
    };
  }

  async send() {
    const file = $('submit-image').files[0];
    const err = $('submit-error');
    err.hidden = true;
    if (!file) {
      err.textContent = 'Choose an image first.';
      err.hidden = false;
      return;
    }
    const v = this.values();
    if (v.objectLabel && !v.bbox) {
      err.textContent = 'Draw a box (or type x,y,w,h) for the object.';
      err.hidden = false;
      return;
    }
    const form = new FormData();
    form.append('image', file, file.name);
    form.append('options', JSON.stringify(buildOptions(v)));
    $('submit-send').disabled = true;
    try {
      const { jobId } = await api.submit(form);
      this.dialog.close();
      this.onSubmitted(jobId);
    } catch (e) {
      err.textContent = `Not sent: ${e.message}`;
      err.hidden = false;
    } finally {
      $('submit-send').disabled = false;
    }
  }
}

// Colour scales for patch tints, bars and heatmaps. Pure: values in, CSS colours out.

// A perceptually ordered dark-blue -> teal -> yellow ramp (viridis stops).
const RAMP = [
  [68, 1, 84], [59, 82, 139], [33, 145, 140], [94, 201, 98], [253, 231, 37],
];

function clamp01(v) {
  return Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0;
}

/** RGB triple for v in [0, 1] on the sequential ramp (NaN and out-of-range are clamped). */
export function rampRgb(v) {
  const t = clamp01(v) * (RAMP.length - 1);
  const i = Math.min(RAMP.length - 2, Math.floor(t));
  const f = t - i;
  const a = RAMP[i];
  const b = RAMP[i + 1];
  return [0, 1, 2].map((k) => Math.round(a[k] + (b[k] - a[k]) * f));
}

/** Translucent tint for a patch over the image: stronger colour for higher values. */
export function tint(v, alpha = 0.55) {
  const [r, g, b] = rampRgb(v);
  return `rgba(${r},${g},${b},${alpha})`;
}

/** Colour of a yes/no measure (top-1 is the object class): green for yes, grey for no. */
export function booleanTint(yes, alpha = 0.55) {
  return yes ? `rgba(46,204,113,${alpha})` : `rgba(60,60,70,${alpha * 0.6})`;
}

/** Text colour readable on top of a tint of value v. */
export function labelColor(v) {
  const [r, g, b] = rampRgb(v);
  const luminance = (0.299 * r + 0.587 * g + 0.114 * b) / 255;
  return luminance > 0.55 ? '#111' : '#fff';
}

/** Diverging colour for a change in [-1, 1]: red for a drop, blue for a rise, white at 0. */
export function divergingRgb(delta) {
  const d = Number.isFinite(delta) ? Math.max(-1, Math.min(1, delta)) : 0;
  if (d < 0) {
    const f = -d;
    return [255, Math.round(255 * (1 - f * 0.75)), Math.round(255 * (1 - f * 0.8))];
  }
  return [Math.round(255 * (1 - d * 0.8)), Math.round(255 * (1 - d * 0.55)), 255];
}

export function rgbCss([r, g, b]) {
  return `rgb(${r},${g},${b})`;
}

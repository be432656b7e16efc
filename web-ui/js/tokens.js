// Token text helpers: Llama/SentencePiece tokens carry a leading "▁" for a space.

/** A token as a word to show: "▁cat" -> "cat", byte tokens "<0x0A>" -> "⏎". */
export function displayToken(token) {
  if (token == null) return '';
  if (token === '<0x0A>') return '⏎';
  const t = String(token).replace(/▁/g, ' ').replace(/Ġ/g, ' ').trim();
  return t === '' ? '␣' : t;
}

/** Comparable form for search and class matching: display form, lower-cased. */
export function normalizeWord(token) {
  return displayToken(token).toLowerCase();
}

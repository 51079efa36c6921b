import { minorToDecimalString } from './money';

// The one multiplier display (till, explanation texts, summaries): the exact factor from its basis
// points, shortest form, at most four decimals, never rounded: 15000 → "1.5", 10000 → "1",
// 12345 → "1.2345". The screen shows the factor the points were computed with, as the summary does.

/** Basis points per ×1. */
const BP_PER_ONE = 10_000;

function writeMultiplier(bp: number): string {
  if (!Number.isSafeInteger(bp)) return String(bp / BP_PER_ONE);
  const text = minorToDecimalString(bp, 4);
  let end = text.length;
  while (text.charCodeAt(end - 1) === 48) end -= 1; // trailing '0'
  if (text.charCodeAt(end - 1) === 46) end -= 1; // a bare '.'
  return text.slice(0, end);
}

// Every sale writes its multipliers, and a shop has few values: each is written once.
const texts = new Map<number, string>();

/** A multiplier in basis points as people read it (see above). */
export function formatMultiplier(bp: number): string {
  let text = texts.get(bp);
  if (text === undefined) {
    // Bounded whatever head office sends: past a thousand values it starts again.
    if (texts.size >= 1_000) texts.clear();
    text = writeMultiplier(bp);
    texts.set(bp, text);
  }
  return text;
}

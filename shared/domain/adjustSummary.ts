import { ADJUST_REASONS, type AdjustReason } from './pointsAdjustment';

// An adjustment's stored ledger line (language-neutral, for logs) is its reason code and the
// manager's note; the till reads them back to word the line in the cashier's language.

export function adjustSummary(reason: AdjustReason, note: string): string {
  return note === '' ? reason : `${reason}: ${note}`;
}

const isReason = (text: string): text is AdjustReason => ADJUST_REASONS.some((r) => r === text);

/** The reason and note of a stored line; null for a line not written by adjustSummary (a pulled row's). */
export function parseAdjustSummary(summary: string): { reason: AdjustReason; note: string } | null {
  const cut = summary.indexOf(': ');
  const reason = cut < 0 ? summary : summary.slice(0, cut);
  if (!isReason(reason)) return null;
  return { reason, note: cut < 0 ? '' : summary.slice(cut + 2) };
}

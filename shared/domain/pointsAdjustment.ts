// A manager's manual change to a member's points. ONE rule, run by the till and by head office:
// a removal may take the balance down to zero and no further. A balance that is already below
// zero (an offline overdraft head office flagged) may still be raised, and a removal from it is
// refused: a manager never deepens a debt by hand.

/** Why points were added or removed: a short list a person picks from, and free text beside it. */
export const ADJUST_REASONS = ['goodwill', 'correction', 'complaint', 'lostReceipt', 'other'] as const;
export type AdjustReason = (typeof ADJUST_REASONS)[number];

/** The largest change one adjustment may make, either way. */
export const MAX_ADJUST_POINTS = 1_000_000;

export type AdjustCheck =
  | { kind: 'ok'; balanceAfter: number }
  | { kind: 'zero' }
  | { kind: 'tooLarge'; max: number }
  | { kind: 'belowZero'; balance: number; delta: number };

/** Whether `delta` (signed) may be applied to `balance`, and the balance after. */
export function checkAdjustment(balance: number, delta: number): AdjustCheck {
  if (!Number.isSafeInteger(delta) || delta === 0) return { kind: 'zero' };
  if (Math.abs(delta) > MAX_ADJUST_POINTS) return { kind: 'tooLarge', max: MAX_ADJUST_POINTS };
  const balanceAfter = balance + delta;
  if (delta < 0 && balanceAfter < 0) return { kind: 'belowZero', balance, delta };
  return { kind: 'ok', balanceAfter };
}

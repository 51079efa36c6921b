import type { RuleSet } from './ruleSet';

// The points a cashier may spend on one sale: ONE rule, asked by the points field as the cashier
// types and by the sale core before it quotes, so both say the same thing for the same figure.

export interface SpendLimits {
  /** The fewest points one spend may take: their charge reaches the shop's minimum and buys one minor unit. */
  minPoints: number;
  /** What the member may spend now: the balance (while offline, the sync allowance). */
  balance: number;
  /** The points that buy this sale's largest allowed discount; more would be charged for nothing. */
  saleMaxPoints: number;
}

export type PointsEntry =
  | { kind: 'ok'; points: number }
  | { kind: 'notWhole' }
  | { kind: 'belowMinimum'; minPoints: number }
  | { kind: 'aboveBalance'; balance: number }
  | { kind: 'aboveSaleCap'; maxPoints: number };

/** ceil(a × b / c) for whole a, b >= 0 and c >= 1, exact past 2^53 through BigInt. */
function ceilMulDiv(a: number, b: number, c: number): number {
  const product = a * b;
  if (Number.isSafeInteger(product + c)) return Math.floor((product + c - 1) / c);
  return Number((BigInt(a) * BigInt(b) + BigInt(c) - 1n) / BigInt(c));
}

function floorMulDiv(a: number, b: number, c: number): number {
  const product = a * b;
  if (Number.isSafeInteger(product + c)) return Math.floor(product / c);
  return Number((BigInt(a) * BigInt(b)) / BigInt(c));
}

/** The limits for a sale of `saleTotalMinor` for a member who may spend `spendable` points. */
export function spendLimits(rules: RuleSet, saleTotalMinor: number, spendable: number): SpendLimits {
  const { pointsPerUnit: ppu, unitValueMinor: uv, maxDiscountBp, minPoints } = rules.redemption;
  const saleCapMinor = floorMulDiv(Math.max(0, saleTotalMinor), maxDiscountBp, 10_000);
  // A figure buys whole minor units and is charged the points those units cost (redeem.ts), so the
  // fewest points that pass are those whose charge reaches the shop's minimum (and one unit).
  const fewestUnits = floorMulDiv(Math.max(minPoints, 1) - 1, uv, ppu) + 1;
  return {
    minPoints: ceilMulDiv(fewestUnits, ppu, uv),
    balance: Math.max(0, spendable),
    saleMaxPoints: ceilMulDiv(saleCapMinor, ppu, uv),
  };
}

/** What the cashier typed: '' is 0, digits are a whole number, anything else is not whole (null). */
export function parsePointsText(text: string): number | null {
  const t = text.trim();
  if (t === '') return 0;
  if (!/^\d{1,15}$/.test(t)) return null;
  return Number(t);
}

/** Whether `points` may be spent on this sale, and if not the one reason a person is told. */
export function checkPointsEntry(points: number | null, limits: SpendLimits): PointsEntry {
  if (points === null || !Number.isSafeInteger(points) || points < 0) return { kind: 'notWhole' };
  if (points === 0) return { kind: 'ok', points };
  if (points < limits.minPoints) return { kind: 'belowMinimum', minPoints: limits.minPoints };
  if (points > limits.balance) return { kind: 'aboveBalance', balance: limits.balance };
  if (points > limits.saleMaxPoints) return { kind: 'aboveSaleCap', maxPoints: limits.saleMaxPoints };
  return { kind: 'ok', points };
}

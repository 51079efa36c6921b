import type { RuleSet } from './ruleSet';

// Paying part of a sale with points. The quote is what the till shows before the cashier
// confirms; the same function runs again when the sale is written, so both agree.
// BigInt inside: balance × unit value can pass 2^53 for a big balance and a generous rate.

export interface DiscountQuote {
  /** Points actually charged: only what the discount needs, never more than requested. */
  points: number;
  discountMinor: number;
  /** The most points this sale can usefully take (0 when redemption is impossible). */
  maxPoints: number;
  maxDiscountMinor: number;
}

const NONE = { points: 0, discountMinor: 0 };

// Garbage in (negative, fractional, NaN) quotes nothing rather than throwing at the till.
function wholeOrZero(n: number): bigint {
  return Number.isFinite(n) && n > 0 ? BigInt(Math.floor(n)) : 0n;
}

export function quotePointsDiscount(
  rules: RuleSet,
  input: { requestedPoints: number; saleTotalMinor: number; balance: number },
): DiscountQuote {
  const { pointsPerUnit, unitValueMinor, maxDiscountBp, minPoints } = rules.redemption;
  const ppu = BigInt(pointsPerUnit);
  const uv = BigInt(unitValueMinor);
  const requested = wholeOrZero(input.requestedPoints);
  const balance = wholeOrZero(input.balance);
  const saleCap = (wholeOrZero(input.saleTotalMinor) * BigInt(maxDiscountBp)) / 10_000n;

  // The discount `points` buy, capped by the sale and by what the balance can buy.
  const discountFor = (points: bigint): bigint => {
    const bought = (points * uv) / ppu;
    const byBalance = (balance * uv) / ppu;
    return [bought, byBalance, saleCap].reduce((a, b) => (b < a ? b : a));
  };
  // Points needed for a discount: ceil(discount × ppu / uv). For a discount bought with p points
  // this is <= p, so the member is never charged more than they asked (or hold).
  const pointsFor = (discount: bigint): bigint => (discount * ppu + uv - 1n) / uv;

  const maxDiscount = discountFor(balance);
  const maxPoints = pointsFor(maxDiscount);
  const usable = maxDiscount > 0n && maxPoints >= BigInt(minPoints);
  const max = usable ? { maxPoints: Number(maxPoints), maxDiscountMinor: Number(maxDiscount) } : { maxPoints: 0, maxDiscountMinor: 0 };

  if (requested === 0n || requested < BigInt(minPoints)) return { ...NONE, ...max };
  const discount = discountFor(requested);
  const points = pointsFor(discount);
  // minPoints is a minimum per redemption: after capping, a smaller charge is refused too.
  if (discount === 0n || points < BigInt(minPoints)) return { ...NONE, ...max };
  return { points: Number(points), discountMinor: Number(discount), ...max };
}

/** Points for `quantity` of a reward; throws rather than wrap past 2^53. */
export function rewardCost(pointsCost: number, quantity: number): number {
  if (!Number.isSafeInteger(pointsCost) || pointsCost < 0) throw new RangeError(`bad points cost ${pointsCost}`);
  if (!Number.isSafeInteger(quantity) || quantity < 0) throw new RangeError(`bad quantity ${quantity}`);
  const cost = pointsCost * quantity;
  if (!Number.isSafeInteger(cost)) throw new RangeError(`reward cost overflows: ${pointsCost} × ${quantity}`);
  return cost;
}

import type { RuleSet } from './ruleSet';

// Paying part of a sale with points. The quote is what the till shows before the cashier
// confirms; the same function runs again when the sale is written, so both agree.
// Balance × unit value can pass 2^53 for a big balance and a generous rate: plain numbers
// while every product is safe, exact BigInt otherwise (identical results, see redeem.property.test.ts).

export interface DiscountQuote {
  /** Points actually charged: only what the discount needs, never more than requested. */
  points: number;
  discountMinor: number;
  /** The most points this sale can usefully take (0 when redemption is impossible). */
  maxPoints: number;
  maxDiscountMinor: number;
}

// Every quote is one object literal with the same four keys in the same order: the sale reads
// these on every call, and objects made by spreading ({ ...NONE, ...max }) got a fresh shape
// each time, so V8 missed its property caches on every read (seen in its IC log).
function quoteOf(points: number, discountMinor: number, maxPoints: number, maxDiscountMinor: number): DiscountQuote {
  return { points, discountMinor, maxPoints, maxDiscountMinor };
}

// Garbage in (negative, fractional, NaN) quotes nothing rather than throwing at the till.
function wholeOrZero(n: number): number {
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
}

/**
 * Exact floor(a / b) for whole numbers a >= 0, b >= 1 with a + b safe: the float quotient can
 * only round up to the next whole number when a + b passes 2^53, and the correction below
 * makes the result exact whatever the rounding (the products stay below a + b).
 */
function floorDiv(a: number, b: number): number {
  let q = Math.floor(a / b);
  if (q * b > a) q -= 1;
  else if ((q + 1) * b <= a) q += 1;
  return q;
}

const safe = Number.isSafeInteger;

/**
 * The same quote in plain numbers, for a till's everyday values (every product and sum below
 * 2^53, checked first); null when a value could pass 2^53, and the BigInt quote answers.
 * The sale runs this on every call, so it avoids BigInt and per-call closures.
 */
export function quotePointsDiscountFast(
  rules: RuleSet,
  input: { requestedPoints: number; saleTotalMinor: number; balance: number },
): DiscountQuote | null {
  const { pointsPerUnit: ppu, unitValueMinor: uv, maxDiscountBp, minPoints } = rules.redemption;
  const requested = wholeOrZero(input.requestedPoints);
  const balance = wholeOrZero(input.balance);
  const total = wholeOrZero(input.saleTotalMinor);
  if (
    !safe(ppu) ||
    !safe(uv) ||
    !safe(maxDiscountBp) ||
    !safe(minPoints) ||
    ppu < 1 ||
    uv < 1 ||
    maxDiscountBp < 0 ||
    minPoints < 0
  )
    return null;
  // Every product formed below is bounded by one of these (discounts never exceed balance×uv/ppu).
  const balanceUv = balance * uv;
  const requestedUv = requested * uv;
  const totalBp = total * maxDiscountBp;
  if (!safe(balanceUv + ppu) || !safe(requestedUv + ppu) || !safe(totalBp + 10_000) || !safe(balanceUv + 2 * uv))
    return null;
  const saleCap = floorDiv(totalBp, 10_000);
  const byBalance = floorDiv(balanceUv, ppu);
  const cap = byBalance < saleCap ? byBalance : saleCap;
  // discountFor(balance) = min(byBalance, byBalance, saleCap); pointsFor(d) = ceil(d × ppu / uv).
  const maxDiscount = cap;
  const maxPoints = floorDiv(maxDiscount * ppu + uv - 1, uv);
  const usable = maxDiscount > 0 && maxPoints >= minPoints;
  const maxP = usable ? maxPoints : 0;
  const maxD = usable ? maxDiscount : 0;
  if (requested === 0 || requested < minPoints) return quoteOf(0, 0, maxP, maxD);
  const bought = floorDiv(requestedUv, ppu);
  const discount = bought < cap ? bought : cap;
  const points = floorDiv(discount * ppu + uv - 1, uv);
  if (discount === 0 || points < minPoints) return quoteOf(0, 0, maxP, maxD);
  return quoteOf(points, discount, maxP, maxD);
}

function bigWholeOrZero(n: number): bigint {
  return BigInt(wholeOrZero(n));
}

/** The quote in exact BigInt arithmetic, for any size of value (and the fast path's reference). */
export function quotePointsDiscountExact(
  rules: RuleSet,
  input: { requestedPoints: number; saleTotalMinor: number; balance: number },
): DiscountQuote {
  const { pointsPerUnit, unitValueMinor, maxDiscountBp, minPoints } = rules.redemption;
  const ppu = BigInt(pointsPerUnit);
  const uv = BigInt(unitValueMinor);
  const requested = bigWholeOrZero(input.requestedPoints);
  const balance = bigWholeOrZero(input.balance);
  const saleCap = (bigWholeOrZero(input.saleTotalMinor) * BigInt(maxDiscountBp)) / 10_000n;

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
  const maxP = usable ? Number(maxPoints) : 0;
  const maxD = usable ? Number(maxDiscount) : 0;

  if (requested === 0n || requested < BigInt(minPoints)) return quoteOf(0, 0, maxP, maxD);
  const discount = discountFor(requested);
  const points = pointsFor(discount);
  // minPoints is a minimum per redemption: after capping, a smaller charge is refused too.
  if (discount === 0n || points < BigInt(minPoints)) return quoteOf(0, 0, maxP, maxD);
  return quoteOf(Number(points), Number(discount), maxP, maxD);
}

/** What `requestedPoints` buy off this sale: the number fast path, or BigInt past 2^53. */
export function quotePointsDiscount(
  rules: RuleSet,
  input: { requestedPoints: number; saleTotalMinor: number; balance: number },
): DiscountQuote {
  return quotePointsDiscountFast(rules, input) ?? quotePointsDiscountExact(rules, input);
}

/** Points for `quantity` of a reward; throws rather than wrap past 2^53. */
export function rewardCost(pointsCost: number, quantity: number): number {
  if (!Number.isSafeInteger(pointsCost) || pointsCost < 0) throw new RangeError(`bad points cost ${pointsCost}`);
  if (!Number.isSafeInteger(quantity) || quantity < 0) throw new RangeError(`bad quantity ${quantity}`);
  const cost = pointsCost * quantity;
  if (!Number.isSafeInteger(cost)) throw new RangeError(`reward cost overflows: ${pointsCost} × ${quantity}`);
  return cost;
}

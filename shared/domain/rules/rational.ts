import type { RoundingPolicy } from './ruleSet';

// Exact non-negative rationals as BigInt pairs. Points are computed exactly and rounded once,
// so the result never depends on float error or on the order the lines were keyed in.

export interface Rational {
  num: bigint;
  den: bigint; // always > 0
}

export const ZERO: Rational = { num: 0n, den: 1n };

export function rat(num: bigint, den = 1n): Rational {
  if (den <= 0n) throw new RangeError('rational denominator must be positive');
  return { num, den };
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

// Every sale reduces a few rationals; while both values are safe integers (a till's everyday
// amounts) Euclid runs on plain numbers, which is exact there and several times cheaper than
// BigInt remainders. The result is the same gcd either way.
function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b;
  if (x <= MAX_SAFE && y <= MAX_SAFE) {
    let nx = Number(x);
    let ny = Number(y);
    while (ny !== 0) {
      const t = nx % ny;
      nx = ny;
      ny = t;
    }
    return BigInt(nx);
  }
  while (y !== 0n) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

export function reduce(r: Rational): Rational {
  const g = gcd(r.num, r.den);
  return g > 1n ? { num: r.num / g, den: r.den / g } : r;
}

export function add(a: Rational, b: Rational): Rational {
  return reduce({ num: a.num * b.den + b.num * a.den, den: a.den * b.den });
}

export function mul(a: Rational, b: Rational): Rational {
  return reduce({ num: a.num * b.num, den: a.den * b.den });
}

/** a >= b, exactly. */
export function gte(a: Rational, b: Rational): boolean {
  return a.num * b.den >= b.num * a.den;
}

// BigInt division truncates toward zero; the helpers below are only used on values >= 0,
// where truncation is floor. Negative inputs are a caller bug, so they throw.
function nonNegative(r: Rational): Rational {
  if (r.num < 0n) throw new RangeError('points arithmetic went negative');
  return r;
}

export function floorR(r: Rational): bigint {
  const { num, den } = nonNegative(r);
  return num / den;
}

export function ceilR(r: Rational): bigint {
  const { num, den } = nonNegative(r);
  return (num + den - 1n) / den;
}

export function roundR(r: Rational, policy: RoundingPolicy): bigint {
  switch (policy) {
    case 'floor':
      return floorR(r);
    case 'ceil':
      return ceilR(r);
    case 'half-up':
      return floorR({ num: 2n * r.num + r.den, den: 2n * r.den });
  }
}

/** A truncated decimal for people to read, e.g. 128.5 with digits=2 → "128.50". */
const scales = [1n, 10n, 100n, 1_000n, 10_000n];
const numberScales = [1, 10, 100, 1_000, 10_000];
const MAX_SAFE_NUMBER = Number.MAX_SAFE_INTEGER;

/**
 * floor(num × 10^digits / den) as a number, while the scaled numerator and the denominator add
 * up to a safe integer (everyday amounts), else null. The float quotient can be one off only
 * near a whole number, so it is corrected to be exact (the products checked stay below
 * num + den).
 */
function scaledFloorNumber(r: Rational, digits: number): number | null {
  const { num, den } = nonNegative(r);
  if (num > MAX_SAFE || den > MAX_SAFE) return null;
  const n = Number(num) * (numberScales[digits] ?? 10 ** digits);
  const d = Number(den);
  if (n + d > MAX_SAFE_NUMBER) return null;
  let q = Math.floor(n / d);
  if (q * d > n) q -= 1;
  else if ((q + 1) * d <= n) q += 1;
  return q;
}

/** The decimal in BigInt arithmetic, where plain numbers would not be exact. */
function bigDecimal(r: Rational, digits: number): string {
  const scale = scales[digits] ?? 10n ** BigInt(digits);
  const scaled = ((r.num * scale) / r.den).toString().padStart(digits + 1, '0');
  if (digits === 0) return scaled;
  return `${scaled.slice(0, -digits)}.${scaled.slice(-digits)}`;
}

// Every sale writes several decimals into its explanation; with plain numbers the whole and
// fractional parts are split by arithmetic, a few operations instead of string surgery.

export function toDecimal(r: Rational, digits: number): string {
  const q = scaledFloorNumber(r, digits);
  if (q !== null) {
    if (digits === 0) return String(q);
    const scale = numberScales[digits] ?? 10 ** digits;
    const whole = Math.floor(q / scale);
    return `${whole}.${String(q - whole * scale).padStart(digits, '0')}`;
  }
  return bigDecimal(r, digits);
}

/** Shortest exact-enough decimal for a multiplier or a fraction of a point: 1.5, 1.25, 192. */
export function toShortDecimal(r: Rational, maxDigits = 4): string {
  const q = scaledFloorNumber(r, maxDigits);
  if (q !== null) {
    const scale = numberScales[maxDigits] ?? 10 ** maxDigits;
    const whole = Math.floor(q / scale);
    let fraction = q - whole * scale;
    if (fraction === 0) return String(whole);
    let digits = maxDigits;
    while (fraction % 10 === 0) {
      fraction /= 10;
      digits -= 1;
    }
    return `${whole}.${String(fraction).padStart(digits, '0')}`;
  }
  const text = bigDecimal(r, maxDigits);
  if (!text.includes('.')) return text;
  // Trailing zeros of the fraction, then a bare point ("1.5000" → "1.5", "192.0000" → "192").
  let end = text.length;
  while (text.charCodeAt(end - 1) === 48) end -= 1;
  if (text.charCodeAt(end - 1) === 46) end -= 1;
  return text.slice(0, end);
}

export function isInteger(r: Rational): boolean {
  return r.den === 1n || r.num % r.den === 0n;
}

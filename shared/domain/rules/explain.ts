import { minorToDecimalString } from '../money';
import type { Explanation } from './earnTypes';
import type { Eligibility } from './eligible';
import { BP_ONE } from './eligible';
import { floorR, isInteger, rat, toDecimal, toShortDecimal, type Rational } from './rational';
import type { Ratio, RoundingPolicy } from './ruleSet';

// Turns one computeEarn run into the explanation list (for the UI, translated by code + params)
// and a language-neutral one-line summary for receipts and logs.
// Amounts are shown with 2 decimals: the rule engine has no currency, and the product is CNY.
// The UI should format amounts itself from the *Minor params.

export interface EarnTrace {
  elig: Eligibility;
  base:
    | { kind: 'none' }
    | { kind: 'perAmount' | 'ladderAmount'; ratio: Ratio; points: Rational; bandIndex: number; fromMinor: number };
  visit:
    | { kind: 'none' }
    | { kind: 'perVisit' | 'ladderVisits'; visitNumber: number; points: number; applied: boolean; minSpendMinor: number };
  tier: { code: string | null; name: string | null; bp: number };
  exact: Rational;
  points: number;
  rounding: RoundingPolicy;
}

// A whole, non-negative number of minor units is written as money writes it (every sale writes a
// few); a negative one keeps toDecimal's refusal.
const minorAmount = (minor: number): string => (Number.isSafeInteger(minor) && minor >= 0 ? minorToDecimalString(minor, 2) : toDecimal(rat(BigInt(minor), 100n), 2));
const amount = (minor: Rational | number): string =>
  typeof minor === 'number' ? minorAmount(minor) : toDecimal(rat(minor.num, minor.den * 100n), 2);
const times = (bp: number): string => toShortDecimal(rat(BigInt(bp), BigInt(BP_ONE)));
const rate = (r: Ratio): string => `${r.points} pt/¥${amount(r.perMinor)}`;

function lineEntries(elig: Eligibility): Explanation[] {
  const out: Explanation[] = [];
  for (const l of elig.lines) {
    const n = l.lineIndex + 1;
    if (l.reason === 'excludedSku' || l.reason === 'excludedCategory') {
      const by = l.reason === 'excludedSku' ? 'sku' : 'category';
      out.push({ code: 'excluded', text: `Line ${n} earns no points (excluded ${by})`, params: { lineIndex: l.lineIndex, by } });
    } else if (l.reason === 'sku' || l.reason === 'category') {
      out.push({ code: l.reason, text: `Line ${n} ×${times(l.bp)} by ${l.reason}`, params: { lineIndex: l.lineIndex, multiplierBp: l.bp } });
    }
  }
  return out;
}

export function explain(t: EarnTrace): Explanation[] {
  const out = lineEntries(t.elig);
  const { totalMinor, discountMinor, paidMinor } = t.elig;
  const eligibleMinor = Number(floorR(t.elig.eligible));
  if (discountMinor > 0) {
    out.push({
      code: 'discount',
      text: `${amount(discountMinor)} of ${amount(totalMinor)} paid with points earns no points`,
      params: { totalMinor, discountMinor, paidMinor },
    });
  }
  if (t.base.kind !== 'none') {
    const { ratio, points } = t.base;
    const params = { eligibleMinor, ratioPoints: ratio.points, ratioPerMinor: ratio.perMinor, points: toShortDecimal(points) };
    if (t.base.kind === 'ladderAmount') {
      const { bandIndex, fromMinor } = t.base;
      // The params written out, not spread: a spread followed by more keys misses V8's caches.
      const ladderParams = {
        eligibleMinor, ratioPoints: ratio.points, ratioPerMinor: ratio.perMinor, points: params.points, bandIndex, fromMinor,
      };
      out.push({ code: 'ladder', text: `Band from ${amount(fromMinor)}: ${rate(ratio)} on the whole amount`, params: ladderParams });
    }
    out.push({ code: 'base', text: `${amount(t.elig.eligible)} × ${rate(ratio)} = ${toShortDecimal(points)}`, params });
  }
  if (t.visit.kind !== 'none') {
    const { visitNumber, points, applied, minSpendMinor } = t.visit;
    const text = applied
      ? `Visit ${visitNumber}: +${points} pt`
      : `Visit ${visitNumber}: paid ${amount(paidMinor)} is below the minimum ${amount(minSpendMinor)}`;
    out.push({ code: 'visit', text, params: { visitNumber, points: applied ? points : 0, minSpendMinor, paidMinor } });
  }
  if (t.tier.code !== null) {
    const name = t.tier.name ?? t.tier.code;
    out.push({ code: 'tier', text: `${name} ×${times(t.tier.bp)}`, params: { tierCode: t.tier.code, tierName: name, multiplierBp: t.tier.bp } });
  }
  if (!isInteger(t.exact)) {
    const exact = toShortDecimal(t.exact);
    out.push({ code: 'rounding', text: `${exact} rounded (${t.rounding}) to ${t.points}`, params: { policy: t.rounding, exact, points: t.points } });
  }
  return out;
}

/** e.g. "128.00 × 1 pt/¥1.00 × Gold ×1.5 = 192", "(50.00 × 1 pt/¥1.00 + 5 visit pt) = 55", "… = 191.25 → 191". */
export function summarize(t: EarnTrace): string {
  const terms: string[] = [];
  if (t.base.kind !== 'none') terms.push(`${amount(t.elig.eligible)} × ${rate(t.base.ratio)}`);
  if (t.visit.kind !== 'none' && t.visit.applied) terms.push(`${t.visit.points} visit pt`);
  let s = terms.length === 0 ? '0' : terms.length === 1 ? (terms[0] ?? '0') : `(${terms.join(' + ')})`;
  if (t.tier.bp !== BP_ONE) s += ` × ${t.tier.name ?? t.tier.code ?? 'tier'} ×${times(t.tier.bp)}`;
  const result = isInteger(t.exact) ? `${t.points}` : `${toShortDecimal(t.exact)} → ${t.points}`;
  return `${s} = ${result}`;
}

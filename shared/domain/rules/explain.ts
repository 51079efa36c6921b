import { figureDigits, minorToDecimalString } from '../money';
import { formatMultiplier } from '../multiplier';
import type { Explanation } from './earnTypes';
import type { Eligibility } from './eligible';
import { BP_ONE } from './eligible';
import { floorR, isInteger, rat, toDecimal, toShortDecimal, type Rational } from './rational';
import type { Ratio, RoundingPolicy } from './ruleSet';

// Turns one computeEarn run into the explanation list (for the UI, translated by code + params)
// and a language-neutral one-line summary for logs and head office.
// Amounts and multipliers go through the one formatter (money.ts, multiplier.ts): a bare figure in the
// shop's currency's digits (2 without a shop) and its ISO code, never a sign; the UI formats amounts
// itself from the *Minor params, in the cashier's language.

export interface EarnTrace {
  elig: Eligibility;
  base:
    | { kind: 'none' }
    | { kind: 'perAmount' | 'ladderAmount'; ratio: Ratio; points: Rational; bandIndex: number; fromMinor: number };
  visit:
    | { kind: 'none' }
    | {
        kind: 'perVisit' | 'ladderVisits';
        visitNumber: number;
        points: number;
        applied: boolean;
        minSpendMinor: number;
      };
  tier: { code: string | null; name: string | null; bp: number };
  exact: Rational;
  points: number;
  rounding: RoundingPolicy;
  /** ISO 4217 code of the sale's money; null when the caller has none (the rule engine's own tests). */
  currency: string | null;
}

// A whole, non-negative number of minor units is written as money writes it (every sale writes a
// few); a negative one keeps toDecimal's refusal.
const minorAmount = (minor: number, digits = 2): string =>
  Number.isSafeInteger(minor) && minor >= 0
    ? minorToDecimalString(minor, digits)
    : toDecimal(rat(BigInt(minor), 10n ** BigInt(digits)), digits);

// A rate depends only on the rule set, the same on every sale: it is written once per ratio object
// of a parsed rule set (multipliers are cached by formatMultiplier).
const rateTexts = new WeakMap<Ratio, { currency: string | null; text: string }>();
function rate(r: Ratio, currency: string | null): string {
  let cached = rateTexts.get(r);
  if (cached === undefined || cached.currency !== currency) {
    const per =
      currency === null ? minorAmount(r.perMinor) : `${minorAmount(r.perMinor, figureDigits(currency))} ${currency}`;
    cached = { currency, text: `${r.points} pt/${per}` };
    rateTexts.set(r, cached);
  }
  return cached.text;
}

function lineEntries(elig: Eligibility, out: Explanation[]): void {
  for (const l of elig.lines) {
    const n = l.lineIndex + 1;
    if (l.reason === 'excludedSku' || l.reason === 'excludedCategory') {
      const by = l.reason === 'excludedSku' ? 'sku' : 'category';
      out.push({
        code: 'excluded',
        text: `Line ${n} earns no points (excluded ${by})`,
        params: { lineIndex: l.lineIndex, by },
      });
    } else if (l.reason === 'sku' || l.reason === 'category') {
      const text = `Line ${n} ×${formatMultiplier(l.bp)} by ${l.reason}`;
      out.push({ code: l.reason, text, params: { lineIndex: l.lineIndex, multiplierBp: l.bp } });
    }
  }
}

/**
 * The explanation list (for the UI, translated by code + params) and the language-neutral
 * one-line summary for receipts and logs, made together: they show the same numbers, and every
 * sale makes both, so each number is written out once.
 *
 * Summary examples: "128.00 × 1 pt/1.00 CNY × Gold ×1.5 = 192", "(50.00 × 1 pt/1.00 CNY + 5 visit pt) = 55",
 * "… = 191.25 → 191".
 */
export function describeEarn(t: EarnTrace): { explanation: Explanation[]; summary: string } {
  const out: Explanation[] = [];
  lineEntries(t.elig, out);
  const digits = figureDigits(t.currency);
  const amount = (minor: number): string => minorAmount(minor, digits);
  const { totalMinor, discountMinor, paidMinor } = t.elig;
  const exactIsWhole = isInteger(t.exact);
  const exactText = exactIsWhole ? '' : toShortDecimal(t.exact);
  const tierTimes = t.tier.code !== null || t.tier.bp !== BP_ONE ? formatMultiplier(t.tier.bp) : '';
  let baseTerm = '';
  if (discountMinor > 0) {
    out.push({
      code: 'discount',
      text: `${amount(discountMinor)} of ${amount(totalMinor)} paid with points earns no points`,
      params: { totalMinor, discountMinor, paidMinor },
    });
  }
  if (t.base.kind !== 'none') {
    const { ratio, points } = t.base;
    // Amounts are written in whole minor units, floored: the same text as the exact rational
    // truncated to two decimals of the major unit. The rate applies to the weighted amount; the
    // eligible amount (each line once) is what the member paid for goods that earn.
    const eligibleMinor = Number(floorR(t.elig.eligible));
    const weightedMinor = Number(floorR(t.elig.weighted));
    const rateText = rate(ratio, t.currency);
    const pointsText = toShortDecimal(points);
    baseTerm = `${amount(weightedMinor)} × ${rateText}`;
    const params = {
      eligibleMinor,
      weightedMinor,
      ratioPoints: ratio.points,
      ratioPerMinor: ratio.perMinor,
      points: pointsText,
    };
    if (t.base.kind === 'ladderAmount') {
      const { bandIndex, fromMinor } = t.base;
      // The params written out, not spread: a spread followed by more keys misses V8's caches.
      const ladderParams = {
        eligibleMinor,
        weightedMinor,
        ratioPoints: ratio.points,
        ratioPerMinor: ratio.perMinor,
        points: pointsText,
        bandIndex,
        fromMinor,
      };
      const text = `Band from ${amount(fromMinor)}: ${rateText} on the whole amount`;
      out.push({ code: 'ladder', text, params: ladderParams });
    }
    out.push({ code: 'base', text: `${baseTerm} = ${pointsText}`, params });
  }
  const visitApplied = t.visit.kind !== 'none' && t.visit.applied;
  if (t.visit.kind !== 'none') {
    const { visitNumber, points, applied, minSpendMinor } = t.visit;
    const text = applied
      ? `Visit ${visitNumber}: +${points} pt`
      : `Visit ${visitNumber}: paid ${amount(paidMinor)} is below the minimum ${amount(minSpendMinor)}`;
    out.push({ code: 'visit', text, params: { visitNumber, points: applied ? points : 0, minSpendMinor, paidMinor } });
  }
  if (t.tier.code !== null) {
    const name = t.tier.name ?? t.tier.code;
    out.push({
      code: 'tier',
      text: `${name} ×${tierTimes}`,
      params: { tierCode: t.tier.code, tierName: name, multiplierBp: t.tier.bp },
    });
  }
  if (!exactIsWhole) {
    out.push({
      code: 'rounding',
      text: `${exactText} rounded (${t.rounding}) to ${t.points}`,
      params: { policy: t.rounding, exact: exactText, points: t.points },
    });
  }

  const visitTerm = visitApplied && t.visit.kind !== 'none' ? `${t.visit.points} visit pt` : '';
  let summary =
    baseTerm !== '' && visitTerm !== ''
      ? `(${baseTerm} + ${visitTerm})`
      : baseTerm !== ''
        ? baseTerm
        : visitTerm !== ''
          ? visitTerm
          : '0';
  if (t.tier.bp !== BP_ONE) summary += ` × ${t.tier.name ?? t.tier.code ?? 'tier'} ×${tierTimes}`;
  summary += exactIsWhole ? ` = ${t.points}` : ` = ${exactText} → ${t.points}`;
  return { explanation: out, summary };
}

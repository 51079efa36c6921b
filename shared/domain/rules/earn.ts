/*
 * THE POINTS ROUNDING POLICY — how a sale earns points.
 *
 * All arithmetic is exact (BigInt rationals); nothing is rounded until the very end.
 *  1. A line's multiplier is 0 if the sku or the category is excluded (exclusion always wins),
 *     else the sku multiplier, else the category multiplier, else 10000 (×1).
 *  2. Points spent on the sale do not earn points: a line's eligible amount is its total scaled by
 *     (total − discount) / total, or 0 when excluded. The sale's eligible amount E is the sum over
 *     the lines, each counted once (E <= the amount paid); W is the same sum with each line's
 *     amount × its multiplier / 10000.
 *  3. Base points: 'perAmount' → W × points / perMinor. 'ladderAmount' → the last band whose
 *     fromMinor <= E gives the ratio, applied to the WHOLE of W. A ladder is therefore a step
 *     function: crossing a band edge can jump the points up by design (and if a higher band had
 *     a smaller ratio, points could drop there — head office chooses the bands).
 *  4. Visit points (whole points) are added when the amount actually paid (total − discount)
 *     >= minSpendMinor: 'perVisit' → always the same points; 'ladderVisits' → the last band
 *     whose fromVisit <= this visit's number (1-based, this sale included).
 *  5. The tier multiplier (missing or unknown tier code → 10000) applies to base + visit points.
 *  6. The exact total is ROUNDED ONCE, for the whole sale, with the rule set's policy ('floor' by
 *     default). So floor never exceeds the exact value and no policy goes above ceil(exact).
 *  7. Per-line points (for receipts and later refunds) are floor(line W × ratio × tier),
 *     each floored separately and without visit points, so they may sum to LESS than the sale's
 *     points; they never sum to more.
 *  An anonymous sale (visitNumber null) earns 0 points.
 */
import type { EarnInput, EarnLine, EarnResult } from './earnTypes';
import { BP_ONE, computeEligibility, type Eligibility } from './eligible';
import { describeEarn, type EarnTrace } from './explain';
import { add, floorR, gte, mul, rat, reduce, roundR, ZERO, type Rational } from './rational';
import type { Ratio, RuleSet } from './ruleSet';
import { ruleTables } from './ruleTables';

export type { EarnInput, EarnLine, EarnResult, Explanation, SaleLineForRules } from './earnTypes';
export { lineTotalMinor } from './eligible';

function ratioRate(r: Ratio): Rational {
  return rat(BigInt(r.points), BigInt(r.perMinor));
}

function baseTrace(rules: RuleSet, eligible: Rational, weighted: Rational): EarnTrace['base'] {
  const base = rules.base;
  if (base.kind === 'none') return { kind: 'none' };
  if (base.kind === 'perAmount') {
    return {
      kind: 'perAmount',
      ratio: base.ratio,
      points: mul(weighted, ratioRate(base.ratio)),
      bandIndex: 0,
      fromMinor: 0,
    };
  }
  // Bands are validated ascending from 0, so the first band always matches.
  let bandIndex = 0;
  base.bands.forEach((band, i) => {
    if (gte(eligible, rat(BigInt(band.fromMinor)))) bandIndex = i;
  });
  const band = base.bands[bandIndex];
  if (!band) throw new RangeError('ladderAmount rule set has no bands');
  return {
    kind: 'ladderAmount',
    ratio: band.ratio,
    points: mul(weighted, ratioRate(band.ratio)),
    bandIndex,
    fromMinor: band.fromMinor,
  };
}

function visitTrace(rules: RuleSet, visitNumber: number, paidMinor: number): EarnTrace['visit'] {
  const visit = rules.visit;
  if (visit.kind === 'none') return { kind: 'none' };
  const applied = paidMinor >= visit.minSpendMinor;
  let points = 0;
  if (visit.kind === 'perVisit') points = visit.points;
  else for (const band of visit.bands) if (band.fromVisit <= visitNumber) points = band.points;
  return { kind: visit.kind, visitNumber, points, applied, minSpendMinor: visit.minSpendMinor };
}

function tierBp(rules: RuleSet, tierCode: string | null): number {
  // Own keys only (ruleTables.ts): a tier code "constructor" gets ×1.
  return tierCode === null ? BP_ONE : (ruleTables(rules).tierBp.get(tierCode) ?? BP_ONE);
}

function toSafeNumber(n: bigint): number {
  if (n > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError('points overflow');
  return Number(n);
}

function resultLines(elig: Eligibility, base: EarnTrace['base'], tier: Rational, earns: boolean): EarnLine[] {
  const perMinor = base.kind === 'none' ? ZERO : ratioRate(base.ratio);
  // Only the floor of each line's product is kept, so it is taken of the unreduced product
  // (the same value; mul() would reduce twice per line, a gcd each).
  const num = perMinor.num * tier.num;
  const den = perMinor.den * tier.den;
  return elig.lines.map((l) => ({
    lineIndex: l.lineIndex,
    eligibleMinor: toSafeNumber(floorR(l.eligible)),
    multiplierBp: l.bp,
    points: earns ? toSafeNumber(floorR({ num: l.weighted.num * num, den: l.weighted.den * den })) : 0,
  }));
}

export function computeEarn(rules: RuleSet, input: EarnInput): EarnResult {
  const elig = computeEligibility(rules, input.lines, input.discountMinor);
  const eligibleMinor = toSafeNumber(floorR(elig.eligible));
  if (input.visitNumber === null) {
    return {
      points: 0,
      exactNumerator: 0n,
      exactDenominator: 1n,
      ruleVersion: rules.version,
      eligibleMinor,
      lines: resultLines(elig, { kind: 'none' }, ZERO, false),
      explanation: [{ code: 'anonymous', text: 'Anonymous sale: no points', params: {} }],
      summary: 'anonymous = 0',
    };
  }
  if (!Number.isSafeInteger(input.visitNumber) || input.visitNumber < 1) {
    throw new RangeError(`visitNumber must be a whole number >= 1, got ${input.visitNumber}`);
  }
  const base = baseTrace(rules, elig.eligible, elig.weighted);
  const visit = visitTrace(rules, input.visitNumber, elig.paidMinor);
  const bp = tierBp(rules, input.tierCode);
  const tier = rat(BigInt(bp), BigInt(BP_ONE));
  const basePoints = base.kind === 'none' ? ZERO : base.points;
  const visitPoints = visit.kind !== 'none' && visit.applied ? rat(BigInt(visit.points)) : ZERO;
  const exact = reduce(mul(add(basePoints, visitPoints), tier));
  const points = toSafeNumber(roundR(exact, rules.rounding));
  const trace: EarnTrace = {
    elig,
    base,
    visit,
    exact,
    points,
    rounding: rules.rounding,
    tier: { code: input.tierCode, name: input.tierName ?? null, bp },
    currency: input.currency,
  };
  const { explanation, summary } = describeEarn(trace);
  return {
    points,
    exactNumerator: exact.num,
    exactDenominator: exact.den,
    ruleVersion: rules.version,
    eligibleMinor,
    lines: resultLines(elig, base, tier, true),
    explanation,
    summary,
  };
}

import { isMinorUnits } from '../money';
import type { SaleLineForRules } from './earnTypes';
import { rat, reduce, ZERO, type Rational } from './rational';
import { ruleTables } from './ruleTables';
import type { RuleSet } from './ruleSet';

export const BP_ONE = 10_000;

/**
 * quantity × unit price, rounded to the nearest minor unit (weighed goods have fractional
 * quantities). Negative or non-finite values throw: returns go through the refund path, which
 * reverses the original sale's recorded points instead of earning negative points here.
 */
export function lineTotalMinor(line: SaleLineForRules): number {
  const { quantity, unitPriceMinor } = line;
  if (!Number.isFinite(quantity) || quantity < 0) throw new RangeError(`bad quantity ${quantity} for ${line.sku}`);
  if (!isMinorUnits(unitPriceMinor) || unitPriceMinor < 0)
    throw new RangeError(`bad unit price ${unitPriceMinor} for ${line.sku}`);
  const total = Math.round(quantity * unitPriceMinor);
  if (!Number.isSafeInteger(total)) throw new RangeError(`line total overflows for ${line.sku}`);
  return total;
}

export type MultiplierReason = 'excludedSku' | 'excludedCategory' | 'sku' | 'category' | 'default';

// The answers without a multiplier from the rules are the same every time: made once.
const EXCLUDED_SKU = { bp: 0, reason: 'excludedSku' } as const;
const EXCLUDED_CATEGORY = { bp: 0, reason: 'excludedCategory' } as const;
const DEFAULT = { bp: BP_ONE, reason: 'default' } as const;

/** Exclusion wins over any multiplier (it can only remove points); then sku beats category. */
export function lineMultiplier(rules: RuleSet, line: SaleLineForRules): { bp: number; reason: MultiplierReason } {
  // Own keys only (ruleTables.ts): a sku called "constructor" must not find Object.prototype.
  const t = ruleTables(rules);
  if (t.excludedSkus.has(line.sku)) return EXCLUDED_SKU;
  if (t.excludedCategories.has(line.category)) return EXCLUDED_CATEGORY;
  const sku = t.skuBp.get(line.sku);
  if (sku !== undefined) return { bp: sku, reason: 'sku' };
  const category = t.categoryBp.get(line.category);
  if (category !== undefined) return { bp: category, reason: 'category' };
  return DEFAULT;
}

export interface EligibleLine {
  lineIndex: number;
  totalMinor: number;
  bp: number;
  reason: MultiplierReason;
  /** The part of the line that earns, counted once: its share of the amount paid, 0 if excluded. */
  eligible: Rational;
  /** eligible × the line's multiplier: what the points rate applies to. */
  weighted: Rational;
}

export interface Eligibility {
  totalMinor: number;
  discountMinor: number;
  paidMinor: number;
  lines: EligibleLine[];
  /** The sale's eligible amount: the sum of the lines' eligible parts, never above the amount paid. */
  eligible: Rational;
  /** The sum of the lines' weighted parts (a ×2 line counts its amount twice here, and only here). */
  weighted: Rational;
}

/**
 * Each line's eligible amount is its total scaled by paid/total, so the part of the sale paid with
 * points earns nothing (spread over the lines in proportion to their totals); an excluded line has
 * none. Its multiplier weighs that amount for the points only: the eligible amount of a ¥60.00
 * sale is at most ¥60.00 whatever the multipliers.
 */
export function computeEligibility(rules: RuleSet, lines: SaleLineForRules[], discountMinor: number): Eligibility {
  if (!isMinorUnits(discountMinor) || discountMinor < 0) throw new RangeError(`bad discount ${discountMinor}`);
  const totals = lines.map(lineTotalMinor);
  const totalMinor = totals.reduce((a, b) => a + b, 0);
  const discount = Math.min(discountMinor, totalMinor);
  const paidMinor = totalMinor - discount;
  // Every line's share has the same denominator, so the sale's totals are the sums of the
  // numerators over it, reduced once (the same value as adding the shares one by one).
  const paid = BigInt(paidMinor);
  const den = BigInt(totalMinor);
  const weightedDen = BigInt(BP_ONE) * den;
  let sum = 0n;
  let weightedSum = 0n;
  const out: EligibleLine[] = lines.map((line, lineIndex) => {
    const { bp, reason } = lineMultiplier(rules, line);
    const lineTotal = totals[lineIndex] ?? 0;
    if (totalMinor === 0) return { lineIndex, totalMinor: lineTotal, bp, reason, eligible: ZERO, weighted: ZERO };
    const num = bp === 0 ? 0n : BigInt(lineTotal) * paid;
    const weightedNum = num * BigInt(bp);
    sum += num;
    weightedSum += weightedNum;
    return {
      lineIndex,
      totalMinor: lineTotal,
      bp,
      reason,
      eligible: rat(num, den),
      weighted: rat(weightedNum, weightedDen),
    };
  });
  const eligible = totalMinor === 0 ? ZERO : reduce(rat(sum, den));
  const weighted = totalMinor === 0 ? ZERO : reduce(rat(weightedSum, weightedDen));
  return { totalMinor, discountMinor: discount, paidMinor, lines: out, eligible, weighted };
}

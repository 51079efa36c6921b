import { isMinorUnits } from '../money';
import type { SaleLineForRules } from './earnTypes';
import { rat, add, ZERO, type Rational } from './rational';
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
  if (!isMinorUnits(unitPriceMinor) || unitPriceMinor < 0) throw new RangeError(`bad unit price ${unitPriceMinor} for ${line.sku}`);
  const total = Math.round(quantity * unitPriceMinor);
  if (!Number.isSafeInteger(total)) throw new RangeError(`line total overflows for ${line.sku}`);
  return total;
}

export type MultiplierReason = 'excludedSku' | 'excludedCategory' | 'sku' | 'category' | 'default';

// Object.hasOwn, not `in` or indexing: a sku called "constructor" must not find Object.prototype.
function own(record: Record<string, number>, key: string): number | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Exclusion wins over any multiplier (it can only remove points); then sku beats category. */
export function lineMultiplier(rules: RuleSet, line: SaleLineForRules): { bp: number; reason: MultiplierReason } {
  if (rules.excludedSkus.includes(line.sku)) return { bp: 0, reason: 'excludedSku' };
  if (rules.excludedCategories.includes(line.category)) return { bp: 0, reason: 'excludedCategory' };
  const sku = own(rules.skuMultipliersBp, line.sku);
  if (sku !== undefined) return { bp: sku, reason: 'sku' };
  const category = own(rules.categoryMultipliersBp, line.category);
  if (category !== undefined) return { bp: category, reason: 'category' };
  return { bp: BP_ONE, reason: 'default' };
}

export interface EligibleLine {
  lineIndex: number;
  totalMinor: number;
  bp: number;
  reason: MultiplierReason;
  eligible: Rational;
}

export interface Eligibility {
  totalMinor: number;
  discountMinor: number;
  paidMinor: number;
  lines: EligibleLine[];
  eligible: Rational;
}

/**
 * Each line's eligible amount = lineTotal × multiplier, scaled by paid/total so the part of the
 * sale paid with points earns nothing (spread over the lines in proportion to their totals).
 */
export function computeEligibility(rules: RuleSet, lines: SaleLineForRules[], discountMinor: number): Eligibility {
  if (!isMinorUnits(discountMinor) || discountMinor < 0) throw new RangeError(`bad discount ${discountMinor}`);
  const totals = lines.map(lineTotalMinor);
  const totalMinor = totals.reduce((a, b) => a + b, 0);
  const discount = Math.min(discountMinor, totalMinor);
  const paidMinor = totalMinor - discount;
  const out: EligibleLine[] = lines.map((line, lineIndex) => {
    const { bp, reason } = lineMultiplier(rules, line);
    const lineTotal = totals[lineIndex] ?? 0;
    const eligible =
      totalMinor === 0 ? ZERO : rat(BigInt(lineTotal) * BigInt(bp) * BigInt(paidMinor), BigInt(BP_ONE) * BigInt(totalMinor));
    return { lineIndex, totalMinor: lineTotal, bp, reason, eligible };
  });
  const eligible = out.reduce((sum, l) => add(sum, l.eligible), ZERO);
  return { totalMinor, discountMinor: discount, paidMinor, lines: out, eligible };
}

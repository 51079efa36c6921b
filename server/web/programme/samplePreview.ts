import { categoryIndex, resolveCategory } from '../../../shared/domain/categories';
import { computeEarn, type EarnResult, type SaleLineForRules } from '../../../shared/domain/rules/earn';
import type { RuleSet } from '../../../shared/domain/rules/ruleSet';
import type { CategoryList } from '../../../shared/sync/catalogue';

// What a sample basket would earn, worked out in the page by THE earn engine the till's sale uses
// (shared/domain/rules/earn.ts), with the lines' categories resolved as the till resolves them
// (shared/domain/categories.ts). Nothing here is a rule of its own.

export interface SampleBasket {
  lines: SaleLineForRules[];
  /** The member's tier code, or null for a member without a tier multiplier. */
  tierCode: string | null;
  /** This sale's visit number for the member (1 = the first visit). */
  visitNumber: number;
}

export type SamplePreview =
  | { ok: true; earn: EarnResult }
  /** A line whose category the chain's list does not have (the till would refuse the sale). */
  | { ok: false; unknownCategoryLine: number };

/** The basket's lines with each category as the till files it, or the first line it would refuse. */
export function resolveBasketLines(
  categories: CategoryList | null,
  lines: SaleLineForRules[],
): SaleLineForRules[] | { unknownCategoryLine: number } {
  const list = categories === null ? null : { index: categoryIndex(categories), defaultCode: categories.defaultCode };
  const resolved: SaleLineForRules[] = [];
  for (const [i, line] of lines.entries()) {
    const code = resolveCategory(list, line.category);
    if (code === null) return { unknownCategoryLine: i };
    resolved.push({ ...line, category: code });
  }
  return resolved;
}

/** The points the basket earns under `rules` (a member's sale, nothing paid with points). */
export function previewEarn(rules: RuleSet, categories: CategoryList | null, basket: SampleBasket): SamplePreview {
  const lines = resolveBasketLines(categories, basket.lines);
  if (!Array.isArray(lines)) return { ok: false, unknownCategoryLine: lines.unknownCategoryLine };
  const earn = computeEarn(rules, {
    lines,
    discountMinor: 0,
    tierCode: basket.tierCode,
    visitNumber: basket.visitNumber,
    currency: null,
  });
  return { ok: true, earn };
}

import type { RuleSet } from './ruleSet';

/**
 * A rule set's keyed parts as Sets and Maps, made once per rule set.
 *
 * Every sale looks up each line's sku and category and the member's tier. On the plain records
 * that was a keyed property lookup with a freshly parsed string each time: a string-table probe
 * and a megamorphic inline cache per lookup (seen with perf on the sale path). A parsed rule
 * set is a value that is never changed (rules.ts keeps one per stored version), so its tables
 * are kept beside it. Only own keys count, as with Object.hasOwn: a sku called "constructor"
 * finds nothing.
 */
export interface RuleTables {
  excludedSkus: ReadonlySet<string>;
  excludedCategories: ReadonlySet<string>;
  skuBp: ReadonlyMap<string, number>;
  categoryBp: ReadonlyMap<string, number>;
  tierBp: ReadonlyMap<string, number>;
}

const byRules = new WeakMap<RuleSet, RuleTables>();

export function ruleTables(rules: RuleSet): RuleTables {
  let tables = byRules.get(rules);
  if (!tables) {
    tables = {
      excludedSkus: new Set(rules.excludedSkus),
      excludedCategories: new Set(rules.excludedCategories),
      skuBp: new Map(Object.entries(rules.skuMultipliersBp)),
      categoryBp: new Map(Object.entries(rules.categoryMultipliersBp)),
      tierBp: new Map(Object.entries(rules.tierMultipliersBp)),
    };
    byRules.set(rules, tables);
  }
  return tables;
}

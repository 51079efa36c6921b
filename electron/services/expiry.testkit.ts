import { ruleVersions } from '../../db/schema';
import type { ExpiryPolicy } from '../../shared/domain/rules/expiryPolicy';
import { RuleSet } from '../../shared/domain/rules/ruleSet';
import type { ServiceContext } from '../core/context';
import { currentRules } from './rules';

/**
 * A new rule version with this expiry policy, in force from now: the row a rules save writes
 * (the Programme screen's save lands on another branch; the pull's `rules` change writes the same row).
 */
export function useExpiryPolicy(ctx: ServiceContext, expiry: ExpiryPolicy): RuleSet {
  const current = currentRules(ctx);
  if (!current) throw new Error('the shop is not set up');
  const rules = RuleSet.parse({ ...current, version: current.version + 1, expiry });
  const now = ctx.clock.now();
  ctx.db
    .insert(ruleVersions)
    .values({
      version: rules.version,
      rulesJson: JSON.stringify(rules),
      effectiveFrom: now,
      source: 'local',
      createdAt: now,
    })
    .run();
  return rules;
}

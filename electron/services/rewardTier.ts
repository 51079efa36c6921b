import { DomainError } from '../../shared/contract';
import type { ServiceContext } from '../core/context';
import { memberTierStatus } from './memberTier';
import type { MemberRow } from './memberView';
import { currentRules } from './rules';
import { loadTiers } from './tiers';

/**
 * A reward only a tier (or higher) may take: the member's held tier (the shared rule, an override
 * included) must rank at least as high, else TIER_TOO_LOW naming the tier, nothing written.
 */
export function requireTierFor(ctx: ServiceContext, member: MemberRow, minTierCode: string | null): void {
  if (minTierCode === null) return;
  const ladder = loadTiers(ctx);
  const min = ladder.find((t) => t.code === minTierCode);
  if (!min) return; // a tier that left the ladder no longer restricts anyone
  const rules = currentRules(ctx);
  const held = rules === null ? null : memberTierStatus(ctx, member, ladder, rules).tier;
  if (held === null || held.rank < min.rank)
    throw new DomainError('TIER_TOO_LOW', { minTier: min.name, minTierCode: min.code, tierCode: held?.code ?? null });
}

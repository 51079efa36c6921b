import { DomainError, type MemberView, type ParsedInput } from '../../shared/contract';
import { tierOverrides } from '../../db/schema';
import type { ServiceContext } from '../core/context';
import { appendOutbox } from '../core/outbox';
import { atomic } from '../platform/transactions';
import { appendAudit } from './audit';
import { memberViewById, requireMember } from './memberView';
import { refuseMergedMember } from './mergedMember';
import { readTerminal, requireConfigured } from './terminalRow';
import { loadTiers } from './tiers';

/**
 * A manager sets a member's tier by hand, with a reason, until an end date; after it the computed
 * tier applies again (shared/domain/tierStatus.ts). The override row, its audit row and its
 * tier_override record for head office are written in ONE transaction. An end date not after now
 * or a tier not on the ladder is refused (TIER_OVERRIDE_INVALID), nothing written; an empty
 * reason never gets here (the contract's schema refuses it).
 */
export function setMemberTier(ctx: ServiceContext, input: ParsedInput<'setMemberTier'>): MemberView {
  requireConfigured(ctx);
  return atomic(ctx, () => {
    const member = refuseMergedMember(ctx, requireMember(ctx, input.memberId));
    const now = ctx.clock.now();
    const { endsAt } = input;
    if (endsAt <= now)
      throw new DomainError('TIER_OVERRIDE_INVALID', { field: 'endsAt', reason: 'not_after_now', endsAt });
    const tier = loadTiers(ctx).find((t) => t.code === input.tierCode);
    if (!tier) throw new DomainError('TIER_OVERRIDE_INVALID', { field: 'tierCode', reason: 'unknown_tier' });
    writeTierOverride(ctx, {
      memberId: member.id,
      tierCode: tier.code,
      reason: input.reason,
      endsAt: input.endsAt,
      terminalId: readTerminal(ctx).terminalId,
    });
    appendAudit(ctx, {
      action: 'tier.overridden',
      memberId: member.id,
      subject: tier.code,
      details: { tierCode: tier.code, previous: member.tierCode, reason: input.reason, endsAt: input.endsAt },
    });
    return memberViewById(ctx, member.id);
  });
}

/**
 * The override row and its tier_override record for head office, in the caller's transaction (a manager's
 * override above, an imported member's tier in memberImport/writeImported.ts). The caller checked the tier.
 */
export function writeTierOverride(
  ctx: ServiceContext,
  override: { memberId: string; tierCode: string; reason: string; endsAt: number; terminalId: string },
): void {
  const row = {
    id: ctx.ids.uuid(),
    memberId: override.memberId,
    tierCode: override.tierCode,
    reason: override.reason,
    setAt: ctx.clock.now(),
    endsAt: override.endsAt,
    staffId: ctx.actor?.staffId ?? null,
    terminalId: override.terminalId,
  };
  ctx.db.insert(tierOverrides).values(row).run();
  const { terminalId: _terminalId, ...record } = row;
  appendOutbox(ctx, 'tier_override', row.id, record);
}

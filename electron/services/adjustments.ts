import { and, eq, sql } from 'drizzle-orm';
import { adjustSummary } from '../../shared/domain/adjustSummary';
import { DomainError, type AdjustmentReceipt, type ParsedInput } from '../../shared/contract';
import { checkAdjustment } from '../../shared/domain/pointsAdjustment';
import type { LedgerRecord } from '../../shared/sync/records';
import { members } from '../../db/schema';
import type { ServiceContext } from '../core/context';
import { appendOutbox } from '../core/outbox';
import { atomic, perDb } from '../platform/transactions';
import { appendAudit } from './audit';
import { requireMember } from './memberView';
import { refuseMergedMember } from './mergedMember';
import { ledgerInsert } from './sales';
import { currentRules } from './rules';
import { lotExpiresAt } from '../../shared/domain/rules/expiryPolicy';
import { requireConfigured } from './terminalRow';

const p = sql.placeholder;

const statements = perDb((db) => ({
  // Guarded by the balance read: a change in between fails the adjustment instead of losing a write.
  balance: db
    .update(members)
    .set({
      pointsBalance: sql`${p('balance')}`,
      updatedAt: sql`${p('at')}`,
      nextExpiryAt: sql`min(coalesce(${members.nextExpiryAt}, ${p('lotExpiresAt')}),
                            coalesce(${p('lotExpiresAt')}, ${members.nextExpiryAt}))`,
    })
    .where(and(eq(members.id, p('id')), eq(members.pointsBalance, p('balanceBefore'))))
    .prepare(),
}));

/**
 * A manager adds or removes a member's points with a reason. The 'adjust' ledger row, the cached
 * balance, the audit row and the 'adjustment' record are written in ONE transaction. A removal
 * may take the balance to zero and no further (shared/domain/pointsAdjustment.ts): the till
 * refuses it with ADJUST_BELOW_ZERO, and writes nothing.
 */
export function adjustPoints(ctx: ServiceContext, input: ParsedInput<'adjustPoints'>): AdjustmentReceipt {
  return atomic(ctx, () => {
    const term = requireConfigured(ctx);
    const member = refuseMergedMember(ctx, requireMember(ctx, input.memberId));
    const balance = member.pointsBalance;
    const check = checkAdjustment(balance, input.delta);
    if (check.kind === 'belowZero') throw new DomainError('ADJUST_BELOW_ZERO', { balance, delta: input.delta });
    if (check.kind !== 'ok') throw new DomainError('VALIDATION', { field: 'delta', problem: check.kind });

    const now = ctx.clock.now();
    const adjustmentId = ctx.ids.uuid();
    // Points added are a lot like any earned: they expire by the policy in force now.
    const rules = currentRules(ctx);
    const expiresAt = input.delta > 0 && rules ? lotExpiresAt(rules.expiry, now, ctx.timeZone) : null;
    const row: LedgerRecord = {
      id: adjustmentId,
      memberId: member.id,
      kind: 'adjust',
      delta: input.delta,
      ruleVersion: null,
      campaignId: null,
      createdAt: now,
      expiresAt,
    };
    ledgerInsert(ctx).run({
      ...row,
      balanceAfter: check.balanceAfter,
      saleId: null,
      redemptionId: null,
      summary: adjustSummary(input.reason, input.note),
      terminalId: term.terminalId,
    });
    const moved = statements(ctx.db).balance.run({
      id: member.id,
      balanceBefore: balance,
      balance: check.balanceAfter,
      at: now,
      lotExpiresAt: expiresAt,
    });
    if (moved.changes !== 1) throw new Error(`member ${member.id} changed during the adjustment`);
    appendAudit(ctx, {
      action: 'points.adjusted',
      memberId: member.id,
      subject: adjustmentId,
      details: { delta: input.delta, reason: input.reason, note: input.note, balanceBefore: balance },
    });
    appendOutbox(ctx, 'adjustment', adjustmentId, {
      id: adjustmentId,
      memberId: member.id,
      delta: input.delta,
      reason: input.reason,
      note: input.note,
      createdAt: now,
      ledger: [{ ...row, kind: 'adjust' }],
    });
    return {
      adjustmentId,
      memberId: member.id,
      delta: input.delta,
      reason: input.reason,
      note: input.note,
      balanceAfter: check.balanceAfter,
      createdAt: now,
    };
  });
}

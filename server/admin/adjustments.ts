import { eq, sql } from 'drizzle-orm';
import type { AdjustmentReceipt, AdjustPointsBody } from '../../shared/contract/adjustments';
import { checkAdjustment } from '../../shared/domain/pointsAdjustment';
import type { HoDb } from '../store/connect';
import { ledger, members } from '../store/schema';
import { HoError } from '../http/errors';
import type { Clock, IdSource } from '../sources';
import { appendFeed } from '../sync/feed';
import { addLedgerToSummaries } from '../stats/summaryUpsert';
import { refuseMergedDuplicate } from '../members/refuseMerged';
import type { ShopFilter } from './reports';

/** What head office writes in a ledger row's terminal column for its own adjustments. */
export const HEAD_OFFICE_TERMINAL = 'head-office';

/**
 * A head-office user adds or removes a member's points with a reason: the 'adjust' ledger row and
 * its pull change in one transaction (the route's audit row joins it), so every till gets the row.
 * The same rule as the till's (shared/domain/pointsAdjustment.ts), on head office's chain-wide
 * balance: a removal past zero is refused (409 CONFLICT, code ADJUST_BELOW_ZERO in details).
 * A shop manager adjusts only their own shops' members; another's is as unknown as a missing one.
 */
export async function adjustMemberPoints(
  db: HoDb,
  clock: Clock,
  ids: IdSource,
  memberId: string,
  body: AdjustPointsBody,
  shops: ShopFilter,
): Promise<AdjustmentReceipt> {
  return db.transaction(async (tx) => {
    // The member row is locked, so two adjustments of one member check their balances one after the other.
    const [member] = await tx.select().from(members).where(eq(members.id, memberId)).for('update');
    const visible = member && member.erasedAt === null && (shops === null || shops.includes(member.homeShopId ?? ''));
    if (!member || !visible) throw new HoError('NOT_FOUND', `No member ${memberId}.`);
    await refuseMergedDuplicate(tx, memberId);
    const [sum] = await tx
      .select({ balance: sql<number>`coalesce(sum(${ledger.delta}), 0)::int` })
      .from(ledger)
      .where(eq(ledger.memberId, memberId));
    const balance = sum?.balance ?? 0;
    const check = checkAdjustment(balance, body.delta);
    if (check.kind === 'belowZero')
      throw new HoError('CONFLICT', `The member has ${balance} points: a removal may not take them below zero.`, {
        reason: 'ADJUST_BELOW_ZERO',
        balance,
        delta: body.delta,
      });
    if (check.kind !== 'ok') throw new HoError('VALIDATION', `Not an adjustment: ${check.kind}.`);
    const id = ids.uuid();
    const now = clock.now();
    const shopId = member.homeShopId ?? HEAD_OFFICE_TERMINAL;
    await tx.insert(ledger).values({
      id,
      memberId,
      kind: 'adjust',
      delta: body.delta,
      ruleVersion: null,
      campaignId: null,
      saleId: null,
      redemptionId: null,
      terminalId: HEAD_OFFICE_TERMINAL,
      shopId,
      createdAt: now,
    });
    await addLedgerToSummaries(tx, [{ shopId, kind: 'adjust', delta: body.delta, createdAt: now }]);
    await appendFeed(tx, [
      {
        kind: 'ledger',
        entityId: id,
        originTerminalId: null,
        payload: {
          id,
          memberId,
          type: 'adjust',
          delta: body.delta,
          ruleVersion: null,
          campaignId: null,
          shopId,
          terminalId: HEAD_OFFICE_TERMINAL,
          createdAt: now,
        },
      },
    ]);
    return {
      adjustmentId: id,
      memberId,
      delta: body.delta,
      reason: body.reason,
      note: body.note,
      balanceAfter: check.balanceAfter,
      createdAt: now,
    };
  });
}

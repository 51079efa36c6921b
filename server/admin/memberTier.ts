import { and, desc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { MemberTierAnswer, TierOverrideBody } from '../../shared/contract/tierStatus';
import { tierStatusView } from '../../shared/contract/tierStatusView';
import { tierEvents } from '../../shared/domain/tierEvents';
import { tierStatus } from '../../shared/domain/tierStatus';
import type { Clock, IdSource } from '../../shared/sources';
import type { HoDb } from '../store/connect';
import { ledger, members, sales, tierOverrides } from '../store/schema';
import { refuseMergedDuplicate } from '../members/refuseMerged';
import { HoError } from '../http/errors';
import { appendFeed } from '../sync/feed';
import { memberTimeZone } from '../sync/shopTimeZone';
import { recordTierChanges } from '../tiers/tierHistory';
import { officeProgramme } from '../tiers/officeLadder';

/**
 * A member's tier from head office's own rows (ho_ledger, ho_sales, ho_tier_overrides) by the
 * same rule and the same history builder a till uses (shared/domain/tierStatus.ts, tierEvents.ts).
 */
export async function officeMemberTier(db: HoDb, clock: Clock, memberId: string): Promise<MemberTierAnswer> {
  const [member] = await db.select({ id: members.id }).from(members).where(eq(members.id, memberId));
  if (!member) throw new HoError('NOT_FOUND', `No member ${memberId}.`);
  // The member's home shop's calendar, the one its tills evaluate them in (shopTimeZone.ts).
  const timeZone = await memberTimeZone(db, memberId);
  const now = clock.now();
  const { rules, ladder } = await officeProgramme(db, now);
  const rows = await db
    .select({
      id: ledger.id,
      kind: ledger.kind,
      delta: ledger.delta,
      createdAt: ledger.createdAt,
      reversesId: ledger.reversesId,
    })
    .from(ledger)
    .where(and(eq(ledger.memberId, memberId), inArray(ledger.kind, ['earn', 'reversal'])));
  const saleRows = await db
    .select({ totalMinor: sales.totalMinor, createdAt: sales.createdAt })
    .from(sales)
    .where(eq(sales.memberId, memberId));
  const [override] = await db
    .select()
    .from(tierOverrides)
    .where(eq(tierOverrides.memberId, memberId))
    .orderBy(desc(tierOverrides.setAt), desc(tierOverrides.id))
    .limit(1);
  const status = tierStatus({
    ladder,
    policy: rules.tierQualification,
    events: tierEvents(rows, saleRows),
    override: override ?? null,
    now,
    timeZone,
  });
  return {
    memberId,
    tierCode: status.tier?.code ?? null,
    status: tierStatusView(status, rules.tierQualification),
  };
}

/**
 * Head office sets a member's tier by hand: the override row and its pull change in one
 * transaction (the route's audit row names the person). Refused, nothing written: an end date not
 * after now, or a tier not on the published ladder (VALIDATION, as every admin input).
 */
export async function setOfficeMemberTier(
  db: HoDb,
  clock: Clock,
  ids: IdSource,
  memberId: string,
  body: z.output<typeof TierOverrideBody>,
  by: string,
): Promise<MemberTierAnswer> {
  const now = clock.now();
  if (body.endsAt <= now)
    throw new HoError('VALIDATION', 'The end date must be after now.', { field: 'endsAt', reason: 'not_after_now' });
  await db.transaction(async (tx) => {
    // Locked as a merge locks it: a merge of this member waits, or this sees it merged.
    const [member] = await tx.select({ id: members.id }).from(members).where(eq(members.id, memberId)).for('update');
    if (!member) throw new HoError('NOT_FOUND', `No member ${memberId}.`);
    await refuseMergedDuplicate(tx, memberId);
    const { ladder } = await officeProgramme(tx, now);
    if (!ladder.some((t) => t.code === body.tierCode))
      throw new HoError('VALIDATION', `No tier ${body.tierCode} on the ladder.`, {
        field: 'tierCode',
        reason: 'unknown_tier',
      });
    const row = {
      id: ids.uuid(),
      memberId,
      tierCode: body.tierCode,
      reason: body.reason,
      setAt: now,
      endsAt: body.endsAt,
      staffId: by.slice(0, 64),
      terminalId: 'head-office',
    };
    await tx.insert(tierOverrides).values(row);
    await appendFeed(tx, [{ kind: 'tier_override', entityId: memberId, originTerminalId: null, payload: row }]);
    await recordTierChanges(tx, [memberId], now);
  });
  return officeMemberTier(db, clock, memberId);
}

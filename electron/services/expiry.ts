import { createHash } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import { expiryRowId } from '../../shared/domain/expiryId';
import { derivePointLots, type LedgerEntry, type PointLots } from '../../shared/domain/pointLots';
import type { ExpiringSoon } from '../../shared/contract/expiry';
import type { LedgerRecord } from '../../shared/sync/records';
import { members, pointsLedger } from '../../db/schema';
import type { ServiceContext } from '../core/context';
import { appendOutbox } from '../core/outbox';
import { atomic, perDb } from '../platform/transactions';
import { findMember, type MemberRow } from './memberView';
import { requireConfigured } from './terminalRow';
import { businessDay } from './businessDay';
import { readState, writeState } from '../platform/syncStateTable';

// Expiry at the terminal: the lots of a member are derived from the ledger by the one shared
// function (shared/domain/pointLots.ts); the due ones get an `expire` row each, written with the
// outbox record in one transaction, before any spend and when a member is looked up. The member's
// cached next_expiry_at is a lower bound (earning only brings it forward), so a member with no lot
// due costs one comparison on the sale path.

export const EXPIRING_SOON_DAYS = 30;
const DAY_MS = 86_400_000;
const sha1 = (bytes: Uint8Array): Uint8Array => createHash('sha1').update(bytes).digest();

const statements = perDb((db) => ({
  lots: db
    .select({
      id: pointsLedger.id,
      kind: pointsLedger.kind,
      delta: pointsLedger.delta,
      createdAt: pointsLedger.createdAt,
      expiresAt: pointsLedger.expiresAt,
      lotId: pointsLedger.lotId,
    })
    .from(pointsLedger)
    .where(eq(pointsLedger.memberId, sql.placeholder('memberId')))
    .orderBy(asc(pointsLedger.createdAt), asc(pointsLedger.id))
    .prepare(),
  expire: db
    .insert(pointsLedger)
    .values({
      id: sql.placeholder('id'),
      memberId: sql.placeholder('memberId'),
      kind: 'expire',
      delta: sql.placeholder('delta'),
      balanceAfter: sql.placeholder('balanceAfter'),
      summary: sql.placeholder('summary'),
      terminalId: sql.placeholder('terminalId'),
      createdAt: sql.placeholder('createdAt'),
      lotId: sql.placeholder('lotId'),
    })
    .onConflictDoNothing()
    .prepare(),
  member: db
    .update(members)
    .set({ pointsBalance: sql`${sql.placeholder('balance')}`, nextExpiryAt: sql`${sql.placeholder('next')}` })
    .where(and(eq(members.id, sql.placeholder('id')), eq(members.pointsBalance, sql.placeholder('balanceBefore'))))
    .prepare(),
}));

/** The member's ledger as lots, at `now` (the one derivation, shared with head office). */
export function memberLots(ctx: ServiceContext, memberId: string, now: number): PointLots {
  const rows: LedgerEntry[] = statements(ctx.db).lots.all({ memberId });
  return derivePointLots(rows, now, EXPIRING_SOON_DAYS);
}

/** True when a lot of this member may be due: only then is the ledger read. */
export const expiryMayBeDue = (member: MemberRow, now: number): boolean =>
  member.nextExpiryAt !== null && member.nextExpiryAt <= now;

/**
 * Writes the member's due expiry rows (ids from member + lot, so never twice here or anywhere),
 * the cached balance and next expiry, and one `expiry` outbox record, in ONE transaction.
 * Returns the member as it stands after.
 */
export function expireDueLots(ctx: ServiceContext, member: MemberRow): MemberRow {
  const now = ctx.clock.now();
  if (!expiryMayBeDue(member, now)) return member;
  return atomic(ctx, () => {
    const fresh = findMember(ctx, member.id);
    if (!fresh || !expiryMayBeDue(fresh, now)) return fresh ?? member;
    const st = statements(ctx.db);
    const lots = memberLots(ctx, fresh.id, now);
    const terminalId = requireConfigured(ctx).terminalId;
    const ledger: (LedgerRecord & { kind: 'expire'; lotId: string })[] = [];
    let balance = fresh.pointsBalance;
    for (const due of lots.due) {
      const id = expiryRowId(fresh.id, due.lotId, sha1);
      const summary = `${due.points} pt expired`;
      if (
        st.expire.run({
          id,
          memberId: fresh.id,
          delta: -due.points,
          balanceAfter: balance - due.points,
          summary,
          terminalId,
          createdAt: now,
          lotId: due.lotId,
        }).changes !== 1
      )
        continue; // already here (pulled from head office)
      balance -= due.points;
      ledger.push({
        id,
        memberId: fresh.id,
        kind: 'expire',
        delta: -due.points,
        ruleVersion: null,
        campaignId: null,
        createdAt: now,
        lotId: due.lotId,
      });
    }
    const changed = st.member.run({
      id: fresh.id,
      balanceBefore: fresh.pointsBalance,
      balance,
      next: lots.nextExpiryAt,
    });
    if (changed.changes !== 1) throw new Error(`member ${fresh.id} changed during expiry`);
    const first = ledger[0];
    if (first) appendOutbox(ctx, 'expiry', first.id, { memberId: fresh.id, ledger, createdAt: now });
    return { ...fresh, pointsBalance: balance, nextExpiryAt: lots.nextExpiryAt };
  });
}

/** Points of the member that expire within 30 days, and when the first of them does; null when none. */
export function expiringSoonOf(
  ctx: ServiceContext,
  member: Pick<MemberRow, 'id' | 'nextExpiryAt'>,
  now: number = ctx.clock.now(),
): ExpiringSoon | null {
  return expiringSoonBy(ctx, member.id, member.nextExpiryAt, now);
}

function expiringSoonBy(ctx: ServiceContext, memberId: string, next: number | null, now: number): ExpiringSoon | null {
  if (next === null || next > now + EXPIRING_SOON_DAYS * DAY_MS) return null;
  const soon = memberLots(ctx, memberId, now).expiringSoon;
  return soon.points > 0 && soon.firstAt !== null ? { points: soon.points, at: soon.firstAt } : null;
}

/**
 * The business-day sweep, once per day at its start (the sync loop asks before each sync): every
 * member with a lot due gets its expiry rows, so head office hears of members nobody looked up.
 */
export function sweepExpiryOncePerDay(ctx: ServiceContext): number {
  const today = businessDay(ctx.clock.now(), ctx.timeZone);
  if ((readState(ctx.db, 'lastExpirySweepDay') ?? '') >= today) return 0;
  const swept = expireAllDue(ctx);
  writeState(ctx.db, 'lastExpirySweepDay', today);
  return swept;
}

/** Every member with a lot that may be due. */
export function expireAllDue(ctx: ServiceContext): number {
  const now = ctx.clock.now();
  const due = ctx.db
    .select()
    .from(members)
    .where(sql`${members.nextExpiryAt} IS NOT NULL AND ${members.nextExpiryAt} <= ${now}`)
    .all();
  for (const member of due) expireDueLots(ctx, member);
  return due.length;
}

/** The receipt's line: the member's next expiry after this sale (which may have added a lot). */
export function expiringSoonAfterSale(
  ctx: ServiceContext,
  member: MemberRow,
  lotExpiresAt: number | null,
  now: number,
): ExpiringSoon | null {
  const before = member.nextExpiryAt;
  const next = lotExpiresAt === null || (before !== null && before < lotExpiresAt) ? before : lotExpiresAt;
  return expiringSoonBy(ctx, member.id, next, now);
}

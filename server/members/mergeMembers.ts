import { eq, inArray, or, sql } from 'drizzle-orm';
import type { MergeAnswer, MergeRefusal } from '../../shared/admin/memberMerge';
import type { Clock, IdSource } from '../../shared/sources';
import { HoError } from '../http/errors';
import { officeMemberTier } from '../admin/memberTier';
import type { HoDb } from '../store/connect';
import { cards, ledger, memberMerges, members } from '../store/schema';
import { addLedgerToSummaries } from '../stats/summaryUpsert';
import { appendFeed, type FeedItem } from '../sync/feed';
import { DERIVE_LOCK_NAMESPACE } from '../sync/deriveChunk';
import { MERGE_TERMINAL, moveDuplicatePoints } from './moveLedger';
import { betterTierOverride } from './mergeTier';
import { moveMergedOutOfTiers } from './mergeTierMoves';

type MemberRow = typeof members.$inferSelect;

const refuse = (reason: MergeRefusal, message: string): HoError => new HoError('CONFLICT', message, { reason });

/**
 * Every terminal's derivation lock first (a derivation takes its own, then member rows: the same
 * order, no deadlock), so no derivation runs through the merge (settleMerged.ts); then the two
 * members' rows, as an adjustment locks them.
 */
async function lockPair(tx: HoDb, survivorId: string, duplicateId: string): Promise<[MemberRow, MemberRow]> {
  const terminalsInOrder = sql`(SELECT id FROM ho_terminals ORDER BY id) t`;
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${DERIVE_LOCK_NAMESPACE}, hashtext(id)) FROM ${terminalsInOrder}`);
  const rows = await tx
    .select()
    .from(members)
    .where(inArray(members.id, [survivorId, duplicateId]))
    .for('update');
  const survivor = rows.find((m) => m.id === survivorId);
  const duplicate = rows.find((m) => m.id === duplicateId);
  if (!survivor) throw new HoError('NOT_FOUND', `No member ${survivorId}.`);
  if (!duplicate) throw new HoError('NOT_FOUND', `No member ${duplicateId}.`);
  return [survivor, duplicate];
}

/** Why these two may not be merged (null: they may), checked before anything is written. */
export async function mergeRefusal(tx: HoDb, survivor: MemberRow, duplicate: MemberRow): Promise<MergeRefusal | null> {
  if (survivor.id === duplicate.id) return 'MERGE_SELF';
  if (survivor.erasedAt !== null || duplicate.erasedAt !== null) return 'MERGE_ERASED';
  const earlier = await tx
    .select({ id: memberMerges.id })
    .from(memberMerges)
    .where(or(eq(memberMerges.duplicateId, survivor.id), eq(memberMerges.duplicateId, duplicate.id)))
    .limit(1);
  return earlier.length > 0 ? 'MERGE_ALREADY_MERGED' : null;
}

const balanceOf = async (tx: HoDb, memberId: string): Promise<number> => {
  const [row] = await tx
    .select({ balance: sql<number>`coalesce(sum(${ledger.delta}), 0)::int` })
    .from(ledger)
    .where(eq(ledger.memberId, memberId));
  return row?.balance ?? 0;
};

/**
 * Merges `duplicateId` into `survivorId` in ONE transaction (the route's audit row joins it): the
 * duplicate's cards become the survivor's, its spendable points move by ledger rows on both, the
 * better tier is kept, and the merge row records what the duplicate was. Every till learns it by the
 * pull (card and ledger changes, a tier_override when the duplicate's tier was better).
 * Refused with nothing written: self, erased, already merged (409 CONFLICT, details.reason); unknown (404).
 */
export async function mergeMembers(
  db: HoDb,
  clock: Clock,
  ids: IdSource,
  input: { survivorId: string; duplicateId: string; by: string },
): Promise<MergeAnswer> {
  const { survivorId, duplicateId } = input;
  if (survivorId === duplicateId) throw refuse('MERGE_SELF', 'A member cannot be merged with themself.');
  return db.transaction(async (tx) => {
    const [survivor, duplicate] = await lockPair(tx, survivorId, duplicateId);
    const refusal = await mergeRefusal(tx, survivor, duplicate);
    if (refusal !== null)
      throw refuse(refusal, `Members ${survivorId} and ${duplicateId} cannot be merged: ${refusal}.`);
    const now = clock.now();
    const [keptTier, otherTier] = [
      await officeMemberTier(tx, clock, survivorId),
      await officeMemberTier(tx, clock, duplicateId),
    ];
    const moved = await tx
      .update(cards)
      .set({ memberId: survivorId, at: now })
      .where(eq(cards.memberId, duplicateId))
      .returning();
    const feed: FeedItem[] = moved.map((c) => ({
      kind: 'card',
      entityId: c.number,
      originTerminalId: null,
      payload: { number: c.number, memberId: survivorId, status: c.status, at: now },
    }));
    const points = await moveDuplicatePoints(
      tx,
      ids,
      { survivorId, duplicateId, shopId: survivor.homeShopId ?? MERGE_TERMINAL },
      now,
    );
    feed.push(...points.feed);
    await addLedgerToSummaries(tx, points.rows);
    const override = await betterTierOverride(tx, { kept: keptTier, other: otherTier, now, ids, by: input.by });
    if (override) feed.push(override);
    const mergeId = ids.uuid();
    await tx.insert(memberMerges).values({
      id: mergeId,
      survivorId,
      duplicateId,
      duplicateName: duplicate.name,
      duplicatePhone: duplicate.phone,
      duplicateCards: moved.map((c) => c.number),
      pointsMoved: points.moved,
      tierBefore: keptTier.tierCode,
      tierAfter: override ? otherTier.tierCode : keptTier.tierCode,
      mergedBy: input.by.slice(0, 100),
      mergedAt: now,
    });
    await moveMergedOutOfTiers(tx, duplicateId, now);
    // Members merged into the duplicate earlier now lead to the survivor, one step, for their late records.
    await tx.update(memberMerges).set({ survivorId }).where(eq(memberMerges.survivorId, duplicateId));
    await appendFeed(tx, feed);
    return {
      mergeId,
      survivorId,
      duplicateId,
      pointsMoved: points.moved,
      cardsMoved: moved.map((c) => c.number),
      survivorBalance: await balanceOf(tx, survivorId),
      tierCode: override ? otherTier.tierCode : keptTier.tierCode,
      mergedAt: now,
    };
  });
}

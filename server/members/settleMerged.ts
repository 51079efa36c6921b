import { eq, sql } from 'drizzle-orm';
import type { IdSource } from '../../shared/sources';
import type { HoDb } from '../store/connect';
import { memberMerges, members } from '../store/schema';
import type { Applied } from '../sync/bulkPlan';
import { idList } from '../sync/jsonInsert';
import { MERGE_TERMINAL, moveDuplicatePoints } from './moveLedger';

/**
 * A record made on a merged duplicate at a till that had not pulled the merge yet (an offline sale on
 * its old card) still applies as made; then, in the same derivation, whatever it left on the
 * duplicate moves to the survivor by the merge's own ledger rows, sent to every till (the one that
 * made it too). So a merged duplicate never keeps spendable points, and the sums stay exact.
 * A merge takes every terminal's derivation lock first (mergeMembers.ts), so a derivation either
 * ran before it (the merge moves its rows) or sees its row here.
 */
export async function settleMergedDuplicates(tx: HoDb, ids: IdSource, applied: Applied, now: number): Promise<void> {
  const touched = [...new Set([...applied.spentBy, ...applied.earnedBy])];
  if (touched.length === 0) return;
  const merged = await tx
    .select({ duplicateId: memberMerges.duplicateId, survivorId: memberMerges.survivorId, shopId: members.homeShopId })
    .from(memberMerges)
    .innerJoin(members, eq(members.id, memberMerges.survivorId))
    .where(sql`${memberMerges.duplicateId} IN ${idList(touched)}`)
    .orderBy(memberMerges.duplicateId);
  for (const m of merged) {
    const pair = { survivorId: m.survivorId, duplicateId: m.duplicateId, shopId: m.shopId ?? MERGE_TERMINAL };
    const moved = await moveDuplicatePoints(tx, ids, pair, now);
    applied.feed.push(...moved.feed);
    applied.summaries.ledger.push(...moved.rows);
    if (moved.moved < 0) applied.spentBy.push(m.survivorId);
  }
}

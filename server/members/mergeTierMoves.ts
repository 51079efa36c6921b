import { desc, eq } from 'drizzle-orm';
import type { HoDb } from '../store/connect';
import { members, tierChanges } from '../store/schema';
import { officeProgramme } from '../tiers/officeLadder';
import { recordTierChanges } from '../tiers/tierHistory';
import { shopTimeZone } from '../sync/shopTimeZone';
import { dayIn } from '../stats/summaryDeltas';
import { addTierMoves, MERGED_OUT } from '../stats/tierMoves';

/**
 * The duplicate leaves the tier views at the merge (server/stats/README.md "Tier views"): its history brought
 * up to the merge, then one move from its tier then (its last change, else the ladder's entry tier, where the
 * views count a member who never moved) to MERGED_OUT, in the merge's transaction. As countMergesInTierMoves.
 */
export async function moveMergedOutOfTiers(tx: HoDb, duplicateId: string, mergedAt: number): Promise<void> {
  await recordTierChanges(tx, [duplicateId], mergedAt);
  const { ladder } = await officeProgramme(tx, mergedAt);
  const [member] = await tx.select({ homeShopId: members.homeShopId }).from(members).where(eq(members.id, duplicateId));
  if (!member) return;
  const [last] = await tx
    .select({ toTier: tierChanges.toTier })
    .from(tierChanges)
    .where(eq(tierChanges.memberId, duplicateId))
    .orderBy(desc(tierChanges.at), desc(tierChanges.id))
    .limit(1);
  const entry = [...ladder].sort((a, b) => a.rank - b.rank)[0]?.code ?? null;
  const day = dayIn(mergedAt, await shopTimeZone(tx, member.homeShopId));
  await addTierMoves(tx, [
    { shopId: member.homeShopId, day, fromTier: last ? last.toTier : entry, toTier: MERGED_OUT },
  ]);
}

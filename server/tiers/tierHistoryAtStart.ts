import { asc, gt, sql } from 'drizzle-orm';
import { officeProgramme } from './officeLadder';
import type { HoDb } from '../store/connect';
import { members, tierChanges, tierMoves } from '../store/schema';
import { countMergesInTierMoves, rebuildTierMoves } from '../stats/tierMoves';
import { recordTierChanges } from './tierHistory';

/** Members brought up to date per step of the back-fill. */
const BACKFILL_PAGE = 500;

/**
 * A database with members but no tier history yet (one from before ho_tier_changes, or a ladder
 * published since) gets every member's history written once, before this process derives anything
 * (as summariesAtStart.ts does). The table lock makes processes starting together take turns; a
 * derivation waits at its own tier rows. A history without its ho_tier_moves gets them counted.
 * Answers whether it wrote any history.
 */
export async function backfillTierHistoryIfEmpty(db: HoDb, now: number): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`LOCK TABLE ho_tier_changes IN EXCLUSIVE MODE`);
    const [kept] = await tx
      .select({ one: sql<number>`1` })
      .from(tierChanges)
      .limit(1);
    if (kept) {
      // A history kept before ho_tier_moves existed: its moves counted once, under the same lock.
      const [counted] = await tx
        .select({ one: sql<number>`1` })
        .from(tierMoves)
        .limit(1);
      if (!counted) await rebuildTierMoves(tx);
      return false;
    }
    const { ladder } = await officeProgramme(tx, now);
    if (ladder.length === 0) return false;
    // Moves of no kept history are stale: the back-fill counts its own.
    await tx.delete(tierMoves);
    let written = 0;
    let from = '';
    for (;;) {
      const page = await tx
        .select({ id: members.id })
        .from(members)
        .where(gt(members.id, from))
        .orderBy(asc(members.id))
        .limit(BACKFILL_PAGE);
      const lastOfPage = page[page.length - 1];
      if (!lastOfPage) break;
      written += await recordTierChanges(
        tx,
        page.map((m) => m.id),
        now,
      );
      from = lastOfPage.id;
    }
    // Each merged duplicate's move out of the views (server/stats/README.md "Tier views").
    await countMergesInTierMoves(tx);
    return written > 0;
  });
}

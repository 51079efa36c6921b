import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { stockForTill } from '../../shared/domain/rules/rewardStock';
import type { Change } from '../../shared/sync/protocol';
import type { HoDb } from '../store/connect';
import { rewardShopStock, rewards } from '../store/schema';
import { rewardPayload, type FeedItem } from './feed';

/** One reward's redemptions at one shop in a batch: each one's units and when the till made it. */
export interface RewardTaken {
  rewardId: string;
  shopId: string;
  taken: { quantity: number; createdAt: number }[];
}

/** Adds a batch's redemption to what it has taken, per reward and shop. */
export function addTaken(
  taken: Map<string, RewardTaken>,
  rewardId: string,
  shopId: string,
  quantity: number,
  createdAt: number,
): void {
  const key = `${rewardId}\n${shopId}`;
  const entry = taken.get(key) ?? { rewardId, shopId, taken: [] };
  entry.taken.push({ quantity, createdAt });
  taken.set(key, entry);
}

/**
 * Head office counts the redemptions it received, in the batch's transaction: against the shop's own
 * stock when head office set one (it may pass it: a late offline redemption is accepted and shows as
 * oversold), otherwise against the reward's chain stock (below zero when oversold, which IT sees). A
 * redemption made before the shop's count was set is not counted against it: the count set is what
 * was on the shelf then. Each reward changed goes back out in the feed; each shop's tills get their
 * own shop's count (withShopStock, in the pull).
 */
export async function countRewardsTaken(tx: HoDb, batch: Iterable<RewardTaken>): Promise<FeedItem[]> {
  const feed: FeedItem[] = [];
  for (const { rewardId, shopId, taken } of batch) {
    const here = and(eq(rewardShopStock.rewardId, rewardId), eq(rewardShopStock.shopId, shopId));
    const [shopRow] = await tx.select().from(rewardShopStock).where(here).for('update');
    const [reward] = shopRow
      ? await countAtShop(tx, here, shopRow.setAt, taken, rewardId)
      : await tx
          .update(rewards)
          .set({ stock: sql`CASE WHEN ${rewards.stock} IS NULL THEN NULL ELSE ${rewards.stock} - ${sum(taken)} END` })
          .where(eq(rewards.id, rewardId))
          .returning();
    if (reward)
      feed.push({ kind: 'reward', entityId: reward.id, originTerminalId: null, payload: rewardPayload(reward) });
  }
  return feed;
}

const sum = (taken: RewardTaken['taken']): number => taken.reduce((a, t) => a + t.quantity, 0);

async function countAtShop(
  tx: HoDb,
  here: SQL | undefined,
  setAt: number,
  taken: RewardTaken['taken'],
  rewardId: string,
) {
  const since = taken.filter((t) => t.createdAt >= setAt);
  if (since.length > 0)
    await tx
      .update(rewardShopStock)
      .set({ redeemed: sql`${rewardShopStock.redeemed} + ${sum(since)}` })
      .where(here);
  return tx.select().from(rewards).where(eq(rewards.id, rewardId));
}

/**
 * The reward changes of a pull page or snapshot as the tills of `shopId` hold them: a reward with a
 * stock set for this shop carries what is left of it now (never below zero), so each till gets only
 * its own shop's count; a reward without one keeps the chain stock it was published with.
 */
export async function withShopStock(db: HoDb, shopId: string, changes: Change[]): Promise<Change[]> {
  const rewardIds = [...new Set(changes.flatMap((c) => (c.kind === 'reward' ? [c.id] : [])))];
  if (rewardIds.length === 0) return changes;
  const rows = await db
    .select()
    .from(rewardShopStock)
    .where(and(eq(rewardShopStock.shopId, shopId), inArray(rewardShopStock.rewardId, rewardIds)));
  if (rows.length === 0) return changes;
  const byReward = new Map(rows.map((r) => [r.rewardId, stockForTill(r)] as const));
  return changes.map((c) =>
    c.kind === 'reward' && byReward.has(c.id) ? { ...c, stock: byReward.get(c.id) ?? null } : c,
  );
}

import { and, asc, eq } from 'drizzle-orm';
import { RewardShopStockAnswer, type RewardShopStockInput } from '../../shared/admin/rewardStock';
import { shopStockLeft, shopStockOversold } from '../../shared/domain/rules/rewardStock';
import type { HoDb } from '../store/connect';
import { rewardShopStock, rewards, shops } from '../store/schema';
import { HoError } from '../http/errors';
import type { Clock } from '../sources';
import { appendFeed, rewardPayload } from '../sync/feed';

// A reward's stock per shop (issue 16): what the console's Rewards tab shows and sets. Setting one
// goes out as the reward's change in the feed; each shop's tills get their own count (sync/rewardShopStock.ts).

/** Every shop head office knows with the reward's count there (or none set), what is left and any oversold. */
export async function rewardShopStockOf(db: HoDb, rewardId: string): Promise<RewardShopStockAnswer> {
  const [reward] = await db.select().from(rewards).where(eq(rewards.id, rewardId));
  if (!reward) throw new HoError('NOT_FOUND', `No reward ${rewardId}.`);
  const rows = await db
    .select({ shop: shops, stock: rewardShopStock })
    .from(shops)
    .leftJoin(rewardShopStock, and(eq(rewardShopStock.shopId, shops.id), eq(rewardShopStock.rewardId, rewardId)))
    .orderBy(asc(shops.id));
  return RewardShopStockAnswer.parse({
    rewardId,
    chainStock: reward.stock,
    shops: rows.map(({ shop, stock }) => ({
      shopId: shop.id,
      shopName: shop.name,
      set: stock !== null,
      stock: stock?.stock ?? null,
      redeemed: stock?.redeemed ?? 0,
      left: stock === null ? reward.stock : shopStockLeft(stock),
      oversold: stock === null ? 0 : shopStockOversold(stock),
      setAt: stock?.setAt ?? null,
    })),
  });
}

/** Sets one shop's count (null: unlimited): counting starts afresh; the reward goes out in the feed. */
export async function setRewardShopStock(
  db: HoDb,
  clock: Clock,
  rewardId: string,
  input: RewardShopStockInput,
): Promise<RewardShopStockAnswer> {
  await db.transaction(async (tx) => {
    const [reward] = await tx.select().from(rewards).where(eq(rewards.id, rewardId));
    if (!reward) throw new HoError('NOT_FOUND', `No reward ${rewardId}.`);
    const [shop] = await tx.select({ id: shops.id }).from(shops).where(eq(shops.id, input.shopId));
    if (!shop) throw new HoError('NOT_FOUND', `No shop ${input.shopId}.`);
    const values = { stock: input.stock, redeemed: 0, setAt: clock.now() };
    await tx
      .insert(rewardShopStock)
      .values({ rewardId, shopId: input.shopId, ...values })
      .onConflictDoUpdate({ target: [rewardShopStock.rewardId, rewardShopStock.shopId], set: values });
    await appendFeed(tx, [
      { kind: 'reward', entityId: rewardId, originTerminalId: null, payload: rewardPayload(reward) },
    ]);
  });
  return rewardShopStockOf(db, rewardId);
}

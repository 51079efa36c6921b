import { z } from 'zod';

// A reward's stock per shop (issue 16): head office sets each shop's count or unlimited; each shop's
// tills get only their own (the pull), and head office counts what they redeem against it.

const MAX_STOCK = 1_000_000_000;

/** One shop's count on the shelf now (counting starts afresh from it), or null for unlimited there. */
export const RewardShopStockInput = z.strictObject({
  shopId: z.string().trim().min(1).max(64),
  stock: z
    .number()
    .int('stock is a whole count, or null for unlimited')
    .min(0, 'stock is a count of 0 or more, or null for unlimited')
    .max(MAX_STOCK)
    .nullable(),
});
export type RewardShopStockInput = z.infer<typeof RewardShopStockInput>;

export const ShopStockRow = z.strictObject({
  shopId: z.string(),
  shopName: z.string(),
  /** False: head office set none for this shop; its tills use the reward's own stock (`chainStock`). */
  set: z.boolean(),
  /** The count set (null: unlimited), when set. */
  stock: z.number().int().min(0).nullable(),
  /** Units the shop's tills redeemed since it was set (as head office received them). */
  redeemed: z.number().int().min(0),
  /** What is left (null: unlimited); below zero when late offline redemptions went past the stock. */
  left: z.number().int().nullable(),
  /** Units given beyond the stock: the sale happened, the manager sees it here. */
  oversold: z.number().int().min(0),
  setAt: z.number().int().min(0).nullable(),
});
export type ShopStockRow = z.infer<typeof ShopStockRow>;

export const RewardShopStockAnswer = z.strictObject({
  rewardId: z.string().uuid(),
  /** The reward's own stock, for shops without a count of their own (null: unlimited). */
  chainStock: z.number().int().nullable(),
  /** Every shop head office knows, by id. */
  shops: z.array(ShopStockRow),
});
export type RewardShopStockAnswer = z.infer<typeof RewardShopStockAnswer>;

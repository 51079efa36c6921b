// A reward's stock per shop (issue 16): head office sets each shop's count (or unlimited, null) and
// counts every redemption it receives against it; a till refuses a redemption beyond what it may still
// give, offline too. ONE place says how a count is taken at a till, counted at head office and sent.

/** What a till may still give: the stock it pulled less its own redemptions head office has not counted yet. */
export function stockAtTill(pulled: number | null, notYetCounted: number): number | null {
  return pulled === null ? null : Math.max(0, pulled - Math.max(0, notYetCounted));
}

export type StockTake = { ok: true; stockAfter: number | null } | { ok: false; left: number };

/** A till takes `quantity` from its stock, or refuses: never below zero (null = unlimited, always given). */
export function takeFromStock(stock: number | null, quantity: number): StockTake {
  if (stock === null) return { ok: true, stockAfter: null };
  const left = Math.max(0, stock);
  return quantity <= left ? { ok: true, stockAfter: left - quantity } : { ok: false, left };
}

/** A shop's stock as head office holds it: the count set, and the units redeemed since it was set. */
export interface ShopStock {
  /** null: unlimited at this shop. */
  stock: number | null;
  redeemed: number;
}

/**
 * What is left at the shop: null if unlimited, otherwise the count set less every unit redeemed,
 * below zero when late offline redemptions went past it (the sale happened; the manager sees it).
 */
export const shopStockLeft = (s: ShopStock): number | null => (s.stock === null ? null : s.stock - s.redeemed);

/** The units given beyond the shop's stock (0 when unlimited or within it): what head office flags. */
export const shopStockOversold = (s: ShopStock): number => {
  const left = shopStockLeft(s);
  return left === null ? 0 : Math.max(0, -left);
};

/** Head office counts a redemption it received: always accepted (it happened), never lost. */
export const countRedemption = (s: ShopStock, quantity: number): ShopStock => ({
  stock: s.stock,
  redeemed: s.redeemed + quantity,
});

/** The stock a shop's tills get in the pull: what is left, never below zero (oversold shows as used up). */
export const stockForTill = (s: ShopStock): number | null => {
  const left = shopStockLeft(s);
  return left === null ? null : Math.max(0, left);
};

import { asc, eq } from 'drizzle-orm';
import type { HoDb } from '../store/connect';
import { campaignEarners, campaignEffectKept, campaignLiftSums, campaignShopEffect } from '../store/schema';

// Rows for the kept effect's tests (migration 0022) and a campaign's kept rows, to compare after a rebuild.

const TERM = '00000000-0000-4000-800a-000000000001';

/** A ledger row naming a campaign (or none: a merge's adjust row), as derivation writes it. */
export const ledgerRow = (
  id: string,
  memberId: string,
  shopId: string,
  kind: 'earn' | 'reversal' | 'adjust',
  delta: number,
  campaignId: string | null,
  saleId: string | null,
  at: number,
) => ({ id, memberId, kind, delta, campaignId, saleId, terminalId: TERM, shopId, createdAt: at });

/** Everything 0022 keeps for a campaign, in key order (the lift's sums without their empty groups). */
export async function keptEffectRows(db: HoDb, campaignId: string) {
  const e = campaignShopEffect;
  const s = campaignLiftSums;
  return {
    shops: await db.select().from(e).where(eq(e.campaignId, campaignId)).orderBy(asc(e.shopId)),
    overall: await db.select().from(campaignEffectKept).where(eq(campaignEffectKept.campaignId, campaignId)),
    earners: await db
      .select()
      .from(campaignEarners)
      .where(eq(campaignEarners.campaignId, campaignId))
      .orderBy(asc(campaignEarners.shopId), asc(campaignEarners.memberId)),
    liftSums: (
      await db
        .select()
        .from(s)
        .where(eq(s.campaignId, campaignId))
        .orderBy(asc(s.shopId), asc(s.population), asc(s.held))
    ).filter((r) => Number(r.n) !== 0),
  };
}

import { and, eq, inArray, sql } from 'drizzle-orm';
import type { ShopFilter } from '../admin/reports';
import type { HoDb } from '../store/connect';
import { campaignEarners, campaignEffectKept, campaignSales, campaignShopEffect, ledger } from '../store/schema';

// A campaign's ledger figures (README.md, "Effect: what the ledger says"): per shop its participants, points
// issued and net and attributed sales, and its participants over the shops seen. `keptLedger` reads them as
// migration 0022's triggers keep them, `computedLedger` from the ledger rows (the tests' reference).

export interface ShopLedger {
  shopId: string;
  participants: number;
  pointsIssued: number;
  pointsNet: number;
  salesCount: number;
  salesMinor: number;
}

export interface CampaignLedger {
  /** Every shop with a row naming the campaign or an attributed sale, in shop order. */
  byShop: ShopLedger[];
  /** Members over the shops seen: one member counted once however many shops they earned at. */
  participants: number;
}

const seenIn = (shops: ShopFilter) => (shopId: string) => shops === null || shops.includes(shopId);

/** The figures as kept: a read of the campaign's shop rows, and its participants' count. */
export async function keptLedger(db: HoDb, campaignId: string, shops: ShopFilter): Promise<CampaignLedger> {
  const e = campaignShopEffect;
  const rows = await db
    .select()
    .from(e)
    .where(and(eq(e.campaignId, campaignId), shops === null ? undefined : inArray(e.shopId, [...shops])));
  // Sorted here, as computedLedger sorts: the database's collation may order ids otherwise.
  const byShop = rows.map((r) => ({
    shopId: r.shopId,
    participants: Number(r.participants),
    pointsIssued: Number(r.pointsIssued),
    pointsNet: Number(r.pointsNet),
    salesCount: Number(r.salesCount),
    salesMinor: Number(r.salesMinor),
  }));
  byShop.sort((a, b) => (a.shopId < b.shopId ? -1 : a.shopId > b.shopId ? 1 : 0));
  return { byShop, participants: await keptParticipants(db, campaignId, shops, byShop) };
}

/** Every shop or one: a kept count; more shops: their earners, counted once (rows by member and shop, not ledger). */
async function keptParticipants(db: HoDb, campaignId: string, shops: ShopFilter, byShop: ShopLedger[]) {
  if (shops !== null && shops.length <= 1) return byShop[0]?.participants ?? 0;
  if (shops === null) {
    const [row] = await db.select().from(campaignEffectKept).where(eq(campaignEffectKept.campaignId, campaignId));
    return Number(row?.participants ?? 0);
  }
  const k = campaignEarners;
  const [row] = await db
    .select({ n: sql<string>`count(DISTINCT ${k.memberId})::text` })
    .from(k)
    .where(and(eq(k.campaignId, campaignId), inArray(k.shopId, [...shops])));
  return Number(row?.n ?? 0);
}

/** The figures from the campaign's ledger rows (ho_ledger_campaign_idx) and its attributed sales. */
export async function computedLedger(db: HoDb, campaignId: string, shops: ShopFilter): Promise<CampaignLedger> {
  const seen = seenIn(shops);
  const points = await db
    .select({
      shopId: ledger.shopId,
      participants: sql<string>`count(DISTINCT ${ledger.memberId}) FILTER (WHERE ${ledger.kind} = 'earn')::text`,
      pointsIssued: sql<string>`coalesce(sum(${ledger.delta}) FILTER (WHERE ${ledger.kind} = 'earn'), 0)::text`,
      pointsNet: sql<string>`coalesce(sum(${ledger.delta}), 0)::text`,
    })
    .from(ledger)
    .where(eq(ledger.campaignId, campaignId))
    .groupBy(ledger.shopId);
  const sold = await db
    .select({
      shopId: campaignSales.shopId,
      count: sql<string>`count(*)::text`,
      minor: sql<string>`coalesce(sum(${campaignSales.totalMinor}), 0)::text`,
    })
    .from(campaignSales)
    .where(eq(campaignSales.campaignId, campaignId))
    .groupBy(campaignSales.shopId);
  const shopIds = [...new Set([...points.map((r) => r.shopId), ...sold.map((r) => r.shopId)])].filter(seen).sort();
  const byShop = shopIds.map((shopId) => {
    const p = points.find((r) => r.shopId === shopId);
    const s = sold.find((r) => r.shopId === shopId);
    return {
      shopId,
      participants: Number(p?.participants ?? 0),
      pointsIssued: Number(p?.pointsIssued ?? 0),
      pointsNet: Number(p?.pointsNet ?? 0),
      salesCount: Number(s?.count ?? 0),
      salesMinor: Number(s?.minor ?? 0),
    };
  });
  const [all] = await db
    .select({ n: sql<string>`count(DISTINCT ${ledger.memberId})::text` })
    .from(ledger)
    .where(
      and(
        eq(ledger.campaignId, campaignId),
        eq(ledger.kind, 'earn'),
        shops === null ? undefined : inArray(ledger.shopId, [...shops]),
      ),
    );
  return { byShop, participants: Number(all?.n ?? 0) };
}

import { asc, eq } from 'drizzle-orm';
import type { Campaign, CampaignTarget } from '../../shared/domain/campaigns/campaign';
import type { ShopFilter } from '../admin/reports';
import type { HoDb } from '../store/connect';
import { campaignMembers, campaigns, members, sales } from '../store/schema';
import { liftWindow } from './campaignEffect';
import { liftsByKept } from './keptLift';
import { liftsBySums } from './liftSums';

// Rows for the kept lift's tests, and the comparison they make: the lifts read from ho_campaign_members
// against the raw read of the window's sales (liftsBySums, which never reads the kept table).

export const DAY = 86_400_000;
const TERM = '00000000-0000-4000-800a-000000000001';

export const memberRow = (id: string, joinedAt: number) => ({
  id,
  name: 'M',
  phone: '13800000000',
  birthday: null,
  cardNumber: id.slice(-12),
  homeShopId: 'A',
  originTerminalId: TERM,
  createdAt: joinedAt,
  updatedAt: joinedAt,
});

let seq = 0;
/** A sale row as derivation writes it (the campaign tests' one builder); `over` names the till, seq or day. */
export const saleRow = (
  id: string,
  memberId: string | null,
  shopId: string,
  totalMinor: number,
  at: number,
  over: { terminalId?: string; seq?: number; businessDay?: string } = {},
) => ({
  id,
  terminalId: over.terminalId ?? TERM,
  shopId,
  seq: over.seq ?? (seq += 1),
  memberId,
  cardNumber: null,
  subtotalMinor: totalMinor,
  discountMinor: 0,
  totalMinor,
  pointsEarned: 0,
  pointsSpent: 0,
  ruleVersion: 1,
  currency: 'CNY',
  businessDay: over.businessDay ?? '2025-06-01',
  createdAt: at,
  staffId: null,
});

export function campaignOf(
  id: string,
  window: { startsAt: number; endsAt: number },
  holdoutBp: number,
  target: CampaignTarget = { kind: 'everyone' },
  published = true,
): Campaign {
  return {
    id,
    name: 'Kept',
    rule: { kind: 'multiplier', multiplierBp: 20_000, weekdays: [] },
    target,
    ...window,
    overlap: 'stack',
    budgetPoints: 100_000,
    perMemberLimit: null,
    holdoutBp,
    published,
    cancelled: false,
    updatedAt: window.startsAt,
  };
}

export async function storeCampaign(db: HoDb, campaign: Campaign): Promise<void> {
  await db
    .insert(campaigns)
    .values({ id: campaign.id, campaign })
    .onConflictDoUpdate({ target: campaigns.id, set: { campaign } });
}

export const addMembers = (db: HoDb, rows: ReturnType<typeof memberRow>[]) => db.insert(members).values(rows);
export const addSales = (db: HoDb, rows: ReturnType<typeof saleRow>[]) => db.insert(sales).values(rows);

/** The kept lifts and the raw ones of a campaign seen at `now`, in all, among buyers and at each shop. */
export async function keptAndRaw(
  db: HoDb,
  campaign: Campaign,
  now: number,
  shops: ShopFilter,
  shopIds: string[],
  minGroup = 1,
) {
  const window = liftWindow(campaign, now);
  const read = async (lifts: Awaited<ReturnType<typeof liftsByKept>>) => ({
    lift: lifts.lift,
    liftAmongBuyers: lifts.liftAmongBuyers,
    atShop: shopIds.map((shopId) => lifts.atShop(shopId)),
  });
  return {
    kept: await read(await liftsByKept(db, campaign, window.lookbackFrom, shops, minGroup)),
    raw: await read(await liftsBySums(db, campaign, window, shops, minGroup)),
  };
}

/** A campaign's kept rows in key order. */
export const keptRows = (db: HoDb, campaignId: string) =>
  db
    .select()
    .from(campaignMembers)
    .where(eq(campaignMembers.campaignId, campaignId))
    .orderBy(asc(campaignMembers.memberId), asc(campaignMembers.shopId));

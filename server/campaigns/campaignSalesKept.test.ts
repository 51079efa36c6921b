import { asc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClockForTests } from '../testing/clock';
import { testBackends } from '../testing/databases';
import { startHarness, type Harness } from '../testing/harness';
import { uuidFrom } from '../testing/records';
import { saleRow } from './campaignMembersKept.testkit';
import type { HoDatabase } from '../store/connect';
import { campaignSales, campaigns, ledger, members, sales } from '../store/schema';
import { rebuildSummaries } from '../stats/rebuildSummaries';

// ho_campaign_sales kept as earn rows arrive (migration 0018's trigger), by hand: campaign K ran a
// week from T0. X bought 20.00 at A on day 1 (20 points of K). Y's 15.00 at B on day 2 arrives late,
// after the first look (15 points of K), then half of X's sale is refunded (K's 10 points reversed).
// Attributed: A 1 sale 2000, B 1 sale 1500, 2 / 3500 in all; points issued 35, net 25; 2 participants.
// The refund takes points back, not the sale out of the attributed ones. A rebuild gives the same rows.

const DAY = 86_400_000;
const T0 = Date.UTC(2025, 5, 2, 2);
const NOW = T0 + 14 * DAY;
const K = uuidFrom(900, 0xc);
const TERM = uuidFrom(1, 0xa);
const [X, Y] = [uuidFrom(901, 0xd), uuidFrom(902, 0xd)];
const [S1, S2] = [uuidFrom(903, 0x5), uuidFrom(904, 0x5)];

const sale = (id: string, memberId: string, shopId: string, totalMinor: number, at: number, seq: number) =>
  saleRow(id, memberId, shopId, totalMinor, at, { terminalId: TERM, seq, businessDay: '2025-06-03' });
const row = (
  n: number,
  memberId: string,
  shopId: string,
  saleId: string,
  kind: 'earn' | 'reversal',
  delta: number,
) => ({
  id: uuidFrom(905 + n, 0x1),
  memberId,
  kind,
  delta,
  campaignId: K,
  saleId,
  terminalId: TERM,
  shopId,
  createdAt: T0 + DAY,
});

describe.each(testBackends)('a campaign’s attributed sales kept on $name', (backend) => {
  let database: HoDatabase;
  let ho: Harness;

  beforeAll(async () => {
    database = await backend.open();
    ho = await startHarness(database, fixedClockForTests(NOW));
    await database.db.insert(campaigns).values({
      id: K,
      campaign: {
        id: K,
        name: 'Week',
        rule: { kind: 'multiplier', multiplierBp: 20_000, weekdays: [] },
        target: { kind: 'everyone' },
        startsAt: T0,
        endsAt: T0 + 7 * DAY,
        overlap: 'stack',
        budgetPoints: 100_000,
        perMemberLimit: null,
        holdoutBp: 0,
        published: true,
        cancelled: false,
        updatedAt: T0,
      },
    });
    await database.db.insert(members).values(
      [X, Y].map((id) => ({
        id,
        name: 'M',
        phone: '13800000000',
        birthday: null,
        cardNumber: id.slice(0, 12),
        homeShopId: 'A',
        originTerminalId: TERM,
        createdAt: T0 - 60 * DAY,
        updatedAt: T0 - 60 * DAY,
      })),
    );
  }, 60_000);
  afterAll(async () => {
    await ho.close();
  });

  const effect = () => ho.admin.call('campaignEffect', { params: { id: K } });
  const kept = () => database.db.select().from(campaignSales).orderBy(asc(campaignSales.saleId));

  it('counts a late sale and keeps a refunded one, as a rebuild does', async () => {
    await database.db.insert(sales).values(sale(S1, X, 'A', 2000, T0 + DAY, 1));
    await database.db.insert(ledger).values(row(0, X, 'A', S1, 'earn', 20));
    const first = await effect();
    expect(first.overall.attributedSales).toBe(1);
    expect(first.overall.attributedSalesMinor).toBe(2000);

    // The late record: Y's sale of day 2, derived after the look above; then the refund's reversal.
    await database.db.insert(sales).values(sale(S2, Y, 'B', 1500, T0 + 2 * DAY, 2));
    await database.db.insert(ledger).values(row(1, Y, 'B', S2, 'earn', 15));
    await database.db.insert(ledger).values(row(2, X, 'A', S1, 'reversal', -10));
    const after = await effect();
    expect(after.overall).toMatchObject({
      participants: 2,
      attributedSales: 2,
      attributedSalesMinor: 3500,
      pointsIssued: 35,
      pointsNet: 25,
    });
    expect(after.shops.map((s) => [s.shopId, s.figures.attributedSales, s.figures.attributedSalesMinor])).toEqual([
      ['A', 1, 2000],
      ['B', 1, 1500],
    ]);
    // Visits and spend during the week: X 2000 in 1 visit, Y 1500 in 1 (no look-back buying: not active before).
    expect(after.liftAmongBuyers.spendMinor.treated).toEqual({ n: 2, mean: 1750 });

    const before = await kept();
    expect(before.map((r) => [r.saleId, r.shopId, r.totalMinor])).toEqual([
      [S1, 'A', 2000],
      [S2, 'B', 1500],
    ]);
    await database.db.transaction((tx) => rebuildSummaries(tx));
    expect(await kept()).toEqual(before);
    expect(await effect()).toEqual(after);
  });
});

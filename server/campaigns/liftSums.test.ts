import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiftFigures, LiftMeasure } from '../../shared/admin/campaignEffect';
import type { CampaignTarget } from '../../shared/domain/campaigns/campaign';
import { inHoldout } from '../../shared/domain/campaigns/holdout';
import { testBackends } from '../testing/databases';
import { uuidFrom } from '../testing/records';
import type { HoDatabase } from '../store/connect';
import { members, sales } from '../store/schema';
import { rowsOf } from '../sync/jsonInsert';
import { campaignLift, type MemberShopBuying } from './campaignLift';
import { heldOutSql } from './holdoutOnServer';
import { liftsBySums } from './liftSums';

// PostgreSQL's sums give campaignLift's answer: the same members in the same groups (counts equal),
// the same means, variances and intervals (to rounding), for each target it can express, with and
// without a holdout and a shop filter. The window's buying is computed here apart from the code.

const DAY = 86_400_000;
const T0 = Date.UTC(2025, 5, 2, 2);
const window = { lookbackFrom: T0 - 7 * DAY, from: T0, to: T0 + 7 * DAY };
const TERM = uuidFrom(1, 0xa);
const SHOPS = ['A', 'B', 'C'];
const M = Array.from({ length: 80 }, (_, k) => uuidFrom(300 + k, 0xb));
const joinedAt = (k: number) => T0 - (k % 3 === 0 ? 10 : 100) * DAY;

/** A deterministic spread of sales: member, shop, amount and time (some outside the window). */
const spread = Array.from({ length: 400 }, (_, i) => {
  const h = (i * 2_654_435_761) % 4_294_967_296;
  return {
    k: h % 80,
    shopId: SHOPS[(h >> 7) % 3] ?? 'A',
    totalMinor: 100 + ((h >> 3) % 5000),
    at: T0 - 10 * DAY + ((h >> 11) % (18 * 24)) * 3_600_000,
  };
});

function buyingHere(shops: readonly string[] | null): MemberShopBuying[] {
  const rows = new Map<string, MemberShopBuying>();
  for (const s of spread) {
    if (s.at < window.lookbackFrom || s.at >= window.to || (shops !== null && !shops.includes(s.shopId))) continue;
    const memberId = M[s.k] ?? '';
    const key = `${memberId}/${s.shopId}`;
    const r = rows.get(key) ?? {
      memberId,
      shopId: s.shopId,
      joinedAt: joinedAt(s.k),
      visitsBefore: 0,
      visitsDuring: 0,
      spendDuringMinor: 0,
    };
    if (s.at < window.from) r.visitsBefore += 1;
    else {
      r.visitsDuring += 1;
      r.spendDuringMinor += s.totalMinor;
    }
    rows.set(key, r);
  }
  return [...rows.values()];
}

function expectSameMeasure(got: LiftMeasure, want: LiftMeasure) {
  expect(got.treated.n).toBe(want.treated.n);
  expect(got.holdout.n).toBe(want.holdout.n);
  expect(got.treated.mean).toBeCloseTo(want.treated.mean, 9);
  expect(got.holdout.mean).toBeCloseTo(want.holdout.mean, 9);
  expect(got.notComputable).toBe(want.notComputable);
  if (want.difference === null) expect(got.difference).toBeNull();
  else expect(got.difference).toBeCloseTo(want.difference, 9);
  if (want.interval === null) expect(got.interval).toBeNull();
  else {
    expect(got.interval?.low).toBeCloseTo(want.interval.low, 6);
    expect(got.interval?.high).toBeCloseTo(want.interval.high, 6);
    expect(got.interval?.df).toBeCloseTo(want.interval.df, 6);
  }
}
const expectSame = (got: LiftFigures, want: LiftFigures) => {
  expectSameMeasure(got.spendMinor, want.spendMinor);
  expectSameMeasure(got.visits, want.visits);
};

describe.each(testBackends)('the lift by sums on $name', (backend) => {
  let database: HoDatabase;

  beforeAll(async () => {
    database = await backend.open();
    await database.db.insert(members).values(
      M.map((id, k) => ({
        id,
        name: 'M',
        phone: '13800000000',
        birthday: null,
        cardNumber: id.slice(0, 12),
        homeShopId: 'A',
        originTerminalId: TERM,
        createdAt: joinedAt(k),
        updatedAt: joinedAt(k),
      })),
    );
    await database.db.insert(sales).values(
      spread.map((s, i) => ({
        id: uuidFrom(40_000 + i, 0x5),
        terminalId: TERM,
        shopId: s.shopId,
        seq: i + 1,
        memberId: M[s.k] ?? null,
        cardNumber: null,
        subtotalMinor: s.totalMinor,
        discountMinor: 0,
        totalMinor: s.totalMinor,
        pointsEarned: 0,
        pointsSpent: 0,
        ruleVersion: 1,
        currency: 'CNY',
        businessDay: '2025-06-01',
        createdAt: s.at,
        staffId: null,
      })),
    );
  }, 60_000);
  afterAll(async () => {
    await database.close();
  });

  it("splits members as the engine's inHoldout does", async () => {
    for (const holdoutBp of [0, 1, 1250, 3333, 5000, 9999]) {
      const campaign = { id: uuidFrom(700 + holdoutBp, 0xc), holdoutBp };
      const result = await database.db.execute(
        sql`SELECT m.id, ${heldOutSql(campaign, sql`m.id`)} AS held FROM ho_members m`,
      );
      const got = rowsOf(result).map((r) => z.object({ id: z.string(), held: z.boolean() }).parse(r));
      expect(got).toHaveLength(M.length);
      for (const r of got) expect(r.held).toBe(inHoldout(campaign.id, r.id, holdoutBp));
    }
  });

  const targets: CampaignTarget[] = [
    { kind: 'everyone' },
    { kind: 'newMembers', withinDays: 30 },
    { kind: 'segment', memberIds: M.filter((_, k) => k % 2 === 1) },
  ];
  for (const target of targets)
    for (const holdoutBp of [0, 5000])
      for (const shops of [null, ['A', 'B']])
        it(`answers campaignLift's lifts: ${target.kind}, holdout ${holdoutBp}, shops ${String(shops)}`, async () => {
          const campaign = { id: uuidFrom(800 + holdoutBp, 0xc), target, holdoutBp, startsAt: T0 };
          const got = await liftsBySums(database.db, campaign, window, shops, 5);
          const rows = buyingHere(shops);
          expectSame(got.lift, campaignLift(campaign, rows, 'activeBefore', 5));
          expectSame(got.liftAmongBuyers, campaignLift(campaign, rows, 'buyers', 5));
          for (const shopId of SHOPS)
            expectSame(
              got.atShop(shopId),
              campaignLift(
                campaign,
                rows.filter((r) => r.shopId === shopId),
                'activeBefore',
                5,
              ),
            );
          expect(got.lift.spendMinor.treated.n + got.lift.spendMinor.holdout.n).toBeGreaterThan(5);
        });
});

import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inHoldout } from '../../shared/domain/campaigns/holdout';
import { rebuildSummaries } from '../stats/rebuildSummaries';
import type { HoDatabase } from '../store/connect';
import { campaignLiftSums, ledger, sales } from '../store/schema';
import { rowsOf } from '../sync/jsonInsert';
import { testBackends } from '../testing/databases';
import { uuidFrom } from '../testing/records';
import { campaignEffect, liftWindow } from './campaignEffect';
import { keptEffectRows, ledgerRow } from './campaignEffectKept.testkit';
import {
  addMembers,
  addSales,
  campaignOf,
  DAY,
  memberRow,
  saleRow,
  storeCampaign,
} from './campaignMembersKept.testkit';
import { liftsByKept } from './keptLift';
import { keptSumsAnswer } from './keptLiftSums';
import { computedLedger, keptLedger } from './ledgerFigures';

// Migration 0022's kept figures, by hand. Campaign K ran a week from T0 (look-back T0 − 7 days), holdout 50 %.
// Ledger: X earned 20 at A (S1, 20.00) and 10 at B (S2, 10.00); Y 15 at B (S3, 15.00, late) and 5 (S4, 5.00);
// a refund reversed 10 of S1; a merge's adjust rows name no campaign. Participants: A {X}, B {X, Y}; 2 in all.
// A: issued 20, net 10, 1 sale 2000. B: issued 30, net 30, 3 sales 3000. In all: 50, 40, 4 sales 5000.
// Buying (the lift): X at A T0−2d and during S1, at B S2; Y at B T0−3d, then (late) S3 and S4; Z at A T0−1d and,
// late, at B T0+5d 3.00; W at A T0−20d (late; outside the look-back) and T0+4d 7.00. Rows (active, visits, spend):
// X·A (yes, 1, 2000), X·B (no, 1, 1000), Y·B (yes, 2, 2000), Z·A (yes, 0, 0), Z·B (no, 1, 300), W·A (no, 1, 700).

const T0 = Date.UTC(2025, 5, 2, 2);
const NOW = T0 + 14 * DAY;
const K = uuidFrom(700, 0xc);
const [X, Y, Z, W] = [uuidFrom(701, 0xd), uuidFrom(702, 0xd), uuidFrom(703, 0xd), uuidFrom(704, 0xd)];
const S = Array.from({ length: 10 }, (_, k) => uuidFrom(710 + k, 0x5));
const sid = (k: number) => S[k] ?? '';
const campaign = campaignOf(K, { startsAt: T0, endsAt: T0 + 7 * DAY }, 5_000);
let ledgerN = 0;
const earn = (memberId: string, shopId: string, delta: number, saleId: string | null, kind: 'earn' | 'reversal') =>
  ledgerRow(uuidFrom(730 + (ledgerN += 1), 0x1), memberId, shopId, kind, delta, K, saleId, T0 + DAY);

/** n, Σx, Σx² of visits and spend per held flag, from the rows listed by hand: [member, visits, spend]. */
function sumsOf(shopId: string, population: 'activeBefore' | 'buyers', rows: [string, number, number][]) {
  return [false, true]
    .map((held) => {
      const of = rows.filter(([m]) => inHoldout(K, m, 5_000) === held);
      const sum = (f: (r: [string, number, number]) => number) => String(of.reduce((t, r) => t + f(r), 0));
      return {
        campaignId: K,
        shopId,
        population,
        held,
        n: of.length,
        visits: sum((r) => r[1]),
        visitsSq: sum((r) => r[1] * r[1]),
        spend: sum((r) => r[2]),
        spendSq: sum((r) => r[2] * r[2]),
      };
    })
    .filter((r) => r.n > 0);
}

describe.each(testBackends)('a campaign’s effect kept on $name', (backend) => {
  let database: HoDatabase;

  beforeAll(async () => {
    database = await backend.open();
  }, 60_000);
  afterAll(async () => {
    await database.close();
  });

  it('keeps participants, points, sales and the lift’s sums through late rows, a refund and a merge', async () => {
    const db = database.db;
    await addMembers(
      db,
      [X, Y, Z, W].map((id) => memberRow(id, T0 - 60 * DAY)),
    );
    await storeCampaign(db, { ...campaign, published: false });
    await addSales(db, [
      saleRow(sid(0), X, 'A', 800, T0 - 2 * DAY),
      saleRow(sid(1), X, 'A', 2000, T0 + DAY),
      saleRow(sid(2), X, 'B', 1000, T0 + DAY),
      saleRow(sid(3), Y, 'B', 600, T0 - 3 * DAY),
      saleRow(sid(4), Z, 'A', 400, T0 - DAY),
      saleRow(sid(5), W, 'A', 700, T0 + 4 * DAY),
    ]);
    await db.insert(ledger).values([earn(X, 'A', 20, sid(1), 'earn'), earn(X, 'B', 10, sid(2), 'earn')]);
    // A draft keeps no sums; publishing fills them from its members.
    expect(await db.select().from(campaignLiftSums).where(eq(campaignLiftSums.campaignId, K))).toEqual([]);
    await storeCampaign(db, campaign);
    expect((await keptEffectRows(db, K)).liftSums).toEqual([
      ...sumsOf('', 'activeBefore', [
        [X, 2, 3000],
        [Y, 0, 0],
        [Z, 0, 0],
      ]),
      ...sumsOf('', 'buyers', [
        [X, 2, 3000],
        [W, 1, 700],
      ]),
      ...sumsOf('A', 'activeBefore', [
        [X, 1, 2000],
        [Z, 0, 0],
      ]),
      ...sumsOf('A', 'buyers', [
        [X, 1, 2000],
        [W, 1, 700],
      ]),
      ...sumsOf('B', 'activeBefore', [[Y, 0, 0]]),
      ...sumsOf('B', 'buyers', [[X, 1, 1000]]),
    ]);

    // Late: Y's sales and earn rows, Z's and W's; then the refund's reversal and a merge's adjust rows.
    await addSales(db, [
      saleRow(sid(6), Y, 'B', 1500, T0 + 2 * DAY),
      saleRow(sid(7), Y, 'B', 500, T0 + 3 * DAY),
      saleRow(sid(8), Z, 'B', 300, T0 + 5 * DAY),
    ]);
    await addSales(db, [saleRow(sid(9), W, 'A', 900, T0 - 20 * DAY)]);
    await db.insert(ledger).values([earn(Y, 'B', 15, sid(6), 'earn')]);
    await db.insert(ledger).values([earn(Y, 'B', 5, sid(7), 'earn'), earn(X, 'A', -10, sid(1), 'reversal')]);
    await db
      .insert(ledger)
      .values([
        ledgerRow(uuidFrom(790, 0x1), X, 'A', 'adjust', -5, null, null, T0 + 9 * DAY),
        ledgerRow(uuidFrom(791, 0x1), Y, 'A', 'adjust', 5, null, null, T0 + 9 * DAY),
      ]);

    const kept = await keptEffectRows(db, K);
    const shop = (shopId: string, p: number, issued: number, net: number, count: number, minor: number) => ({
      campaignId: K,
      shopId,
      participants: p,
      pointsIssued: issued,
      pointsNet: net,
      salesCount: count,
      salesMinor: minor,
    });
    expect(kept.shops).toEqual([shop('A', 1, 20, 10, 1, 2000), shop('B', 2, 30, 30, 3, 3000)]);
    expect(kept.overall).toEqual([{ campaignId: K, participants: 2 }]);
    expect(kept.liftSums).toEqual([
      ...sumsOf('', 'activeBefore', [
        [X, 2, 3000],
        [Y, 2, 2000],
        [Z, 1, 300],
      ]),
      ...sumsOf('', 'buyers', [
        [X, 2, 3000],
        [Y, 2, 2000],
        [Z, 1, 300],
        [W, 1, 700],
      ]),
      ...sumsOf('A', 'activeBefore', [
        [X, 1, 2000],
        [Z, 0, 0],
      ]),
      ...sumsOf('A', 'buyers', [
        [X, 1, 2000],
        [W, 1, 700],
      ]),
      ...sumsOf('B', 'activeBefore', [[Y, 2, 2000]]),
      ...sumsOf('B', 'buyers', [
        [X, 1, 1000],
        [Y, 2, 2000],
        [Z, 1, 300],
      ]),
    ]);
    for (const shops of [null, ['A'], ['B'], ['A', 'B'], []]) {
      expect(await keptLedger(db, K, shops)).toEqual(await computedLedger(db, K, shops));
    }
    expect((await keptLedger(db, K, null)).participants).toBe(2);

    // The route: the kept sums (ended, everyone, every shop or one) answer as the kept members do.
    for (const shops of [null, ['A'], ['B']]) {
      const effect = await campaignEffect(db, K, NOW, shops, 1);
      const computed = await liftsByKept(db, campaign, liftWindow(campaign, NOW).lookbackFrom, shops, 1);
      expect(effect.lift).toEqual(computed.lift);
      expect(effect.liftAmongBuyers).toEqual(computed.liftAmongBuyers);
      for (const s of effect.shops) expect(s.lift).toEqual(computed.atShop(s.shopId));
    }
    // Not where the sums are not the question: a look-back still growing, two shops, another target, a draft.
    const ended = liftWindow(campaign, NOW).lookbackFrom;
    expect(keptSumsAnswer(campaign, liftWindow(campaign, T0 + 3 * DAY).lookbackFrom, null)).toBe(false);
    expect(keptSumsAnswer(campaign, ended, ['A', 'B'])).toBe(false);
    expect(keptSumsAnswer({ ...campaign, target: { kind: 'segment', memberIds: [X] } }, ended, null)).toBe(false);
    expect(keptSumsAnswer({ ...campaign, published: false }, ended, null)).toBe(false);
    expect((await campaignEffect(db, K, NOW, null, 1)).overall).toEqual({
      participants: 2,
      attributedSales: 4,
      attributedSalesMinor: 5000,
      pointsIssued: 50,
      pointsNet: 40,
      costMinor: expect.any(Number),
    });

    await database.db.transaction((tx) => rebuildSummaries(tx));
    expect(await keptEffectRows(db, K)).toEqual(kept);
    // Unpublished, then deleted: no sums left.
    await storeCampaign(db, { ...campaign, published: false });
    expect(
      await db
        .select()
        .from(campaignLiftSums)
        .where(and(eq(campaignLiftSums.campaignId, K))),
    ).toEqual([]);
    expect(await db.select().from(ledger).orderBy(asc(ledger.id))).toHaveLength(7);
  });
});

// Two derivations adding the same member's sales at two shops at once (PostgreSQL: PGlite has one connection):
// the second waits for the first's commit, so its member's rows as it read them hold the first's sale and the
// sums add up to the refill's, not to the sum of two deltas each from the rows as they were before both.
describe.each(testBackends.filter((b) => b.name === 'postgres'))('the kept lift sums on $name, at once', (backend) => {
  let database: HoDatabase;

  beforeAll(async () => {
    database = await backend.open();
  }, 60_000);
  afterAll(async () => {
    await database.close();
  });

  it('keeps one member’s sums right when two derivations add them together', async () => {
    const db = database.db;
    const V = uuidFrom(760, 0xd);
    await addMembers(db, [memberRow(V, T0 - 60 * DAY)]);
    await storeCampaign(db, campaign);
    await addSales(db, [
      saleRow(uuidFrom(761, 0x5), V, 'A', 100, T0 - DAY),
      saleRow(uuidFrom(762, 0x5), V, 'B', 100, T0 - DAY),
    ]);
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    let inserted = () => {};
    const first = new Promise<void>((resolve) => (inserted = resolve));
    const one = db.transaction(async (tx) => {
      await tx.insert(sales).values(saleRow(uuidFrom(763, 0x5), V, 'A', 3000, T0 + DAY));
      inserted();
      await gate;
    });
    await first;
    let done = false;
    const two = db
      .transaction(async (tx) => {
        await tx.insert(sales).values(saleRow(uuidFrom(764, 0x5), V, 'B', 5000, T0 + DAY));
      })
      .then(() => (done = true));
    // The second waits on the first's campaign lock (or, were there none, would finish on its own).
    for (let tries = 0; tries < 200 && !done; tries += 1) {
      const waiting = await db.execute(sql`SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`);
      if (rowsOf(waiting).length > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    release();
    await Promise.all([one, two]);
    const kept = (await keptEffectRows(db, K)).liftSums;
    await db.execute(sql`SELECT ho_campaign_lift_sums_refill(${K})`);
    expect((await keptEffectRows(db, K)).liftSums).toEqual(kept);
    expect(kept.find((r) => r.shopId === '' && r.population === 'activeBefore')).toMatchObject({
      n: 1,
      spend: '8000',
      spendSq: '64000000',
    });
  });
});

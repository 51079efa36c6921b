import type { Campaign } from '../../shared/domain/campaigns/campaign';
import { MIN_LIFT_GROUP } from '../stats/liftInterval';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClockForTests } from '../testing/clock';
import { testBackends } from '../testing/databases';
import { startHarness, type Harness } from '../testing/harness';
import { uuidFrom } from '../testing/records';
import type { HoDatabase } from '../store/connect';
import { refunds } from '../store/schema';
import { rebuildSummaries } from '../stats/rebuildSummaries';
import {
  addMembers,
  addSales,
  campaignOf,
  DAY,
  keptAndRaw,
  keptRows,
  memberRow,
  saleRow,
  storeCampaign,
} from './campaignMembersKept.testkit';

// ho_campaign_members kept as sales and campaigns arrive (migration 0020's triggers), by hand: twelve
// members, K ended (a week from T0, half held out), R running (a month from T0, its look-back growing as
// it runs). The kept lifts equal the raw read of the window's sales after each step: first sales; late
// offline sales before and inside the window; a refund; K's window edited; a draft published; a merge;
// a rebuild. Member k bought at T0 − (k + 1) days and, for k < 8, during the week.

const T0 = Date.UTC(2025, 5, 2, 2);
const NOW = T0 + 20 * DAY;
const SHOPS = ['A', 'B'];
const M = Array.from({ length: 12 }, (_, k) => uuidFrom(950 + k, 0xd));
const shopOf = (k: number) => SHOPS[k % 2] ?? 'A';
let saleN = 0;
const sale = (k: number, shopId: string, totalMinor: number, at: number) =>
  saleRow(uuidFrom(960 + (saleN += 1), 0x5), M[k] ?? null, shopId, totalMinor, at);

describe.each(testBackends)('a campaign’s members kept on $name', (backend) => {
  let database: HoDatabase;
  let ho: Harness;
  // Fresh per backend: the steps below edit K and publish D.
  const K: Campaign = campaignOf(uuidFrom(940, 0xc), { startsAt: T0, endsAt: T0 + 7 * DAY }, 5000);
  const R: Campaign = campaignOf(uuidFrom(941, 0xc), { startsAt: T0, endsAt: T0 + 30 * DAY }, 3000, {
    kind: 'newMembers',
    withinDays: 60,
  });
  const D: Campaign = campaignOf(
    uuidFrom(942, 0xc),
    { startsAt: T0 + DAY, endsAt: T0 + 9 * DAY },
    5000,
    {
      kind: 'segment',
      memberIds: M.slice(0, 9),
    },
    false,
  );

  beforeAll(async () => {
    database = await backend.open();
    ho = await startHarness(database, fixedClockForTests(NOW));
    await addMembers(
      database.db,
      M.map((id, k) => memberRow(id, T0 - (k % 3 === 0 ? 200 : 30) * DAY)),
    );
    await storeCampaign(database.db, K);
    await storeCampaign(database.db, D);
  }, 60_000);
  afterAll(async () => {
    await ho.close();
  });

  /** The kept lifts equal the raw ones for every campaign and view; answers K's kept lift at NOW. */
  const expectKeptIsRaw = async (nows: { campaign: Campaign; now: number }[]) => {
    for (const { campaign, now } of nows)
      for (const shops of [null, ['A']]) {
        const { kept, raw } = await keptAndRaw(database.db, campaign, now, shops, SHOPS);
        expect(kept).toEqual(raw);
      }
    return (await keptAndRaw(database.db, K, NOW, null, SHOPS)).kept.lift.visits;
  };
  const all = () => [
    { campaign: K, now: NOW },
    { campaign: R, now: T0 + 3 * DAY },
    { campaign: R, now: T0 + 12 * DAY },
    // A draft keeps no rows (its effect is read from the sales): compared once published.
    ...(D.published ? [{ campaign: D, now: NOW }] : []),
  ];

  it('follows sales, late ones, a refund, an edited window, a publish, a merge and a rebuild', async () => {
    // Sales first, then R published over them (its rows read from the sales once, by the trigger).
    await addSales(database.db, [
      ...M.map((_, k) => sale(k, shopOf(k), 500 + k, T0 - (k + 1) * DAY)),
      ...M.slice(0, 8).map((_, k) => sale(k, shopOf(k + 1), 1000 + 100 * k, T0 + DAY + k * 3_600_000)),
      sale(0, 'A', 700, T0 - 100 * DAY),
    ]);
    await storeCampaign(database.db, R);
    // K at NOW: a 7-day look-back holds members 0–6 (their sale at T0 − (k + 1) days).
    const first = await expectKeptIsRaw(all());
    expect(first.treated.n + first.holdout.n).toBe(7);
    expect(await keptRows(database.db, D.id)).toEqual([]);

    // Late offline sales: member 9's (T0 − 2 days: now active before K) and 10's inside the week.
    await addSales(database.db, [sale(9, 'B', 900, T0 - 2 * DAY), sale(10, 'A', 4000, T0 + 2 * DAY)]);
    const late = await expectKeptIsRaw(all());
    expect(late.treated.n + late.holdout.n).toBe(8);

    // A refund changes no visit or spend (the lift's spend is what was paid, refunds not taken off).
    const before = await keptRows(database.db, K.id);
    await database.db.insert(refunds).values({
      id: uuidFrom(990, 0x6),
      saleId: uuidFrom(961, 0x5),
      terminalId: uuidFrom(1, 0xa),
      shopId: 'A',
      seq: 1,
      memberId: M[0] ?? null,
      settlement: 'terminal',
      amountMinor: 200,
      pointsReversed: 0,
      pointsReturned: 0,
      businessDay: '2025-06-03',
      createdAt: T0 + 3 * DAY,
      staffId: null,
    });
    expect(await keptRows(database.db, K.id)).toEqual(before);
    await expectKeptIsRaw(all());

    // K's window and holdout edited: its rows are made again in the same statement.
    Object.assign(K, { startsAt: T0 - 3 * DAY, endsAt: T0 + 4 * DAY, holdoutBp: 2500 });
    await storeCampaign(database.db, K);
    const edited = await expectKeptIsRaw(all());
    expect(edited.treated.n + edited.holdout.n).toBeLessThan(8);

    // The draft published: its rows appear with it.
    Object.assign(D, { published: true });
    await storeCampaign(database.db, D);
    expect((await keptRows(database.db, D.id)).length).toBeGreaterThan(0);
    await expectKeptIsRaw(all());

    // Through the admin routes: a saved draft keeps nothing, its publish fills its rows in its transaction.
    const P = campaignOf(uuidFrom(943, 0xc), { startsAt: NOW - 8 * DAY, endsAt: NOW + 10 * DAY }, 4000);
    const { id, name, rule, target, startsAt, endsAt, overlap, budgetPoints, perMemberLimit, holdoutBp } = P;
    const input = { name, rule, target, startsAt, endsAt, overlap, budgetPoints, perMemberLimit, holdoutBp };
    await ho.admin.call('upsertCampaign', { params: { id }, body: input });
    expect(await keptRows(database.db, id)).toEqual([]);
    await ho.admin.call('publishCampaign', { params: { id } });
    expect((await keptRows(database.db, id)).length).toBeGreaterThan(0);
    await expectKeptIsRaw([{ campaign: P, now: NOW }]);

    // A merge moves cards and points, not sales (server/members/README.md): the rows stay as they were.
    const rowsBefore = await Promise.all([K, R, D].map((c) => keptRows(database.db, c.id)));
    await ho.admin.call('mergeMembers', { params: { id: M[0] ?? '' }, body: { duplicateId: M[1] ?? '' } });
    expect(await Promise.all([K, R, D].map((c) => keptRows(database.db, c.id)))).toEqual(rowsBefore);
    await expectKeptIsRaw(all());

    // A rebuild makes the same rows; the route answers the kept lift.
    await database.db.transaction((tx) => rebuildSummaries(tx));
    expect(await Promise.all([K, R, D].map((c) => keptRows(database.db, c.id)))).toEqual(rowsBefore);
    const effect = await ho.admin.call('campaignEffect', { params: { id: K.id } });
    const { raw } = await keptAndRaw(database.db, K, NOW, null, SHOPS, MIN_LIFT_GROUP);
    expect(effect.lift).toEqual(raw.lift);
    expect(effect.liftAmongBuyers).toEqual(raw.liftAmongBuyers);
  });
});

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildSummaries } from '../stats/rebuildSummaries';
import type { HoDatabase } from '../store/connect';
import { ledger } from '../store/schema';
import { testBackends } from '../testing/databases';
import { uuidFrom } from '../testing/records';
import { liftWindow } from './campaignEffect';
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
import { keptSumsAnswer, liftsByKeptSums } from './keptLiftSums';
import { computedLedger, keptLedger } from './ledgerFigures';
import { liftsBySums, type LiftsBySums } from './liftSums';

// Any sequence of writes (sales before, inside and after the window, late ones; earn rows, refunds' reversals,
// a merge's adjust rows and another campaign's rows; the campaign published, edited, withdrawn): the kept
// ledger figures equal the ledger rows' and, once it has ended, the kept lift sums equal the kept members' and
// the raw read of the sales, in all, among buyers and per shop, every shop or one. A rebuild keeps the same
// rows. Every run has its own campaign and members, 400 days after the run before.

const START = Date.UTC(2025, 5, 2, 2);
const SHOPS = ['A', 'B', 'C'];

const saleArb = fc.record({
  k: fc.integer({ min: 0, max: 5 }),
  shop: fc.constantFrom(...SHOPS),
  totalMinor: fc.integer({ min: 1, max: 500_000 }),
  hours: fc.integer({ min: -100 * 24, max: 40 * 24 }),
});
const ledgerArb = fc.record({
  k: fc.integer({ min: 0, max: 4 }),
  shop: fc.constantFrom(...SHOPS),
  kind: fc.constantFrom('earn', 'earn', 'reversal', 'adjust'),
  delta: fc.integer({ min: -50, max: 200 }),
  sale: fc.nat({ max: 60 }),
  ours: fc.boolean(),
});
const writeArb = fc.oneof(
  fc.record({ op: fc.constant('sales'), rows: fc.array(saleArb, { minLength: 1, maxLength: 12 }) }),
  fc.record({ op: fc.constant('ledger'), rows: fc.array(ledgerArb, { minLength: 1, maxLength: 8 }) }),
  fc.record({
    op: fc.constant('campaign'),
    days: fc.integer({ min: 1, max: 30 }),
    holdoutBp: fc.constantFrom(0, 2500, 5000),
    published: fc.boolean(),
  }),
);

describe.each(testBackends)('the kept campaign effect on $name', (backend) => {
  let database: HoDatabase;
  let run = 0;

  beforeAll(async () => {
    database = await backend.open();
  }, 60_000);
  afterAll(async () => {
    await database.close();
  });

  it('equals the ledger rows and the kept members after any writes, and after a rebuild', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(writeArb, { minLength: 1, maxLength: 8 }), async (writes) => {
        run += 1;
        const db = database.db;
        const T0 = START + run * 400 * DAY;
        const id = uuidFrom(run, 0xe);
        const other = uuidFrom(run + 10_000, 0xe);
        const M = Array.from({ length: 5 }, (_, k) => uuidFrom(run * 10 + k, 0xf));
        await addMembers(
          db,
          M.map((m) => memberRow(m, T0 - 30 * DAY)),
        );
        let campaign = campaignOf(id, { startsAt: T0, endsAt: T0 + 7 * DAY }, 5000, { kind: 'everyone' }, false);
        await storeCampaign(db, campaign);
        let n = 0;
        const saleIds: string[] = [];
        for (const w of writes) {
          if (w.op === 'sales') {
            await addSales(
              db,
              w.rows.map((s) => {
                n += 1;
                const at = T0 + s.hours * 3_600_000;
                const saleId = uuidFrom(run * 1000 + n, 0x5);
                saleIds.push(saleId);
                return saleRow(saleId, M[s.k] ?? null, s.shop, s.totalMinor, at);
              }),
            );
          } else if (w.op === 'ledger') {
            await db.insert(ledger).values(
              w.rows.map((r) => {
                n += 1;
                const adjust = r.kind === 'adjust';
                // An earn row and its reversal name a sale head office has (derivation writes the sale first).
                const saleId = adjust ? null : (saleIds[r.sale % Math.max(saleIds.length, 1)] ?? null);
                const member = M[r.k] ?? '';
                const campaignId = adjust ? null : r.ours ? id : other;
                return ledgerRow(
                  uuidFrom(run * 1000 + n, 0x1),
                  member,
                  r.shop,
                  r.kind,
                  r.delta,
                  campaignId,
                  saleId,
                  T0,
                );
              }),
            );
          } else {
            campaign = { ...campaign, endsAt: T0 + w.days * DAY, holdoutBp: w.holdoutBp, published: w.published };
            await storeCampaign(db, campaign);
          }
        }
        for (const shops of [null, ['A'], ['A', 'B']]) {
          expect(await keptLedger(db, id, shops)).toEqual(await computedLedger(db, id, shops));
        }
        const now = campaign.endsAt + DAY;
        const window = liftWindow(campaign, now);
        const read = (lifts: LiftsBySums) => ({
          lift: lifts.lift,
          liftAmongBuyers: lifts.liftAmongBuyers,
          atShop: SHOPS.map((shopId) => lifts.atShop(shopId)),
        });
        for (const shops of [null, ['B']]) {
          expect(keptSumsAnswer(campaign, window.lookbackFrom, shops)).toBe(campaign.published);
          if (!campaign.published) continue;
          const kept = read(await liftsByKeptSums(db, id, shops, 1));
          expect(kept).toEqual(read(await liftsByKept(db, campaign, window.lookbackFrom, shops, 1)));
          expect(kept).toEqual(read(await liftsBySums(db, campaign, window, shops, 1)));
        }
        const before = await keptEffectRows(db, id);
        await db.transaction((tx) => rebuildSummaries(tx));
        expect(await keptEffectRows(db, id)).toEqual(before);
      }),
      { numRuns: 25 },
    );
  }, 600_000);
});

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignTarget } from '../../shared/domain/campaigns/campaign';
import { testBackends } from '../testing/databases';
import { uuidFrom } from '../testing/records';
import type { HoDatabase } from '../store/connect';
import {
  addMembers,
  addSales,
  campaignOf,
  DAY,
  keptAndRaw,
  memberRow,
  saleRow,
  storeCampaign,
} from './campaignMembersKept.testkit';

// Any sales (before, inside and after a campaign's window, some arriving after the campaign is published,
// late ones among them), any window (longer than the 90-day look-back cap too), holdout share and target,
// seen at any moment (before the start, while running, after the end), then with its window edited: the
// kept lifts equal the raw read of the window's sales, in all, among buyers and per shop. Every run adds
// its own members and campaign to the same database, 400 days after the run before: earlier runs' rows
// are in every read too, all before the run's own look-back.

const START = Date.UTC(2025, 5, 2, 2);
const SHOPS = ['A', 'B'];

const saleArb = fc.record({
  k: fc.integer({ min: 0, max: 5 }),
  shop: fc.constantFrom(...SHOPS),
  totalMinor: fc.integer({ min: 1, max: 500_000 }),
  hours: fc.integer({ min: -130 * 24, max: 130 * 24 }),
});
const caseArb = fc.record({
  joinedDays: fc.array(fc.integer({ min: 0, max: 200 }), { minLength: 6, maxLength: 6 }),
  sales: fc.array(saleArb, { maxLength: 40 }),
  cut: fc.nat(),
  days: fc.integer({ min: 1, max: 120 }),
  editedDays: fc.integer({ min: 1, max: 120 }),
  holdoutBp: fc.constantFrom(0, 1, 2500, 5000),
  target: fc.constantFrom('everyone', 'newMembers', 'segment'),
  nowDays: fc.integer({ min: -2, max: 140 }),
});

describe.each(testBackends)('the kept lift on $name', (backend) => {
  let database: HoDatabase;
  let run = 0;

  beforeAll(async () => {
    database = await backend.open();
  }, 60_000);
  afterAll(async () => {
    await database.close();
  });

  it('equals the raw read of the window’s sales, whatever arrives when', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        run += 1;
        const T0 = START + run * 400 * DAY;
        const now = T0 + c.nowDays * DAY;
        const M = c.joinedDays.map((_, k) => uuidFrom(run * 100 + k, 0xd));
        await addMembers(
          database.db,
          M.map((id, k) => memberRow(id, T0 - (c.joinedDays[k] ?? 0) * DAY)),
        );
        // Sales arrive before now (a till's clock runs behind head office's, not ahead).
        const rows = c.sales
          .map((s, i) =>
            saleRow(uuidFrom(run * 100 + i, 0x5), M[s.k] ?? null, s.shop, s.totalMinor, T0 + s.hours * 3_600_000),
          )
          .filter((s) => s.createdAt < now);
        const cut = rows.length === 0 ? 0 : c.cut % (rows.length + 1);
        const target: CampaignTarget =
          c.target === 'everyone'
            ? { kind: 'everyone' }
            : c.target === 'newMembers'
              ? { kind: 'newMembers', withinDays: 60 }
              : { kind: 'segment', memberIds: M.filter((_, k) => k % 2 === 0) };
        const campaign = campaignOf(
          uuidFrom(run, 0xc),
          { startsAt: T0, endsAt: T0 + c.days * DAY },
          c.holdoutBp,
          target,
        );
        if (cut > 0) await addSales(database.db, rows.slice(0, cut));
        await storeCampaign(database.db, campaign);
        if (cut < rows.length) await addSales(database.db, rows.slice(cut));
        for (const shops of [null, ['A']]) {
          const { kept, raw } = await keptAndRaw(database.db, campaign, now, shops, SHOPS);
          expect(kept).toEqual(raw);
        }
        const edited = { ...campaign, endsAt: T0 + c.editedDays * DAY };
        await storeCampaign(database.db, edited);
        const { kept, raw } = await keptAndRaw(database.db, edited, now, null, SHOPS);
        expect(kept).toEqual(raw);
      }),
      { numRuns: 25 },
    );
  }, 300_000);
});

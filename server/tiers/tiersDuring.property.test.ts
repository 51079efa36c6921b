import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends } from '../testing/databases';
import type { HoDatabase } from '../store/connect';
import { settings, tierChanges } from '../store/schema';
import { tiersAt, tiersDuring } from './tiersAt';

// tiersDuring (one read of a range) answers, at any instant of it, what tiersAt reads for that instant:
// any kept history (ties in time included, changes before, in and after the range), any instant asked.

const LADDER = [
  { code: 'BRONZE', name: 'Bronze', rank: 1, qualifyPoints: 0 },
  { code: 'GOLD', name: 'Gold', rank: 2, qualifyPoints: 500 },
];
const [FROM, TO, NOW] = [100, 200, 1_000];
const change = fc.record({
  member: fc.nat(3),
  at: fc.integer({ min: 50, max: 250 }),
  toTier: fc.constantFrom('BRONZE', 'GOLD', 'OLD', null),
});

describe.each(testBackends)('tier at an instant, read for a range, on $name', (backend) => {
  let database: HoDatabase;
  beforeAll(async () => {
    database = await backend.open();
    await database.db.insert(settings).values({ key: 'tiers', value: LADDER });
  });
  afterAll(async () => {
    await database.close();
  });

  it('equals tiersAt at every instant of the range', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(change, { maxLength: 12 }),
        fc.array(fc.integer({ min: FROM, max: TO }), { minLength: 1, maxLength: 5 }),
        async (history, instants) => {
          run += 1;
          const ids = [0, 1, 2, 3].map((m) => `run${run}-m${m}`);
          const rows = history.map((c) => ({
            memberId: ids[c.member] ?? '',
            fromTier: null,
            toTier: c.toTier,
            reason: 'earned' as const,
            at: c.at,
            shopId: null,
            recordId: null,
          }));
          if (rows.length > 0) await database.db.insert(tierChanges).values(rows);
          const during = await tiersDuring(database.db, ids, FROM, TO, NOW);
          for (const at of instants) {
            const atOnce = await tiersAt(database.db, ids, at, NOW);
            expect(ids.map((id) => during(id, at))).toEqual(ids.map((id) => atOnce.get(id)));
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});

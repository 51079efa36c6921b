import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/admin/stats';
import { quintileCuts, rfmSegmentOf, rfmSegments, rfmThresholds, type RfmActivity } from '../../../shared/stats/rfm';
import { testBackends } from '../../testing/databases';
import type { HoDatabase } from '../../store/connect';
import { memberActivity, memberMonth } from '../../store/schema';
import { segmentCounts } from './rfmTrend';
import {
  buyersToMonth,
  everyBuyer,
  groupedBuyers,
  keptBuyers,
  listedBuyers,
  nobodyAfter,
  settledBuyers,
} from './buyerSources';
import { cutsOfCounts, scoreBuyers } from './rfmScores';

// RFM scored in SQL (rfmScores.ts) against THE REFERENCE: every buyer in JavaScript, scored by rfmThresholds and
// rfmSegmentOf (shared/stats/rfm.ts), on random activity sets with crowds of ties, buyers after the day and
// buyers read elsewhere (laterBuyers.ts's); and a month end from ho_member_month against segmentCounts.

const day = fc.integer({ min: 0, max: 40 }).map((d) => addDays('2025-01-01', d));
const activity = fc.record({
  firstOffset: fc.nat(5),
  lastDay: day,
  visits: fc.oneof(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 60 })),
  spendMinor: fc.oneof(fc.constantFrom(0, 500, 1_000), fc.integer({ min: -3_000, max: 90_000 })),
});
const extra = fc.record({ lastDay: day, visits: fc.integer({ min: 1, max: 30 }), spendMinor: fc.integer() });

/** The reference: every buyer in JavaScript. */
function reference(buyers: readonly RfmActivity[], asOf: string) {
  const thresholds = rfmThresholds(buyers, asOf);
  const recency = [0, 0, 0, 0, 0];
  const frequency = [0, 0, 0, 0, 0];
  const monetary = [0, 0, 0, 0, 0];
  const segments = rfmSegments.map(() => 0);
  for (const b of buyers) {
    const s = rfmSegmentOf(b, asOf, thresholds);
    recency[s.recency - 1] = (recency[s.recency - 1] ?? 0) + 1;
    frequency[s.frequency - 1] = (frequency[s.frequency - 1] ?? 0) + 1;
    monetary[s.monetary - 1] = (monetary[s.monetary - 1] ?? 0) + 1;
    const i = rfmSegments.indexOf(s.segment);
    segments[i] = (segments[i] ?? 0) + 1;
  }
  return { buyers: buyers.length, thresholds, recency, frequency, monetary, segments };
}

it('cuts read off counts equal the cuts of the values', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: -50, max: 50 })), (values) => {
      const counts = new Map<number, number>();
      for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
      const sorted = [...counts].sort((x, y) => x[0] - y[0]);
      expect(cutsOfCounts(sorted, values.length)).toEqual(quintileCuts(values));
    }),
  );
});

describe.each(testBackends)('RFM scored in SQL on $name', (backend) => {
  let database: HoDatabase;
  beforeAll(async () => {
    database = await backend.open();
  });
  afterAll(async () => {
    await database.close();
  });

  it('equals every buyer scored in JavaScript, as of any day, with buyers read elsewhere', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(activity, { maxLength: 40 }),
        fc.array(extra, { maxLength: 4 }),
        day,
        async (rows, extras, asOf) => {
          // DELETE, not TRUNCATE: the kept counts (migration 0021's triggers) follow deletes too.
          await database.db.execute(sql`DELETE FROM ho_member_activity`);
          const kept = rows.map((r, i) => ({
            memberId: `m${i}`,
            firstDay: addDays(r.lastDay, -r.firstOffset),
            lastDay: r.lastDay,
            visits: r.visits,
            spendMinor: r.spendMinor,
          }));
          if (kept.length > 0) await database.db.insert(memberActivity).values(kept);
          // Every other buyer buys again (an update, as the deriver's upsert): the kept counts move with them.
          await database.db.execute(sql`UPDATE ho_member_activity SET visits = visits + 1,
            spend_minor = spend_minor + 300 WHERE substr(member_id, 2)::int % 2 = 0`);
          kept.forEach((r, i) => {
            if (i % 2 === 0) Object.assign(r, { visits: r.visits + 1, spendMinor: r.spendMinor + 300 });
          });
          const later = extras.filter((b) => b.lastDay <= asOf);
          const settled = kept.filter((r) => r.lastDay <= asOf);
          const scored = await scoreBuyers(
            database.db,
            [groupedBuyers(settledBuyers(asOf)), listedBuyers(later)],
            asOf,
          );
          expect(scored).toEqual(reference([...settled, ...later], asOf));
          // Read from the kept counts when nobody bought after the day: the same answer.
          const nobody = kept.every((r) => r.lastDay <= asOf);
          expect(await nobodyAfter(database.db, asOf)).toBe(nobody);
          if (nobody) {
            const fromKept = await scoreBuyers(
              database.db,
              [keptBuyers({ visitedOnly: false }, settledBuyers(asOf))],
              asOf,
            );
            expect(fromKept).toEqual(reference(settled, asOf));
            const visited = await scoreBuyers(database.db, [keptBuyers({ visitedOnly: true }, everyBuyer())], asOf);
            expect(visited).toEqual(
              reference(
                settled.filter((r) => r.visits > 0),
                asOf,
              ),
            );
          }
        },
      ),
      { numRuns: backend.name === 'pglite' ? 60 : 30 },
    );
  }, 120_000);

  it("a month end from ho_member_month equals the month's buyers scored in JavaScript", async () => {
    const month = fc.record({
      member: fc.constantFrom('m1', 'm2', 'm3', 'm4', 'm5', 'm6'),
      month: fc.constantFrom('2025-01', '2025-02', '2025-03'),
      day: fc.constantFrom('05', '17', '28'),
      bought: fc.boolean(),
      visits: fc.integer({ min: 0, max: 9 }),
      spendMinor: fc.integer({ min: -2_000, max: 20_000 }),
    });
    const months = fc.uniqueArray(month, { selector: (m) => `${m.member}${m.month}`, maxLength: 14 });
    await fc.assert(
      fc.asyncProperty(months, async (ms) => {
        await database.db.execute(sql`TRUNCATE ho_member_month`);
        const rows = ms.map((m) => ({
          memberId: m.member,
          month: m.month,
          lastDay: m.bought ? `${m.month}-${m.day}` : null,
          visits: m.visits,
          spendMinor: m.spendMinor,
        }));
        if (rows.length > 0) await database.db.insert(memberMonth).values(rows);
        const byMember = new Map<string, RfmActivity & { bought: boolean }>();
        for (const r of rows.filter((x) => x.month <= '2025-02')) {
          const had = byMember.get(r.memberId) ?? { lastDay: '', visits: 0, spendMinor: 0, bought: false };
          byMember.set(r.memberId, {
            lastDay: r.lastDay !== null && r.lastDay > had.lastDay ? r.lastDay : had.lastDay,
            visits: had.visits + r.visits,
            spendMinor: had.spendMinor + r.spendMinor,
            bought: had.bought || r.lastDay !== null,
          });
        }
        const buyers = [...byMember.values()].filter((b) => b.bought);
        const scored = await scoreBuyers(database.db, [groupedBuyers(buyersToMonth('2025-02'))], '2025-02-28');
        expect(scored.buyers).toBe(buyers.length);
        expect(scored.segments).toEqual(segmentCounts(buyers, '2025-02-28'));
      }),
      { numRuns: backend.name === 'pglite' ? 60 : 30 },
    );
  }, 120_000);
});

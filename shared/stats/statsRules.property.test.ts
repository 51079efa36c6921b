import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysFrom, perEach, periodsIn, periodStart, rateBp, StatsPeriod } from './periods';
import { quintileCuts, rfmSegmentOf, rfmSegments, rfmThresholds, segmentOfScores, type RfmActivity } from './rfm';

// The pure rules of the statistics views: period bucketing, the floored rate, RFM scoring.

const DAY_MS = 86_400_000;
const dayAt = (n: number): string => new Date(Date.UTC(2020, 0, 1) + n * DAY_MS).toISOString().slice(0, 10);
const aDay = fc.integer({ min: 0, max: 3000 }).map(dayAt);
const aRange = fc
  .tuple(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 400 }))
  .map(([start, length]) => [dayAt(start), dayAt(start + length)] as const);
const aPeriod = fc.constantFrom(...StatsPeriod.options);

describe('period bucketing', () => {
  it('covers a range with no gap and no overlap, each span inside one period named by its first day', () => {
    fc.assert(
      fc.property(aRange, aPeriod, ([from, to], period) => {
        const spans = periodsIn(from, to, period);
        expect(spans[0]?.from).toBe(from);
        expect(spans.at(-1)?.to).toBe(to);
        spans.forEach((span, i) => {
          expect(span.from <= span.to).toBe(true);
          expect(periodStart(span.from, period)).toBe(span.key);
          expect(periodStart(span.to, period)).toBe(span.key);
          const previous = i > 0 ? spans[i - 1] : undefined;
          if (previous) expect(daysFrom(previous.to, span.from)).toBe(1);
        });
      }),
    );
  });

  it('starts an ISO week on the Monday at most 6 days before, a month on its 1st', () => {
    fc.assert(
      fc.property(aDay, (day) => {
        const monday = periodStart(day, 'week');
        expect(new Date(`${monday}T00:00:00Z`).getUTCDay()).toBe(1);
        expect(daysFrom(monday, day)).toBeGreaterThanOrEqual(0);
        expect(daysFrom(monday, day)).toBeLessThan(7);
        expect(periodStart(day, 'month')).toBe(`${day.slice(0, 8)}01`);
        expect(periodStart(day, 'day')).toBe(day);
      }),
    );
  });
});

describe('rates', () => {
  it('floor part ÷ whole in basis points exactly once (null for a whole of 0)', () => {
    fc.assert(
      fc.property(fc.nat({ max: 10_000_000 }), fc.nat({ max: 10_000_000 }), (part, whole) => {
        const bp = rateBp(part, whole);
        if (bp === null) {
          expect(whole).toBe(0);
          return;
        }
        const exact = BigInt(part) * 10_000n;
        expect(BigInt(bp) * BigInt(whole) <= exact).toBe(true);
        expect(BigInt(bp + 1) * BigInt(whole) > exact).toBe(true);
        const each = perEach(part, whole) ?? -1;
        expect(each * whole <= part && (each + 1) * whole > part).toBe(true);
      }),
    );
  });
});

const anActivity = fc.record({
  lastDay: fc.integer({ min: 0, max: 60 }).map(dayAt),
  visits: fc.integer({ min: 1, max: 15 }),
  spendMinor: fc.integer({ min: -500, max: 5000 }),
});

/** Counted, not sorted: the k-th cut is reached when more than floor(k·n/5) values are at most this one. */
const counted = (value: number, all: readonly number[]): number =>
  1 + [1, 2, 3, 4].filter((k) => Math.floor((k * all.length) / 5) < all.filter((v) => v <= value).length).length;

describe('RFM scores', () => {
  it('equal a counted quintile rank, ties never split, and map to the segment table', () => {
    fc.assert(
      fc.property(fc.array(anActivity, { minLength: 1, maxLength: 40 }), (activity: RfmActivity[]) => {
        const asOf = dayAt(60);
        const thresholds = rfmThresholds(activity, asOf);
        const recent = activity.map((a) => -daysFrom(a.lastDay, asOf));
        activity.forEach((a, i) => {
          const score = rfmSegmentOf(a, asOf, thresholds);
          expect(score.recency).toBe(counted(recent[i] ?? 0, recent));
          expect(score.frequency).toBe(
            counted(
              a.visits,
              activity.map((b) => b.visits),
            ),
          );
          expect(score.monetary).toBe(
            counted(
              a.spendMinor,
              activity.map((b) => b.spendMinor),
            ),
          );
          expect(score.segment).toBe(segmentOfScores(score.recency, score.frequency));
          activity.forEach((b) => {
            if (b.visits === a.visits) expect(rfmSegmentOf(b, asOf, thresholds).frequency).toBe(score.frequency);
          });
        });
        // The best value scores 5; the top score is never empty.
        expect(Math.max(...activity.map((a) => rfmSegmentOf(a, asOf, thresholds).frequency))).toBe(5);
      }),
    );
  });

  it('names every score pair with one segment of the table, and every segment names some pair', () => {
    const named = new Set<string>();
    for (let r = 1; r <= 5; r++) for (let f = 1; f <= 5; f++) named.add(segmentOfScores(r, f));
    expect([...named].sort()).toEqual([...rfmSegments].sort());
    expect(quintileCuts([])).toEqual([0, 0, 0, 0]);
  });
});

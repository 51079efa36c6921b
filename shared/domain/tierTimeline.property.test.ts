import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TierQualification } from './rules/tierQualification';
import { tierTimeline, type TimelineEvent, type TimelineOverride } from './tierTimeline';

const LADDER = [
  { code: 'BRONZE', name: 'Bronze', rank: 1, qualifyPoints: 0 },
  { code: 'SILVER', name: 'Silver', rank: 2, qualifyPoints: 100 },
  { code: 'GOLD', name: 'Gold', rank: 3, qualifyPoints: 300 },
];
const T0 = Date.UTC(2025, 0, 1);
const DAY = 86_400_000;
const policies: TierQualification[] = [
  { measure: 'pointsEarned', window: { kind: 'lifetime' } },
  { measure: 'pointsEarned', window: { kind: 'rollingMonths', months: 3 } },
  { measure: 'pointsEarned', window: { kind: 'calendarYear' } },
];
const event = fc.record({ day: fc.integer({ min: 0, max: 700 }), points: fc.integer({ min: 1, max: 200 }) });
const override = fc.record({
  day: fc.integer({ min: 0, max: 700 }),
  days: fc.integer({ min: 1, max: 90 }),
  tier: fc.constantFrom('BRONZE', 'SILVER', 'GOLD'),
});

describe('tierTimeline, property', () => {
  it('kept step by step (the deriver) gives the changes of one pass over the same rows, each a real change', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...policies),
        fc.array(event, { maxLength: 12 }),
        fc.array(override, { maxLength: 2 }),
        fc.array(fc.integer({ min: 0, max: 800 }), { minLength: 1, maxLength: 4 }),
        (policy, raw, rawOverrides, stops) => {
          const events: TimelineEvent[] = raw.map((e, i) => ({
            at: T0 + e.day * DAY + i,
            points: e.points,
            spendMinor: 0,
            shopId: 's',
            recordId: `r${i}`,
          }));
          const overrides: TimelineOverride[] = rawOverrides.map((o, i) => ({
            id: `o${i}`,
            tierCode: o.tier,
            reason: 'x',
            setAt: T0 + o.day * DAY + 500 + i,
            endsAt: T0 + (o.day + o.days) * DAY + 500 + i,
            shopId: null,
          }));
          const base = { ladder: LADDER, policy, events, overrides, timeZone: 'Asia/Shanghai' };
          const now = T0 + 800 * DAY;
          const whole = tierTimeline({ ...base, after: null, heldTier: null, now });
          // Every row is a change, and each starts where the one before ended.
          let held: string | null = 'BRONZE';
          for (const c of whole) {
            expect(c.fromTier).toBe(held);
            expect(c.toTier).not.toBe(c.fromTier);
            held = c.toTier;
          }
          // The same rows learned in steps, every event known from the start (no late records).
          const kept: typeof whole = [];
          for (const stop of [...stops.sort((a, b) => a - b), 800]) {
            const last = kept[kept.length - 1];
            kept.push(
              ...tierTimeline({
                ...base,
                after: last?.at ?? null,
                heldTier: last?.toTier ?? null,
                now: T0 + stop * DAY,
              }),
            );
          }
          expect(kept.map((c) => [c.at, c.toTier])).toEqual(whole.map((c) => [c.at, c.toTier]));
        },
      ),
      { numRuns: 150 },
    );
  });
});

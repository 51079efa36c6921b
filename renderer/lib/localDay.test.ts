import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { endOfLocalDay, isAfterToday, localDayInput } from './localDay';

const DAY = 86_400_000;

describe('local days for a date field', () => {
  it('reads back the day of any instant, and that day ends after it', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2099, 11, 31) }), (at) => {
        const day = localDayInput(at);
        expect(day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        const end = endOfLocalDay(day);
        expect(end).toBeGreaterThanOrEqual(at);
        expect(localDayInput(end)).toBe(day);
        expect(localDayInput(end + 1)).not.toBe(day);
      }),
    );
  });

  it('takes tomorrow as after today, and neither today nor yesterday', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2099, 11, 31) }), (now) => {
        expect(isAfterToday(localDayInput(now + DAY + 3_600_000), now)).toBe(true);
        expect(isAfterToday(localDayInput(now), now)).toBe(false);
        expect(isAfterToday(localDayInput(now - DAY), now)).toBe(false);
      }),
    );
  });

  it('refuses what is not a day', () => {
    for (const bad of ['', '2026-02-30', '2026-13-01', '26-01-01', 'tomorrow']) {
      expect(Number.isNaN(endOfLocalDay(bad))).toBe(true);
      expect(isAfterToday(bad, 0)).toBe(false);
    }
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { businessDay, businessDayRange } from './businessDay';

const zones = [
  'Asia/Shanghai',
  'America/New_York',
  'Europe/London',
  'Australia/Lord_Howe',
  'America/Santiago',
  'America/Havana',
  'UTC',
];

describe('businessDayRange', () => {
  it('is exactly the instants whose business day it is, across daylight-saving days', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) }),
        fc.constantFrom(...zones),
        (at, zone) => {
          const day = businessDay(at, zone);
          const { start, end } = businessDayRange(day, zone);
          expect(start).toBeLessThanOrEqual(at);
          expect(end).toBeGreaterThan(at);
          expect(businessDay(start, zone)).toBe(day);
          expect(businessDay(end - 1, zone)).toBe(day);
          expect(businessDay(start - 1, zone)).not.toBe(day);
          expect(businessDay(end, zone)).not.toBe(day);
        },
      ),
    );
  });

  it('has 23 and 25 hours on New York’s change days', () => {
    const hours = (day: string) => {
      const { start, end } = businessDayRange(day, 'America/New_York');
      return (end - start) / 3_600_000;
    };
    expect([hours('2025-03-09'), hours('2025-11-02'), hours('2025-06-01')]).toEqual([23, 25, 24]);
  });

  it('starts a Santiago change day at its first instant (the clocks change at midnight there)', () => {
    // 7 Sep 2025: 00:00 -04 jumps to 01:00 -03; 6 Apr 2025: 00:00 -03 falls back to 23:00 the day before.
    for (const day of ['2025-09-07', '2025-04-06']) {
      const { start } = businessDayRange(day, 'America/Santiago');
      expect(businessDay(start, 'America/Santiago')).toBe(day);
      expect(businessDay(start - 1, 'America/Santiago')).not.toBe(day);
    }
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { businessDay } from './businessDay';

// Zones with daylight saving at 02:00, at midnight (Beirut, Havana), half-hour shifts
// (Lord Howe), a skipped calendar day (Apia, 2011-12-30), and none at all (Shanghai).
const ZONES = [
  'Asia/Shanghai',
  'America/New_York',
  'Europe/London',
  'Asia/Beirut',
  'America/Havana',
  'Australia/Lord_Howe',
  'Pacific/Apia',
  'Asia/Kolkata',
  'UTC',
];
/** The reference: the day formatted afresh by Intl, no cache, no offset arithmetic. */
const referenceFormats = new Map(
  ZONES.map((timeZone) => [
    timeZone,
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      calendar: 'gregory',
      numberingSystem: 'latn',
    }),
  ]),
);
const reference = (epochMs: number, timeZone: string): string =>
  referenceFormats.get(timeZone)?.format(epochMs) ?? 'no such zone';

const HOUR = 3_600_000;

describe('businessDay', () => {
  it('is the calendar day in the shop’s zone, not UTC', () => {
    const utc = Date.UTC(2026, 0, 31, 16, 30); // 00:30 on 1 February in Shanghai
    expect(businessDay(utc, 'Asia/Shanghai')).toBe('2026-02-01');
    expect(businessDay(utc, 'UTC')).toBe('2026-01-31');
    expect(businessDay(Date.UTC(2026, 1, 1, 4, 59), 'America/New_York')).toBe('2026-01-31');
  });

  it('agrees with fresh formatting for any instant, in any order, across DST days', () => {
    const instant = fc.integer({ min: Date.UTC(2008, 0, 1), max: Date.UTC(2040, 0, 1) });
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.array(instant, { minLength: 1, maxLength: 30 }), (zone, instants) => {
        for (const t of instants) expect(businessDay(t, zone)).toBe(reference(t, zone));
      }),
      { numRuns: 300 },
    );
  });

  it('follows a till’s clock every few minutes through DST changes and a skipped day', () => {
    const walks: [string, number][] = [
      ['America/New_York', Date.UTC(2026, 2, 7)],
      ['America/New_York', Date.UTC(2026, 9, 31)],
      ['Asia/Beirut', Date.UTC(2025, 2, 29)],
      ['Asia/Beirut', Date.UTC(2025, 9, 25)],
      ['Australia/Lord_Howe', Date.UTC(2026, 3, 4)],
      ['Pacific/Apia', Date.UTC(2011, 11, 28)],
    ];
    for (const [zone, from] of walks) {
      for (let t = from; t < from + 72 * HOUR; t += 5 * 60_000 + 7)
        expect(businessDay(t, zone), `${zone} ${new Date(t).toISOString()}`).toBe(reference(t, zone));
    }
    expect(businessDay(Date.UTC(2011, 11, 30, 12), 'Pacific/Apia')).toBe('2011-12-31');
  });

  it('refuses an unknown zone', () => {
    expect(() => businessDay(0, 'Mars/Olympus')).toThrow(RangeError);
  });
});

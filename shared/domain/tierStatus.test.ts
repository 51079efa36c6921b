import { describe, expect, it } from 'vitest';
import type { TierDef } from './tier';
import { tierChangeAtSale, tierStatus, type TierEvent, type TierStatusInput } from './tierStatus';
import { DEFAULT_TIER_QUALIFICATION, type TierQualification } from './rules/tierQualification';

const BRONZE: TierDef = { code: 'BRONZE', name: 'Bronze', rank: 1, qualifyPoints: 0 };
const SILVER: TierDef = { code: 'SILVER', name: 'Silver', rank: 2, qualifyPoints: 1000 };
const GOLD: TierDef = { code: 'GOLD', name: 'Gold', rank: 3, qualifyPoints: 5000 };
const LADDER = [GOLD, BRONZE, SILVER];
const TZ = 'Asia/Shanghai';
const at = (iso: string): number => Date.parse(`${iso}+08:00`);
const earn = (iso: string, points: number): TierEvent => ({ at: at(iso), points, spendMinor: 0 });

const input = (policy: TierQualification, events: TierEvent[], now: string): TierStatusInput => ({
  ladder: LADDER,
  policy,
  events,
  override: null,
  now: at(now),
  timeZone: TZ,
});
const rolling12: TierQualification = { measure: 'pointsEarned', window: { kind: 'rollingMonths', months: 12 } };
const calendar: TierQualification = { measure: 'pointsEarned', window: { kind: 'calendarYear' } };

describe('tierStatus', () => {
  it('lifetime: tiers only rise, no re-qualification date (today)', () => {
    const s = tierStatus(input(DEFAULT_TIER_QUALIFICATION, [earn('2020-01-01T10:00:00', 1200)], '2030-01-01T00:00:00'));
    expect(s.tier).toBe(SILVER);
    expect(s.requalifyAt).toBeNull();
    expect(s).toMatchObject({ next: GOLD, toNext: 3800, measure: 1200 });
  });

  it('rolling 12 months: held 12 months after it was reached, then the window decides', () => {
    const events = [earn('2025-03-10T12:00:00', 600), earn('2025-05-01T12:00:00', 500)];
    const held = tierStatus(input(rolling12, events, '2026-04-30T12:00:00'));
    expect(held.tier).toBe(SILVER);
    expect(held.since).toBe(at('2025-05-01T12:00:00'));
    expect(held.requalifyAt).toBe(at('2026-05-01T12:00:00'));
    // By then the window (2025-05-01 12:00, 2026-05-01 12:00] holds nothing: back to the entry tier.
    const after = tierStatus(input(rolling12, events, '2026-05-01T12:00:00'));
    expect(after.tier).toBe(BRONZE);
    expect(after.requalifyAt).toBeNull();
  });

  it('rolling 12 months: re-qualifying on the date keeps the tier for another period', () => {
    const events = [earn('2025-05-01T12:00:00', 1100), earn('2026-02-01T12:00:00', 1000)];
    const s = tierStatus(input(rolling12, events, '2026-06-01T00:00:00'));
    expect(s.tier).toBe(SILVER);
    expect(s.since).toBe(at('2026-05-01T12:00:00'));
    expect(s.requalifyAt).toBe(at('2027-05-01T12:00:00'));
  });

  it('calendar year: reached in 2025, held through 2026, then the year 2026 decides', () => {
    const events = [earn('2025-11-20T09:00:00', 5200), earn('2026-07-01T09:00:00', 1500)];
    const held = tierStatus(input(calendar, events, '2026-12-31T23:59:00'));
    expect(held.tier).toBe(GOLD);
    expect(held.requalifyAt).toBe(at('2027-01-01T00:00:00'));
    const after = tierStatus(input(calendar, events, '2027-01-01T00:00:00'));
    expect(after.tier).toBe(SILVER);
    expect(after.requalifyAt).toBe(at('2028-01-01T00:00:00'));
  });

  it('the window counts the shop’s calendar year (00:30 on 1 January in Shanghai is the new year)', () => {
    const s = tierStatus(
      input(calendar, [earn('2025-12-31T23:30:00', 900), earn('2026-01-01T00:30:00', 200)], '2026-01-02T00:00:00'),
    );
    expect(s.tier).toBe(BRONZE);
    expect(s.measure).toBe(200);
  });

  it('measures spend when the shop says so', () => {
    const spend: TierQualification = { measure: 'spend', window: { kind: 'lifetime' } };
    const s = tierStatus(
      input(spend, [{ at: at('2025-01-01T10:00:00'), points: 0, spendMinor: 5000 }], '2025-02-01T00:00:00'),
    );
    expect(s.tier).toBe(GOLD);
  });

  it('a manual override holds until its end date, then the computed tier applies', () => {
    const base = input(rolling12, [earn('2025-03-10T12:00:00', 100)], '2025-04-01T00:00:00');
    const override = {
      tierCode: 'GOLD',
      reason: 'complaint',
      setAt: at('2025-03-20T00:00:00'),
      endsAt: at('2025-06-01T00:00:00'),
    };
    expect(tierStatus({ ...base, override }).tier).toBe(GOLD);
    expect(tierStatus({ ...base, override }).computedTier).toBe(BRONZE);
    expect(tierStatus({ ...base, override, now: at('2025-06-01T00:00:00') }).tier).toBe(BRONZE);
  });

  it('names the sale that crosses the threshold', () => {
    const base = input(rolling12, [earn('2025-03-10T12:00:00', 900)], '2025-04-01T00:00:00');
    const change = tierChangeAtSale(base, earn('2025-04-01T00:00:00', 100));
    expect(change.upgraded).toBe(true);
    expect(change.after.tier).toBe(SILVER);
    expect(tierChangeAtSale(base, earn('2025-04-01T00:00:00', 99)).upgraded).toBe(false);
  });
});

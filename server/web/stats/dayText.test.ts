import { describe, expect, it } from 'vitest';
import { dayOf, rangeOf, today } from './dayText';

describe('days as typed', () => {
  it('reads year-month-day in either language, and refuses what is no day', () => {
    expect(dayOf('2026-03-01')).toBe('2026-03-01');
    expect(dayOf('2026/3/1')).toBe('2026-03-01');
    expect(dayOf('2026年3月1日')).toBe('2026-03-01');
    expect(dayOf('2026-02-30')).toBeNull();
    expect(dayOf('03/01/2026')).toBeNull();
  });

  it('takes a range the route takes: from no later than to, at most 367 days', () => {
    expect(rangeOf('2026-01-01', '2026-01-31')).toEqual({ from: '2026-01-01', to: '2026-01-31' });
    expect(rangeOf('2026-01-31', '2026-01-01')).toBeNull();
    expect(rangeOf('2024-01-01', '2026-01-01')).toBeNull();
    expect(today(new Date(2026, 11, 3, 23, 59))).toBe('2026-12-03');
  });
});

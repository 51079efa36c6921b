import { z } from 'zod';

// Periods of the statistics views (issue 16): a day, an ISO week (Monday to Sunday) or a calendar
// month, each named by the day it starts on. Days are YYYY-MM-DD strings, counted in UTC arithmetic.

export const StatsPeriod = z.enum(['day', 'week', 'month']);
export type StatsPeriod = z.infer<typeof StatsPeriod>;

const DAY_MS = 86_400_000;
const epochDay = (day: string): number => Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
const dayOfEpoch = (n: number): string => new Date(n * DAY_MS).toISOString().slice(0, 10);

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysFrom = (from: string, to: string): number => epochDay(to) - epochDay(from);

/** The first day of the period holding `day`: itself, its week's Monday, or its month's 1st. */
export function periodStart(day: string, period: StatsPeriod): string {
  if (period === 'day') return day;
  if (period === 'month') return `${day.slice(0, 7)}-01`;
  const n = epochDay(day);
  // 1970-01-01 was a Thursday: (n + 3) mod 7 is 0 on a Monday.
  return dayOfEpoch(n - ((((n + 3) % 7) + 7) % 7));
}

/** The last day of the period that starts on `start`. */
function periodEnd(start: string, period: StatsPeriod): string {
  if (period === 'day') return start;
  if (period === 'week') return dayOfEpoch(epochDay(start) + 6);
  const [y, m] = [Number(start.slice(0, 4)), Number(start.slice(5, 7))];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** One period of a range cut to it: `key` is the period's own first day, from..to what the range holds of it. */
export interface PeriodSpan {
  key: string;
  from: string;
  to: string;
}

/** The periods that cover from..to in order, the first and last cut to the range. */
export function periodsIn(from: string, to: string, period: StatsPeriod): PeriodSpan[] {
  const spans: PeriodSpan[] = [];
  for (let key = periodStart(from, period); key <= to;) {
    const end = periodEnd(key, period);
    spans.push({ key, from: key < from ? from : key, to: end > to ? to : end });
    key = dayOfEpoch(epochDay(end) + 1);
  }
  return spans;
}

/**
 * THE STATISTICS ROUNDING RULE: a rate is part ÷ whole in basis points, FLOORED once (integers
 * all the way, as the points policy floors by default); null when the whole is 0 (no rate, not 0).
 * A per-member or per-sale amount is floored the same way (minor units).
 */
export function rateBp(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.floor((part * 10_000) / whole);
}

/** part ÷ whole floored (an average in minor units); null when the whole is 0. */
export function perEach(total: number, count: number): number | null {
  return count === 0 ? null : Math.floor(total / count);
}

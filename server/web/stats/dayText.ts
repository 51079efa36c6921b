import { StatsDailyQuery } from '../../../shared/admin/stats';

/** Year-month-day as typed in either language (2026-03-01, 2026/3/1, 2026年3月1日). */
const DAY_TEXT = /^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$/;

/** A typed day as YYYY-MM-DD, or null when it is not one. */
export function dayOf(typed: string): string | null {
  const m = DAY_TEXT.exec(typed);
  if (!m) return null;
  const day = `${m[1]}-${(m[2] ?? '').padStart(2, '0')}-${(m[3] ?? '').padStart(2, '0')}`;
  return StatsDailyQuery.safeParse({ from: day }).success ? day : null;
}

/** A typed range as the route takes it, or null when the route would refuse it (its own schema decides). */
export function rangeOf(from: string, to: string): { from: string; to: string } | null {
  const range = { from: dayOf(from), to: dayOf(to) };
  if (range.from === null || range.to === null) return null;
  return StatsDailyQuery.safeParse(range).success ? { from: range.from, to: range.to } : null;
}

/** Today in this browser's zone, as YYYY-MM-DD. */
export function today(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

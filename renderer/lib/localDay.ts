// A day as a date field holds it ("2026-12-31"), in the till's own time zone: the end date of a
// tier set by hand is picked as the last day it holds.

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** The local day of an instant, as a date field's value. */
export function localDayInput(epochMs: number): string {
  const d = new Date(epochMs);
  return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1, 2)}-${pad(d.getDate(), 2)}`;
}

function parts(day: string): [number, number, number] | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const d = new Date(year, month - 1, date);
  return d.getFullYear() === year && d.getMonth() === month - 1 && d.getDate() === date ? [year, month, date] : null;
}

/** The last instant of that local day (the override holds through it); NaN for no valid day. */
export function endOfLocalDay(day: string): number {
  const p = parts(day);
  if (p === null) return Number.NaN;
  return new Date(p[0], p[1] - 1, p[2] + 1).getTime() - 1;
}

/** A valid day later than the local day of `now`. */
export function isAfterToday(day: string, now: number): boolean {
  return parts(day) !== null && day > localDayInput(now);
}

// Calendar dates in a shop's time zone, for rules that speak in local days and months (expiry).
// Pure: Intl only, so the terminal and head office compute the same instants.

export interface LocalDate {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** One formatter per zone (building one is slow), shared by every local-calendar rule. */
export function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
      calendar: 'gregory',
      numberingSystem: 'latn',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function wallClock(epochMs: number, timeZone: string): { date: LocalDate; offsetMs: number } {
  const n = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of formatterFor(timeZone).formatToParts(epochMs)) {
    if (part.type in n) n[part.type as keyof typeof n] = Number(part.value);
  }
  const wallAsUtc = Date.UTC(n.year, n.month - 1, n.day, n.hour, n.minute, n.second);
  return {
    date: { year: n.year, month: n.month, day: n.day },
    offsetMs: wallAsUtc - Math.floor(epochMs / 1000) * 1000,
  };
}

/** The shop's calendar date of an instant. */
export function localDateOf(epochMs: number, timeZone: string): LocalDate {
  return wallClock(epochMs, timeZone).date;
}

/** The instant a local date begins (00:00 local; on a day that skips midnight, the first instant of it). */
export function startOfLocalDay(date: LocalDate, timeZone: string): number {
  const wall = Date.UTC(date.year, date.month - 1, date.day);
  // Two rounds settle the offset, even across a daylight-saving change near midnight.
  let at = wall - wallClock(wall, timeZone).offsetMs;
  at = wall - wallClock(at, timeZone).offsetMs;
  return at;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The date `months` months on; a day past the target month's end becomes its last day (31 Jan + 1 → 28/29 Feb). */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
}

/** The day after: the instant a date ends is the start of this one. */
export function nextDay(date: LocalDate): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + 1));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

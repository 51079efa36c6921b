// The shop's calendar day of an instant, in the shop's time zone: the nightly close groups sales
// by it, so a sale at 23:30 local time belongs to that day whatever UTC says.
//
// Every sale asks for it, and Intl formatting costs tens of microseconds, so the answer is kept
// per time zone together with the [start, end) range of instants it holds for. The range is
// the local day under the UTC offset in force at the instant asked about, kept only when the
// offset is the same at both ends (no daylight-saving change that day; such days, and clocks
// outside the range, simply format again).

const DAY_MS = 86_400_000;
const HALF_DAY_MS = DAY_MS / 2;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      calendar: 'gregory',
      numberingSystem: 'latn',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

interface LocalTime {
  day: string;
  /** Milliseconds to add to the UTC instant to get local wall-clock time (whole seconds). */
  offsetMs: number;
}

function localTime(epochMs: number, timeZone: string): LocalTime {
  const n = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of formatterFor(timeZone).formatToParts(epochMs)) {
    if (part.type in n) n[part.type as keyof typeof n] = Number(part.value);
  }
  const wallAsUtc = Date.UTC(n.year, n.month - 1, n.day, n.hour, n.minute, n.second);
  const wholeSecond = Math.floor(epochMs / 1000) * 1000;
  const pad = (v: number, w: number): string => String(v).padStart(w, '0');
  return { day: `${pad(n.year, 4)}-${pad(n.month, 2)}-${pad(n.day, 2)}`, offsetMs: wallAsUtc - wholeSecond };
}

interface CachedDay {
  day: string;
  start: number;
  end: number;
}

const cachedDays = new Map<string, CachedDay>();

/** YYYY-MM-DD of `epochMs` in `timeZone` (an IANA name; a bad name throws RangeError). */
export function businessDay(epochMs: number, timeZone: string): string {
  const cached = cachedDays.get(timeZone);
  if (cached && epochMs >= cached.start && epochMs < cached.end) return cached.day;
  const here = localTime(epochMs, timeZone);
  const start = Math.floor((epochMs + here.offsetMs) / DAY_MS) * DAY_MS - here.offsetMs;
  const end = start + DAY_MS;
  if (
    localTime(start, timeZone).offsetMs === here.offsetMs &&
    localTime(end - 1, timeZone).offsetMs === here.offsetMs
  ) {
    cachedDays.set(timeZone, { day: here.day, start, end });
  }
  return here.day;
}

/**
 * The first instant of business day `day` (YYYY-MM-DD) in `timeZone`: local midnight under the
 * offset in force half a day either side; where midnight does not exist (a change at 00:00), the
 * day starts at the later candidate, the first instant whose local day it is.
 */
export function businessDayStart(day: string, timeZone: string): number {
  const [y = 0, m = 1, d = 1] = day.split('-').map(Number);
  const wallMidnight = Date.UTC(y, m - 1, d);
  const candidates = [-HALF_DAY_MS, HALF_DAY_MS]
    .map((shift) => wallMidnight - localTime(wallMidnight + shift, timeZone).offsetMs)
    .filter((at) => localTime(at, timeZone).day === day);
  return candidates.length > 0 ? Math.min(...candidates) : wallMidnight;
}

/** The [start, end) instants of business day `day` in `timeZone`. */
export function businessDayRange(day: string, timeZone: string): { start: number; end: number } {
  const [y = 0, m = 1, d = 1] = day.split('-').map(Number);
  const next = new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
  return { start: businessDayStart(day, timeZone), end: businessDayStart(next, timeZone) };
}

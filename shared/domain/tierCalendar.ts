// Calendar arithmetic for tier windows, in the shop's time zone, so a terminal and head office
// given the same instants and zone get the same dates. Pure: Intl only, no Date mutation shared.

import { formatterFor } from './zonedDate';

interface Wall {
  year: number;
  month: number; // 1-12
  day: number;
  ms: number; // milliseconds into the local day
}

function wallOf(at: number, timeZone: string): Wall & { offsetMs: number } {
  const n = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of formatterFor(timeZone).formatToParts(at)) {
    if (part.type in n) n[part.type as keyof typeof n] = Number(part.value);
  }
  const subSecond = ((at % 1000) + 1000) % 1000;
  const wallAsUtc = Date.UTC(n.year, n.month - 1, n.day, n.hour, n.minute, n.second) + subSecond;
  const ms = ((n.hour * 60 + n.minute) * 60 + n.second) * 1000 + subSecond;
  return { year: n.year, month: n.month, day: n.day, ms, offsetMs: wallAsUtc - at };
}

const daysIn = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The instant of a local wall-clock time (the offset in force there; a DST gap moves it by the gap). */
function instantOf(w: Wall, timeZone: string): number {
  const wallAsUtc = Date.UTC(w.year, w.month - 1, w.day) + w.ms;
  const guess = wallAsUtc - wallOf(wallAsUtc, timeZone).offsetMs;
  return wallAsUtc - wallOf(guess, timeZone).offsetMs;
}

/** `at` moved by `months` calendar months in the shop's zone; the 31st becomes the month's last day. */
export function addMonths(at: number, months: number, timeZone: string): number {
  const w = wallOf(at, timeZone);
  const index = w.year * 12 + (w.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return instantOf({ year, month, day: Math.min(w.day, daysIn(year, month)), ms: w.ms }, timeZone);
}

/** Local midnight of 1 January of the year `at` falls in, plus `yearsAfter` years. */
export function startOfYear(at: number, timeZone: string, yearsAfter = 0): number {
  const w = wallOf(at, timeZone);
  return instantOf({ year: w.year + yearsAfter, month: 1, day: 1, ms: 0 }, timeZone);
}

/** The local calendar month of `at` as YYYY-MM (birthday bonuses are once per birthday month). */
export function monthOf(at: number, timeZone: string): { year: number; month: number } {
  const w = wallOf(at, timeZone);
  return { year: w.year, month: w.month };
}

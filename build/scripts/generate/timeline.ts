// When things happen in a generated history: members join over the whole span (more of them
// early on), sales fill every day evenly, all inside the shop's opening hours.

export const DAY_MS = 86_400_000;

export interface Timeline {
  startMs: number;
  days: number;
  /** When the shop opens and closes, as offsets from the start of each day. */
  openMs: number;
  closeMs: number;
}

/** A timeline of `days` days ending at `endMs`, a local midnight; open 08:00–22:00 local time. */
export function makeTimeline(endMs: number, days: number): Timeline {
  return { startMs: endMs - days * DAY_MS, days, openMs: 8 * 3_600_000, closeMs: 22 * 3_600_000 };
}

/** Position x in [0, days) → an instant: day floor(x), at the matching fraction of opening hours. */
export function instantAt(t: Timeline, x: number): number {
  const day = Math.min(t.days - 1, Math.floor(x));
  return t.startMs + day * DAY_MS + t.openMs + Math.floor((x - day) * (t.closeMs - t.openMs));
}

/** Where member `i` of `n` joins: growth slows over time (power 0.85), the last 3% of days none. */
export function memberPosition(t: Timeline, i: number, n: number): number {
  return t.days * 0.97 * (i / n) ** 0.85;
}

/** Where sale `k` of `m` happens: evenly through the span. */
export function salePosition(t: Timeline, k: number, m: number): number {
  return (t.days * (k + 0.5)) / m;
}

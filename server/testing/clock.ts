import type { Clock } from '../sources';

/** A clock tests move by hand. */
export function fixedClockForTests(start: number): Clock & { advance(ms: number): void } {
  let t = start;
  return { now: () => t, advance: (ms) => void (t += ms) };
}

/**
 * Time and ids are injected everywhere (terminal core, head office), so tests can fix them.
 * Uses only the Web Crypto global, which Node 20, Electron and browsers all have.
 */

/** Milliseconds since the epoch. */
export interface Clock {
  now(): number;
}
export interface IdSource {
  uuid(): string;
  randomHex(bytes: number): string;
}

export const systemClock: Clock = { now: () => Date.now() };

export const randomIds: IdSource = {
  uuid: () => crypto.randomUUID(),
  randomHex: (bytes) =>
    Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (b) => b.toString(16).padStart(2, '0')).join(''),
};

/** A clock tests move by hand. */
export function fixedClock(start: number): Clock & { advance(ms: number): void; set(ms: number): void } {
  let t = start;
  return { now: () => t, advance: (ms) => void (t += ms), set: (ms) => void (t = ms) };
}

/** Deterministic ids for tests: valid v4-shaped UUIDs from a counter. */
export function sequentialIds(prefix = 0): IdSource {
  let n = 0;
  return {
    uuid: () => {
      n += 1;
      const hex = (prefix * 1e9 + n).toString(16).padStart(12, '0');
      return `00000000-0000-4000-8000-${hex}`;
    },
    randomHex: (bytes) => {
      n += 1;
      return n
        .toString(16)
        .padStart(bytes * 2, '0')
        .slice(-bytes * 2);
    },
  };
}

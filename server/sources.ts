import { createHash, randomBytes, randomUUID } from 'node:crypto';

/** Time and randomness are injected (tests fix them). Milliseconds since the epoch. */
export interface Clock {
  now(): number;
}
export interface IdSource {
  uuid(): string;
  randomHex(bytes: number): string;
}

export const systemClock: Clock = { now: () => Date.now() };
export const randomIds: IdSource = {
  uuid: () => randomUUID(),
  randomHex: (bytes) => randomBytes(bytes).toString('hex'),
};

/** Tokens and codes carry ≥128 random bits, so a fast hash is enough (no password stretching needed). */
export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** JSON with object keys sorted, so equal payloads hash equally whatever order their keys came in. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

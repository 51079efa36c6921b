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

import { createHash } from 'node:crypto';

// Head office's time and id sources are the shared ones (the terminal core uses the same).
export { randomIds, systemClock, type Clock, type IdSource } from '../shared/sources';

/** Tokens and codes carry ≥128 random bits, so a fast hash is enough (no password stretching needed). */
export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

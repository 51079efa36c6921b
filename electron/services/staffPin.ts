import * as nodeCrypto from 'node:crypto';
import { pinHasher } from '../../shared/staff/pinHash';

export type { PinHash } from '../../shared/staff/pinHash';

/** The till's staff PINs: the scrypt hashing head office uses too (shared/staff/pinHash.ts). */
export const { hashPin, verifyPin } = pinHasher(nodeCrypto);

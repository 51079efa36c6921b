import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

/**
 * A PIN kept as scrypt(pin, salt) from node:crypto. The hash text names its parameters
 * (`scrypt$N$r$p$hex`), so a head-office hash made with other parameters still verifies and the
 * cost can rise later without a migration. The salt is 16 random bytes per account.
 */
const N = 16_384;
const R = 8;
const P = 1;
const KEY_BYTES = 32;

export interface PinHash {
  hash: string;
  salt: string;
}

export function hashPin(pin: string, salt: string = randomBytes(16).toString('hex')): PinHash {
  const key = scryptSync(pin, salt, KEY_BYTES, { N, r: R, p: P });
  return { hash: `scrypt$${N}$${R}$${P}$${key.toString('hex')}`, salt };
}

const HASH_RE = /^scrypt\$(\d{1,7})\$(\d{1,2})\$(\d{1,2})\$([0-9a-f]{32,128})$/;

/** Whether `pin` is the one hashed; a hash in a form we do not know never verifies. */
export function verifyPin(pin: string, stored: PinHash): boolean {
  const m = HASH_RE.exec(stored.hash);
  if (!m) return false;
  const [, n, r, p, hex] = m;
  const expected = Buffer.from(hex ?? '', 'hex');
  const cost = Number(n);
  // A power of two within what a till can afford (a hostile hash must not stall the till).
  if (cost < 2 || cost > 1 << 17 || (cost & (cost - 1)) !== 0) return false;
  const actual = scryptSync(pin, stored.salt, expected.length, {
    N: cost,
    r: Number(r),
    p: Number(p),
    maxmem: 256 * 1024 * 1024,
  });
  return timingSafeEqual(actual, expected);
}

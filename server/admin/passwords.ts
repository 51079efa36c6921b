import { scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// Passwords are stretched with scrypt (node:crypto): memory-hard, so a stolen database is slow to
// guess through. Stored as `scrypt$N$r$p$<salt>$<hash>` (base64url), so the cost can rise later
// without breaking older hashes (each is checked with its own parameters).

const N = 2 ** 15;
const R = 8;
const P = 1;
const KEY_BYTES = 32;
// scrypt needs 128·N·r bytes; Node's default cap (32 MiB) is exactly that, so allow twice.
const maxmem = (n: number, r: number) => 256 * n * r;

function derive(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  const options: ScryptOptions = { N: n, r, p, maxmem: maxmem(n, r) };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

/** A new hash of the password, with a random salt (16 bytes of `saltHex`). */
export async function hashPassword(password: string, saltHex: string): Promise<string> {
  const salt = Buffer.from(saltHex, 'hex');
  const key = await derive(password, salt, N, R, P);
  return ['scrypt', N, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** True when the password matches the stored hash (compared in constant time); false for any malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) return false;
  const [cost, block, parallel] = [Number(n), Number(r), Number(p)];
  if (![cost, block, parallel].every((v) => Number.isInteger(v) && v > 0) || cost > 2 ** 20) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'), cost, block, parallel);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/**
 * A hash nobody's password matches, checked when the login is unknown: an unknown login costs
 * the same time as a wrong password, so timing does not tell which logins exist.
 */
export const DUMMY_HASH = `scrypt$${N}$${R}$${P}$AAAAAAAAAAAAAAAAAAAAAA$${'A'.repeat(43)}`;

/**
 * A staff PIN kept as scrypt(pin, salt): the one algorithm for the till (staff it makes) and head
 * office (till staff it manages and sends down), so a PIN hashed at either verifies at the till.
 * shared/ takes no node: imports, so each side hands in node:crypto's functions (pinHasher below).
 * The hash text names its parameters (`scrypt$N$r$p$hex`), so a hash made with other parameters
 * still verifies and the cost can rise later without a migration. The salt is 16 random bytes.
 */
const N = 16_384;
const R = 8;
const P = 1;
const KEY_BYTES = 32;

export interface PinHash {
  hash: string;
  salt: string;
}

/** The parts of node:crypto the hashing needs (both sides pass the module itself). */
export interface PinCrypto {
  scryptSync(
    password: string,
    salt: string,
    keylen: number,
    options: { N: number; r: number; p: number; maxmem?: number },
  ): Uint8Array;
  randomBytes(size: number): Uint8Array;
  timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean;
}

export interface PinHasher {
  hashPin(pin: string, salt?: string): PinHash;
  /** Whether `pin` is the one hashed; a hash in a form we do not know never verifies. */
  verifyPin(pin: string, stored: PinHash): boolean;
}

const HASH_RE = /^scrypt\$(\d{1,7})\$(\d{1,2})\$(\d{1,2})\$([0-9a-f]{32,128})$/;

const toHex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
const fromHex = (hex: string): Uint8Array => Uint8Array.from(hex.match(/../g) ?? [], (pair) => parseInt(pair, 16));

export function pinHasher(crypto: PinCrypto): PinHasher {
  return {
    hashPin(pin, salt = toHex(crypto.randomBytes(16))) {
      const key = crypto.scryptSync(pin, salt, KEY_BYTES, { N, r: R, p: P });
      return { hash: `scrypt$${N}$${R}$${P}$${toHex(key)}`, salt };
    },
    verifyPin(pin, stored) {
      const m = HASH_RE.exec(stored.hash);
      if (!m) return false;
      const [, n, r, p, hex] = m;
      const expected = fromHex(hex ?? '');
      const cost = Number(n);
      // A power of two within what a till can afford (a hostile hash must not stall the till).
      if (cost < 2 || cost > 1 << 17 || (cost & (cost - 1)) !== 0) return false;
      const actual = crypto.scryptSync(pin, stored.salt, expected.length, {
        N: cost,
        r: Number(r),
        p: Number(p),
        maxmem: 256 * 1024 * 1024,
      });
      return crypto.timingSafeEqual(actual, expected);
    },
  };
}

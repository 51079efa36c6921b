// A keyed, format-preserving permutation of [0, 10^10): the card-number serial scrambler.
// Construction: a balanced Feistel network on 34 bits (two 17-bit halves, 8 rounds) whose round
// function is HalfSipHash-2-4 (the 32-bit SipHash) keyed by the terminal's secret, plus cycle-
// walking: 2^34 > 10^10, so an output outside the range is encrypted again until it lands inside.
// A Feistel network is a bijection whatever the round function; cycle-walking a bijection
// restricted to a subset stays a bijection on that subset. So distinct serials never collide.
// This hides the issue order from someone holding a neighbour's card; it is not meant to
// withstand a cryptanalyst with many known (serial, number) pairs.

export const SERIAL_SPACE = 10_000_000_000;
const HALF_BITS = 17;
const HALF = 2 ** HALF_BITS;
const HALF_MASK = HALF - 1;
const ROUNDS = 8;

export type FeistelKey = readonly [number, number, number, number];

export function parseKeyHex(keyHex: string): FeistelKey {
  if (!/^[0-9a-fA-F]{32}$/.test(keyHex)) throw new RangeError('card key must be 32 hex characters');
  const word = (i: number): number => Number.parseInt(keyHex.slice(i * 8, i * 8 + 8), 16) | 0;
  return [word(0), word(1), word(2), word(3)];
}

const rotl = (x: number, b: number): number => (x << b) | (x >>> (32 - b));

/**
 * HalfSipHash-2-4 with 32-bit output over 32-bit message words (key k0, k1). Written from the
 * algorithm's description, not checked against the reference vectors: nothing outside this
 * file needs to reproduce it, only its mixing matters (and is covered by the tests).
 */
function halfSipHash(k0: number, k1: number, words: readonly number[]): number {
  let v0 = k0;
  let v1 = k1;
  let v2 = 0x6c796765 ^ k0;
  let v3 = 0x74656462 ^ k1;
  const round = (): void => {
    v0 = (v0 + v1) | 0;
    v1 = rotl(v1, 5);
    v1 ^= v0;
    v0 = rotl(v0, 16);
    v2 = (v2 + v3) | 0;
    v3 = rotl(v3, 8);
    v3 ^= v2;
    v0 = (v0 + v3) | 0;
    v3 = rotl(v3, 7);
    v3 ^= v0;
    v2 = (v2 + v1) | 0;
    v1 = rotl(v1, 13);
    v1 ^= v2;
    v2 = rotl(v2, 16);
  };
  const absorb = (m: number): void => {
    v3 ^= m;
    round();
    round();
    v0 ^= m;
  };
  for (const w of words) absorb(w);
  absorb((words.length * 4) << 24); // the length block, as SipHash ends every message
  v2 ^= 0xff;
  round();
  round();
  round();
  round();
  return (v1 ^ v3) >>> 0;
}

// The second key half is absorbed as message so all 128 key bits matter.
function roundFunction(key: FeistelKey, round: number, half: number): number {
  return halfSipHash(key[0], key[1], [key[2], key[3], round, half]) & HALF_MASK;
}

function encryptOnce(key: FeistelKey, x: number): number {
  let left = Math.floor(x / HALF);
  let right = x % HALF;
  for (let r = 0; r < ROUNDS; r++) [left, right] = [right, left ^ roundFunction(key, r, right)];
  return left * HALF + right;
}

function decryptOnce(key: FeistelKey, y: number): number {
  let left = Math.floor(y / HALF);
  let right = y % HALF;
  for (let r = ROUNDS - 1; r >= 0; r--) [left, right] = [right ^ roundFunction(key, r, left), left];
  return left * HALF + right;
}

function checkSerial(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0 || n >= SERIAL_SPACE)
    throw new RangeError(`serial must be in [0, 10^10): ${n}`);
}

export function permuteSerial(serial: number, key: FeistelKey): number {
  checkSerial(serial);
  let y = encryptOnce(key, serial);
  while (y >= SERIAL_SPACE) y = encryptOnce(key, y);
  return y;
}

/** The inverse of permuteSerial (used by tests and for support look-ups). */
export function unpermuteSerial(permuted: number, key: FeistelKey): number {
  checkSerial(permuted);
  let x = decryptOnce(key, permuted);
  while (x >= SERIAL_SPACE) x = decryptOnce(key, x);
  return x;
}

import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  formatCardNumber,
  isLuhnValid,
  issueCardNumber,
  looksLikeCardNumber,
  luhnCheckDigit,
  parseCardNumber,
} from './cardNumber';
import { parseKeyHex, permuteSerial, SERIAL_SPACE, unpermuteSerial } from './feistel';
import { TERMINAL_CODE_RE } from './patterns';

const KEY = '00112233445566778899aabbccddeeff';
const OTHER_KEY = 'ffeeddccbbaa99887766554433221100';

const diffDigits = (a: string, b: string): number => [...a].filter((c, i) => c !== b[i]).length;

describe('Luhn', () => {
  it('matches the textbook example', () => {
    expect(luhnCheckDigit('7992739871')).toBe('3');
    expect(isLuhnValid('79927398713')).toBe(true);
    expect(isLuhnValid('79927398710')).toBe(false);
    expect(isLuhnValid('4539578763621486')).toBe(true);
    expect(isLuhnValid('')).toBe(false);
    expect(isLuhnValid('12a4')).toBe(false);
  });

  it('property: any single-digit change to a valid card number fails Luhn', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{15}$/), fc.nat(15), fc.integer({ min: 1, max: 9 }), (body, pos, delta) => {
        const card = body + luhnCheckDigit(body);
        expect(isLuhnValid(card)).toBe(true);
        const changed = (Number(card[pos]) + delta) % 10;
        const broken = card.slice(0, pos) + String(changed) + card.slice(pos + 1);
        expect(isLuhnValid(broken)).toBe(false);
      }),
    );
  });
});

describe('issueCardNumber', () => {
  it('is 16 digits: terminal code, permuted serial, Luhn digit', () => {
    const n = issueCardNumber('04217', 0, KEY);
    expect(n).toMatch(/^04217\d{11}$/);
    expect(isLuhnValid(n)).toBe(true);
    expect(parseCardNumber(n)).toEqual({ ok: true, number: n });
  });

  it('is deterministic for a key and differs between keys', () => {
    expect(issueCardNumber('00001', 42, KEY)).toBe(issueCardNumber('00001', 42, KEY));
    expect(issueCardNumber('00001', 42, KEY)).not.toBe(issueCardNumber('00001', 42, OTHER_KEY));
    expect(issueCardNumber('00001', 42, KEY.toUpperCase())).toBe(issueCardNumber('00001', 42, KEY));
  });

  it('refuses bad inputs', () => {
    expect(() => issueCardNumber('1234', 1, KEY)).toThrow(RangeError);
    expect(() => issueCardNumber('12345', -1, KEY)).toThrow(RangeError);
    expect(() => issueCardNumber('12345', SERIAL_SPACE, KEY)).toThrow(RangeError);
    expect(() => issueCardNumber('12345', 1.5, KEY)).toThrow(RangeError);
    expect(() => issueCardNumber('12345', 1, 'abc')).toThrow(RangeError);
  });

  it('never collides among 200k consecutive serials', () => {
    const key = parseKeyHex(KEY);
    const seen = new Set<number>();
    let outOfRange = 0;
    for (let s = 0; s < 200_000; s++) {
      const p = permuteSerial(s, key);
      if (!(p >= 0 && p < SERIAL_SPACE)) outOfRange++;
      seen.add(p);
    }
    expect(outOfRange).toBe(0);
    expect(seen.size).toBe(200_000);
  });

  it('makes neighbours differ in many digits', () => {
    let total = 0;
    let min = 10;
    const pairs = 2000;
    for (let s = 0; s < pairs; s++) {
      const d = diffDigits(
        issueCardNumber('00001', s, KEY).slice(5, 15),
        issueCardNumber('00001', s + 1, KEY).slice(5, 15),
      );
      total += d;
      min = Math.min(min, d);
    }
    expect(total / pairs).toBeGreaterThan(8); // random 10-digit strings differ in 9 on average
    expect(min).toBeGreaterThanOrEqual(3);
  });

  it('property: the permutation is inverted by unpermuteSerial (so it is a bijection)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: SERIAL_SPACE - 1 }),
        fc.stringMatching(/^[0-9a-f]{32}$/),
        (serial, keyHex) => {
          const key = parseKeyHex(keyHex);
          expect(unpermuteSerial(permuteSerial(serial, key), key)).toBe(serial);
        },
      ),
    );
  });
});

describe('parsing and formatting', () => {
  const valid = issueCardNumber('31415', 7, KEY);

  it('strips spaces and dashes', () => {
    expect(parseCardNumber(formatCardNumber(valid))).toEqual({ ok: true, number: valid });
    expect(parseCardNumber(valid.replace(/(\d{4})/g, '$1-'))).toEqual({ ok: true, number: valid });
  });

  it('tells format from check-digit errors', () => {
    expect(parseCardNumber('123')).toEqual({ ok: false, reason: 'format' });
    expect(parseCardNumber('1234 5678 9012 345x')).toEqual({ ok: false, reason: 'format' });
    const wrong = valid.slice(0, 15) + String((Number(valid[15]) + 1) % 10);
    expect(parseCardNumber(wrong)).toEqual({ ok: false, reason: 'check_digit' });
  });

  it('formats in groups of 4', () => {
    expect(formatCardNumber('1234567890123456')).toBe('1234 5678 9012 3456');
  });

  it('tells a card from a phone', () => {
    expect(looksLikeCardNumber('1234 5678 9012 3456')).toBe(true);
    expect(looksLikeCardNumber('13812345678')).toBe(false);
    expect(looksLikeCardNumber('12345678901234567')).toBe(false);
  });

  it('checks terminal codes', () => {
    expect(TERMINAL_CODE_RE.test('00001')).toBe(true);
    expect(TERMINAL_CODE_RE.test('0001')).toBe(false);
  });
});

import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { looksLikePhone, maskPhone, normalizePhone, phoneQuery } from './phone';

describe('normalizePhone', () => {
  it.each([
    ['138 1234 5678', '+8613812345678'],
    ['+86 138-1234-5678', '+8613812345678'],
    ['008613812345678', '+8613812345678'],
    ['+8613812345678', '+8613812345678'],
    ['１３８１２３４５６７８', '+8613812345678'],
    ['19912345678', '+8619912345678'],
    ['+44 7700 900123', '+447700900123'],
  ])('accepts %j', (text, e164) => {
    expect(normalizePhone(text)).toBe(e164);
  });

  it.each(['', '12345', '12012345678', '1381234567', '138123456789', '010 6552 9988', 'call 13812345678', '+86 abc'])(
    'refuses %j',
    (text) => {
      expect(normalizePhone(text)).toBeNull();
    },
  );

  it('uses another default country when asked', () => {
    expect(normalizePhone('07700 900123', 'GB')).toBe('+447700900123');
  });

  it('property: normalisation is idempotent', () => {
    const mobile = fc
      .tuple(
        fc.constantFrom('', '+86 ', '0086', '86'),
        fc.integer({ min: 3, max: 9 }),
        fc.stringMatching(/^\d{9}$/),
        fc.constantFrom('', ' ', '-'),
      )
      .map(
        ([prefix, second, rest, sep]) =>
          `${prefix}1${second}${rest.slice(0, 2)}${sep}${rest.slice(2, 6)}${sep}${rest.slice(6)}`,
      );
    const noise = fc.stringMatching(/^[\d+ -]{0,20}$/);
    fc.assert(
      fc.property(fc.oneof(mobile, noise), (text) => {
        const once = normalizePhone(text);
        if (once !== null) expect(normalizePhone(once)).toBe(once);
      }),
    );
    fc.assert(
      fc.property(mobile, (text) => {
        expect(normalizePhone(text)).toMatch(/^\+861[3-9]\d{9}$/);
      }),
    );
  });
});

describe('maskPhone', () => {
  it('keeps country code, first 3 and last 4', () => {
    expect(maskPhone('+8613812345678')).toBe('+86 138****5678');
    expect(maskPhone('+447700900123')).toBe('+44 770***0123');
  });

  it('never shows more than the last 4 digits of something it cannot parse', () => {
    expect(maskPhone('12345678')).toBe('****5678');
  });
});

describe('looksLikePhone', () => {
  it('accepts phone-ish text and refuses cards and words', () => {
    expect(looksLikePhone('138 1234 5678')).toBe(true);
    expect(looksLikePhone('+86-138-1234-5678')).toBe(true);
    expect(looksLikePhone('123456')).toBe(false);
    expect(looksLikePhone('1234 5678 9012 3456')).toBe(false);
    expect(looksLikePhone('Zhang San')).toBe(false);
  });
});

describe('phoneQuery', () => {
  const mobile = fc
    .tuple(
      fc.constantFrom('', '+86 ', '0086', '-', '('),
      fc.integer({ min: 3, max: 9 }),
      fc.stringMatching(/^\d{9}$/),
      fc.constantFrom('', ' ', '-', ') '),
    )
    .map(
      ([prefix, second, rest, sep]) =>
        `${prefix}1${second}${rest.slice(0, 2)}${sep}${rest.slice(2, 6)}${sep}${rest.slice(6)}`,
    );

  it('property: a whole number is normalised exactly as registration normalises it', () => {
    fc.assert(
      fc.property(fc.oneof(mobile, fc.stringMatching(/^[\d+ ().-]{0,24}$/)), (text) => {
        const q = phoneQuery(text);
        if (q) expect(q.e164).toBe(normalizePhone(text));
      }),
    );
  });

  it('property: the last 4 to 15 digits of a stored number, however typed, are its suffix', () => {
    fc.assert(
      fc.property(mobile, fc.integer({ min: 4, max: 13 }), fc.constantFrom('', ' ', '-'), (text, n, sep) => {
        const stored = normalizePhone(text) ?? '';
        const tail = stored.replace(/\D/g, '').slice(-n);
        const typed = `${tail.slice(0, 2)}${sep}${tail.slice(2)}`;
        expect(stored.endsWith(phoneQuery(typed)?.digits ?? 'none')).toBe(true);
      }),
    );
  });

  it('reads names, short digit runs and card-length numbers as no phone', () => {
    expect(phoneQuery('王芳')).toBeNull();
    expect(phoneQuery('123')).toBeNull();
    expect(phoneQuery('1234567890123456')).toBeNull();
    expect(phoneQuery('+1 (415) 555-2671')).toEqual({ e164: '+14155552671', digits: '14155552671' });
    expect(phoneQuery('4155552671')).toEqual({ e164: null, digits: '4155552671' });
  });
});

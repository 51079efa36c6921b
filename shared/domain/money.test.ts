import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  currencyMinorDigits,
  formatMoney,
  isMinorUnits,
  MAX_SALE_MINOR,
  minorToDecimalString,
  parseMoneyInput,
} from './money';

describe('money', () => {
  it('knows minor digits from Intl', () => {
    expect(currencyMinorDigits('CNY')).toBe(2);
    expect(currencyMinorDigits('JPY')).toBe(0);
    expect(currencyMinorDigits('USD')).toBe(2);
  });

  it('checks minor units are safe integers', () => {
    expect(isMinorUnits(12800)).toBe(true);
    expect(isMinorUnits(1.5)).toBe(false);
    expect(isMinorUnits(Number.MAX_SAFE_INTEGER + 1)).toBe(false);
    expect(isMinorUnits(Number.NaN)).toBe(false);
  });

  it('formats in zh-CN and en', () => {
    expect(formatMoney(12850, 'CNY', 'zh-CN')).toBe('¥128.50');
    // One symbol for the shop's money in every language: never CN¥ beside ¥, nor US$ beside $.
    expect(formatMoney(128000, 'CNY', 'en')).toBe('¥1,280.00');
    expect(formatMoney(128000, 'CNY', 'en-US')).toBe('¥1,280.00');
    expect(formatMoney(128000, 'USD', 'zh-CN')).toBe('$1,280.00');
    expect(formatMoney(1280, 'JPY', 'en')).toBe('¥1,280');
    expect(formatMoney(0, 'CNY', 'zh-CN')).toBe('¥0.00');
    expect(formatMoney(-5, 'CNY', 'zh-CN')).toBe('-¥0.05');
  });

  it('formats huge amounts exactly (no float division)', () => {
    expect(formatMoney(Number.MAX_SAFE_INTEGER, 'CNY', 'en')).toBe('¥90,071,992,547,409.91');
  });

  it('rejects a non-integer amount', () => {
    expect(() => formatMoney(1.5, 'CNY', 'en')).toThrow(RangeError);
  });

  it.each([
    ['128', 12800],
    ['128.5', 12850],
    ['128.50', 12850],
    ['1,280.00', 128000],
    ['¥128.00', 12800],
    ['￥128', 12800],
    ['CN¥1,280.00', 128000],
    ['128元', 12800],
    [' 12 ', 1200],
    ['０.５', 50],
    ['.5', 50],
    ['0', 0],
    ['1000000.00', MAX_SALE_MINOR],
  ])('parses %j as %i', (text, minor) => {
    expect(parseMoneyInput(text, 'CNY')).toBe(minor);
  });

  it.each([
    '',
    '   ',
    '-1',
    '¥-1',
    '1.234',
    'abc',
    '1,28',
    '12,3456',
    '.',
    '¥',
    '1.2.3',
    '1e5',
    '1000000.01',
    '99999999999999999999999',
  ])('refuses %j', (text) => {
    expect(parseMoneyInput(text, 'CNY')).toBeNull();
  });

  it('follows the currency digits', () => {
    expect(parseMoneyInput('1280', 'JPY')).toBe(1280);
    expect(parseMoneyInput('1280.5', 'JPY')).toBeNull();
  });

  it('property: parseMoneyInput round-trips formatMoney for valid amounts', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: MAX_SALE_MINOR }),
        fc.constantFrom('zh-CN', 'en'),
        fc.constantFrom('CNY', 'USD', 'JPY'),
        (minor, locale, currency) => {
          expect(parseMoneyInput(formatMoney(minor, currency, locale), currency)).toBe(minor);
        },
      ),
    );
  });

  it('property: never returns a negative or over-limit amount', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const v = parseMoneyInput(text, 'CNY');
        expect(v === null || (Number.isSafeInteger(v) && v >= 0 && v <= MAX_SALE_MINOR)).toBe(true);
      }),
    );
  });
});

describe('minorToDecimalString', () => {
  it('writes any safe integer exactly, as BigInt arithmetic would', () => {
    const safe = fc.oneof(
      fc.integer(),
      fc.maxSafeInteger(),
      fc.constantFrom(0, 5, -5, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER),
    );
    fc.assert(
      fc.property(safe, fc.integer({ min: 0, max: 4 }), (minor, digits) => {
        const abs = BigInt(Math.abs(minor))
          .toString()
          .padStart(digits + 1, '0');
        const sign = minor < 0 ? '-' : '';
        const expected = digits === 0 ? `${sign}${abs}` : `${sign}${abs.slice(0, -digits)}.${abs.slice(-digits)}`;
        expect(minorToDecimalString(minor, digits)).toBe(expected);
      }),
      { numRuns: 2_000 },
    );
    expect(minorToDecimalString(12_850, 2)).toBe('128.50');
    expect(minorToDecimalString(7, 2)).toBe('0.07');
  });
});

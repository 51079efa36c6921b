import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amountInWords, enInteger, zhUppercaseInteger } from './amountInWords';

// Reference readers, written the simple way (a stack of units), so the writers are checked by
// reading their words back rather than by a second copy of the same algorithm.

const ZH_DIGIT = new Map([...'零壹贰叁肆伍陆柒捌玖'].map((c, i) => [c, i]));
const ZH_SMALL = new Map([
  ['拾', 10],
  ['佰', 100],
  ['仟', 1000],
]);

/** Reads 壹佰万元整 / 壹元零伍分 / 叁角 back into fen. */
function readZhYuan(text: string): number {
  const m = /^(?:(.+)元)?(?:零)?(?:(.)角)?(?:(.)分)?(整)?$/.exec(text);
  if (!m) throw new Error(`unreadable ${text}`);
  const yuan = m[1] ? readZhIntegerStrict(m[1]) : 0;
  return yuan * 100 + (m[2] ? (ZH_DIGIT.get(m[2]) ?? NaN) : 0) * 10 + (m[3] ? (ZH_DIGIT.get(m[3]) ?? NaN) : 0);
}

/** Reads groups split at 万亿 / 亿 / 万, each 0..9999 in 仟佰拾. */
function readZhIntegerStrict(text: string): number {
  let rest = text;
  let total = 0;
  for (const [unit, scale] of [
    ['万亿', 1e12],
    ['亿', 1e8],
    ['万', 1e4],
  ] as const) {
    const at = rest.indexOf(unit);
    if (at >= 0) {
      total += readZhGroup(rest.slice(0, at)) * scale;
      rest = rest.slice(at + unit.length);
    }
  }
  return total + readZhGroup(rest);
}

function readZhGroup(text: string): number {
  let value = 0;
  let digit = 0;
  for (const c of text.replace(/^零/, '')) {
    const d = ZH_DIGIT.get(c);
    if (d !== undefined) digit = d;
    else {
      value += digit * (ZH_SMALL.get(c) ?? NaN);
      digit = 0;
    }
  }
  return value + digit;
}

const EN_WORDS = new Map<string, number>([
  ...[
    'zero',
    'one',
    'two',
    'three',
    'four',
    'five',
    'six',
    'seven',
    'eight',
    'nine',
    'ten',
    'eleven',
    'twelve',
    'thirteen',
    'fourteen',
    'fifteen',
    'sixteen',
    'seventeen',
    'eighteen',
    'nineteen',
  ].map((w, i): [string, number] => [w, i]),
  ...['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'].map((w, i): [string, number] => [
    w,
    (i + 2) * 10,
  ]),
]);
const EN_SCALE = new Map([
  ['thousand', 1e3],
  ['million', 1e6],
  ['billion', 1e9],
  ['trillion', 1e12],
  ['quadrillion', 1e15],
]);

function readEnInteger(text: string): number {
  let total = 0;
  let group = 0;
  for (const word of text.toLowerCase().split(/[\s-]+/)) {
    if (word === 'hundred') group *= 100;
    else if (EN_SCALE.has(word)) {
      total += group * (EN_SCALE.get(word) ?? NaN);
      group = 0;
    } else if (EN_WORDS.has(word)) group += EN_WORDS.get(word) ?? NaN;
    else throw new Error(`unexpected "${word}" in ${text}`);
  }
  return total + group;
}

const amounts = fc.oneof(
  fc.integer({ min: 0, max: 100_000_000 }),
  fc.integer({ min: 0, max: 2 ** 50 }),
  fc.constantFrom(0, 1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 100_000_000, 100_010_001, 1_000_000_000_001),
);

describe('amountInWords, zh-CN financial uppercase', () => {
  it('says the examples a cashier knows', () => {
    expect(amountInWords(100_000_000, 'CNY', 'zh-CN')).toBe('壹佰万元整');
    expect(amountInWords(1_000_000, 'CNY', 'zh-CN')).toBe('壹万元整');
    expect(amountInWords(12_850, 'CNY', 'zh-CN')).toBe('壹佰贰拾捌元伍角');
    expect(amountInWords(1_640_902, 'CNY', 'zh-CN')).toBe('壹万陆仟肆佰零玖元零贰分');
    expect(amountInWords(10_700_053, 'CNY', 'zh-CN')).toBe('壹拾万柒仟元伍角叁分');
    expect(amountInWords(32, 'CNY', 'zh-CN')).toBe('叁角贰分');
    expect(amountInWords(0, 'CNY', 'zh-CN')).toBe('零元整');
    expect(zhUppercaseInteger(100_010_001)).toBe('壹亿零壹万零壹');
    expect(zhUppercaseInteger(1_001)).toBe('壹仟零壹');
    expect(amountInWords(1_000_000, 'JPY', 'zh-CN')).toBe('壹佰万日元整');
    expect(amountInWords(150_050, 'USD', 'zh-CN')).toBe('壹仟伍佰美元伍拾美分');
  });

  it('reads back to the same number of fen, with no doubled or trailing 零', () => {
    fc.assert(
      fc.property(amounts, (fen) => {
        const words = amountInWords(fen, 'CNY', 'zh-CN');
        expect(words).toMatch(/^[零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整]+$/);
        if (fen > 0) expect(words).not.toMatch(/零零|零元|零万|零亿/);
        expect(words.endsWith('整')).toBe(fen % 100 === 0);
        expect(readZhYuan(words)).toBe(fen);
      }),
      { numRuns: 2_000 },
    );
  });

  it('writes every whole number so it reads back the same', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (n) => {
        expect(readZhIntegerStrict(zhUppercaseInteger(n))).toBe(n);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('amountInWords, English words', () => {
  it('says the examples a cashier knows', () => {
    expect(amountInWords(100_000_000, 'CNY', 'en')).toBe('One million yuan');
    expect(amountInWords(12_850, 'CNY', 'en')).toBe('One hundred twenty-eight yuan and fifty fen');
    expect(amountInWords(1_000_000, 'JPY', 'en')).toBe('One million yen');
    expect(amountInWords(101, 'USD', 'en')).toBe('One US dollar and one cent');
    expect(amountInWords(20_002, 'EUR', 'en')).toBe('Two hundred euros and two cents');
    expect(amountInWords(5, 'XAF', 'en')).toBe('Five XAF');
  });

  it('reads back to the same major and minor units', () => {
    fc.assert(
      fc.property(amounts, (cents) => {
        const words = amountInWords(cents, 'CNY', 'en');
        expect(words).toMatch(/^[A-Z][a-z -]+$/);
        const m = /^(.+) yuan(?: and (.+) fen)?$/.exec(words);
        expect(m).not.toBeNull();
        expect(readEnInteger(m?.[1] ?? '') * 100 + (m?.[2] ? readEnInteger(m[2]) : 0)).toBe(cents);
        expect(m?.[2] === undefined).toBe(cents % 100 === 0);
      }),
      { numRuns: 2_000 },
    );
  });

  it('writes every whole number so it reads back the same', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (n) => {
        expect(readEnInteger(enInteger(n))).toBe(n);
      }),
      { numRuns: 2_000 },
    );
  });

  it('refuses what is not a whole, safe amount', () => {
    for (const bad of [-1, 0.5, Number.NaN, Number.MAX_SAFE_INTEGER + 2]) {
      expect(() => amountInWords(bad, 'CNY', 'en')).toThrow(RangeError);
    }
  });
});

import { currencyMinorDigits } from './money';

// An amount written out in words, as on a cheque: a cashier reads it aloud before confirming a
// large sale, so a slipped zero is heard as well as seen. Exact for any safe integer of minor units.

const ZH_DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'] as const;
const ZH_SMALL_UNITS = ['', '拾', '佰', '仟'] as const;
const ZH_GROUP_UNITS = ['', '万', '亿', '万亿'] as const;

/** Major/minor unit names where the till knows them; other currencies fall back to their code. */
const ZH_UNITS: Record<string, { major: string; minor?: string }> = {
  CNY: { major: '元' },
  HKD: { major: '港元', minor: '仙' },
  USD: { major: '美元', minor: '美分' },
  EUR: { major: '欧元', minor: '欧分' },
  JPY: { major: '日元' },
};
const EN_UNITS: Record<string, { major: string; minor?: string }> = {
  CNY: { major: 'yuan', minor: 'fen' },
  HKD: { major: 'Hong Kong dollars', minor: 'cents' },
  USD: { major: 'US dollars', minor: 'cents' },
  EUR: { major: 'euros', minor: 'cents' },
  JPY: { major: 'yen' },
};

/** 0..9999 in financial uppercase, without leading 零 (the caller places zeros between groups). */
function zhGroup(n: number): string {
  let out = '';
  let zero = false;
  for (let pos = 3; pos >= 0; pos -= 1) {
    const d = Math.floor(n / 10 ** pos) % 10;
    if (d === 0) {
      if (out !== '') zero = true;
      continue;
    }
    if (zero) out += '零';
    zero = false;
    out += `${ZH_DIGITS[d] ?? ''}${ZH_SMALL_UNITS[pos] ?? ''}`;
  }
  return out;
}

/** A whole number in financial uppercase: 1000000 → 壹佰万, 107000 → 壹拾万柒仟, 1001 → 壹仟零壹. */
export function zhUppercaseInteger(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`not a whole amount: ${n}`);
  if (n === 0) return '零';
  const groups: number[] = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 10_000)) groups.push(rest % 10_000);
  let out = '';
  let gap = false;
  for (let i = groups.length - 1; i >= 0; i -= 1) {
    const g = groups[i] ?? 0;
    if (g === 0) {
      gap = out !== '';
      continue;
    }
    // A zero group in between, or leading zeros inside this group, are read as one 零.
    if (out !== '' && (gap || g < 1_000)) out += '零';
    gap = false;
    out += `${zhGroup(g)}${ZH_GROUP_UNITS[i] ?? ''}`;
  }
  return out;
}

/** The PBOC cheque style for yuan: 壹佰万元整, 壹仟零壹元零伍分, 叁角贰分. */
function zhYuan(major: number, minor: number): string {
  const jiao = Math.floor(minor / 10);
  const fen = minor % 10;
  const fraction = `${jiao > 0 ? `${ZH_DIGITS[jiao] ?? ''}角` : ''}${fen > 0 ? `${ZH_DIGITS[fen] ?? ''}分` : ''}`;
  if (major === 0) return fraction === '' ? '零元整' : fraction;
  const yuan = `${zhUppercaseInteger(major)}元`;
  if (minor === 0) return `${yuan}整`;
  return jiao === 0 ? `${yuan}零${fraction}` : `${yuan}${fraction}`;
}

const EN_ONES = [
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
] as const;
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'] as const;
const EN_SCALES = ['', 'thousand', 'million', 'billion', 'trillion', 'quadrillion'] as const;

function enBelowThousand(n: number): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const parts: string[] = [];
  if (hundreds > 0) parts.push(`${EN_ONES[hundreds] ?? ''} hundred`);
  const tens = EN_TENS[Math.floor(rest / 10)] ?? '';
  if (rest >= 20) parts.push(rest % 10 === 0 ? tens : `${tens}-${EN_ONES[rest % 10] ?? ''}`);
  else if (rest > 0) parts.push(EN_ONES[rest] ?? '');
  return parts.join(' ');
}

/** A whole number in English words: 1000000 → "one million", 128 → "one hundred twenty-eight". */
export function enInteger(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`not a whole amount: ${n}`);
  if (n === 0) return 'zero';
  const parts: string[] = [];
  let scale = 0;
  for (let rest = n; rest > 0; rest = Math.floor(rest / 1_000), scale += 1) {
    const g = rest % 1_000;
    if (g > 0) parts.unshift(scale === 0 ? enBelowThousand(g) : `${enBelowThousand(g)} ${EN_SCALES[scale] ?? ''}`);
  }
  return parts.join(' ');
}

/** "one cents" reads wrong: the plural -s goes for exactly one (yuan, fen and yen have none). */
function counted(n: number, unit: string): string {
  return `${enInteger(n)} ${n === 1 ? unit.replace(/s$/, '') : unit}`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * `minor` units of `currency` in words for `locale`: zh-CN in financial uppercase (壹佰万元整),
 * en in English words ("One million yuan"). Pure; throws RangeError for a negative or unsafe amount.
 */
export function amountInWords(minor: number, currency: string, locale: string): string {
  if (!Number.isSafeInteger(minor) || minor < 0) throw new RangeError(`not a whole amount of minor units: ${minor}`);
  const digits = currencyMinorDigits(currency);
  const scale = 10 ** digits;
  const major = Math.floor(minor / scale);
  const fraction = minor % scale;
  if (locale.startsWith('zh')) {
    if (currency === 'CNY' && digits === 2) return zhYuan(major, fraction);
    const unit = ZH_UNITS[currency] ?? { major: currency };
    const whole = `${zhUppercaseInteger(major)}${unit.major}`;
    if (fraction === 0) return `${whole}整`;
    return `${whole}${zhUppercaseInteger(fraction)}${unit.minor ?? `/${scale}`}`;
  }
  const unit = EN_UNITS[currency] ?? { major: currency };
  const whole = counted(major, unit.major);
  if (fraction === 0) return capitalise(whole);
  const cents = unit.minor ? counted(fraction, unit.minor) : `${String(fraction).padStart(digits, '0')}/${scale}`;
  return capitalise(`${whole} and ${cents}`);
}

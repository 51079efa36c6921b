// Money is always an integer number of minor units (fen for CNY, cents for USD, yen for JPY).
// Floats never hold money here: amounts are integers, and display goes through Intl with the
// decimal written out as a string so even very large amounts format exactly.
// This is the one money formatter of the till, the explanation texts and the head-office page.
// Display policy: money is never rounded for display; an amount is whole minor units, written
// exactly in the currency's minor-unit digits (formatMoney with its sign, amountFigure bare).

export type MinorUnits = number;

/** The absurd-amount guard: no single sale above ¥1,000,000.00. */
export const MAX_SALE_MINOR = 100_000_000;

export function isMinorUnits(n: number): boolean {
  return Number.isSafeInteger(n);
}

// Intl formatters are costly to build, and so is asking one for its options: the till formats
// on every keystroke. Each is kept with the currency's digits, read once when it is built.
interface CurrencyFormatter {
  format: Intl.NumberFormat;
  digits: number;
}

const formatters = new Map<string, CurrencyFormatter>();

function currencyFormatter(currency: string, locale: string): CurrencyFormatter {
  const key = `${locale}|${currency}`;
  let f = formatters.get(key);
  if (!f) {
    // A shop has one currency, so its plain sign says enough; the default "symbol" display writes
    // CN¥ in English and US$ in Chinese, beside ¥ and $ elsewhere on the same till.
    const format = new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: 'narrowSymbol' });
    f = { format, digits: format.resolvedOptions().maximumFractionDigits ?? 2 };
    formatters.set(key, f);
  }
  return f;
}

/**
 * Digits after the decimal point for a currency as Intl knows it (CNY 2, JPY 0).
 * Throws RangeError for a malformed code.
 */
export function currencyMinorDigits(currency: string): number {
  return currencyFormatter(currency, 'en').digits;
}

/** Writes an integer of minor units as an exact decimal string: (12850, 2) → "128.50". */
export function minorToDecimalString(minor: number, digits: number): string {
  const sign = minor < 0 ? '-' : '';
  // A safe integer's own digits are exact (and cheaper than a BigInt's); BigInt past 2^53.
  const magnitude = Math.abs(minor);
  const abs = (Number.isSafeInteger(magnitude) ? String(magnitude) : BigInt(magnitude).toString()).padStart(
    digits + 1,
    '0',
  );
  const whole = abs.slice(0, abs.length - digits);
  const frac = abs.slice(abs.length - digits);
  return digits > 0 ? `${sign}${whole}.${frac}` : `${sign}${whole}`;
}

/** Digits for an amount whose currency may be unknown (the rule engine's own tests): two then. */
export function figureDigits(currency: string | null): number {
  return currency === null ? 2 : currencyMinorDigits(currency);
}

/** An amount as a bare figure in the currency's digits, for formulas and edit fields: 12800 CNY → "128.00". */
export function amountFigure(minor: number, currency: string | null): string {
  return minorToDecimalString(minor, figureDigits(currency));
}

// Intl accepts a decimal string (exact, no float rounding) when TypeScript knows it is numeric.
function isNumericLiteral(s: string): s is `${number}` {
  return /^-?\d+(?:\.\d+)?$/.test(s);
}

export function formatMoney(minor: number, currency: string, locale: string): string {
  if (!isMinorUnits(minor)) throw new RangeError(`formatMoney: not an integer of minor units: ${minor}`);
  const { format, digits } = currencyFormatter(currency, locale);
  const decimal = minorToDecimalString(minor, digits);
  return isNumericLiteral(decimal) ? format.format(decimal) : format.format(minor / 10 ** digits);
}

// Chinese input methods often type full-width digits and punctuation; treat them as ASCII.
function toAsciiDigits(text: string): string {
  return text.replace(/[\uFF10-\uFF19\uFF0C\uFF0E\uFF0D]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

// A currency marker a cashier (or formatMoney) may put around the number: "¥", "CN¥", "RMB", "元", "US$".
const PREFIX_RE = /^(?:[A-Za-z]{1,3}\s*)?[¥￥$€£]?\s*/;
const SUFFIX_RE = /\s*(?:元|[A-Za-z]{3})?$/;
// Either plain digits or correctly grouped thousands, then an optional fraction.
const NUMBER_RE = /^(\d{1,3}(?:,\d{3})+|\d*)(?:\.(\d*))?$/;

/**
 * Parses what a cashier types into minor units. Returns null for anything that is not a plain,
 * non-negative amount the currency can hold: empty, negative, non-numeric, too many decimals,
 * or above MAX_SALE_MINOR.
 */
export function parseMoneyInput(text: string, currency: string): number | null {
  const trimmed = toAsciiDigits(text).trim();
  if (trimmed.includes('-')) return null;
  const core = trimmed.replace(PREFIX_RE, '').replace(SUFFIX_RE, '');
  const m = NUMBER_RE.exec(core);
  if (!m) return null;
  const whole = (m[1] ?? '').replace(/,/g, '');
  const frac = m[2] ?? '';
  if (whole === '' && frac === '') return null;
  const digits = currencyMinorDigits(currency);
  if (frac.length > digits) return null;
  // BigInt so a 30-digit paste is rejected by the guard rather than losing precision first.
  const minor = BigInt(whole === '' ? '0' : whole) * 10n ** BigInt(digits) + BigInt(frac.padEnd(digits, '0') || '0');
  if (minor > BigInt(MAX_SALE_MINOR)) return null;
  return Number(minor);
}

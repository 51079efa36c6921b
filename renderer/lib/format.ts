import { currencyMinorDigits, formatMoney, minorToDecimalString } from '../../shared/domain/money';

export function money(minor: number, currency: string, locale: string): string {
  return formatMoney(minor, currency, locale);
}

/** An amount as a bare figure in the currency's digits, for formulas: 12800 CNY → "128.00". */
export function amountFigure(minor: number, currency: string): string {
  return minorToDecimalString(minor, currencyMinorDigits(currency));
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

export function dateTime(epochMs: number, locale: string): string {
  let f = dateTimeFormats.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    dateTimeFormats.set(locale, f);
  }
  return f.format(epochMs);
}

// Building an Intl formatter costs far more than using one, and the member panel formats
// several numbers per scan: one formatter per locale, made once.
const integerFormats = new Map<string, Intl.NumberFormat>();

export function integer(n: number, locale: string): string {
  let f = integerFormats.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(locale);
    integerFormats.set(locale, f);
  }
  return f.format(n);
}

/** A basis-point multiplier for people: 15000 → "1.5". */
export function multiplier(bp: number): string {
  return String(Math.round(bp / 100) / 100);
}

/** Progress to the next tier as 0–1, from lifetime points earned (never the balance). */
export function tierFraction(earned: number, fromPoints: number, toPoints: number | null): number {
  if (toPoints === null) return 1;
  const span = toPoints - fromPoints;
  if (span <= 0) return 1;
  return Math.min(1, Math.max(0, (earned - fromPoints) / span));
}

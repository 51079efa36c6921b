import { amountFigure, figureDigits } from '../../../shared/domain/money';

// What a person types, as the numbers the schemas check. Something that is not a number becomes NaN,
// which the route's schema then refuses beside its field ("a whole number is needed"), so the wording
// of a wrong value lives in one place. Amounts are typed as the page shows them: two-digit figures.

const DIGITS = figureDigits(null);
const WHOLE = /^\s*-?\d+\s*$/;
const FIGURE = new RegExp(`^\\s*(\\d+)(?:\\.(\\d{0,${DIGITS}}))?\\s*$`);
const TIMES = /^\s*(\d+)(?:\.(\d{0,4}))?\s*$/;

export const wholeNumber = (typed: string): number => (WHOLE.test(typed) ? Number(typed) : Number.NaN);

/** "28.5" → 2850 minor units; NaN for anything else. */
export function figureToMinor(typed: string): number {
  const m = FIGURE.exec(typed);
  if (!m) return Number.NaN;
  return Number(m[1]) * 10 ** DIGITS + Number((m[2] ?? '').padEnd(DIGITS, '0'));
}

export const minorToFigure = (minor: number): string => amountFigure(minor, null);

/** A multiplier typed as times ("1.5") → basis points (15000); NaN for anything else. */
export function timesToBp(typed: string): number {
  const m = TIMES.exec(typed);
  if (!m) return Number.NaN;
  return Number(m[1]) * 10_000 + Number((m[2] ?? '').padEnd(4, '0'));
}

/** Basis points as times: 15000 → "1.5". */
export const bpToTimes = (bp: number): string => String(bp / 10_000);

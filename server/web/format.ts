import { amountFigure, formatMoney } from '../../shared/domain/money';
import type { Lang } from './text';

// Intl formatters cost far more to build than to use, and a refresh formats every cell: one per language.
const dateTimes = new Map<Lang, Intl.DateTimeFormat>();
const counts = new Map<Lang, Intl.NumberFormat>();

export function dateTime(ms: number | null, lang: Lang, never: string): string {
  if (ms === null) return never;
  let f = dateTimes.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(lang, { dateStyle: 'short', timeStyle: 'medium' });
    dateTimes.set(lang, f);
  }
  return f.format(ms);
}

export function count(n: number, lang: Lang): string {
  let f = counts.get(lang);
  if (!f) {
    f = new Intl.NumberFormat(lang);
    counts.set(lang, f);
  }
  return f.format(n);
}

/** Minor units in their currency, as the till writes them; a bare two-digit figure while the currency is unknown. */
export const amount = (minor: number, currency: string | null, lang: Lang): string =>
  currency === null ? amountFigure(minor, null) : formatMoney(minor, currency, lang);

/** A lag a person reads at a glance: 12 s, 4 min, 3 h, 2 d. */
export function duration(ms: number | null, never: string): string {
  if (ms === null) return never;
  const s = Math.round(ms / 1000);
  if (s < 120) return `${s} s`;
  if (s < 7200) return `${Math.round(s / 60)} min`;
  if (s < 172_800) return `${Math.round(s / 3600)} h`;
  return `${Math.round(s / 86_400)} d`;
}

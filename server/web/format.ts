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

const figures = new Map<string, Intl.NumberFormat>();
function figureFormat(lang: Lang, kind: 'money' | 'share'): Intl.NumberFormat {
  const key = `${lang}:${kind}`;
  let f = figures.get(key);
  if (!f) {
    f =
      kind === 'money'
        ? new Intl.NumberFormat(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 })
        : new Intl.NumberFormat(lang, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
    figures.set(key, f);
  }
  return f;
}

/** Minor units as a grouped two-decimal figure without a currency (the statistics' money: 12345678 → 123,456.78). */
export const moneyFigure = (minor: number, lang: Lang): string =>
  figureFormat(lang, 'money').format(Number(amountFigure(minor, null)));

/** A share (0..1) in per cent with one decimal, as the language writes it (0.7321 → 73.2%). */
export const shareText = (share: number, lang: Lang): string => figureFormat(lang, 'share').format(share);

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

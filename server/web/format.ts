import type { Lang } from './text';

export const dateTime = (ms: number | null, lang: Lang, never: string): string =>
  ms === null ? never : new Intl.DateTimeFormat(lang, { dateStyle: 'short', timeStyle: 'medium' }).format(ms);

export const count = (n: number, lang: Lang): string => new Intl.NumberFormat(lang).format(n);

/** Minor units as a plain decimal (head office sees many shops; the currency is the chain's). */
export const amount = (minor: number, lang: Lang): string =>
  new Intl.NumberFormat(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(minor / 100);

/** A lag a person reads at a glance: 12 s, 4 min, 3 h, 2 d. */
export function duration(ms: number | null, never: string): string {
  if (ms === null) return never;
  const s = Math.round(ms / 1000);
  if (s < 120) return `${s} s`;
  if (s < 7200) return `${Math.round(s / 60)} min`;
  if (s < 172_800) return `${Math.round(s / 3600)} h`;
  return `${Math.round(s / 86_400)} d`;
}

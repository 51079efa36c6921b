// Dates and plain counts in the cashier's language. Money and multipliers have one formatter for
// the till, the explanation texts and head office: shared/domain/money.ts and multiplier.ts.

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

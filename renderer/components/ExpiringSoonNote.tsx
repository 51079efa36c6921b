import { useTranslation } from 'react-i18next';
import type { ExpiringSoon } from '../../shared/contract';
import { integer } from '../lib/format';

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The last day the points can be spent: a lot expires at the start of the day after it. */
export function lastDay(expiresAt: number, locale: string): string {
  let f = dayFormats.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
    dayFormats.set(locale, f);
  }
  return f.format(expiresAt - 1);
}

/** "300 pts expire after 1 Jul 2025": on the member panel and the receipt; nothing when none expire within 30 days. */
export function ExpiringSoonNote({ soon, testId }: { soon: ExpiringSoon | null | undefined; testId: string }) {
  const { t, i18n } = useTranslation();
  if (!soon) return null;
  const locale = i18n.language;
  return (
    <p className="expiring-soon" role="status" data-testid={testId}>
      {t('expiry.soon', { points: integer(soon.points, locale), date: lastDay(soon.at, locale) })}
    </p>
  );
}

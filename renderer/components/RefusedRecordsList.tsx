import { useTranslation } from 'react-i18next';
import type { RefusedRecords } from '../../shared/contract/terminal';
import '../i18n/syncRefusalText';
import { dateTime } from '../lib/format';

/** The head-office dialog's list of records head office refused, each with why in words and its number for IT. */
export function RefusedRecordsList({ refused }: { refused: RefusedRecords }) {
  const { t, i18n } = useTranslation();
  if (refused.count === 0) return null;
  const earlier = refused.count - refused.latest.length;
  // "lines.0.name" → "line 1 item name": the field in the cashier's words (the path is in head office's words below).
  const fieldLabel = (path: string | null): string => {
    const parts = path?.split('.') ?? [];
    const key = parts.filter((p) => !/^\d+$/.test(p)).at(-1);
    if (!key) return '?';
    const label =
      parts[0] === 'lines' && key === 'name' ? t('syncRefusal.itemName') : t(`field.${key}`, { defaultValue: key });
    return parts[0] === 'lines' && parts.length === 3
      ? t('syncRefusal.line', { n: Number(parts[1]) + 1, field: label })
      : label;
  };
  return (
    <section className="notice notice--warning" data-testid="headoffice-refused" aria-label={t('syncRefusal.title')}>
      <strong>{t('syncRefusal.title')}</strong>
      <p>{t('syncRefusal.intro')}</p>
      <ul>
        {refused.latest.map((r) => (
          <li key={`${r.seq ?? '?'}-${r.at}`} data-testid="headoffice-refused-record" data-reason={r.reason}>
            <strong>{t('syncRefusal.record', { seq: r.seq ?? '?', time: dateTime(r.at, i18n.language) })}</strong>{' '}
            {t(`syncRefusal.${r.reason}`, { field: fieldLabel(r.field) })}
            {/* Head office's own words are English, for IT: folded away, not part of the cashier's text. */}
            <details className="muted">
              <summary>{t('syncRefusal.detail')}</summary>
              <bdi lang="en">{r.detail}</bdi>
            </details>
          </li>
        ))}
      </ul>
      {earlier > 0 && <p className="muted">{t('syncRefusal.more', { count: earlier })}</p>}
    </section>
  );
}

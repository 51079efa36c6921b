import type { MergePreviewAnswer, MergeSide } from '../../../shared/admin/memberMerge';
import { count, dateTime } from '../format';
import type { Lang } from '../text';
import { mergeText, type MergeTextKey } from './mergeText';

const cardStatusKey = (status: string): MergeTextKey =>
  status === 'lost' || status === 'replaced' || status === 'blocked' ? `card_${status}` : 'card_active';

/** The two registrations side by side, a row per fact, as the person compares them before merging. */
export function MergeSides({ lang, preview }: { lang: Lang; preview: MergePreviewAnswer }) {
  const t = (key: MergeTextKey) => mergeText(lang, key);
  const rows: [MergeTextKey, (side: MergeSide) => string][] = [
    ['name', (s) => s.name || t('erasedName')],
    ['phone', (s) => s.phoneMasked],
    ['balance', (s) => count(s.balance, lang)],
    ['cards', (s) => s.cards.map((c) => `${c.number} (${t(cardStatusKey(c.status))})`).join(', ')],
    ['lastVisit', (s) => dateTime(s.lastVisitAt, lang, t('never'))],
    ['tier', (s) => s.tierCode ?? t('noTier')],
  ];
  return (
    <table data-testid="merge-sides">
      <thead>
        <tr>
          <th scope="col" />
          <th scope="col">{t('kept')}</th>
          <th scope="col">{t('mergedIn')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([key, cell]) => (
          <tr key={key}>
            <th scope="row">{t(key)}</th>
            <td>{cell(preview.keep)}</td>
            <td>{cell(preview.other)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

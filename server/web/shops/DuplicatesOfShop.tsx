import type { CardConflictRow } from '../../../shared/admin/answers';
import { dateTime } from '../format';
import type { Lang } from '../text';
import { cardConflictTodo } from './advice';
import { shopsText, type ShopsTextKey } from './shopsText';

/** Card numbers a shop's till brought a second time, for another member: both members and what to do. */
export function DuplicatesOfShop({ lang, rows }: { lang: Lang; rows: CardConflictRow[] }) {
  const t = (key: ShopsTextKey) => shopsText(lang, key);
  if (rows.length === 0) return <p className="muted">{t('noDuplicates')}</p>;
  return (
    <table data-testid="shop-duplicates">
      <thead>
        <tr>
          <th>{t('cardNumber')}</th>
          <th>{t('secondMember')}</th>
          <th>{t('cardHolder')}</th>
          <th>{t('actions')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} data-card={r.cardNumber}>
            <td>
              <code>{r.cardNumber}</code>
              <br />
              <span className="muted">{dateTime(r.at, lang, '')}</span>
            </td>
            <td>
              <code>{r.memberId}</code>
            </td>
            <td>
              <code>{r.holderMemberId}</code>
            </td>
            <td className="shops__todo">{t(cardConflictTodo(r))}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

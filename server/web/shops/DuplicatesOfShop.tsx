import type { CardConflictRow } from '../../../shared/admin/answers';
import { NumericIdParams } from '../../../shared/admin/inputs';
import type { Session } from '../api';
import { sessionClient } from '../api';
import { dateTime } from '../format';
import type { Lang } from '../text';
import { cardConflictAdvice } from './advice';
import { shopsText, type ShopsTextKey } from './shopsText';
import type { ShopsRun } from './useShopsAction';

/**
 * Card numbers a shop's till brought a second time, for another member: both members, what to do,
 * and marking it dealt with (for the roles that may).
 */
export function DuplicatesOfShop(props: { lang: Lang; session: Session; rows: CardConflictRow[]; run: ShopsRun }) {
  const { lang, session, rows, run } = props;
  const t = (key: ShopsTextKey, params?: Record<string, string | number>) => shopsText(lang, key, params);
  if (rows.length === 0) return <p className="muted">{t('noDuplicates')}</p>;
  const resolve = (row: CardConflictRow) => {
    const params = NumericIdParams.safeParse({ id: row.id });
    if (!params.success) return;
    void run(
      () => sessionClient(session.csrfToken).call('resolveCardConflict', { params: { id: params.data.id } }),
      () => t('conflictResolvedNote', { card: row.cardNumber }),
    );
  };
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
        {rows.map((r) => {
          const advice = cardConflictAdvice(r, session.me.role);
          return (
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
              <td className="shops__todo">
                <p>{t(advice.todo)}</p>
                {advice.mayResolve && (
                  <button type="button" data-testid="resolve-conflict" onClick={() => resolve(r)}>
                    {t('resolve')}
                  </button>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

import type { MemberDetailAnswer } from '../../../shared/admin/members';
import { dateTime } from '../format';
import type { Lang } from '../text';
import { memberText } from './memberText';

/** The member's tier changes as head office learned them, newest first (ho_tier_changes). */
export function MemberHistory({ lang, detail }: { lang: Lang; detail: MemberDetailAnswer }) {
  const t = (key: Parameters<typeof memberText>[1]) => memberText(lang, key);
  return (
    <>
      <h4>{t('tierHistory')}</h4>
      {detail.tierHistory.length === 0 ? (
        <p className="muted">{t('noTierHistory')}</p>
      ) : (
        <table data-testid="member-tier-history">
          <thead>
            <tr>
              <th>{t('at')}</th>
              <th>{t('fromTier')}</th>
              <th>{t('toTier')}</th>
              <th>{t('why')}</th>
              <th>{t('shop')}</th>
            </tr>
          </thead>
          <tbody>
            {detail.tierHistory.map((h, i) => (
              <tr key={`${h.at}-${i}`}>
                <td>{dateTime(h.at, lang, '')}</td>
                <td>{h.fromTier ?? t('tierNone')}</td>
                <td>{h.toTier ?? t('tierNone')}</td>
                <td>{t(`why_${h.reason}`)}</td>
                <td>{h.shopId ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

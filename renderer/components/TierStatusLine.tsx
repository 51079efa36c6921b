import { useTranslation } from 'react-i18next';
import type { MemberView } from '../../shared/contract';
import { formatMoney } from '../../shared/domain/money';
import { dateTime, integer } from '../lib/format';
import { isolate } from '../lib/isolate';

/** Under the tier chip: the window's measure, the re-qualification date, a manager's override. */
export function TierStatusLine({ member, currency }: { member: MemberView; currency: string }) {
  const { t, i18n } = useTranslation();
  const status = member.tierStatus;
  if (!status) return null;
  const locale = i18n.language;
  const window =
    status.window.kind === 'rollingMonths'
      ? t('member.tierWindow.rollingMonths', { months: status.window.months })
      : t(`member.tierWindow.${status.window.kind}`);
  const value =
    status.measure === 'spend' ? formatMoney(status.value, currency, locale) : integer(status.value, locale);
  return (
    <div className="member__tier-status muted" data-testid="tier-status">
      <span>
        {window}: {t(`member.tierMeasure.${status.measure}`, { value })}
      </span>
      {status.requalifyAt !== null && (
        <span data-testid="tier-requalify">
          {' '}
          · {t('member.requalify', { date: dateTime(status.requalifyAt, locale) })}
        </span>
      )}
      {status.override !== null && (
        <div data-testid="tier-override">
          {t('member.tierOverride', {
            date: dateTime(status.override.endsAt, locale),
            reason: isolate(status.override.reason),
          })}
        </div>
      )}
    </div>
  );
}

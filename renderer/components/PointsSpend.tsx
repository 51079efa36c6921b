import type { TFunction } from 'i18next';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PointsEntry } from '../../shared/domain/rules/pointsEntry';
import { integer } from '../lib/format';
import { focusScan } from '../lib/focus';
import { useSale } from '../state/sale';

export const POINTS_INPUT_ID = 'points-input';

/** The one message for a points figure the shared rule refuses (pointsEntry.ts); null when it is fine. */
function entryMessage(entry: PointsEntry | null, t: TFunction, locale: string): string | null {
  switch (entry?.kind) {
    case 'notWhole':
      return t('saleLimit.pointsNotWhole');
    case 'belowMinimum':
      return t('saleLimit.pointsBelowMinimum', { min: integer(entry.minPoints, locale) });
    case 'aboveBalance':
      return t('saleLimit.pointsAboveBalance', { balance: integer(entry.balance, locale) });
    case 'aboveSaleCap':
      return t('saleLimit.pointsAboveSaleCap', { max: integer(entry.maxPoints, locale) });
    default:
      return null;
  }
}

/** The part of the balance the member spends on this sale, judged as it is typed by the core's own rule. */
export function PointsSpend({ hasMember, entry }: { hasMember: boolean; entry: PointsEntry | null }) {
  const { t, i18n } = useTranslation();
  const pointsText = useSale((s) => s.pointsText);
  const setPointsText = useSale((s) => s.setPointsText);
  const max = useSale((s) => s.knownMaxPoints);
  const needMember = useSale((s) => s.needMemberForPoints);
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      focusScan();
    }
  };
  if (!hasMember) {
    // After F7 with no member the hint becomes an alert, so the cashier sees why nothing happened.
    return needMember ? (
      <p className="field-error points-spend__hint" role="alert" data-testid="points-need-member">
        {t('saleLimit.needMember')}
      </p>
    ) : (
      <p className="muted points-spend__hint">{t('sale.pointsNeedMember')}</p>
    );
  }
  const message = entryMessage(entry, t, i18n.language);
  return (
    <div className="points-spend">
      <label htmlFor={POINTS_INPUT_ID}>
        {t('sale.pointsLabel')} <kbd>F7</kbd>
      </label>
      <div className="points-spend__row">
        <input
          id={POINTS_INPUT_ID}
          className="num"
          inputMode="numeric"
          autoComplete="off"
          value={pointsText}
          maxLength={10}
          placeholder="0"
          aria-invalid={message !== null}
          onChange={(e) => setPointsText(e.target.value)}
          onKeyDown={onKeyDown}
        />
        <button
          type="button"
          disabled={max === null || max === 0}
          onClick={() => {
            setPointsText(String(max ?? 0));
            focusScan();
          }}
        >
          {t('sale.pointsUseMax')}
        </button>
      </div>
      {max !== null && message === null && (
        <p className="muted">{t('sale.pointsMax', { max: integer(max, i18n.language) })}</p>
      )}
      {message !== null && (
        <p className="field-error" role="alert" data-testid="points-error">
          {message}
        </p>
      )}
    </div>
  );
}

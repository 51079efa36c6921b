import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { integer } from '../lib/format';
import { focusScan } from '../lib/focus';
import { useSale } from '../state/sale';

export const POINTS_INPUT_ID = 'points-input';

/** The part of the balance the member spends on this sale, bounded by the preview's maximum. */
export function PointsSpend({ hasMember, tooMany, invalid }: { hasMember: boolean; tooMany: boolean; invalid: boolean }) {
  const { t, i18n } = useTranslation();
  const pointsText = useSale((s) => s.pointsText);
  const setPointsText = useSale((s) => s.setPointsText);
  const max = useSale((s) => s.knownMaxPoints);
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      focusScan();
    }
  };
  if (!hasMember) return <p className="muted points-spend__hint">{t('sale.pointsNeedMember')}</p>;
  return (
    <div className="points-spend">
      <label htmlFor={POINTS_INPUT_ID}>{t('sale.pointsLabel')} <kbd>F7</kbd></label>
      <div className="points-spend__row">
        <input
          id={POINTS_INPUT_ID}
          className="num"
          inputMode="numeric"
          autoComplete="off"
          value={pointsText}
          maxLength={10}
          placeholder="0"
          aria-invalid={tooMany || invalid}
          onChange={(e) => setPointsText(e.target.value)}
          onKeyDown={onKeyDown}
        />
        <button type="button" disabled={max === null || max === 0} onClick={() => { setPointsText(String(max ?? 0)); focusScan(); }}>
          {t('sale.pointsUseMax')}
        </button>
      </div>
      {max !== null && !tooMany && <p className="muted">{t('sale.pointsMax', { max: integer(max, i18n.language) })}</p>}
      {invalid && <p className="field-error" role="alert">{t('sale.pointsInvalid')}</p>}
      {tooMany && max !== null && <p className="field-error" role="alert">{t('sale.pointsTooMany', { max: integer(max, i18n.language) })}</p>}
    </div>
  );
}

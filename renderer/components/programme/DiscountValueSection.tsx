import { useTranslation } from 'react-i18next';
import { NumberField } from './programmeFields';
import type { SectionProps } from './programmeSections';

/** What points are worth as a discount (the rules' redemption): saved as a new rule version. */
export function DiscountValueSection({
  rulesDraft: d,
  setRulesDraft: set,
  readOnly,
  currency,
  saveRules,
}: SectionProps) {
  const { t } = useTranslation();
  const r = d.redemption;
  const num = { currency, readOnly };
  return (
    <form
      className="programme__section"
      data-testid="programme-discount"
      onSubmit={(e) => {
        e.preventDefault();
        if (!readOnly) void saveRules();
      }}
    >
      <p className="hint">{t('programme.discount.hint')}</p>
      <div className="programme__row">
        <NumberField
          {...num}
          kind="int"
          label={t('programme.discount.pointsPerUnit')}
          value={r.pointsPerUnit}
          testId="discount-points"
          onChange={(pointsPerUnit) => set({ ...d, redemption: { ...r, pointsPerUnit } })}
        />
        <NumberField
          {...num}
          kind="money"
          label={t('programme.discount.unitValue')}
          value={r.unitValueMinor}
          testId="discount-value"
          onChange={(unitValueMinor) => set({ ...d, redemption: { ...r, unitValueMinor } })}
        />
      </div>
      <div className="programme__row">
        <NumberField
          {...num}
          kind="percentBp"
          label={t('programme.discount.maxDiscount')}
          value={r.maxDiscountBp}
          onChange={(maxDiscountBp) => set({ ...d, redemption: { ...r, maxDiscountBp } })}
        />
        <NumberField
          {...num}
          kind="int"
          label={t('programme.discount.minPoints')}
          value={r.minPoints}
          onChange={(minPoints) => set({ ...d, redemption: { ...r, minPoints } })}
        />
      </div>
      {!readOnly && (
        <button type="submit" className="primary" data-testid="programme-save-discount">
          {t('programme.save')}
        </button>
      )}
    </form>
  );
}

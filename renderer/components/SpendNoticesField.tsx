import { useTranslation } from 'react-i18next';

/**
 * The member's own choice to hear of each purchase and redemption (head office sends the notice):
 * asked at registration and changeable in the edit dialog; every change is audited by the core.
 */
export function SpendNoticesField({ value, onChange }: { value: boolean; onChange: (on: boolean) => void }) {
  const { t } = useTranslation();
  return (
    <>
      <label className="form__check">
        <input
          type="checkbox"
          name="spendNotices"
          checked={value}
          aria-describedby="spend-notices-hint"
          onChange={(e) => onChange(e.target.checked)}
        />
        {t('register.spendNotices')}
      </label>
      <span id="spend-notices-hint" className="muted form__hint">
        {t('register.spendNoticesHint')}
      </span>
    </>
  );
}

import { useTranslation } from 'react-i18next';

/**
 * The birthday as text the till controls (a native date field shows the browser's format, not
 * the shop's): year-month-day, or month-day alone. shared/domain/birthday reads what is typed.
 */
export function BirthdayField({ value, onChange }: { value: string; onChange: (text: string) => void }) {
  const { t } = useTranslation();
  return (
    <>
      <label>
        {t('register.birthday')}
        <input
          name="birthday"
          autoComplete="off"
          spellCheck={false}
          value={value}
          maxLength={20}
          placeholder={t('birthdayField.placeholder')}
          aria-describedby="birthday-hint"
          onChange={(e) => onChange(e.target.value)}
        />
      </label>
      <span id="birthday-hint" className="muted form__hint">
        {t('birthdayField.hint')}
      </span>
    </>
  );
}

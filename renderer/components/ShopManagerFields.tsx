import { useTranslation } from 'react-i18next';

/** "Set up my shop": the first manager's name and PIN (they are signed in once the shop is set up). */
export function ShopManagerFields({
  value,
  onChange,
}: {
  value: { name: string; pin: string };
  onChange: (next: { name: string; pin: string }) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="form__group">
      <legend>{t('staff.firstManager')}</legend>
      <label>
        {t('staff.managerName')}
        <input
          name="managerName"
          autoComplete="off"
          maxLength={60}
          value={value.name}
          onChange={(e) => onChange({ ...value, name: e.target.value })}
        />
      </label>
      <label>
        {t('staff.managerPin')}
        <input
          name="managerPin"
          type="password"
          inputMode="numeric"
          autoComplete="off"
          maxLength={8}
          value={value.pin}
          onChange={(e) => onChange({ ...value, pin: e.target.value.replace(/\D/g, '') })}
        />
      </label>
    </fieldset>
  );
}

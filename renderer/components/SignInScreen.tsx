import { useTranslation } from 'react-i18next';
import { DEMO_STAFF } from '../../shared/contract/staff';
import { api } from '../api/tillApi';
import { useStatus } from '../state/status';
import { LanguageSwitch } from './LanguageSwitch';
import { StaffPinForm } from './StaffPinForm';

/** Nobody signed in (a new start, a sign-out, the idle lock): choose your name, type your PIN. */
export function SignInScreen() {
  const { t } = useTranslation();
  const status = useStatus((s) => s.status);
  const apply = useStatus((s) => s.apply);
  const [manager, cashier] = DEMO_STAFF;
  return (
    <main className="welcome" data-testid="sign-in-screen">
      <div className="welcome__lang">
        <LanguageSwitch />
      </div>
      <div className="welcome__card">
        <h1>{t('staff.signInTitle')}</h1>
        <p className="welcome__intro">
          <bdi>{status?.shopName}</bdi> · <bdi>{status?.terminalName}</bdi>
        </p>
        {status?.demo && (
          <p className="muted" data-testid="demo-pins">
            {t('staff.demoPins', { manager: manager.pin, cashier: cashier.pin })}
          </p>
        )}
        <StaffPinForm
          testId="sign-in-form"
          submitLabel={t('staff.signIn')}
          submit={async (staffId, pin) => {
            const result = await api.signIn({ staffId, pin });
            if (!result.ok) return result.error;
            apply(result.value);
            return null;
          }}
        />
      </div>
    </main>
  );
}

import { useTranslation } from 'react-i18next';
import { api } from '../api/tillApi';
import { isolate } from '../lib/isolate';
import { useStatus } from '../state/status';
import { useIdleLock } from './useIdleLock';

/** The status bar's staff corner: who is signed in, lock and sign out (the staff screen is in the manager's menu). */
export function StaffEntry() {
  const { t } = useTranslation();
  const signedIn = useStatus((s) => s.status?.signedIn ?? null);
  const apply = useStatus((s) => s.apply);
  useIdleLock();
  if (!signedIn) return null;
  const leave = (reason: 'lock' | 'sign_out') =>
    void api.signOut({ reason }).then((result) => result.ok && apply(result.value));
  return (
    <>
      <span
        className="statusbar__staff"
        data-testid="signed-in"
        data-role={signedIn.role}
        title={`${isolate(signedIn.name)} · ${t(`staff.role.${signedIn.role}`)}`}
      >
        {/* The name is the shop's own text, in whatever language it was typed: isolated from the screen's. */}
        <bdi>{signedIn.name}</bdi> · {t(`staff.role.${signedIn.role}`)}
      </span>
      <button type="button" className="button--quiet" onClick={() => leave('lock')} data-testid="lock-till">
        {t('staff.lock')}
      </button>
      <button type="button" className="button--quiet" onClick={() => leave('sign_out')} data-testid="sign-out">
        {t('staff.signOut')}
      </button>
    </>
  );
}

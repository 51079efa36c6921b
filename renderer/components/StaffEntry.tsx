import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/tillApi';
import { focusScan } from '../lib/focus';
import { useStatus } from '../state/status';
import { StaffDialog } from './StaffDialog';
import { useIdleLock } from './useIdleLock';

/** The status bar's staff corner: who is signed in, lock / sign out, and the manager's staff screen. */
export function StaffEntry() {
  const { t } = useTranslation();
  const signedIn = useStatus((s) => s.status?.signedIn ?? null);
  const apply = useStatus((s) => s.apply);
  const [open, setOpen] = useState(false);
  const close = useCallback(() => {
    setOpen(false);
    focusScan();
  }, []);
  useIdleLock();
  if (!signedIn) return null;
  const leave = (reason: 'lock' | 'sign_out') =>
    void api.signOut({ reason }).then((result) => result.ok && apply(result.value));
  return (
    <>
      <span className="statusbar__staff" data-testid="signed-in" data-role={signedIn.role}>
        {/* The name is the shop's own text, in whatever language it was typed: isolated from the screen's. */}
        <bdi>{signedIn.name}</bdi> · {t(`staff.role.${signedIn.role}`)}
      </span>
      {signedIn.role === 'manager' && (
        <button type="button" className="button--quiet" onClick={() => setOpen(true)} data-testid="staff-open">
          {t('staff.staffOpen')}
        </button>
      )}
      <button type="button" className="button--quiet" onClick={() => leave('lock')} data-testid="lock-till">
        {t('staff.lock')}
      </button>
      <button type="button" className="button--quiet" onClick={() => leave('sign_out')} data-testid="sign-out">
        {t('staff.signOut')}
      </button>
      {open && <StaffDialog onClose={close} />}
    </>
  );
}

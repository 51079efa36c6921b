import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/tillApi';
import { useStaffPrompt } from '../state/staffPrompt';
import { Dialog } from './Dialog';
import { StaffPinForm } from './StaffPinForm';
import { useDialogKeys } from './useDialogKeys';

function Prompt({ channel }: { channel: string }) {
  const { t } = useTranslation();
  const settle = useStaffPrompt((s) => s.settle);
  const cancel = useCallback(() => settle(false), [settle]);
  useDialogKeys(cancel);
  return (
    <Dialog title={t('staff.managerTitle')} className="dialog--manager">
      <p className="muted">{t('staff.managerIntro')}</p>
      <StaffPinForm
        only="manager"
        testId="manager-prompt"
        submitLabel={t('staff.approve')}
        onCancel={cancel}
        submit={async (staffId, pin) => {
          const result = await api.approveAction({ channel, staffId, pin });
          if (!result.ok) return result.error;
          settle(true);
          return null;
        }}
      />
    </Dialog>
  );
}

/** The manager-PIN prompt a refused call opens (api/staffTransport.ts); the call is retried once approved. */
export function ManagerPrompt() {
  const channel = useStaffPrompt((s) => s.channel);
  return channel ? <Prompt channel={channel} /> : null;
}

import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../shared/contract/errors';
import { api } from '../api/tillApi';
import { Dialog } from './Dialog';
import { ErrorNote } from './ErrorNote';
import { isMemberPin, MemberPinField } from './MemberPinField';
import { useDialogKeys } from './useDialogKeys';

/** The member types a new PIN twice, after the member check just passed (its ticket). */
export function SetPinDialog({ memberId, ticket, onClose }: { memberId: string; ticket: string; onClose: () => void }) {
  const { t } = useTranslation();
  useDialogKeys(onClose);
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (saved) {
      onClose();
      return;
    }
    if (!isMemberPin(pin)) return setNote(t('memberCheck.pinFormat'));
    if (pin !== again) return setNote(t('memberCheck.pinsDiffer'));
    setNote(null);
    setBusy(true);
    const result = await api.setMemberPin({ memberId, pin, memberCheck: ticket });
    setBusy(false);
    setPin('');
    setAgain('');
    if (result.ok) setSaved(true);
    else setError(result.error);
  };

  return (
    <Dialog title={t('memberCheck.setPinTitle')}>
      <form className="form" data-testid="set-pin" onSubmit={(e) => void submit(e)}>
        {saved ? (
          <p role="status">{t('memberCheck.pinSaved')}</p>
        ) : (
          <>
            <MemberPinField label={t('memberCheck.newPin')} value={pin} onChange={setPin} testId="new-pin" />
            <MemberPinField label={t('memberCheck.repeatPin')} value={again} onChange={setAgain} testId="repeat-pin" />
          </>
        )}
        {note && <p role="alert">{note}</p>}
        {error && <ErrorNote error={error} />}
        <div className="form__actions">
          <button type="button" onClick={onClose}>
            {t('memberCheck.cancel')} <kbd>Esc</kbd>
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {saved ? t('register.close') : t('memberCheck.savePin')} <kbd>Enter</kbd>
          </button>
        </div>
      </form>
    </Dialog>
  );
}

import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../shared/contract/errors';
import { api } from '../api/tillApi';
import { Dialog } from './Dialog';
import { ErrorNote } from './ErrorNote';
import { useDialogKeys } from './useDialogKeys';

const PIN_RE = /^\d{4,6}$/;

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
    if (!PIN_RE.test(pin)) return setNote(t('memberCheck.pinFormat'));
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

  const digits = (text: string) => text.replace(/\D/g, '');
  return (
    <Dialog title={t('memberCheck.setPinTitle')}>
      <form className="form" data-testid="set-pin" onSubmit={(e) => void submit(e)}>
        {saved ? (
          <p role="status">{t('memberCheck.pinSaved')}</p>
        ) : (
          <>
            <label>
              {t('memberCheck.newPin')}
              <input
                type="password"
                inputMode="numeric"
                autoComplete="off"
                maxLength={6}
                value={pin}
                data-testid="new-pin"
                onChange={(e) => setPin(digits(e.target.value))}
              />
            </label>
            <label>
              {t('memberCheck.repeatPin')}
              <input
                type="password"
                inputMode="numeric"
                autoComplete="off"
                maxLength={6}
                value={again}
                data-testid="repeat-pin"
                onChange={(e) => setAgain(digits(e.target.value))}
              />
            </label>
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

import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../shared/contract/errors';
import { api } from '../api/tillApi';
import { nextCustomer } from '../state/actions';
import { useStatus } from '../state/status';
import { useUi } from '../state/ui';
import { useWelcome } from '../state/welcome';
import { Dialog } from './Dialog';
import { ErrorNote } from './ErrorNote';

/**
 * Manager, demo till only: delete every demo record and go to "Set up my shop". The manager
 * types a word to confirm, because nothing of the demo can be brought back afterwards.
 */
export function LeaveDemoDialog() {
  const { t } = useTranslation();
  const closeDialog = useUi((s) => s.closeDialog);
  const [typed, setTyped] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const word = t('leaveDemo.word');
  const confirmed = typed.trim().toUpperCase() === word.toUpperCase();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!confirmed || pending) return;
    setPending(true);
    const result = await api.leaveDemoShop({ deleteAllDemoData: true });
    setPending(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    // The demo's member, sale and dialog must not reappear in the real shop's till.
    closeDialog();
    nextCustomer();
    useWelcome.getState().showForm();
    useStatus.getState().apply(result.value);
  };

  return (
    <Dialog title={t('leaveDemo.title')}>
      <form className="form" onSubmit={(e) => void submit(e)} data-testid="leave-demo-dialog">
        <p className="notice notice--warning" role="alert">
          {t('leaveDemo.warning')}
        </p>
        <p>{t('leaveDemo.afterwards')}</p>
        <label>
          {t('leaveDemo.typeToConfirm', { word })}
          <input
            name="confirm"
            autoComplete="off"
            spellCheck={false}
            value={typed}
            data-autofocus
            onChange={(e) => setTyped(e.target.value)}
          />
        </label>
        {error && <ErrorNote error={error} />}
        <div className="form__actions">
          <button type="button" onClick={closeDialog}>
            {t('leaveDemo.cancel')} <kbd>Esc</kbd>
          </button>
          <button type="submit" className="primary danger" disabled={!confirmed || pending}>
            {pending ? t('leaveDemo.working') : t('leaveDemo.confirm')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

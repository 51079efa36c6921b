import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../shared/contract/errors';
import { api } from '../api/tillApi';
import { focusScan } from '../lib/focus';
import { integer } from '../lib/format';
import { useStatus } from '../state/status';
import { Dialog } from './Dialog';
import { ErrorNote } from './ErrorNote';
import { useDialogKeys } from './useDialogKeys';

/** Manager: the points above which a redemption or points discount needs the member's check (empty = none). */
function MemberCheckLimitDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const status = useStatus((s) => s.status);
  const apply = useStatus((s) => s.apply);
  const current = status?.memberCheckAbovePoints ?? null;
  const [text, setText] = useState(current === null ? '' : String(current));
  const [error, setError] = useState<ApiError | null>(null);
  const [pending, setPending] = useState(false);
  useDialogKeys(onClose);
  const trimmed = text.trim();
  const parsed = trimmed === '' ? null : /^\d{1,9}$/.test(trimmed) ? Number(trimmed) : undefined;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (parsed === undefined || pending) return;
    setPending(true);
    const result = await api.setMemberCheckLimit({ abovePoints: parsed });
    setPending(false);
    if (!result.ok) return setError(result.error);
    apply(result.value);
    onClose();
  };
  return (
    <Dialog title={t('memberCheck.limitTitle')}>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate data-testid="member-check-limit-dialog">
        <p className="muted">{t('memberCheck.limitHint')}</p>
        {error && <ErrorNote error={error} />}
        <label>
          {t('memberCheck.limitLabel')}
          <input
            inputMode="numeric"
            autoComplete="off"
            value={text}
            maxLength={9}
            data-autofocus
            aria-invalid={parsed === undefined}
            onChange={(e) => setText(e.target.value)}
          />
        </label>
        <div className="form__actions">
          <button type="button" onClick={onClose}>
            {t('memberCheck.cancel')} <kbd>Esc</kbd>
          </button>
          <button type="submit" className="primary" disabled={parsed === undefined || pending}>
            {t('memberCheck.limitSave')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** The status bar's entry to the member-check threshold: shows it, and opens the manager's dialog. */
export function MemberCheckLimitEntry() {
  const { t, i18n } = useTranslation();
  const status = useStatus((s) => s.status);
  const [open, setOpen] = useState(false);
  const close = useCallback(() => {
    setOpen(false);
    focusScan();
  }, []);
  if (!status?.configured) return null;
  const limit = status.memberCheckAbovePoints;
  return (
    <>
      <button type="button" className="button--quiet" onClick={() => setOpen(true)} data-testid="member-check-limit">
        {limit === null
          ? t('memberCheck.limitNone')
          : t('memberCheck.limitEntry', { points: integer(limit, i18n.language) })}
      </button>
      {open && <MemberCheckLimitDialog onClose={close} />}
    </>
  );
}

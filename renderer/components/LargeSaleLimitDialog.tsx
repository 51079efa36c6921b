import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../shared/contract/errors';
import { formatMoney, MAX_SALE_MINOR } from '../../shared/domain/money';
import { api } from '../api/tillApi';
import { focusScan } from '../lib/focus';
import { limitText, parseLimitText } from '../lib/limitText';
import { currencyOf, useStatus } from '../state/status';
import { Dialog } from './Dialog';
import { ErrorNote } from './ErrorNote';
import { useDialogKeys } from './useDialogKeys';

/** Manager: the total above which a sale needs a second confirmation at this till. */
function LargeSaleLimitDialog({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const status = useStatus((s) => s.status);
  const apply = useStatus((s) => s.apply);
  const currency = currencyOf(status);
  const [text, setText] = useState(status ? limitText(status.largeSaleLimitMinor, currency) : '');
  const [error, setError] = useState<ApiError | null>(null);
  const [pending, setPending] = useState(false);
  useDialogKeys(onClose);
  const parsed = parseLimitText(text, currency);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (parsed === null || pending) return;
    setPending(true);
    const result = await api.setLargeSaleLimit({ limitMinor: parsed });
    setPending(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    apply(result.value);
    onClose();
  };
  return (
    <Dialog title={t('saleLimit.settingsTitle')}>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate data-testid="large-sale-limit-dialog">
        <p className="muted">{t('saleLimit.settingsHint')}</p>
        {error && <ErrorNote error={error} />}
        <label>
          {t('saleLimit.limitLabel')}
          <input
            id="large-sale-limit"
            inputMode="decimal"
            autoComplete="off"
            value={text}
            maxLength={20}
            data-autofocus
            aria-invalid={parsed === null}
            onChange={(e) => setText(e.target.value)}
          />
        </label>
        {parsed === null && (
          <p className="field-error" role="alert">
            {t('saleLimit.limitInvalid', {
              min: formatMoney(1, currency, i18n.language),
              max: formatMoney(MAX_SALE_MINOR, currency, i18n.language),
            })}
          </p>
        )}
        <div className="form__actions">
          <button type="button" onClick={onClose}>
            {t('saleLimit.cancel')} <kbd>Esc</kbd>
          </button>
          <button
            type="submit"
            className="primary"
            disabled={parsed === null || pending}
            data-testid="large-sale-limit-save"
          >
            {t('saleLimit.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** The status bar's entry to the limit: shows it, and opens the manager's dialog. */
export function LargeSaleLimitEntry() {
  const { t, i18n } = useTranslation();
  const status = useStatus((s) => s.status);
  const [open, setOpen] = useState(false);
  const close = useCallback(() => {
    setOpen(false);
    focusScan();
  }, []);
  if (!status) return null;
  const limit = formatMoney(status.largeSaleLimitMinor, currencyOf(status), i18n.language);
  return (
    <>
      <button type="button" className="button--quiet" onClick={() => setOpen(true)} data-testid="large-sale-limit-open">
        {t('saleLimit.settings', { limit })}
      </button>
      {open && <LargeSaleLimitDialog onClose={close} />}
    </>
  );
}

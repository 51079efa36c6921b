import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { amountInWords } from '../../shared/domain/amountInWords';
import { formatMoney } from '../../shared/domain/money';
import { confirmLargeSale } from '../state/actions';
import { useSale, type LargeSale } from '../state/sale';
import { currencyOf, useStatus } from '../state/status';
import { AMOUNT_INPUT_ID } from './AmountPad';
import { Dialog } from './Dialog';
import { FIRST_SKU_ID } from './ItemLines';
import { useDialogKeys } from './useDialogKeys';

/**
 * The second look at a sale above the shop's limit: the total in figures and in words, to read to
 * the customer. "Correct" has the focus, so an Enter meant for something else never records it.
 */
export function LargeSaleDialog({ sale }: { sale: LargeSale }) {
  const { t, i18n } = useTranslation();
  const currency = currencyOf(useStatus((s) => s.status));
  const pending = useSale((s) => s.pending);
  const mode = useSale((s) => s.mode);
  const back = useCallback(() => {
    useSale.getState().askLargeSale(null);
    queueMicrotask(() => document.getElementById(mode === 'amount' ? AMOUNT_INPUT_ID : FIRST_SKU_ID)?.focus());
  }, [mode]);
  useDialogKeys(back);
  const locale = i18n.language;
  const figures = formatMoney(sale.totalMinor, currency, locale);
  return (
    <Dialog title={t('saleLimit.title')} className="dialog--large-sale">
      <div className="form" data-testid="large-sale-dialog">
        <p>{t('saleLimit.above', { limit: formatMoney(sale.limitMinor, currency, locale) })}</p>
        <dl className="large-sale__amount">
          <dt>{t('saleLimit.figures')}</dt>
          <dd className="num" data-testid="large-sale-figures">
            <strong>{figures}</strong>
          </dd>
          <dt>{t('saleLimit.words')}</dt>
          <dd data-testid="large-sale-words">
            <strong>{amountInWords(sale.totalMinor, currency, locale)}</strong>
          </dd>
        </dl>
        <p>{t('saleLimit.ask')}</p>
        <div className="form__actions">
          <button type="button" data-autofocus onClick={back} data-testid="large-sale-back">
            {t('saleLimit.back')} <kbd>Esc</kbd>
          </button>
          <button
            type="button"
            className="primary"
            disabled={pending}
            data-testid="large-sale-confirm"
            onClick={() => void confirmLargeSale()}
          >
            {t('saleLimit.confirm', { amount: figures })}
          </button>
        </div>
      </div>
    </Dialog>
  );
}

import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { SaleReceipt } from '../../shared/contract/sales';
import { focusScan } from '../lib/focus';
import { nextCustomer } from '../state/actions';
import { ReceiptPaper } from './ReceiptPaper';
import { usePrintTarget } from './usePrintTarget';

/** Shown after a sale is committed; printable on a receipt printer via the print CSS. */
export function ReceiptView({ receipt }: { receipt: SaleReceipt }) {
  const { t } = useTranslation();
  usePrintTarget('receipt');
  useEffect(() => focusScan(), []);
  return (
    <section className="panel receipt-panel" aria-label={t('receipt.title')}>
      <ReceiptPaper receipt={receipt} />
      <div className="receipt-panel__actions">
        <button
          type="button"
          onClick={() => {
            window.print();
            focusScan();
          }}
        >
          {t('receipt.print')}
        </button>
        <button type="button" className="primary" onClick={nextCustomer}>
          {t('receipt.next')} <kbd>{t('receipt.nextHint')}</kbd>
        </button>
      </div>
    </section>
  );
}

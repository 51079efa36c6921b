import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney, MAX_SALE_MINOR } from '../../shared/domain/money';
import { focusScan } from '../lib/focus';
import { submitScan } from '../state/actions';
import { useSale } from '../state/sale';
import { currencyOf, useStatus } from '../state/status';

const KEYS = ['7', '8', '9', '4', '5', '6', '1', '2', '3', '00', '0', '.'];
export const AMOUNT_INPUT_ID = 'amount-input';

// A scanner burst that lands here by mistake ends in 16+ digits, which no amount has
// (the absurd-amount guard keeps amounts to 9 digits): take it as a card scan instead.
const SCAN_TAIL = /^(.*?)(\d{16})$/;

export function AmountPad({ invalid }: { invalid: boolean }) {
  const { t, i18n } = useTranslation();
  const amountText = useSale((s) => s.amountText);
  const setAmountText = useSale((s) => s.setAmountText);
  const press = useSale((s) => s.pressKey);
  const currency = currencyOf(useStatus((s) => s.status));

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    const scan = SCAN_TAIL.exec(amountText.replace(/[\s-]/g, ''));
    if (scan?.[2]) {
      setAmountText(scan[1] ?? '');
      void submitScan(scan[2]);
    }
    focusScan(); // Enter here means "amount done": back to the scan field, where Enter confirms.
  };
  const onPad = (key: string) => {
    press(key);
    document.getElementById(AMOUNT_INPUT_ID)?.focus();
  };

  return (
    <div className="amount">
      <label className="amount__label" htmlFor={AMOUNT_INPUT_ID}>
        {t('sale.amountLabel')} <kbd>F4</kbd>
      </label>
      <input
        id={AMOUNT_INPUT_ID}
        className={invalid ? 'amount__input amount__input--invalid' : 'amount__input'}
        inputMode="decimal"
        autoComplete="off"
        placeholder={t('sale.amountPlaceholder')}
        value={amountText}
        maxLength={40}
        aria-invalid={invalid}
        onChange={(e) => setAmountText(e.target.value)}
        onKeyDown={onKeyDown}
      />
      {invalid && (
        <p className="field-error" role="alert">
          {t('sale.amountInvalid', {
            min: formatMoney(1, currency, i18n.language),
            max: formatMoney(MAX_SALE_MINOR, currency, i18n.language),
          })}
        </p>
      )}
      <div className="keypad" role="group" aria-label={t('sale.amountLabel')}>
        {KEYS.map((k) => (
          <button
            key={k}
            type="button"
            className="keypad__key"
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => onPad(k)}
          >
            {k}
          </button>
        ))}
        <button
          type="button"
          className="keypad__key keypad__key--fn"
          aria-label={t('keypad.backspaceLabel')}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => onPad('⌫')}
        >
          {t('sale.backspace')}
        </button>
        <button
          type="button"
          className="keypad__key keypad__key--fn"
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => onPad('C')}
        >
          {t('sale.clear')}
        </button>
      </div>
    </div>
  );
}

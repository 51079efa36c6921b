import { useTranslation } from 'react-i18next';
import { formatMoney, MAX_SALE_MINOR } from '../../shared/domain/money';
import { api } from '../api/tillApi';
import { limitText, parseLimitText } from '../lib/limitText';
import { currencyOf, useStatus } from '../state/status';
import { LimitDialog } from './LimitDialog';

/** Manager: the total above which a sale needs a second confirmation at this till. */
export function LargeSaleLimitDialog({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const status = useStatus((s) => s.status);
  const currency = currencyOf(status);
  return (
    <LimitDialog
      onClose={onClose}
      setting={{
        title: t('saleLimit.settingsTitle'),
        hint: t('saleLimit.settingsHint'),
        label: t('saleLimit.limitLabel'),
        cancel: t('saleLimit.cancel'),
        save: t('saleLimit.save'),
        testId: 'large-sale-limit-dialog',
        inputId: 'large-sale-limit',
        saveTestId: 'large-sale-limit-save',
        inputMode: 'decimal',
        maxLength: 20,
        initial: status ? limitText(status.largeSaleLimitMinor, currency) : '',
        parse: (text) => parseLimitText(text, currency) ?? undefined,
        invalidNote: t('saleLimit.limitInvalid', {
          min: formatMoney(1, currency, i18n.language),
          max: formatMoney(MAX_SALE_MINOR, currency, i18n.language),
        }),
        store: (limitMinor) => api.setLargeSaleLimit({ limitMinor }),
      }}
    />
  );
}

/** The limit as the manager's menu names it: "Large sale above ¥3,000.00". */
export function useLargeSaleLimitLabel(): string {
  const { t, i18n } = useTranslation();
  const status = useStatus((s) => s.status);
  return t('saleLimit.settings', {
    limit: formatMoney(status?.largeSaleLimitMinor ?? 0, currencyOf(status), i18n.language),
  });
}

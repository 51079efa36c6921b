import type { TFunction } from 'i18next';
import type { LedgerEntryView } from '../../shared/contract';
import { explainFormula } from './explanation';
import { formatMoney } from '../../shared/domain/money';
import { integer } from './format';
import { isolate } from './isolate';

/**
 * A points movement's detail in the cashier's language, from its data. Null when this till does
 * not hold the sale or redemption (written at another till): then only the stored line is known.
 */
export function ledgerDetailText(
  entry: LedgerEntryView,
  currency: string,
  locale: string,
  t: TFunction,
): string | null {
  const d = entry.detail;
  if (d === null) return null;
  switch (d.kind) {
    case 'earn':
      return explainFormula(
        { explanation: d.explanation, pointsEarned: entry.delta, summary: entry.summary },
        currency,
        locale,
        t,
      );
    case 'spend':
      return t('ledgerDetail.spend', {
        points: integer(-entry.delta, locale),
        discount: formatMoney(d.discountMinor, d.currency, locale),
      });
    case 'redeem':
      return t('ledgerDetail.redeem', { quantity: d.quantity, name: isolate(d.rewardName) });
    case 'adjust': {
      const reason = d.reason === null ? t('ledgerDetail.adjustElsewhere') : t(`adjust.reasons.${d.reason}`);
      return d.note === '' ? reason : t('ledgerDetail.adjustWithNote', { reason, note: isolate(d.note) });
    }
  }
}

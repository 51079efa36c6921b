import { useTranslation } from 'react-i18next';
import { formatCardNumber } from '../../shared/domain/cardNumber';
import type { SaleReceipt } from '../../shared/contract/sales';
import { formatMoney } from '../../shared/domain/money';
import { dateTime, integer } from '../lib/format';
import { isolate } from '../lib/isolate';
import { ExpiringSoonNote } from './ExpiringSoonNote';

/**
 * THE receipt's paper: printed after the sale (ReceiptView) and reprinted from the consumption query as a
 * copy, marked so; a copy has no tier line when the moment's tier is not kept (services/saleDetail.ts).
 */
export function ReceiptPaper({ receipt, copy = false }: { receipt: SaleReceipt; copy?: boolean }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const m = (minor: number) => formatMoney(minor, receipt.currency, locale);
  return (
    <article
      className={`receipt printable${copy ? ' receipt--copy' : ''}`}
      data-testid={copy ? 'receipt-reprint' : 'receipt'}
    >
      <header className="receipt__shop">
        <strong>
          <bdi>{receipt.shopName}</bdi>
        </strong>
        <span>
          <bdi>{receipt.terminalName}</bdi> · {dateTime(receipt.createdAt, locale)}
        </span>
        <span className="mono">
          {t('receipt.saleNo')} <bdi>{receipt.saleId.slice(0, 8).toUpperCase()}</bdi>
        </span>
        {copy && (
          <strong className="receipt__copy" data-testid="receipt-copy-mark">
            {t('salesQuery.copyMark')}
          </strong>
        )}
      </header>
      <table className="receipt__lines">
        <tbody>
          {receipt.lines.map((l) => (
            <tr key={l.lineNo}>
              <td>
                {l.name || l.sku !== 'AMOUNT' ? <bdi>{l.name || l.sku}</bdi> : t('sale.anonymousLine')}{' '}
                {l.quantity > 1 && t('receipt.qty', { qty: l.quantity })}
              </td>
              <td className="num">{m(l.lineTotalMinor)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl className="receipt__totals">
        <div>
          <dt>{t('sale.subtotal')}</dt>
          <dd>{m(receipt.subtotalMinor)}</dd>
        </div>
        {receipt.discountMinor > 0 && (
          <div>
            <dt>
              {t('sale.discount')} ({integer(receipt.pointsSpent, locale)})
            </dt>
            <dd>−{m(receipt.discountMinor)}</dd>
          </div>
        )}
        <div className="receipt__total">
          <dt>{t('sale.total')}</dt>
          <dd data-testid="receipt-total">{m(receipt.totalMinor)}</dd>
        </div>
      </dl>
      {receipt.memberId ? (
        <dl className="receipt__member">
          <div>
            <dt>{t('receipt.member')}</dt>
            <dd>
              <bdi>{receipt.memberName}</bdi>
            </dd>
          </div>
          {receipt.cardNumber && (
            <div>
              <dt>{t('receipt.card')}</dt>
              <dd className="mono">{formatCardNumber(receipt.cardNumber)}</dd>
            </div>
          )}
          <div className="receipt__earned">
            <dt>{t('receipt.earned')}</dt>
            <dd data-testid="receipt-earned">+{integer(receipt.pointsEarned, locale)}</dd>
          </div>
          {receipt.campaignBonuses.map((b) => (
            <div key={b.campaignId} className="receipt__campaign" data-testid="receipt-campaign">
              <dt>{t('receipt.campaign', { name: isolate(b.name) })}</dt>
              <dd>+{integer(b.points, locale)}</dd>
            </div>
          ))}
          {receipt.pointsSpent > 0 && (
            <div>
              <dt>{t('receipt.spent')}</dt>
              <dd>−{integer(receipt.pointsSpent, locale)}</dd>
            </div>
          )}
          <div>
            <dt>{t('receipt.balance')}</dt>
            <dd data-testid="receipt-balance">{integer(receipt.balanceAfter ?? 0, locale)}</dd>
          </div>
          {receipt.expiringSoon && (
            <div>
              <dt>{t('expiry.title')}</dt>
              <dd>
                <ExpiringSoonNote soon={receipt.expiringSoon} testId="receipt-expiring" />
              </dd>
            </div>
          )}
          {receipt.birthdayBonus !== undefined && receipt.birthdayBonus > 0 && (
            <div data-testid="receipt-birthday">
              <dt>{t('receipt.birthdayBonus', { points: integer(receipt.birthdayBonus, locale) })}</dt>
              <dd />
            </div>
          )}
          {receipt.tierUpgrade && (
            <div className="receipt__upgrade" role="status" data-testid="receipt-upgrade">
              <dt>{t('receipt.tierUpgrade', { tier: isolate(receipt.tierUpgrade.to.name) })}</dt>
              <dd />
            </div>
          )}
          {(!copy || receipt.tierAfter) && (
            <div>
              <dt>
                <bdi>{receipt.tierAfter?.name ?? ''}</bdi>
              </dt>
              <dd>
                {receipt.nextTier && receipt.pointsToNextTier !== null
                  ? t('receipt.tierProgress', {
                      points: integer(receipt.pointsToNextTier, locale),
                      tier: isolate(receipt.nextTier.name),
                    })
                  : t('receipt.topTier')}
              </dd>
            </div>
          )}
        </dl>
      ) : (
        <p className="receipt__anon">{t('receipt.anonymous')}</p>
      )}
      <p className="receipt__thanks">{t('receipt.thanks')}</p>
    </article>
  );
}

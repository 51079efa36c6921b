import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../shared/contract/errors';
import type { SaleDetailView } from '../../shared/contract/salesQuery';
import { formatMoney } from '../../shared/domain/money';
import { api } from '../api/tillApi';
import { dateTime, integer } from '../lib/format';
import { isolate } from '../lib/isolate';
import { Dialog } from './Dialog';
import { ErrorNote } from './ErrorNote';
import { ReceiptPaper } from './ReceiptPaper';
import { usePrintTarget } from './usePrintTarget';

/**
 * One sale from the consumption query: its lines, payment and points, campaign bonuses, refunds and
 * cashier, beside its receipt as a copy. "Reprint" is audited by the core, then the copy goes to paper.
 * Esc (the query dialog's keys) comes back to the list.
 */
export function SaleDetailPanel({ saleId, onBack }: { saleId: string; onBack: () => void }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const [detail, setDetail] = useState<SaleDetailView | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [reprinted, setReprinted] = useState(false);
  usePrintTarget('receiptCopy');

  useEffect(() => {
    let live = true;
    void api.saleDetail({ saleId }).then((answer) => {
      if (!live) return;
      setError(answer.ok ? null : answer.error);
      if (answer.ok) setDetail(answer.value);
    });
    return () => {
      live = false;
    };
  }, [saleId]);

  const reprint = async () => {
    const answer = await api.reprintReceipt({ saleId });
    setError(answer.ok ? null : answer.error);
    if (!answer.ok) return;
    setDetail((d) => (d ? { ...d, receipt: answer.value } : d));
    setReprinted(true);
    window.print();
  };

  const receipt = detail?.receipt;
  const money = (minor: number) => formatMoney(minor, receipt?.currency ?? 'CNY', locale);
  const n = (count: number) => integer(count, locale);
  const saleNo = saleId.slice(0, 8).toUpperCase();
  return (
    <Dialog title={t('salesQuery.detailTitle', { saleNo })} wide className="sales-query">
      {error && <ErrorNote error={error} />}
      {detail && receipt && (
        <div className="sale-detail" data-testid="sale-detail">
          <div className="sale-detail__facts">
            <p>
              {dateTime(receipt.createdAt, locale)} · {t('salesQuery.cashierCol')}{' '}
              <bdi data-testid="sale-detail-cashier">{detail.cashierName ?? t('salesQuery.unknownStaff')}</bdi>
            </p>
            <p>
              {receipt.memberId === null ? (
                t('salesQuery.anonymous')
              ) : (
                <>
                  {t('salesQuery.memberCol')} <bdi>{receipt.memberName ?? ''}</bdi>{' '}
                  <span className="mono">{detail.cardMasked}</span>
                </>
              )}
            </p>
            <table className="grid" data-testid="sale-detail-lines">
              <thead>
                <tr>
                  <th>{t('salesQuery.lines')}</th>
                  <th>{t('salesQuery.sku')}</th>
                  <th className="num">{t('salesQuery.quantity')}</th>
                  <th className="num">{t('salesQuery.price')}</th>
                  <th className="num">{t('salesQuery.lineTotal')}</th>
                </tr>
              </thead>
              <tbody>
                {receipt.lines.map((l) => (
                  <tr key={l.lineNo}>
                    <td>
                      <bdi>{l.name}</bdi>
                    </td>
                    <td className="mono">{l.sku}</td>
                    <td className="num">{n(l.quantity)}</td>
                    <td className="num">{money(l.unitPriceMinor)}</td>
                    <td className="num">{money(l.lineTotalMinor)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <dl className="sale-detail__sums">
              <dt>{t('sale.subtotal')}</dt>
              <dd>{money(receipt.subtotalMinor)}</dd>
              {receipt.discountMinor > 0 && (
                <>
                  <dt>{t('salesQuery.discount')}</dt>
                  <dd>−{money(receipt.discountMinor)}</dd>
                </>
              )}
              <dt>{t('sale.total')}</dt>
              <dd data-testid="sale-detail-total">{money(receipt.totalMinor)}</dd>
              <dt>{t('salesQuery.pointsEarned')}</dt>
              <dd>+{n(receipt.pointsEarned)}</dd>
              {receipt.campaignBonuses.map((b) => (
                <div key={b.campaignId} className="sale-detail__campaign">
                  <dt>{t('salesQuery.campaignBonus')}</dt>
                  <dd>
                    {isolate(b.name)} +{n(b.points)}
                  </dd>
                </div>
              ))}
              <dt>{t('salesQuery.pointsSpent')}</dt>
              <dd>−{n(receipt.pointsSpent)}</dd>
            </dl>
            <h4>{t('salesQuery.refunds')}</h4>
            {detail.refunds.length === 0 ? (
              <p className="muted">{t('salesQuery.noRefunds')}</p>
            ) : (
              <table className="grid" data-testid="sale-detail-refunds">
                <tbody>
                  {detail.refunds.map((r) => (
                    <tr key={r.refundId}>
                      <td>{dateTime(r.createdAt, locale)}</td>
                      <td>
                        {t('salesQuery.refundLines')} {r.lines.map((l) => `#${l.lineNo}×${l.quantity}`).join(', ')}
                      </td>
                      <td>
                        {t('salesQuery.refundBy')} <bdi>{r.staffName ?? t('salesQuery.unknownStaff')}</bdi>
                      </td>
                      <td className="num">{r.amountMinor === null ? t('salesQuery.pending') : money(r.amountMinor)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
          <div className="sale-detail__paper">
            <ReceiptPaper receipt={receipt} copy />
          </div>
        </div>
      )}
      <div className="form__actions">
        {reprinted && (
          <span className="muted" role="status" data-testid="sale-reprinted">
            {t('salesQuery.reprinted')}
          </span>
        )}
        <button type="button" className="primary" disabled={!detail} onClick={reprint} data-testid="sale-reprint">
          {t('salesQuery.reprint')}
        </button>
        <button type="button" onClick={onBack} data-autofocus data-testid="sale-back">
          {t('salesQuery.back')} <kbd>Esc</kbd>
        </button>
      </div>
    </Dialog>
  );
}

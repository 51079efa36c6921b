import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DayReport } from '../../shared/contract/dayReport';
import type { ApiError } from '../../shared/contract/errors';
import { formatMoney } from '../../shared/domain/money';
import { api } from '../api/tillApi';
import { integer } from '../lib/format';
import { useStatus } from '../state/status';
import { Dialog } from './Dialog';
import { ErrorNote } from './ErrorNote';
import { useDialogKeys } from './useDialogKeys';
import { usePrintTarget } from './usePrintTarget';

/** A share as a percentage with one decimal; none of nothing. */
function percent(part: number, whole: number, locale: string): string {
  if (whole === 0) return '–';
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(part / whole);
}

/** Manager (from the manager menu): one business day at this till, today unless another is picked; printable. */
export function DayReportDialog({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const shop = useStatus((s) => s.status?.shopName ?? '');
  const terminal = useStatus((s) => s.status?.terminalName ?? '');
  const [day, setDay] = useState<string | null>(null);
  const [report, setReport] = useState<DayReport | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useDialogKeys(onClose);
  usePrintTarget('dayReport');

  useEffect(() => {
    let live = true;
    void api.dayReport(day ? { businessDay: day } : {}).then((result) => {
      if (!live) return;
      if (result.ok) setReport(result.value);
      setError(result.ok ? null : result.error);
    });
    return () => {
      live = false;
    };
  }, [day]);

  const money = (minor: number) => formatMoney(minor, report?.currency ?? 'CNY', locale);
  const n = (count: number) => integer(count, locale);
  return (
    <Dialog title={t('dayReport.title')} wide>
      <div data-testid="day-report">
        <label className="field">
          <span>{t('dayReport.day')}</span>
          <input
            type="date"
            value={day ?? report?.businessDay ?? ''}
            onChange={(e) => e.target.value && setDay(e.target.value)}
            data-testid="day-report-day"
          />
        </label>
        {error && <ErrorNote error={error} />}
        {report && (
          <article className="day-report printable" data-testid="day-report-sheet" data-day={report.businessDay}>
            <h3>
              {t('dayReport.title')} · {report.businessDay}
            </h3>
            <p className="muted">{t('dayReport.shop', { shop, terminal })}</p>
            <table className="grid" data-testid="day-report-sales">
              <thead>
                <tr>
                  <th>{t('dayReport.sales')}</th>
                  <th className="num">{t('dayReport.count')}</th>
                  <th className="num">{t('dayReport.amount')}</th>
                </tr>
              </thead>
              <tbody>
                <tr data-row="all">
                  <td>{t('dayReport.allSales')}</td>
                  <td className="num">{n(report.sales.count)}</td>
                  <td className="num">{money(report.sales.amountMinor)}</td>
                </tr>
                <tr data-row="members">
                  <td>{t('dayReport.memberSales')}</td>
                  <td className="num">{n(report.memberSales.count)}</td>
                  <td className="num">{money(report.memberSales.amountMinor)}</td>
                </tr>
                <tr data-row="share">
                  <td>{t('dayReport.memberShare')}</td>
                  <td className="num">{percent(report.memberSales.count, report.sales.count, locale)}</td>
                  <td className="num">{percent(report.memberSales.amountMinor, report.sales.amountMinor, locale)}</td>
                </tr>
                <tr data-row="refunds">
                  <td>{t('dayReport.refunds')}</td>
                  <td className="num">{n(report.refunds.count)}</td>
                  <td className="num">{money(report.refunds.amountMinor)}</td>
                </tr>
              </tbody>
            </table>
            <table className="grid" data-testid="day-report-points">
              <tbody>
                <tr data-row="newMembers">
                  <th>{t('dayReport.newMembers')}</th>
                  <td className="num">{n(report.newMembers)}</td>
                </tr>
                <tr data-row="earned">
                  <th>
                    {t('dayReport.points')} · {t('dayReport.earned')}
                  </th>
                  <td className="num">{n(report.points.earned)}</td>
                </tr>
                <tr data-row="spent">
                  <th>
                    {t('dayReport.points')} · {t('dayReport.spent')}
                  </th>
                  <td className="num">{n(report.points.spent)}</td>
                </tr>
                <tr data-row="expired">
                  <th>
                    {t('dayReport.points')} · {t('dayReport.expired')}
                  </th>
                  <td className="num">{n(report.points.expired)}</td>
                </tr>
                <tr data-row="reversed">
                  <th>
                    {t('dayReport.refunds')} · {t('dayReport.pointsReversed')}
                  </th>
                  <td className="num">{n(report.refunds.pointsReversed)}</td>
                </tr>
              </tbody>
            </table>
            <h4>{t('dayReport.redemptions')}</h4>
            {report.redemptions.byReward.length === 0 ? (
              <p className="muted">{t('dayReport.noRedemptions')}</p>
            ) : (
              <table className="grid" data-testid="day-report-redemptions">
                <thead>
                  <tr>
                    <th>{t('dayReport.reward')}</th>
                    <th className="num">{t('dayReport.count')}</th>
                    <th className="num">{t('dayReport.quantity')}</th>
                    <th className="num">{t('dayReport.points')}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.redemptions.byReward.map((r) => (
                    <tr key={r.rewardId} data-reward={r.code}>
                      <td>{r.name}</td>
                      <td className="num">{n(r.count)}</td>
                      <td className="num">{n(r.quantity)}</td>
                      <td className="num">{n(r.points)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </article>
        )}
        <div className="form__actions">
          <button type="button" disabled={!report} onClick={() => window.print()} data-testid="day-report-print">
            {t('dayReport.print')}
          </button>
          <button type="button" onClick={onClose} data-autofocus>
            {t('dayReport.close')} <kbd>Esc</kbd>
          </button>
        </div>
      </div>
    </Dialog>
  );
}

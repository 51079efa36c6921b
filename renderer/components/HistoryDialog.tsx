import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../shared/contract/errors';
import type { LedgerEntryView, SaleSummaryView } from '../../shared/contract';
import { api } from '../api/tillApi';
import { formatMoney } from '../../shared/domain/money';
import { dateTime, integer } from '../lib/format';
import { ledgerDetailText } from '../lib/ledgerText';
import { useMember } from '../state/member';
import { currencyOf, useStatus } from '../state/status';
import { useUi } from '../state/ui';
import { Dialog } from './Dialog';
import { ErrorNote } from './ErrorNote';
import { isolate } from '../lib/isolate';

const PAGE_SIZE = 10;
type Tab = 'sales' | 'ledger';
interface Page<T> {
  items: T[];
  total: number;
  page: number;
}

/** A member's sales and points movements, newest first, ten per page (F9). */
export function HistoryDialog() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const member = useMember((s) => s.member);
  const closeDialog = useUi((s) => s.closeDialog);
  const openRefund = useUi((s) => s.openRefund);
  const currency = currencyOf(useStatus((s) => s.status));
  const [tab, setTab] = useState<Tab>('sales');
  const [page, setPage] = useState(0);
  const [sales, setSales] = useState<Page<SaleSummaryView> | null>(null);
  const [ledger, setLedger] = useState<Page<LedgerEntryView> | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    if (!member) return;
    const input = { memberId: member.id, page, pageSize: PAGE_SIZE };
    let live = true;
    const load = async () => {
      if (tab === 'sales') {
        const result = await api.memberSales(input);
        if (!live) return;
        if (result.ok) setSales(result.value);
        setError(result.ok ? null : result.error);
      } else {
        const result = await api.memberLedger(input);
        if (!live) return;
        if (result.ok) setLedger(result.value);
        setError(result.ok ? null : result.error);
      }
    };
    void load();
    return () => {
      live = false;
    };
  }, [member, tab, page]);

  const total = (tab === 'sales' ? sales?.total : ledger?.total) ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const switchTab = (next: Tab) => {
    setTab(next);
    setPage(0);
  };

  // Page keys, so a long history is read without the mouse.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'PageDown' && page + 1 < pages) setPage(page + 1);
      else if (e.key === 'PageUp' && page > 0) setPage(page - 1);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [page, pages]);

  if (!member) return null;
  const m = (minor: number) => formatMoney(minor, currency, locale);

  return (
    <Dialog title={t('history.title', { name: isolate(member.name) })} wide>
      <div className="tabs" role="tablist">
        <button type="button" role="tab" aria-selected={tab === 'sales'} onClick={() => switchTab('sales')}>
          {t('history.sales')}
        </button>
        <button type="button" role="tab" aria-selected={tab === 'ledger'} onClick={() => switchTab('ledger')}>
          {t('history.ledger')}
        </button>
      </div>
      {error && <ErrorNote error={error} />}
      {tab === 'sales' &&
        sales &&
        (sales.items.length === 0 ? (
          <p className="muted">{t('history.empty')}</p>
        ) : (
          <table className="grid" data-testid="history-sales">
            <thead>
              <tr>
                <th>{t('history.date')}</th>
                <th className="num">{t('history.total')}</th>
                <th className="num">{t('history.discount')}</th>
                <th className="num">{t('history.earned')}</th>
                <th className="num">{t('history.spent')}</th>
                <th className="num">{t('history.lines')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {sales.items.map((s) => (
                <tr key={s.saleId}>
                  <td>{dateTime(s.createdAt, locale)}</td>
                  <td className="num">{m(s.totalMinor)}</td>
                  <td className="num">{s.discountMinor > 0 ? `−${m(s.discountMinor)}` : ''}</td>
                  <td className="num">+{integer(s.pointsEarned, locale)}</td>
                  <td className="num">{s.pointsSpent > 0 ? `−${integer(s.pointsSpent, locale)}` : ''}</td>
                  <td className="num">{s.lineCount}</td>
                  <td>
                    <button type="button" data-testid={`refund-${s.saleId}`} onClick={() => openRefund(s.saleId)}>
                      {t('refund.open')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      {tab === 'ledger' &&
        ledger &&
        (ledger.items.length === 0 ? (
          <p className="muted">{t('history.empty')}</p>
        ) : (
          <table className="grid" data-testid="history-ledger">
            <thead>
              <tr>
                <th>{t('history.date')}</th>
                <th>{t('history.kind')}</th>
                <th className="num">{t('history.change')}</th>
                <th className="num">{t('history.balanceAfter')}</th>
                <th>{t('history.detail')}</th>
              </tr>
            </thead>
            <tbody>
              {ledger.items.map((e) => (
                <tr key={e.id}>
                  <td>{dateTime(e.createdAt, locale)}</td>
                  <td>{t(`history.kinds.${e.kind}`)}</td>
                  <td className={e.delta < 0 ? 'num neg' : 'num pos'}>
                    {e.delta > 0 ? '+' : ''}
                    {integer(e.delta, locale)}
                  </td>
                  <td className="num">{e.balanceAfter === null ? '' : integer(e.balanceAfter, locale)}</td>
                  {/* Without the sale or redemption here, only the line stored elsewhere is known: shown as data. */}
                  <td className="muted">{ledgerDetailText(e, currency, locale, t) ?? <bdi>{e.summary}</bdi>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      <div className="pager">
        <button type="button" disabled={page === 0} onClick={() => setPage(page - 1)}>
          {t('history.prev')} <kbd>PgUp</kbd>
        </button>
        <span>{t('history.page', { page: page + 1, pages })}</span>
        <button type="button" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>
          {t('history.next')} <kbd>PgDn</kbd>
        </button>
        <button type="button" onClick={closeDialog}>
          {t('register.close')} <kbd>Esc</kbd>
        </button>
      </div>
    </Dialog>
  );
}

import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../shared/contract/errors';
import type { SalesCursor, SalesFilter, SalesPage } from '../../shared/contract/salesQuery';
import type { StaffView } from '../../shared/contract/staff';
import { formatMoney } from '../../shared/domain/money';
import { api } from '../api/tillApi';
import { dateTime, integer } from '../lib/format';
import { emptySalesFilterForm, salesFilterOf, type SalesFilterForm } from '../lib/salesFilterForm';
import { saveFile } from '../lib/saveFile';
import { useStatus } from '../state/status';
import { Dialog } from './Dialog';
import { ErrorNote } from './ErrorNote';
import { SaleDetailPanel } from './SaleDetailPanel';
import { useDialogKeys } from './useDialogKeys';
import '../styles/salesQuery.css';

/** Rows a page shows: ten fit the dialog at 1366×768 with the filter above them. */
const PAGE_SIZE = 10;

/**
 * Manager (from the manager menu): past sales at this till by member, days, amount, cashier and
 * refunds; a page at a time with the whole filter's totals, the CSV of every row, and a sale's
 * detail with its receipt reprinted. Enter searches, Esc leaves the detail, then the dialog.
 */
export function SalesQueryDialog({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const currency = useStatus((s) => s.status?.currency ?? 'CNY');
  const [form, setForm] = useState<SalesFilterForm>(emptySalesFilterForm);
  const [staff, setStaff] = useState<StaffView[]>([]);
  const [filter, setFilter] = useState<SalesFilter>({});
  /** Where each page so far started: the first at the top, then each page's `next`. */
  const [starts, setStarts] = useState<(SalesCursor | undefined)[]>([undefined]);
  const [result, setResult] = useState<SalesPage | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [detail, setDetail] = useState<string | null>(null);
  const escape = useCallback(() => (detail ? setDetail(null) : onClose()), [detail, onClose]);
  useDialogKeys(escape);

  const at = starts[starts.length - 1];
  useEffect(() => {
    let live = true;
    void api.findSales({ filter, pageSize: PAGE_SIZE, ...(at ? { after: at } : {}) }).then((answer) => {
      if (!live) return;
      setError(answer.ok ? null : answer.error);
      if (!answer.ok) return;
      setResult(answer.value);
      // The days the till read (today when none were given) stand in the fields.
      const { fromDay, toDay } = answer.value;
      setForm((f) => ({ ...f, fromDay: f.fromDay || fromDay, toDay: f.toDay || toDay }));
    });
    return () => {
      live = false;
    };
  }, [filter, at]);
  useEffect(() => {
    void api.listStaff({}).then((answer) => answer.ok && setStaff(answer.value));
  }, []);

  const set = (key: keyof SalesFilterForm) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const search = (e?: FormEvent) => {
    e?.preventDefault();
    setNote(null);
    const read = salesFilterOf(form, currency);
    if (!read.ok) {
      setError(null);
      const field = t(read.field === 'minTotal' ? 'salesQuery.minTotal' : 'salesQuery.maxTotal');
      setNote(`${field}: ${t('salesQuery.amountInvalid')}`);
      return;
    }
    setFilter(read.filter);
    setStarts([undefined]);
  };
  const exportCsv = async () => {
    const answer = await api.exportSales({ filter });
    setError(answer.ok ? null : answer.error);
    if (!answer.ok) return;
    saveFile(answer.value.fileName, 'text/csv;charset=utf-8', answer.value.csv);
    setNote(t('salesQuery.csvSaved', { rows: answer.value.rows, file: answer.value.fileName }));
  };
  const money = (minor: number) => formatMoney(minor, result?.currency ?? currency, locale);
  const n = (count: number) => integer(count, locale);

  if (detail) return <SaleDetailPanel saleId={detail} onBack={() => setDetail(null)} />;
  return (
    <Dialog title={t('salesQuery.title')} wide className="sales-query">
      <div data-testid="sales-query">
        <form className="sales-query__filter" onSubmit={search} data-testid="sales-filter">
          <label>
            <span>{t('salesQuery.fromDay')}</span>
            <input type="date" value={form.fromDay} onChange={(e) => set('fromDay')(e.target.value)} name="fromDay" />
          </label>
          <label>
            <span>{t('salesQuery.toDay')}</span>
            <input type="date" value={form.toDay} onChange={(e) => set('toDay')(e.target.value)} name="toDay" />
          </label>
          <label className="sales-query__member">
            <span>{t('salesQuery.member')}</span>
            <input
              value={form.member}
              onChange={(e) => set('member')(e.target.value)}
              placeholder={t('salesQuery.memberHint')}
              name="member"
              data-autofocus
            />
          </label>
          <label>
            <span>{t('salesQuery.minTotal')}</span>
            <input
              value={form.minTotal}
              onChange={(e) => set('minTotal')(e.target.value)}
              inputMode="decimal"
              name="minTotal"
            />
          </label>
          <label>
            <span>{t('salesQuery.maxTotal')}</span>
            <input
              value={form.maxTotal}
              onChange={(e) => set('maxTotal')(e.target.value)}
              inputMode="decimal"
              name="maxTotal"
            />
          </label>
          <label>
            <span>{t('salesQuery.cashier')}</span>
            <select value={form.staffId} onChange={(e) => set('staffId')(e.target.value)} name="staffId">
              <option value="">{t('salesQuery.anyCashier')}</option>
              {staff.map((s) => (
                <option key={s.staffId} value={s.staffId}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{t('salesQuery.refunded')}</span>
            <select value={form.refunded} onChange={(e) => set('refunded')(e.target.value)} name="refunded">
              <option value="any">{t('salesQuery.refundedAny')}</option>
              <option value="yes">{t('salesQuery.refundedYes')}</option>
              <option value="no">{t('salesQuery.refundedNo')}</option>
            </select>
          </label>
          <div className="sales-query__go">
            <button type="submit" className="primary" data-testid="sales-search">
              {t('salesQuery.search')} <kbd>Enter</kbd>
            </button>
          </div>
        </form>
        {error && <ErrorNote error={error} />}
        {note && (
          <p className="muted" role="status" data-testid="sales-note">
            {note}
          </p>
        )}
        {result && (
          <>
            <p className="sales-query__totals" data-testid="sales-totals">
              {t('salesQuery.totals', {
                count: n(result.totals.count),
                amount: money(result.totals.amountMinor),
                refunded: money(result.totals.refundedMinor),
              })}
            </p>
            {result.rows.length === 0 ? (
              <p className="muted">{t('salesQuery.none')}</p>
            ) : (
              <table className="grid sales-query__rows" data-testid="sales-rows">
                <thead>
                  <tr>
                    <th>{t('salesQuery.time')}</th>
                    <th>{t('salesQuery.saleNo')}</th>
                    <th>{t('salesQuery.memberCol')}</th>
                    <th>{t('salesQuery.cashierCol')}</th>
                    <th className="num">{t('salesQuery.total')}</th>
                    <th className="num">{t('salesQuery.points')}</th>
                    <th className="num">{t('salesQuery.refundedCol')}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.rows.map((r) => (
                    <tr
                      key={r.saleId}
                      tabIndex={0}
                      data-sale={r.saleId}
                      onClick={() => setDetail(r.saleId)}
                      onKeyDown={(e) => {
                        if (e.key !== 'Enter') return;
                        // Not left to the browser: its Enter would also press the detail's focused button.
                        e.preventDefault();
                        setDetail(r.saleId);
                      }}
                    >
                      <td>{dateTime(r.createdAt, locale)}</td>
                      <td className="mono">{r.saleId.slice(0, 8).toUpperCase()}</td>
                      <td>
                        {r.memberId === null ? (
                          <span className="muted">{t('salesQuery.anonymous')}</span>
                        ) : (
                          <>
                            <bdi>{r.memberName ?? ''}</bdi> <span className="mono muted">{r.cardMasked}</span>
                          </>
                        )}
                      </td>
                      <td>
                        <bdi>{r.cashierName ?? t('salesQuery.unknownStaff')}</bdi>
                      </td>
                      <td className="num">{money(r.totalMinor)}</td>
                      <td className="num">
                        +{n(r.pointsEarned)}
                        {r.pointsSpent > 0 && ` −${n(r.pointsSpent)}`}
                      </td>
                      <td className="num">{r.refundedMinor > 0 ? money(r.refundedMinor) : ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </>
        )}
        <div className="form__actions">
          <span className="muted">{t('salesQuery.pageOf', { page: starts.length })}</span>
          <button type="button" disabled={starts.length < 2} onClick={() => setStarts((s) => s.slice(0, -1))}>
            {t('salesQuery.previous')}
          </button>
          <button
            type="button"
            disabled={!result?.next}
            data-testid="sales-next"
            onClick={() => result?.next && setStarts((s) => [...s, result.next ?? undefined])}
          >
            {t('salesQuery.next')}
          </button>
          <button
            type="button"
            disabled={!result || result.totals.count === 0}
            onClick={exportCsv}
            data-testid="sales-csv"
          >
            {t('salesQuery.csv')}
          </button>
          <button type="button" onClick={onClose}>
            {t('salesQuery.close')} <kbd>Esc</kbd>
          </button>
        </div>
      </div>
    </Dialog>
  );
}

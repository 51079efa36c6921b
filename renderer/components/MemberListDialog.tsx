import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberListFilter, MemberListPage, MemberListSort } from '../../shared/contract/memberList';
import { MEMBER_LIST_SORTS } from '../../shared/contract/memberList';
import { formatCardNumber } from '../../shared/domain/cardNumber';
import type { ApiError } from '../../shared/contract/errors';
import type { MemberListColumn } from '../../shared/contract/memberListColumns';
import type { TierView } from '../../shared/contract/terminal';
import { api } from '../api/tillApi';
import { focusScan } from '../lib/focus';
import { integer } from '../lib/format';
import { saveFile } from '../lib/saveFile';
import { useMember } from '../state/member';
import { Dialog } from './Dialog';
import { ErrorNote } from './ErrorNote';
import { DEFAULT_SORT, EMPTY_DRAFT, filterOf, type FilterDraft } from './memberListForm';
import { useDialogKeys } from './useDialogKeys';

const PAGE_SIZE = 20;
const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
const SORT_LABEL = {
  name: 'memberList.sortName',
  balance: 'memberList.sortBalance',
  lastVisit: 'memberList.sortLastVisit',
  joined: 'memberList.sortJoined',
} as const;

/** A day in the cashier's language. */
function dayOf(epochMs: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(epochMs);
}

/**
 * Manager (from the manager menu): the till's members by tier, last visit, balance and birthday month,
 * a page at a time, the filter's count, its CSV; a row opens that member in the till's member panel.
 */
export function MemberListDialog({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const select = useMember((s) => s.select);
  const [tiers, setTiers] = useState<TierView[]>([]);
  const [draft, setDraft] = useState<FilterDraft>(EMPTY_DRAFT);
  const [filter, setFilter] = useState<MemberListFilter>({});
  const [sort, setSort] = useState<MemberListSort>(DEFAULT_SORT);
  const [page, setPage] = useState(0);
  const [result, setResult] = useState<MemberListPage | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [note, setNote] = useState<string | null>(null);
  useDialogKeys(onClose);

  useEffect(() => {
    void api.listTiers({}).then((r) => r.ok && setTiers(r.value));
  }, []);
  useEffect(() => {
    let live = true;
    void api.listMembers({ filter, sort, page, pageSize: PAGE_SIZE }).then((r) => {
      if (!live) return;
      if (r.ok) setResult(r.value);
      setError(r.ok ? null : r.error);
    });
    return () => {
      live = false;
    };
  }, [filter, sort, page]);

  const edit = <K extends keyof FilterDraft>(key: K, value: FilterDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const apply = () => {
    setFilter(filterOf(draft));
    setPage(0);
    setNote(null);
  };
  const reset = () => {
    setDraft(EMPTY_DRAFT);
    setFilter({});
    setPage(0);
  };
  const exportCsv = async () => {
    const r = await api.exportMemberList({ filter, sort });
    setError(r.ok ? null : r.error);
    if (!r.ok) return;
    saveFile(r.value.fileName, 'text/csv', r.value.csv);
    setNote(t('memberList.saved', { file: r.value.fileName, rows: r.value.rows }));
  };
  const open = (memberId: string) => {
    onClose();
    void select(memberId).then(focusScan);
  };
  const pages = result ? Math.max(1, Math.ceil(result.total / PAGE_SIZE)) : 1;
  const col = (key: MemberListColumn) => t(`memberList.columns.${key}`);

  return (
    <Dialog title={t('memberList.title')} wide className="member-list">
      <div data-testid="member-list">
        <form
          className="member-list__filters"
          aria-label={t('memberList.filters')}
          onSubmit={(e) => {
            e.preventDefault();
            apply();
          }}
        >
          <label className="field">
            <span>{t('memberList.tier')}</span>
            <select value={draft.tierCode} onChange={(e) => edit('tierCode', e.target.value)} data-testid="ml-tier">
              <option value="">{t('memberList.anyTier')}</option>
              {tiers.map((tier) => (
                <option key={tier.code} value={tier.code}>
                  {tier.name}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('memberList.lastVisit')}</span>
            <select
              value={draft.visit}
              onChange={(e) => edit('visit', e.target.value as FilterDraft['visit'])}
              data-testid="ml-visit"
            >
              <option value="">{t('memberList.anyVisit')}</option>
              <option value="within">{t('memberList.within', { days: 'N' })}</option>
              <option value="notWithin">{t('memberList.notWithin', { days: 'N' })}</option>
              <option value="between">{t('memberList.between')}</option>
            </select>
          </label>
          {(draft.visit === 'within' || draft.visit === 'notWithin') && (
            <label className="field">
              <span>{t('memberList.days')}</span>
              <input
                type="number"
                min={1}
                value={draft.days}
                onChange={(e) => edit('days', e.target.value)}
                data-testid="ml-days"
              />
            </label>
          )}
          {draft.visit === 'between' && (
            <>
              <label className="field">
                <span>{t('memberList.from')}</span>
                <input
                  type="date"
                  value={draft.from}
                  onChange={(e) => edit('from', e.target.value)}
                  data-testid="ml-from"
                />
              </label>
              <label className="field">
                <span>{t('memberList.to')}</span>
                <input type="date" value={draft.to} onChange={(e) => edit('to', e.target.value)} data-testid="ml-to" />
              </label>
            </>
          )}
          <label className="field">
            <span>{t('memberList.balanceMin')}</span>
            <input
              type="number"
              value={draft.balanceMin}
              onChange={(e) => edit('balanceMin', e.target.value)}
              data-testid="ml-balance-min"
            />
          </label>
          <label className="field">
            <span>{t('memberList.balanceMax')}</span>
            <input
              type="number"
              value={draft.balanceMax}
              onChange={(e) => edit('balanceMax', e.target.value)}
              data-testid="ml-balance-max"
            />
          </label>
          <label className="field">
            <span>{t('memberList.birthdayMonth')}</span>
            <select
              value={draft.birthdayMonth}
              onChange={(e) => edit('birthdayMonth', e.target.value)}
              data-testid="ml-month"
            >
              <option value="">{t('memberList.anyMonth')}</option>
              {MONTHS.map((m) => (
                <option key={m} value={String(m)}>
                  {t('memberList.month', { month: m })}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('memberList.sortBy')}</span>
            <select
              value={sort.by}
              onChange={(e) => {
                const by = MEMBER_LIST_SORTS.find((s) => s === e.target.value) ?? 'name';
                setSort((s) => ({ ...s, by }));
                setPage(0);
              }}
              data-testid="ml-sort"
            >
              {MEMBER_LIST_SORTS.map((by) => (
                <option key={by} value={by}>
                  {t(SORT_LABEL[by])}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>&nbsp;</span>
            <select
              value={sort.direction}
              onChange={(e) => {
                const direction = e.target.value === 'desc' ? 'desc' : 'asc';
                setSort((s) => ({ ...s, direction }));
                setPage(0);
              }}
              aria-label={t('memberList.sortBy')}
              data-testid="ml-direction"
            >
              <option value="asc">{t('memberList.ascending')}</option>
              <option value="desc">{t('memberList.descending')}</option>
            </select>
          </label>
          <div className="member-list__buttons">
            <button type="submit" className="primary" data-testid="ml-apply">
              {t('memberList.apply')}
            </button>
            <button type="button" onClick={reset} data-testid="ml-reset">
              {t('memberList.reset')}
            </button>
          </div>
        </form>
        {error && <ErrorNote error={error} onDismiss={() => setError(null)} />}
        <p className="member-list__count">
          <strong data-testid="ml-count" data-total={result?.total ?? ''}>
            {t('memberList.count', { n: integer(result?.total ?? 0, locale) })}
          </strong>
          <span className="muted"> · {t('memberList.openHint')}</span>
        </p>
        {result && result.rows.length === 0 ? (
          <p className="muted">{t('memberList.empty')}</p>
        ) : (
          <table className="grid member-list__table" data-testid="ml-table">
            <thead>
              <tr>
                <th>{col('cardNumber')}</th>
                <th>{col('name')}</th>
                <th>{col('phone')}</th>
                <th>{col('tier')}</th>
                <th className="num">{col('balance')}</th>
                <th>{col('lastVisit')}</th>
                <th>{col('joined')}</th>
                <th className="num">{col('birthdayMonth')}</th>
              </tr>
            </thead>
            <tbody>
              {result?.rows.map((r) => (
                <tr
                  key={r.memberId}
                  tabIndex={0}
                  className="member-list__row"
                  data-member={r.memberId}
                  onClick={() => open(r.memberId)}
                  onKeyDown={(e) => e.key === 'Enter' && open(r.memberId)}
                >
                  <td className="mono">{formatCardNumber(r.cardNumber)}</td>
                  <td>
                    <bdi>{r.name}</bdi>
                  </td>
                  <td>{r.phoneMasked}</td>
                  <td>
                    <bdi>{r.tier?.name ?? t('memberList.none')}</bdi>
                  </td>
                  <td className="num">{integer(r.balance, locale)}</td>
                  <td>{r.lastVisitAt === null ? t('memberList.never') : dayOf(r.lastVisitAt, locale)}</td>
                  <td>{dayOf(r.joinedAt, locale)}</td>
                  <td className="num">{r.birthdayMonth ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {note && (
          <p role="status" data-testid="ml-note">
            {note}
          </p>
        )}
        <div className="pager">
          <button type="button" disabled={page === 0} onClick={() => setPage(page - 1)} data-testid="ml-prev">
            {t('memberList.previous')}
          </button>
          <span data-testid="ml-page">{t('memberList.page', { page: page + 1, pages })}</span>
          <button type="button" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)} data-testid="ml-next">
            {t('memberList.next')}
          </button>
          <button type="button" onClick={() => void exportCsv()} data-testid="ml-csv">
            {t('memberList.csv')}
          </button>
          <button type="button" onClick={onClose}>
            {t('memberList.close')} <kbd>Esc</kbd>
          </button>
        </div>
      </div>
    </Dialog>
  );
}

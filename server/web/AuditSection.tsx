import { auditActionLabel } from '../../shared/contract/auditActionText';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { HEAD_OFFICE_CHAIN, type AuditChainRow, type AuditEntry, type HeadOfficeChain } from '../../shared/admin/audit';
import { sessionClient } from './api';
import { count, dateTime } from './format';
import { text, type Lang, type TextKey } from './text';

const PAGE_SIZE = 50;
const DAY_MS = 86_400_000;

interface Filters {
  staffId: string;
  memberId: string;
  shopId: string;
  from: string;
  to: string;
}
const noFilters: Filters = { staffId: '', memberId: '', shopId: '', from: '', to: '' };

/** Year-month-day as typed in either language (2025-03-01, 2025/3/1, 2025年3月1日). */
const DAY_TEXT = /^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$/;

/** A typed day → that day's first millisecond in this browser's time zone (undefined: empty or not a day). */
function dayStart(day: string): number | undefined {
  const m = DAY_TEXT.exec(day);
  if (!m) return undefined;
  const [year, month, date] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const start = new Date(year, month - 1, date);
  return start.getMonth() === month - 1 && start.getDate() === date ? start.getTime() : undefined;
}
const badDay = (day: string): boolean => day.trim() !== '' && dayStart(day) === undefined;

function queryOf(f: Filters, page: number) {
  const from = dayStart(f.from);
  const toDay = dayStart(f.to);
  return {
    ...(f.staffId.trim() ? { staffId: f.staffId.trim() } : {}),
    ...(f.memberId.trim() ? { memberId: f.memberId.trim() } : {}),
    ...(f.shopId.trim() ? { shopId: f.shopId.trim() } : {}),
    ...(from === undefined ? {} : { from }),
    ...(toDay === undefined ? {} : { to: toDay + DAY_MS }),
    page,
    pageSize: PAGE_SIZE,
  };
}

const terminalName = (c: AuditChainRow) => `${c.shopId} · ${c.terminalCode}${c.name ? ` · ${c.name}` : ''}`;

/** Head office's audit section: each terminal's chain check, and the search by person, member, shop and dates. */
export function AuditSection({ lang }: { lang: Lang }) {
  const t = useCallback((key: TextKey, params?: Record<string, string | number>) => text(lang, key, params), [lang]);
  const [chains, setChains] = useState<AuditChainRow[]>([]);
  const [headOffice, setHeadOffice] = useState<HeadOfficeChain | null>(null);
  const [filters, setFilters] = useState<Filters>(noFilters);
  const [page, setPage] = useState(1);
  const [result, setResult] = useState<{ entries: AuditEntry[]; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const search = useCallback(async (f: Filters, p: number) => {
    const admin = sessionClient(null);
    try {
      const [found, checked] = await Promise.all([
        admin.call('searchAudit', { query: queryOf(f, p) }),
        admin.call('auditChains'),
      ]);
      setResult({ entries: found.entries, total: found.total });
      setChains(checked.chains);
      setHeadOffice(checked.headOffice);
      setPage(p);
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, []);
  useEffect(() => {
    void search(noFilters, 1);
  }, [search]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (badDay(filters.from) || badDay(filters.to)) return setError(t('auditBadDay'));
    void search(filters, 1);
  };
  // Dates are year-month-day text: a date picker shows the browser's order (mm/dd/yyyy) whatever the page's language.
  const field = (key: keyof Filters, label: TextKey, day = false) => (
    <label>
      {t(label)}
      <input
        type="text"
        name={key}
        maxLength={64}
        {...(day
          ? { placeholder: t('auditDayFormat'), inputMode: 'numeric' as const, 'aria-invalid': badDay(filters[key]) }
          : {})}
        value={filters[key]}
        onChange={(e) => setFilters({ ...filters, [key]: e.target.value })}
      />
    </label>
  );
  const pages = Math.max(1, Math.ceil((result?.total ?? 0) / PAGE_SIZE));
  return (
    <section aria-labelledby="audit-h" data-testid="audit">
      <h2 id="audit-h">{t('audit')}</h2>
      <p className="muted">{t('auditHint')}</p>
      <h3>{t('auditChains')}</h3>
      {headOffice && (
        <p data-testid="head-office-chain" className={headOffice.problems > 0 ? 'bad' : ''}>
          {headOffice.problems === 0
            ? t('auditIntact', { terminal: t('auditHeadOffice'), rows: count(headOffice.rows, lang) })
            : t('auditBroken', {
                terminal: t('auditHeadOffice'),
                problems: headOffice.problems,
                seq: headOffice.firstProblemSeq ?? 0,
                problem: headOffice.firstProblem ? t(headOffice.firstProblem) : '',
              })}
        </p>
      )}
      {chains.length === 0 && <p className="muted">{t('auditNoTerminals')}</p>}
      <ul data-testid="audit-chains">
        {chains.map((c) => (
          <li key={c.terminalId} data-terminal-code={c.terminalCode} className={c.problems > 0 ? 'bad' : ''}>
            {c.problems === 0
              ? t('auditIntact', { terminal: terminalName(c), rows: count(c.rows, lang) })
              : t('auditBroken', {
                  terminal: terminalName(c),
                  problems: c.problems,
                  seq: c.firstProblemSeq ?? 0,
                  problem: c.firstProblem ? t(c.firstProblem) : '',
                })}
          </li>
        ))}
      </ul>
      <form className="office__search" onSubmit={submit}>
        {field('staffId', 'auditStaff')}
        {field('memberId', 'auditMember')}
        {field('shopId', 'auditShop')}
        {field('from', 'auditFrom', true)}
        {field('to', 'auditTo', true)}
        <button type="submit" className="primary">
          {t('auditSearch')}
        </button>
      </form>
      {error && (
        <p className="office__error" role="alert">
          {t('unexpected', { message: error })}
        </p>
      )}
      {result && result.entries.length === 0 && <p className="muted">{t('none')}</p>}
      {result && result.entries.length > 0 && (
        <table data-testid="audit-rows">
          <thead>
            <tr>
              <th>{t('auditWhen')}</th>
              <th>{t('shop')}</th>
              <th>{t('terminal')}</th>
              <th>{t('auditStaff')}</th>
              <th>{t('auditAction')}</th>
              <th>{t('auditMember')}</th>
              <th>{t('auditSubject')}</th>
              <th>{t('detail')}</th>
              <th>{t('auditCheck')}</th>
            </tr>
          </thead>
          <tbody>
            {result.entries.map((e) => (
              <tr key={`${e.terminalId}:${e.seq}`} data-action={e.action} className={e.problem ? 'bad' : ''}>
                <td>{dateTime(e.at, lang, '')}</td>
                <td>{e.shopId}</td>
                <td>
                  {e.terminalId === HEAD_OFFICE_CHAIN
                    ? t('auditHeadOfficeChain')
                    : (chains.find((c) => c.terminalId === e.terminalId)?.terminalCode ?? e.terminalId.slice(0, 8))}
                </td>
                <td>{e.staffId ?? '—'}</td>
                <td>{auditActionLabel(lang, e.action)}</td>
                <td>{e.memberId ?? ''}</td>
                <td>{e.subject ?? ''}</td>
                <td>
                  {Object.entries(e.details)
                    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
                    .join(' · ')}
                </td>
                <td>{e.problem ? t(e.problem) : t('auditOk')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {result && (
        <p className="office__pager">
          <span className="muted">{t('auditTotal', { total: count(result.total, lang), page, pages })}</span>{' '}
          <button type="button" disabled={page <= 1} onClick={() => void search(filters, page - 1)}>
            {t('auditNewer')}
          </button>{' '}
          <button type="button" disabled={page >= pages} onClick={() => void search(filters, page + 1)}>
            {t('auditOlder')}
          </button>
        </p>
      )}
    </section>
  );
}

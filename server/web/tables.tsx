import type { CardConflictRow } from '../../shared/admin/answers';
import type { DayCloseRow, FlagRow, QuarantineRow, TerminalRow } from './api';
import { amount, count, dateTime, duration } from './format';
import type { ReactNode } from 'react';
import { text, type Lang, type TextKey } from './text';

// The page's tables. Terminal ids are long UUIDs: rows name the shop and terminal code instead.

function terminalLabel(terminals: TerminalRow[], id: string): string {
  const row = terminals.find((r) => r.id === id);
  return row ? `${row.shopName ?? row.shopId} · ${row.terminalCode}` : id.slice(0, 8);
}

export function TerminalsTable({ lang, rows }: { lang: Lang; rows: TerminalRow[] }) {
  const t = (k: Parameters<typeof text>[1]) => text(lang, k);
  if (rows.length === 0) return <p className="muted">{t('noTerminals')}</p>;
  return (
    <table data-testid="terminals">
      <thead>
        <tr>
          <th>{t('shop')}</th>
          <th>{t('terminal')}</th>
          <th>{t('status')}</th>
          <th>{t('lastSeen')}</th>
          <th className="num">{t('received')}</th>
          <th className="num">{t('derived')}</th>
          <th className="num">{t('derivationLag')}</th>
          <th className="num">{t('waiting')}</th>
          <th>{t('oldestWaiting')}</th>
          <th>{t('lag')}</th>
          <th className="num">{t('quarantined')}</th>
          <th>{t('lastClose')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} data-terminal-code={r.terminalCode} className={r.status === 'revoked' ? 'row--revoked' : ''}>
            <td>
              {r.shopName ?? r.shopId} <span className="muted">({r.shopId})</span>
            </td>
            <td>
              {r.terminalCode}
              {r.name ? ` · ${r.name}` : ''}
            </td>
            <td>{r.status === 'revoked' ? t('revoked') : t('active')}</td>
            <td>{dateTime(r.lastSeenAt, lang, t('never'))}</td>
            <td className="num" data-testid="received">
              {count(r.ackedSeq, lang)}
            </td>
            {/* Received = stored and acknowledged; derived = applied to sales, ledger and the pull feed. */}
            <td className="num" data-testid="derived">
              {count(r.derivedSeq, lang)}
            </td>
            <td className={`num${r.derivationLag > 0 ? ' warn' : ''}`} data-testid="derivation-lag">
              {count(r.derivationLag, lang)}
            </td>
            <td className={`num${(r.reportedPending ?? 0) > 0 ? ' warn' : ''}`} data-testid="waiting">
              {r.reportedPending === null ? '—' : count(r.reportedPending, lang)}
            </td>
            <td>{r.oldestPendingAt === null ? '—' : dateTime(r.oldestPendingAt, lang, '')}</td>
            <td>{duration(r.syncLagMs, t('never'))}</td>
            <td className={`num${r.quarantined > 0 ? ' bad' : ''}`}>{count(r.quarantined, lang)}</td>
            <td>
              {r.lastCloseDay === null
                ? '—'
                : `${r.lastCloseDay} · ${r.lastCloseMatches ? t('matches') : t('differs')}`}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function DayClosesTable({
  lang,
  rows,
  terminals,
}: {
  lang: Lang;
  rows: DayCloseRow[];
  terminals: TerminalRow[];
}) {
  const t = (k: Parameters<typeof text>[1]) => text(lang, k);
  if (rows.length === 0) return <p className="muted">{t('none')}</p>;
  // Each figure as "terminal / head office" when they differ, once when they agree.
  const pair = (a: number, b: number, show: (n: number) => string) => (a === b ? show(a) : `${show(a)} / ${show(b)}`);
  return (
    <table data-testid="day-closes">
      <thead>
        <tr>
          <th>{t('day')}</th>
          <th>{t('terminal')}</th>
          <th className="num">{t('sales')}</th>
          <th className="num">{t('amount')}</th>
          <th className="num">{t('earned')}</th>
          <th className="num">{t('spent')}</th>
          <th>{t('result')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const { reported: a, computed: b } = r;
          return (
            <tr key={`${r.terminalId}-${r.businessDay}`} className={r.matches ? '' : 'row--bad'}>
              <td>{r.businessDay}</td>
              <td>{terminalLabel(terminals, r.terminalId)}</td>
              <td className="num">{pair(a.saleCount, b.saleCount, (n) => count(n, lang))}</td>
              <td className="num">{pair(a.salesTotalMinor, b.salesTotalMinor, (n) => amount(n, r.currency, lang))}</td>
              <td className="num">{pair(a.pointsEarned, b.pointsEarned, (n) => count(n, lang))}</td>
              <td className="num">{pair(a.pointsSpent, b.pointsSpent, (n) => count(n, lang))}</td>
              <td>{r.matches ? t('matches') : `${t('differs')} (${t('reportedBy')} / ${t('computedAt')})`}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** One column of a plain table: its heading, its cell, and whether it holds a figure (right-aligned). */
interface Column<R> {
  head: TextKey;
  cell: (row: R) => ReactNode;
  num?: boolean;
  /** A cell's own class, e.g. a figure shown as a problem. */
  className?: string;
}

/** A plain table of rows, or the "none" line when there are none: the page's lists that need nothing more. */
function DataTable<R>(props: {
  lang: Lang;
  testId: string;
  rows: R[];
  rowKey: (row: R) => string;
  columns: Column<R>[];
}) {
  const { lang, testId, rows, rowKey, columns } = props;
  if (rows.length === 0) return <p className="muted">{text(lang, 'none')}</p>;
  const classOf = (c: Column<R>) => [c.num ? 'num' : '', c.className ?? ''].join(' ').trim() || undefined;
  return (
    <table data-testid={testId}>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.head} className={c.num ? 'num' : undefined}>
              {text(lang, c.head)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={rowKey(r)}>
            {columns.map((c) => (
              <td key={c.head} className={classOf(c)}>
                {c.cell(r)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Where a record came from: the terminal's shop and code, and the record's number there. */
const fromTerminal = (terminals: TerminalRow[], terminalId: string, seq: number) =>
  `${terminalLabel(terminals, terminalId)} #${seq}`;

export function FlagsTable({ lang, rows, terminals }: { lang: Lang; rows: FlagRow[]; terminals: TerminalRow[] }) {
  return (
    <DataTable
      lang={lang}
      testId="balance-flags"
      rows={rows}
      rowKey={(r) => String(r.id)}
      columns={[
        { head: 'member', cell: (r) => <code>{r.memberId}</code> },
        { head: 'balanceAtFlag', num: true, className: 'bad', cell: (r) => count(r.balanceAtFlag, lang) },
        { head: 'terminal', cell: (r) => fromTerminal(terminals, r.terminalId, r.seq) },
        { head: 'flaggedAt', cell: (r) => dateTime(r.flaggedAt, lang, '') },
      ]}
    />
  );
}

export function QuarantineTable(props: { lang: Lang; rows: QuarantineRow[]; terminals: TerminalRow[] }) {
  const { lang, rows, terminals } = props;
  return (
    <DataTable
      lang={lang}
      testId="quarantine"
      rows={rows}
      rowKey={(r) => String(r.id)}
      columns={[
        { head: 'terminal', cell: (r) => fromTerminal(terminals, r.terminalId, r.seq) },
        {
          head: 'record',
          cell: (r) => (
            <>
              {r.type} <code>{r.recordId}</code>
            </>
          ),
        },
        { head: 'reason', cell: (r) => r.reason },
        { head: 'detail', cell: (r) => r.detail },
        { head: 'receivedAt', cell: (r) => dateTime(r.receivedAt, lang, '') },
      ]}
    />
  );
}

/** Card numbers head office received a second time, for another member. */
export function CardConflictsTable(props: { lang: Lang; rows: CardConflictRow[]; terminals: TerminalRow[] }) {
  const { lang, rows, terminals } = props;
  return (
    <DataTable
      lang={lang}
      testId="card-conflicts"
      rows={rows}
      rowKey={(r) => String(r.id)}
      columns={[
        { head: 'cardNumber', cell: (r) => <code>{r.cardNumber}</code> },
        { head: 'member', cell: (r) => <code>{r.memberId}</code> },
        { head: 'cardHolder', cell: (r) => <code>{r.holderMemberId}</code> },
        { head: 'terminal', cell: (r) => fromTerminal(terminals, r.terminalId, r.seq) },
        { head: 'registeredAt', cell: (r) => dateTime(r.at, lang, '') },
      ]}
    />
  );
}

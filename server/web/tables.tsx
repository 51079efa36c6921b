import type { CardConflictRow } from '../../shared/admin/answers';
import type { DayCloseRow, FlagRow, QuarantineRow, TerminalRow } from './api';
import { amount, count, dateTime, duration } from './format';
import { text, type Lang } from './text';

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

export function FlagsTable({ lang, rows, terminals }: { lang: Lang; rows: FlagRow[]; terminals: TerminalRow[] }) {
  const t = (k: Parameters<typeof text>[1]) => text(lang, k);
  if (rows.length === 0) return <p className="muted">{t('none')}</p>;
  return (
    <table data-testid="balance-flags">
      <thead>
        <tr>
          <th>{t('member')}</th>
          <th className="num">{t('balanceAtFlag')}</th>
          <th>{t('terminal')}</th>
          <th>{t('flaggedAt')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <td>
              <code>{r.memberId}</code>
            </td>
            <td className="num bad">{count(r.balanceAtFlag, lang)}</td>
            <td>
              {terminalLabel(terminals, r.terminalId)} #{r.seq}
            </td>
            <td>{dateTime(r.flaggedAt, lang, '')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function QuarantineTable({
  lang,
  rows,
  terminals,
}: {
  lang: Lang;
  rows: QuarantineRow[];
  terminals: TerminalRow[];
}) {
  const t = (k: Parameters<typeof text>[1]) => text(lang, k);
  if (rows.length === 0) return <p className="muted">{t('none')}</p>;
  return (
    <table data-testid="quarantine">
      <thead>
        <tr>
          <th>{t('terminal')}</th>
          <th>{t('record')}</th>
          <th>{t('reason')}</th>
          <th>{t('detail')}</th>
          <th>{t('receivedAt')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <td>
              {terminalLabel(terminals, r.terminalId)} #{r.seq}
            </td>
            <td>
              {r.type} <code>{r.recordId}</code>
            </td>
            <td>{r.reason}</td>
            <td>{r.detail}</td>
            <td>{dateTime(r.receivedAt, lang, '')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Card numbers head office received a second time, for another member. */
export function CardConflictsTable({
  lang,
  rows,
  terminals,
}: {
  lang: Lang;
  rows: CardConflictRow[];
  terminals: TerminalRow[];
}) {
  const t = (k: Parameters<typeof text>[1]) => text(lang, k);
  if (rows.length === 0) return <p className="muted">{t('none')}</p>;
  return (
    <table data-testid="card-conflicts">
      <thead>
        <tr>
          <th>{t('cardNumber')}</th>
          <th>{t('member')}</th>
          <th>{t('cardHolder')}</th>
          <th>{t('terminal')}</th>
          <th>{t('registeredAt')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <td>
              <code>{r.cardNumber}</code>
            </td>
            <td>
              <code>{r.memberId}</code>
            </td>
            <td>
              <code>{r.holderMemberId}</code>
            </td>
            <td>
              {terminalLabel(terminals, r.terminalId)} #{r.seq}
            </td>
            <td>{dateTime(r.at, lang, '')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

import type { TerminalRow } from '../../../shared/admin/answers';
import { PROTOCOL_VERSION } from '../../../shared/sync/protocol';
import type { Session } from '../api';
import { sessionClient } from '../api';
import { count, dateTime } from '../format';
import type { Lang } from '../text';
import { terminalActions } from './advice';
import { shopsText, type ShopsTextKey } from './shopsText';
import type { ShopsRun } from './useShopsAction';

/**
 * A shop's terminals: code, name, last seen, what waits at the till and at head office, the protocol
 * it spoke, its status; and the buttons its role may press (apply now, revoke with a typed code).
 */
export function TerminalsOfShop(props: {
  lang: Lang;
  session: Session;
  rows: TerminalRow[];
  run: ShopsRun;
  onRevoke: (terminal: TerminalRow) => void;
}) {
  const { lang, session, rows, run, onRevoke } = props;
  const t = (key: ShopsTextKey, params?: Record<string, string | number>) => shopsText(lang, key, params);
  const admin = sessionClient(session.csrfToken);
  const derive = () =>
    run(
      () => admin.call('derive'),
      (a) => t('derivedNote', { records: a.records, terminals: a.terminals, quarantined: a.quarantined }),
    );
  return (
    <>
      <table className="shops__terminals" data-testid="shop-terminals">
        <thead>
          <tr>
            <th>{t('terminalCode')}</th>
            <th>{t('terminalName')}</th>
            <th>{t('lastSeen')}</th>
            <th className="num">{t('pending')}</th>
            <th className="num">{t('notApplied')}</th>
            <th>{t('protocol')}</th>
            <th>{t('status')}</th>
            <th>{t('actions')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const actions = terminalActions(r, session.me.role);
            return (
              <tr key={r.id} data-terminal={r.terminalCode} className={r.status === 'revoked' ? 'shops__revoked' : ''}>
                <td>
                  <code>{r.terminalCode}</code>
                </td>
                <td>
                  <bdi>{r.name ?? '—'}</bdi>
                </td>
                <td>{dateTime(r.lastSeenAt, lang, t('never'))}</td>
                <td className={`num${(r.reportedPending ?? 0) > 0 ? ' warn' : ''}`}>
                  {r.reportedPending === null ? t('pendingUnknown') : count(r.reportedPending, lang)}
                </td>
                <td className={`num${r.derivationLag > 0 ? ' warn' : ''}`}>{count(r.derivationLag, lang)}</td>
                {/* Head office answers only its own protocol: a terminal it has seen spoke that one. */}
                <td>{r.lastSeenAt === null ? '—' : t('protocolSeen', { version: PROTOCOL_VERSION })}</td>
                <td data-testid="terminal-status">{r.status === 'revoked' ? t('revoked') : t('active')}</td>
                <td className="shops__actions">
                  {actions.includes('derive') && (
                    <>
                      <span className="muted">{t('deriveHint', { count: count(r.derivationLag, lang) })}</span>{' '}
                      <button type="button" onClick={() => void derive()}>
                        {t('deriveNow')}
                      </button>{' '}
                    </>
                  )}
                  {actions.includes('revoke') && (
                    <button type="button" data-testid="revoke" onClick={() => onRevoke(r)}>
                      {t('revoke')}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}

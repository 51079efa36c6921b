import type { QuarantineRow, TerminalRow } from '../../../shared/admin/answers';
import { NumericIdParams } from '../../../shared/admin/inputs';
import type { Session } from '../api';
import { sessionClient } from '../api';
import { dateTime } from '../format';
import type { Lang } from '../text';
import { quarantineAdvice } from './advice';
import { recordTypeText, shopsText, type ShopsTextKey } from './shopsText';
import type { ShopsRun } from './useShopsAction';

/**
 * A shop's records head office could not apply: each with its reason in plain words, what to do,
 * and the buttons the role may press (mark dealt with; revoke a copied till).
 */
export function QuarantineOfShop(props: {
  lang: Lang;
  session: Session;
  rows: QuarantineRow[];
  terminals: TerminalRow[];
  run: ShopsRun;
  onRevoke: (terminal: TerminalRow) => void;
}) {
  const { lang, session, rows, terminals, run, onRevoke } = props;
  const t = (key: ShopsTextKey, params?: Record<string, string | number>) => shopsText(lang, key, params);
  const admin = sessionClient(session.csrfToken);
  if (rows.length === 0) return <p className="muted">{t('noQuarantine')}</p>;
  const resolve = (row: QuarantineRow) => {
    const params = NumericIdParams.safeParse({ id: row.id });
    if (!params.success) return;
    void run(
      () => admin.call('resolveQuarantine', { params: { id: params.data.id } }),
      () => t('resolvedNote', { record: `#${row.seq}` }),
    );
  };
  return (
    <table data-testid="shop-quarantine">
      <thead>
        <tr>
          <th>{t('record')}</th>
          <th>{t('reason')}</th>
          <th>{t('actions')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const terminal = terminals.find((x) => x.id === r.terminalId);
          const advice = quarantineAdvice(r, session.me.role, terminal);
          return (
            <tr key={r.id} data-quarantine={r.reason}>
              <td className="shops__record">
                <code>{terminal?.terminalCode ?? r.terminalId.slice(0, 8)}</code> #{r.seq} ·{' '}
                {recordTypeText(lang, r.type)}
                <br />
                <span className="muted">{dateTime(r.receivedAt, lang, '')}</span>
              </td>
              <td className="shops__reason">
                <strong>{t(advice.reason)}</strong>
                {r.detail && <div className="shops__detail">{r.detail}</div>}
              </td>
              <td className="shops__todo">
                <p>{t(advice.todo)}</p>
                {advice.actions.includes('revoke') && terminal && (
                  <button type="button" onClick={() => onRevoke(terminal)}>
                    {t('revoke')}
                  </button>
                )}{' '}
                {advice.actions.includes('resolve') && (
                  <button type="button" data-testid="resolve" onClick={() => resolve(r)}>
                    {t('resolve')}
                  </button>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

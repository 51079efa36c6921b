import { useEffect, useState } from 'react';
import type { CardConflictRow, TerminalRow } from '../../shared/admin/answers';
import { sessionClient } from './api';
import { dateTime } from './format';
import { text, type Lang } from './text';

/**
 * Card numbers head office received a second time, for another member (two tills shared a terminal
 * code before head office gave codes): both members are kept; what to do is said above the list.
 */
export function CardConflictsSection({ lang, terminals, at }: { lang: Lang; terminals: TerminalRow[]; at: number }) {
  const t = (k: Parameters<typeof text>[1]) => text(lang, k);
  const [rows, setRows] = useState<CardConflictRow[] | null>(null);
  useEffect(() => {
    let live = true;
    sessionClient(null)
      .call('cardConflicts')
      .then((answer) => live && setRows(answer.conflicts))
      .catch(() => live && setRows(null));
    return () => {
      live = false;
    };
  }, [at]);
  const terminalName = (id: string) => terminals.find((x) => x.id === id)?.terminalCode ?? id;
  return (
    <section aria-labelledby="card-conflicts-h">
      <h2 id="card-conflicts-h">{t('cardConflicts')}</h2>
      <p className="muted">{t('cardConflictsHint')}</p>
      {rows === null || rows.length === 0 ? (
        <p className="muted">{t('none')}</p>
      ) : (
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
                  {terminalName(r.terminalId)} #{r.seq}
                </td>
                <td>{dateTime(r.at, lang, '')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

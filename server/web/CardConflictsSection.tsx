import { useEffect, useState } from 'react';
import type { CardConflictRow, TerminalRow } from '../../shared/admin/answers';
import { sessionClient } from './api';
import { CardConflictsTable } from './tables';
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
  return (
    <section aria-labelledby="card-conflicts-h">
      <h2 id="card-conflicts-h">{t('cardConflicts')}</h2>
      <p className="muted">{t('cardConflictsHint')}</p>
      <CardConflictsTable lang={lang} rows={rows ?? []} terminals={terminals} />
    </section>
  );
}

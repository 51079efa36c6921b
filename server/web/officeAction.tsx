import { useCallback, useState } from 'react';
import { AdminCallError } from '../../shared/admin/client';

/** What the last action of a section came to: done, or refused with head office's reason. */
export type Note = { kind: 'ok' | 'error'; text: string } | null;

/** Runs one admin write; its answer comes back, or undefined when head office refused it. */
export type Run = <T>(action: () => Promise<T>, done: string) => Promise<T | undefined>;

/**
 * How every section of the page runs a write: done, its note says `done` and the section reloads;
 * refused, the note carries head office's message (already in the page's language) through `refused`.
 */
export function useOfficeAction(
  refused: (message: string) => string,
  reload: () => Promise<void>,
): { note: Note; run: Run } {
  const [note, setNote] = useState<Note>(null);
  const run: Run = useCallback(
    async (action, done) => {
      try {
        const answer = await action();
        setNote({ kind: 'ok', text: done });
        await reload();
        return answer;
      } catch (error) {
        const message = error instanceof AdminCallError ? (error.error?.message ?? error.message) : String(error);
        setNote({ kind: 'error', text: refused(message) });
        return undefined;
      }
    },
    [refused, reload],
  );
  return { note, run };
}

/** The note under a section's heading: a status line, or an alert when refused. */
export function NoteLine({ note }: { note: Note }) {
  if (!note) return null;
  return (
    <p className={note.kind === 'error' ? 'office__error' : 'muted'} role={note.kind === 'error' ? 'alert' : 'status'}>
      {note.text}
    </p>
  );
}

import { useCallback, useState } from 'react';
import type { Note } from '../officeAction';
import type { Lang } from '../text';
import { refusalText } from './refusalText';

/** Runs one write of the area; its answer comes back, or undefined when head office refused it. */
export type ShopsRun = <T>(
  action: () => Promise<T>,
  done: (answer: T) => string,
  terminalCode?: string,
) => Promise<T | undefined>;

/**
 * Like the page's useOfficeAction, but a refusal is said in the person's language from its code
 * (refusalText.ts); the area reloads after a write either way (a refusal may mean the list is stale).
 */
export function useShopsAction(lang: Lang, reload: () => Promise<void>): { note: Note; run: ShopsRun } {
  const [note, setNote] = useState<Note>(null);
  const run: ShopsRun = useCallback(
    async (action, done, terminalCode) => {
      try {
        const answer = await action();
        setNote({ kind: 'ok', text: done(answer) });
        return answer;
      } catch (error) {
        setNote({ kind: 'error', text: refusalText(lang, error, terminalCode) });
        return undefined;
      } finally {
        await reload().catch(() => undefined);
      }
    },
    [lang, reload],
  );
  return { note, run };
}

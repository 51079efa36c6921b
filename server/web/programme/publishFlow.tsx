import { useCallback, useState, type ReactNode } from 'react';
import type { z } from 'zod';
import type { Lang } from '../text';
import type { Change } from './changeSummary';
import { changeLines, type ChangeLine } from './changeText';
import { checkWith, type FieldIssues } from './fieldIssues';
import { programmeText } from './programmeText';
import { refusalOf } from './refusal';

// How every form of the area sends: checked by the route's schema first (each wrong value said beside
// its field, nothing sent), then the changes shown old → new for the person to confirm, then sent;
// a refusal is said in the page's language, beside the fields it names where it names some.

export type Note = { kind: 'ok' | 'error'; text: string } | null;

interface Pending {
  lines: ChangeLine[];
  go: () => Promise<void>;
}

export interface Publish {
  note: Note;
  issues: FieldIssues;
  pending: Pending | null;
  /** The form's body as the route's schema parses it, or null (its issues are then shown). */
  check<S extends z.ZodType>(schema: S, value: unknown): z.output<S> | null;
  /** Asks to confirm `changes`; on confirmation sends, then says `done` of the answer and reloads. */
  ask<T>(changes: Change[], send: () => Promise<T>, done: (answer: T) => string): void;
  cancel(): void;
}

export function usePublish(lang: Lang, reload: () => Promise<void>, wrapper: string | null = null): Publish {
  const [note, setNote] = useState<Note>(null);
  const [issues, setIssues] = useState<FieldIssues>({});
  const [pending, setPending] = useState<Pending | null>(null);

  const check = useCallback(
    <S extends z.ZodType>(schema: S, value: unknown): z.output<S> | null => {
      const checked = checkWith(schema, value, lang, wrapper);
      setIssues(checked.ok ? {} : checked.issues);
      setNote(checked.ok ? null : { kind: 'error', text: programmeText(lang, 'badValues') });
      return checked.ok ? checked.value : null;
    },
    [lang, wrapper],
  );

  const ask = useCallback(
    <T,>(changes: Change[], send: () => Promise<T>, done: (answer: T) => string) => {
      if (changes.length === 0) {
        setPending(null);
        setNote({ kind: 'ok', text: programmeText(lang, 'noChanges') });
        return;
      }
      const go = async () => {
        setPending(null);
        try {
          const answer = await send();
          setNote({ kind: 'ok', text: done(answer) });
          await reload();
        } catch (error) {
          const refusal = refusalOf(error, lang, wrapper);
          setIssues(refusal.issues);
          setNote({ kind: 'error', text: refusal.note });
        }
      };
      setPending({ lines: changeLines(changes, lang), go });
    },
    [lang, reload, wrapper],
  );

  return { note, issues, pending, check, ask, cancel: () => setPending(null) };
}

/** The section's last outcome: a status line, or an alert. */
export function PublishNote({ note }: { note: Note }) {
  if (!note) return null;
  return (
    <p className={note.kind === 'error' ? 'office__error' : 'muted'} role={note.kind === 'error' ? 'alert' : 'status'}>
      {note.text}
    </p>
  );
}

/** What a publish changes, old → new, with Publish and Cancel. */
export function ConfirmChanges({ publish, lang }: { publish: Publish; lang: Lang }) {
  const t = (key: Parameters<typeof programmeText>[1]) => programmeText(lang, key);
  const { pending } = publish;
  if (!pending) return null;
  return (
    <div className="programme__confirm" role="dialog" aria-labelledby="programme-confirm-h" data-testid="confirm">
      <h3 id="programme-confirm-h">{t('confirmTitle')}</h3>
      <p className="muted">{t('confirmHint')}</p>
      <table>
        <thead>
          <tr>
            <th>{t('field')}</th>
            <th>{t('before')}</th>
            <th>{t('after')}</th>
          </tr>
        </thead>
        <tbody>
          {pending.lines.map((line, i) => (
            <tr key={i}>
              <td>{line.field}</td>
              <td>{line.before}</td>
              <td>
                <strong>{line.after}</strong>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="primary" onClick={() => void pending.go()}>
        {t('confirm')}
      </button>{' '}
      <button type="button" onClick={publish.cancel}>
        {t('cancel')}
      </button>
    </div>
  );
}

/** A labelled field with what is wrong with it (if anything) said beside it. */
export function Field(props: { label: string; issue: string | undefined; children: ReactNode }) {
  return (
    <label className={props.issue === undefined ? 'programme__field' : 'programme__field programme__field--bad'}>
      <span>{props.label}</span>
      {props.children}
      {props.issue !== undefined && (
        <span className="programme__issue" role="alert">
          {props.issue}
        </span>
      )}
    </label>
  );
}

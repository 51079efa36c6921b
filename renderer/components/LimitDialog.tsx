import { useState, type FormEvent } from 'react';
import type { ApiError, Result } from '../../shared/contract/errors';
import type { TerminalStatus } from '../../shared/contract/terminal';
import { useStatus } from '../state/status';
import { Dialog } from './Dialog';
import { ErrorNote } from './ErrorNote';
import { useDialogKeys } from './useDialogKeys';

/** One shop setting a manager types as a single figure: the words, the field, and how it is read and stored. */
export interface LimitSetting<T> {
  title: string;
  hint: string;
  label: string;
  cancel: string;
  save: string;
  testId: string;
  inputId?: string;
  saveTestId?: string;
  inputMode: 'numeric' | 'decimal';
  maxLength: number;
  /** The current value as the field shows it to edit. */
  initial: string;
  /** The typed text as the value to store, or undefined while it is not a valid one. */
  parse: (text: string) => T | undefined;
  /** Shown under the field while the text is not valid; none leaves only the disabled Save to say so. */
  invalidNote?: string;
  store: (value: T) => Promise<Result<TerminalStatus>>;
}

/**
 * The manager's dialog for a limit (the large-sale limit, the member-check threshold): type the
 * figure, Save stores it and the status bar takes the answer; Esc cancels.
 */
export function LimitDialog<T>({ setting, onClose }: { setting: LimitSetting<T>; onClose: () => void }) {
  const apply = useStatus((s) => s.apply);
  const [text, setText] = useState(setting.initial);
  const [error, setError] = useState<ApiError | null>(null);
  const [pending, setPending] = useState(false);
  useDialogKeys(onClose);
  const parsed = setting.parse(text);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (parsed === undefined || pending) return;
    setPending(true);
    const result = await setting.store(parsed);
    setPending(false);
    if (!result.ok) return setError(result.error);
    apply(result.value);
    onClose();
  };
  return (
    <Dialog title={setting.title}>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate data-testid={setting.testId}>
        <p className="muted">{setting.hint}</p>
        {error && <ErrorNote error={error} />}
        <label>
          {setting.label}
          <input
            id={setting.inputId}
            inputMode={setting.inputMode}
            autoComplete="off"
            value={text}
            maxLength={setting.maxLength}
            data-autofocus
            aria-invalid={parsed === undefined}
            onChange={(e) => setText(e.target.value)}
          />
        </label>
        {parsed === undefined && setting.invalidNote !== undefined && (
          <p className="field-error" role="alert">
            {setting.invalidNote}
          </p>
        )}
        <div className="form__actions">
          <button type="button" onClick={onClose}>
            {setting.cancel} <kbd>Esc</kbd>
          </button>
          <button
            type="submit"
            className="primary"
            disabled={parsed === undefined || pending}
            data-testid={setting.saveTestId}
          >
            {setting.save}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

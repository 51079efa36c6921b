import { useId, useState, type FormEvent } from 'react';
import type { TerminalRow } from '../../../shared/admin/answers';
import { IdParams } from '../../../shared/admin/inputs';
import { count } from '../format';
import type { Lang } from '../text';
import { revokeConfirmed } from './advice';
import { shopsText, type ShopsTextKey } from './shopsText';

/**
 * Revoking a terminal is for good: the panel says what becomes of the records still at the till and
 * goes ahead only once the terminal code is typed.
 */
export function RevokePanel(props: { lang: Lang; terminal: TerminalRow; onCancel: () => void; onRevoke: () => void }) {
  const { lang, terminal, onCancel, onRevoke } = props;
  const t = (key: ShopsTextKey, params?: Record<string, string | number>) => shopsText(lang, key, params);
  const [typed, setTyped] = useState('');
  const [tried, setTried] = useState(false);
  const headingId = useId();
  const code = terminal.terminalCode;
  const confirmed = revokeConfirmed(typed, code);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    // The route's own schema on the id, as for every input this page sends.
    if (confirmed && IdParams.safeParse({ id: terminal.id }).success) onRevoke();
  };
  return (
    <form
      className="shops__revoke"
      role="alertdialog"
      aria-labelledby={headingId}
      data-testid="revoke-panel"
      onSubmit={submit}
    >
      <h4 id={headingId}>{t('revokeTitle', { code })}</h4>
      <p>
        {terminal.reportedPending === null
          ? t('revokeWhatUnknown')
          : t('revokeWhat', { pending: count(terminal.reportedPending, lang) })}
      </p>
      <label>
        {t('revokeType', { code })}
        <input
          value={typed}
          autoComplete="off"
          inputMode="numeric"
          aria-invalid={tried && !confirmed}
          onChange={(e) => setTyped(e.target.value)}
          autoFocus
        />
      </label>
      {tried && !confirmed && (
        <p className="office__error" role="alert">
          {t('revokeMismatch', { code })}
        </p>
      )}
      <div className="shops__buttons">
        <button type="submit" className="danger">
          {t('revokeConfirm')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}

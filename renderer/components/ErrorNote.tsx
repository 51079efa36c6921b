import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../shared/contract/errors';
import { describeError } from '../lib/errorText';

/** One refusal from the core, in the cashier's language, with the field issues under it. */
export function ErrorNote({ error, onDismiss }: { error: ApiError; onDismiss?: () => void }) {
  const { t } = useTranslation();
  const { headline, issues } = describeError(error, t);
  return (
    <div className="error-note" role="alert" data-code={error.code}>
      <div className="error-note__text">
        <strong>{headline}</strong>
        {issues.length > 0 && (
          <ul>
            {issues.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        )}
      </div>
      {onDismiss && (
        <button type="button" className="button--quiet" onClick={onDismiss}>
          {t('error.dismiss')}
        </button>
      )}
    </div>
  );
}

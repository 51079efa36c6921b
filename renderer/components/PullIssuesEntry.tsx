import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dateTime } from '../lib/format';
import { useStatus } from '../state/status';
import { Dialog } from './Dialog';
import { useDialogKeys } from './useDialogKeys';

/**
 * In the status bar: what sync could not take from head office (another shop's member whose phone
 * or card number a member here already holds, …), counted, and a list saying what to do for each.
 */
export function PullIssuesEntry() {
  const { t } = useTranslation();
  const issues = useStatus((s) => s.status?.pullIssues);
  const [open, setOpen] = useState(false);
  if (!issues || issues.count === 0) return null;
  return (
    <>
      <button
        type="button"
        className="button--quiet pending pending--some"
        data-testid="pull-issues"
        data-count={issues.count}
        title={t('pullIssues.statusBar', { count: issues.count })}
        onClick={() => setOpen(true)}
      >
        {t('pullIssues.statusBar', { count: issues.count })}
      </button>
      {open && <PullIssuesDialog onClose={() => setOpen(false)} />}
    </>
  );
}

function PullIssuesDialog({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const issues = useStatus((s) => s.status?.pullIssues);
  const close = useCallback(() => onClose(), [onClose]);
  useDialogKeys(close);
  return (
    <Dialog title={t('pullIssues.title')} wide>
      <div className="form" data-testid="pull-issues-list">
        <p className="muted">{t('pullIssues.intro', { count: issues?.count ?? 0 })}</p>
        <ul>
          {issues?.latest.map((issue, i) => (
            <li key={`${issue.entityId}-${issue.at}-${i}`} data-kind={issue.kind}>
              <strong>{t(`pullIssues.kind.${issue.kind}`)}</strong>
              {issue.name !== null && (
                <>
                  {' '}
                  · <bdi>{issue.name}</bdi>
                </>
              )}{' '}
              <span className="muted">{dateTime(issue.at, i18n.language)}</span>
              <br />
              {t(`pullIssues.todo.${issue.kind}`)}
            </li>
          ))}
        </ul>
        <div className="form__actions">
          <button type="button" className="primary" data-autofocus onClick={close}>
            {t('register.close')} <kbd>Esc</kbd>
          </button>
        </div>
      </div>
    </Dialog>
  );
}

import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import '../i18n/headOfficeText';
import { dateTime, integer } from '../lib/format';
import { useHeadOffice } from '../state/headOffice';
import { useStatus } from '../state/status';
import { Dialog } from './Dialog';
import { ErrorNote } from './ErrorNote';
import { RefusedRecordsList } from './RefusedRecordsList';
import { useDialogKeys } from './useDialogKeys';
import { isolate } from '../lib/isolate';

// Examples of what to type: data, not words, so the same in every language.
const URL_EXAMPLE = 'http://192.168.1.10:8787';
const CODE_EXAMPLE = 'ABCDE-FGHIJ-KLMNO';

/** The manager's screen: connect this till to head office (address + one-time code), and sync now. */
export function HeadOfficeDialog() {
  const { t, i18n } = useTranslation();
  const status = useStatus((s) => s.status);
  const { busy, error, synced, connected, hide, connect, syncNow } = useHeadOffice();
  const [url, setUrl] = useState(status?.headOfficeUrl ?? '');
  const [code, setCode] = useState('');
  useDialogKeys(hide);
  if (!status) return null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void connect(url, code);
  };
  const lang = i18n.language;
  return (
    <Dialog title={t('headOffice.title')} className="dialog--headoffice">
      <div className="form" data-testid="headoffice-dialog">
        <p data-testid="headoffice-connection">
          {status.headOfficeUrl
            ? t('headOffice.connectedTo', { url: isolate(status.headOfficeUrl) })
            : t('headOffice.notConnected')}
        </p>
        <dl className="headoffice__facts">
          <dt>{status.online ? t('status.online') : t('status.offline')}</dt>
          <dd>
            {t('headOffice.waiting')}:{' '}
            <strong data-testid="headoffice-pending">{integer(status.outboxPending, lang)}</strong>
          </dd>
          <dd>
            {status.lastSyncAt === null
              ? t('status.neverSynced')
              : t('status.lastSync', { time: dateTime(status.lastSyncAt, lang) })}
          </dd>
          <dd>
            {status.lastCloseAt === null
              ? t('headOffice.neverClosed')
              : t('headOffice.lastClose', { time: dateTime(status.lastCloseAt, lang) })}
          </dd>
          {status.lastSyncError && (
            <dd className="muted" data-testid="headoffice-last-error">
              {t('headOffice.lastError', { message: t(`syncProblem.${status.lastSyncError.reason}`) })}
            </dd>
          )}
        </dl>
        <RefusedRecordsList refused={status.refused} />
        {status.headOfficeUrl && (
          <div className="form__actions">
            <button
              type="button"
              className="primary"
              data-autofocus
              onClick={() => void syncNow()}
              disabled={busy !== null}
              data-testid="headoffice-sync-now"
            >
              {busy === 'sync' ? t('headOffice.syncing') : t('headOffice.syncNow')}
            </button>
          </div>
        )}
        {synced && (
          <p className="notice" role="status" data-testid="headoffice-synced">
            {t('headOffice.synced', { pushed: synced.pushed, pulled: synced.pulled })}
          </p>
        )}
        {connected && (
          <p className="notice" role="status" data-testid="headoffice-connected">
            {t('headOffice.connected')}
          </p>
        )}
        {error && <ErrorNote error={error} />}
        <form className="form" onSubmit={submit}>
          <label>
            {t('headOffice.url')}
            <input
              id="headoffice-url"
              type="url"
              inputMode="url"
              autoComplete="off"
              spellCheck={false}
              value={url}
              onChange={(e) => setUrl(e.target.value)}
              required
              maxLength={300}
              {...(status.headOfficeUrl ? {} : { 'data-autofocus': true })}
            />
          </label>
          <p className="form__hint muted">{t('headOffice.urlHint', { example: isolate(URL_EXAMPLE) })}</p>
          <label>
            {t('headOffice.code')}
            <input
              id="headoffice-code"
              autoComplete="off"
              spellCheck={false}
              value={code}
              onChange={(e) => setCode(e.target.value)}
              required
              maxLength={40}
            />
          </label>
          <p className="form__hint muted">{t('headOffice.codeHint', { example: isolate(CODE_EXAMPLE) })}</p>
          <div className="form__actions">
            <button type="button" onClick={hide}>
              {t('headOffice.close')} <kbd>Esc</kbd>
            </button>
            <button
              type="submit"
              className={status.headOfficeUrl ? '' : 'primary'}
              disabled={busy !== null}
              data-testid="headoffice-connect"
            >
              {busy === 'connect' ? t('headOffice.connecting') : t('headOffice.connect')}
            </button>
          </div>
        </form>
      </div>
    </Dialog>
  );
}

/** The status bar's entry to the screen (Alt+H), and the screen itself while open. */
export function HeadOfficeEntry() {
  const { t } = useTranslation();
  const open = useHeadOffice((s) => s.open);
  const show = useHeadOffice((s) => s.show);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.key.toLowerCase() !== 'h') return;
      e.preventDefault();
      show();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [show]);
  return (
    <>
      <button type="button" className="button--quiet" onClick={show} data-testid="headoffice-open" title="Alt+H">
        {t('headOffice.open')}
      </button>
      {open && <HeadOfficeDialog />}
    </>
  );
}

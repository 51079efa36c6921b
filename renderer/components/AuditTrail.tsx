import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditTrailView } from '../../shared/contract/audit';
import type { ApiError } from '../../shared/contract/errors';
import { api } from '../api/tillApi';
import { auditActionKey, auditDetailText } from '../lib/auditText';
import { dateTime } from '../lib/format';
import { Dialog } from './Dialog';
import { ErrorNote } from './ErrorNote';
import { useDialogKeys } from './useDialogKeys';

const PAGE_SIZE = 20;

/** Manager (from the manager menu): this till's audit trail, newest first, with the check of its whole hash chain. */
export function AuditTrailDialog({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const [page, setPage] = useState(0);
  const [trail, setTrail] = useState<AuditTrailView | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useDialogKeys(onClose);

  useEffect(() => {
    let live = true;
    void api.auditTrail({ page, pageSize: PAGE_SIZE }).then((result) => {
      if (!live) return;
      if (result.ok) setTrail(result.value);
      setError(result.ok ? null : result.error);
    });
    return () => {
      live = false;
    };
  }, [page]);

  const pages = Math.max(1, Math.ceil((trail?.total ?? 0) / PAGE_SIZE));
  const chain = trail?.chain;
  return (
    <Dialog title={t('auditTrail.title')} wide>
      <div data-testid="audit-trail">
        <p className="muted">{t('auditTrail.hint')}</p>
        {error && <ErrorNote error={error} />}
        {chain && (
          <p
            role={chain.intact ? 'status' : 'alert'}
            className={chain.intact ? 'muted' : 'field-error'}
            data-testid="audit-chain"
            data-intact={chain.intact}
          >
            {chain.intact
              ? t('auditTrail.intact', { count: chain.rows })
              : t('auditTrail.broken', { seq: chain.brokenAtSeq ?? 0 })}
          </p>
        )}
        {trail &&
          (trail.items.length === 0 ? (
            <p className="muted">{t('auditTrail.empty')}</p>
          ) : (
            <table className="grid" data-testid="audit-rows">
              <thead>
                <tr>
                  <th className="num">#</th>
                  <th>{t('auditTrail.when')}</th>
                  <th>{t('auditTrail.who')}</th>
                  <th>{t('auditTrail.what')}</th>
                  <th>{t('auditTrail.about')}</th>
                  <th>{t('auditTrail.detail')}</th>
                </tr>
              </thead>
              <tbody>
                {trail.items.map((e) => (
                  <tr key={e.seq} data-action={e.action}>
                    <td className="num">{e.seq}</td>
                    <td>{dateTime(e.at, locale)}</td>
                    <td>{e.staffId ?? t('auditTrail.till')}</td>
                    <td>{t(auditActionKey(e.action), { defaultValue: e.action })}</td>
                    <td>{e.subject ?? ''}</td>
                    <td>{auditDetailText(e.details)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
        <div className="form__actions">
          <span className="muted">{t('auditTrail.page', { page: page + 1, pages })}</span>
          <button type="button" disabled={page === 0} onClick={() => setPage(page - 1)}>
            {t('auditTrail.previous')}
          </button>
          <button type="button" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>
            {t('auditTrail.next')}
          </button>
          <button type="button" onClick={onClose} data-autofocus>
            {t('auditTrail.close')} <kbd>Esc</kbd>
          </button>
        </div>
      </div>
    </Dialog>
  );
}

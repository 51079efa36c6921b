import { useTranslation } from 'react-i18next';
import { dateTime } from '../lib/format';
import { isolate } from '../lib/isolate';
import { useStatus } from '../state/status';
import { useHeadOffice } from '../state/headOffice';
import '../i18n/syncRefusalText';
import { HeadOfficeEntry } from './HeadOfficeDialog';
import { LanguageSwitch } from './LanguageSwitch';
import { ManagerMenu } from './ManagerMenu';
import { StaffEntry } from './StaffEntry';
import { PullIssuesEntry } from './PullIssuesEntry';

export function StatusBar() {
  const { t, i18n } = useTranslation();
  const status = useStatus((s) => s.status);
  const loadError = useStatus((s) => s.loadError);
  const showHeadOffice = useHeadOffice((s) => s.show);
  if (!status) return null;
  const refused = status.refused.count;
  // If the core stops answering, the till is not "online" whatever the last status said.
  const online = status.online && loadError === null;
  const lastSync =
    status.lastSyncAt === null
      ? t('status.neverSynced')
      : t('status.lastSync', { time: dateTime(status.lastSyncAt, i18n.language) });
  const lastClose =
    status.lastCloseAt === null
      ? null
      : t('headOffice.lastClose', { time: dateTime(status.lastCloseAt, i18n.language) });
  const backupNote =
    status.lastGoodBackupAt === null
      ? t('status.backupFailing')
      : t('status.backupOverdueSince', { time: dateTime(status.lastGoodBackupAt, i18n.language) });
  return (
    <header className="statusbar" role="banner">
      <div className="statusbar__shop">
        <span className="brand">Tillcard</span>
        <strong data-testid="shop-name" title={status.shopName === null ? undefined : isolate(status.shopName)}>
          <bdi>{status.shopName}</bdi>
        </strong>
        <span className="muted" title={status.terminalName === null ? undefined : isolate(status.terminalName)}>
          {t('status.terminal')}: <bdi>{status.terminalName}</bdi>
        </span>
        {status.demo && <span className="badge badge--demo">{t('app.demoBadge')}</span>}
      </div>
      <div className="statusbar__sync" aria-live="polite">
        <span className={online ? 'dot dot--online' : 'dot dot--offline'} aria-hidden="true" />
        <span data-testid="online">{online ? t('status.online') : t('status.offline')}</span>
        <span
          className={status.outboxPending > 0 ? 'pending pending--some' : 'pending'}
          data-testid="outbox-pending"
          data-count={status.outboxPending}
          hidden={status.outboxPending === 0 && refused > 0}
        >
          {status.outboxPending > 0
            ? t('status.pending', { count: status.outboxPending })
            : refused === 0 && t('status.pendingNone')}
        </span>
        {/* Never "all synced" while head office has refused records: the cashier sees it and where to look. */}
        {refused > 0 && (
          <button
            type="button"
            className="button--quiet pending pending--some"
            onClick={showHeadOffice}
            data-testid="refused-records"
            data-count={refused}
            title={t('syncRefusal.statusBar', { count: refused })}
          >
            {t('syncRefusal.statusBar', { count: refused })}
          </button>
        )}
        <PullIssuesEntry />
        {status.backupOverdue && (
          <span className="pending pending--some" data-testid="backup-overdue" title={backupNote}>
            {t('status.backupOverdue')}
          </span>
        )}
        <span className="muted" title={lastSync}>
          {lastSync}
        </span>
        {lastClose !== null && (
          <span className="muted" data-testid="last-close" title={lastClose}>
            {lastClose}
          </span>
        )}
        <StaffEntry />
        <ManagerMenu />
        <HeadOfficeEntry />
        <LanguageSwitch />
      </div>
    </header>
  );
}

import { useTranslation } from 'react-i18next';
import { dateTime } from '../lib/format';
import { useStatus } from '../state/status';
import { HeadOfficeEntry } from './HeadOfficeDialog';
import { LanguageSwitch } from './LanguageSwitch';

export function StatusBar() {
  const { t, i18n } = useTranslation();
  const status = useStatus((s) => s.status);
  const loadError = useStatus((s) => s.loadError);
  if (!status) return null;
  // If the core stops answering, the till is not "online" whatever the last status said.
  const online = status.online && loadError === null;
  return (
    <header className="statusbar" role="banner">
      <div className="statusbar__shop">
        <span className="brand">Tillcard</span>
        <strong data-testid="shop-name"><bdi>{status.shopName}</bdi></strong>
        <span className="muted">{t('status.terminal')}: <bdi>{status.terminalName}</bdi></span>
        {status.demo && <span className="badge badge--demo">{t('app.demoBadge')}</span>}
      </div>
      <div className="statusbar__sync" aria-live="polite">
        <span className={online ? 'dot dot--online' : 'dot dot--offline'} aria-hidden="true" />
        <span data-testid="online">{online ? t('status.online') : t('status.offline')}</span>
        <span className={status.outboxPending > 0 ? 'pending pending--some' : 'pending'} data-testid="outbox-pending" data-count={status.outboxPending}>
          {status.outboxPending > 0 ? t('status.pending', { count: status.outboxPending }) : t('status.pendingNone')}
        </span>
        <span className="muted">{status.lastSyncAt === null ? t('status.neverSynced') : t('status.lastSync', { time: dateTime(status.lastSyncAt, i18n.language) })}</span>
        {status.lastCloseAt !== null && <span className="muted" data-testid="last-close">{t('headOffice.lastClose', { time: dateTime(status.lastCloseAt, i18n.language) })}</span>}
        <HeadOfficeEntry />
        <LanguageSwitch />
      </div>
    </header>
  );
}

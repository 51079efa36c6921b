import { useTranslation } from 'react-i18next';
import { BackupKeep } from '../../shared/contract/terminal';
import { api } from '../api/tillApi';
import { useStatus } from '../state/status';
import { LimitDialog } from './LimitDialog';

/** Manager: how many daily backups the till keeps (the oldest beyond go at the next backup). */
export function BackupKeepDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const status = useStatus((s) => s.status);
  return (
    <LimitDialog
      onClose={onClose}
      setting={{
        title: t('backups.settingsTitle'),
        hint: t('backups.settingsHint'),
        label: t('backups.keepLabel'),
        cancel: t('backups.cancel'),
        save: t('backups.save'),
        testId: 'backup-keep-dialog',
        inputId: 'backup-keep',
        saveTestId: 'backup-keep-save',
        inputMode: 'numeric',
        maxLength: 3,
        initial: status ? String(status.backupKeep) : '',
        parse: (text) => {
          const kept = BackupKeep.safeParse(/^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN);
          return kept.success ? kept.data : undefined;
        },
        invalidNote: t('backups.keepInvalid'),
        store: (keep) => api.setBackupKeep({ keep }),
      }}
    />
  );
}

/** The setting as the manager's menu names it: "Keep 7 daily backups". */
export function useBackupKeepLabel(): string {
  const { t } = useTranslation();
  const status = useStatus((s) => s.status);
  return t('backups.settings', { count: status?.backupKeep ?? 0 });
}

import { existsSync, statSync } from 'node:fs';
import type { Locale } from '../../../shared/contract/primitives';
import { backupKeep, listBackups } from '../../services/backups';
import { getStatus } from '../../services/shop';
import type { TerminalCore } from '../../terminal/terminalCore';
import { APP_VERSION } from '../appVersion';
import { action, type RegisterCommand } from '../cliContext';
import { EXIT } from '../exitCodes';
import { opsText, type OpsTextKey } from '../opsText';
import { formatBytes } from '../output';
import { withTerminal } from '../terminalFolder';

/** What `tillcard status --json` prints: times in epoch milliseconds, sizes in bytes. */
export interface TerminalReport {
  terminalId: string;
  shopName: string | null;
  terminalName: string | null;
  outboxPending: number;
  lastSyncAt: number | null;
  lastCloseAt: number | null;
  lastGoodBackupAt: number | null;
  backupOverdue: boolean;
  backupsKept: number;
  backupKeep: number;
  databaseBytes: number;
  headOfficeUrl: string | null;
  appVersion: string;
}

const fileBytes = (file: string): number => (existsSync(file) ? statSync(file).size : 0);

export function terminalReport(core: TerminalCore): TerminalReport {
  const status = getStatus(core.ctx);
  return {
    terminalId: status.terminalId,
    shopName: status.shopName,
    terminalName: status.terminalName,
    outboxPending: status.outboxPending,
    lastSyncAt: status.lastSyncAt,
    lastCloseAt: status.lastCloseAt,
    lastGoodBackupAt: status.lastGoodBackupAt,
    backupOverdue: status.backupOverdue,
    backupsKept: listBackups(core.backupPlace.dataDir).length,
    backupKeep: backupKeep(core.ctx),
    // The WAL holds the newest commits until a checkpoint: it is part of the database's size.
    databaseBytes: fileBytes(core.dbFile) + fileBytes(`${core.dbFile}-wal`),
    headOfficeUrl: status.headOfficeUrl,
    appVersion: APP_VERSION,
  };
}

/** The report as label / value rows, labels padded to one column. */
export function reportTable(report: TerminalReport, locale: Locale): string {
  const time = (at: number | null) => (at === null ? opsText(locale, 'never') : new Date(at).toLocaleString(locale));
  const rows: [OpsTextKey, string][] = [
    ['status.terminal', [report.shopName, report.terminalName, report.terminalId].filter(Boolean).join(' / ')],
    ['status.pending', String(report.outboxPending)],
    ['status.lastSync', time(report.lastSyncAt)],
    ['status.lastClose', time(report.lastCloseAt)],
    ['status.lastBackup', time(report.lastGoodBackupAt)],
    ['status.backupOverdue', opsText(locale, report.backupOverdue ? 'yes' : 'no')],
    ['status.backups', `${report.backupsKept} / ${report.backupKeep}`],
    ['status.databaseSize', formatBytes(report.databaseBytes)],
    ['status.headOffice', report.headOfficeUrl ?? '-'],
    ['status.version', report.appVersion],
  ];
  const labelled = rows.map(([key, value]) => [opsText(locale, key), value] as const);
  // Wide (CJK) characters take two columns in a terminal.
  const width = (text: string) => [...text].reduce((n, ch) => n + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
  const column = Math.max(...labelled.map(([label]) => width(label)));
  return labelled.map(([label, value]) => `${label}${' '.repeat(column - width(label))}  ${value}`).join('\n');
}

/** `tillcard status [--json]`: pending records, last sync, close and backup, database size, version. */
export const registerStatus: RegisterCommand = (program, run) => {
  program
    .command('status')
    .description(opsText(run.locale, 'help.status'))
    .action(
      // --json is the program's own option (every command takes it), read with the globals.
      action(run, (options) =>
        withTerminal(run, options, (core) => {
          const report = terminalReport(core);
          console.log(options.json ? JSON.stringify(report) : reportTable(report, run.locale));
          return EXIT.ok;
        }),
      ),
    );
};

import type { Locale } from '../../shared/contract/primitives';

/**
 * The command line's words for backup, restore, status, sync and enrol, zh-CN and en. Each
 * refusal names its code in brackets too, so a script or a support call can quote it.
 */
const en = {
  BACKUP_NOT_FOUND: 'There is no backup file at {{file}}.',
  BACKUP_TRUNCATED: '{{file}} is incomplete (a copy cut short, or not a backup file at all): it cannot be restored.',
  BACKUP_WRONG_KEY:
    "This terminal's key does not open {{file}}: it is another till's backup, not a Tillcard backup, or damaged.",
  BACKUP_CORRUPT: 'The backup {{file}} is damaged or incomplete (its check failed): it cannot be restored.',
  BACKUP_NOT_ENCRYPTED: '{{file}} is an unencrypted SQLite file, not a backup this till made.',
  BACKUP_NOT_TILLCARD: '{{file}} opens, but it is not a Tillcard terminal database.',
  BACKUP_OTHER_TERMINAL: "{{file}} is another terminal's database; this till restores only its own backups.",
  BACKUP_NEWER_SCHEMA: '{{file}} comes from a newer Tillcard than this one: update this till first.',
  BACKUP_FAILED: 'The backup could not be written: {{detail}}',
  TILL_RUNNING: 'A till (process {{pid}}) is using {{dir}}. Close the till first, then run this again.',
  NO_DATABASE: 'There is no terminal database in {{dir}} (set --data-dir or TILLCARD_DATA_DIR).',
  KEY_SEALED:
    'This data folder ({{dir}}) belongs to the installed till: its key is sealed by the system keyring, which ' +
    "only the till's app opens. Run the same command through the app, as the till's user, --cli first: " +
    'Linux /opt/Tillcard/tillcard --cli <command> (or Tillcard-<version>.AppImage --cli <command>), ' +
    'Windows Tillcard.exe --cli <command>.',
  KEY_MISSING: 'The database in {{dir}} is encrypted but its key file {{file}} is missing.',
  KEY_WRONG: '{{file}} does not open the database in {{dir}}.',
  NO_SUCH_FILE_DIR: 'The folder for {{file}} does not exist.',
  backedUp: 'Backup written and checked: {{file}} ({{size}})',
  rotated: 'Deleted {{count}} older backup(s), keeping the newest {{keep}}.',
  restored: 'Restored {{file}}. The replaced database is kept as {{aside}}.',
  restoredFresh: 'Restored {{file}} into {{dir}}.',
  synced: 'Synced with head office: {{pushed}} sent, {{pulled}} received.',
  enrolled: 'Connected to head office {{url}} as terminal {{terminal}}.',
  never: 'never',
  yes: 'yes',
  no: 'no',
  'status.pending': 'Waiting to sync',
  'status.lastSync': 'Last sync',
  'status.lastClose': 'Last close of day',
  'status.lastBackup': 'Last good backup',
  'status.backupOverdue': 'Backup overdue',
  'status.backups': 'Backups kept',
  'status.databaseSize': 'Database size',
  'status.headOffice': 'Head office',
  'status.version': 'Tillcard version',
  'status.terminal': 'Terminal',
  'help.backup': 'back up the terminal database (encrypted with its key), checked after writing',
  'help.backupOut': 'write the backup to this file instead of backups/ in the data folder',
  'help.restore': 'put a backup in place of the terminal database (the till must be closed)',
  'help.restoreFile': 'a backup of this terminal',
  'help.status': "the terminal's state: records waiting to sync, last sync, close and backup, size, version",
  'help.sync': 'sync with head office',
  'help.syncNow': 'send waiting records and fetch head office changes once, now',
  'help.enrol': 'connect this terminal to head office with an enrolment code (the till must be closed)',
  'help.enrolCode': 'the enrolment code from the head-office console',
  'help.enrolUrl': "head office's address, e.g. https://ho.example.com",
} as const;
export type OpsTextKey = keyof typeof en;

const zhCN: Record<OpsTextKey, string> = {
  BACKUP_NOT_FOUND: '找不到备份文件 {{file}}。',
  BACKUP_TRUNCATED: '{{file}} 不完整（复制被中断，或根本不是备份文件），无法恢复。',
  BACKUP_WRONG_KEY: '本机的密钥打不开 {{file}}：它是其他收银台的备份、不是 Tillcard 备份，或已损坏。',
  BACKUP_CORRUPT: '备份 {{file}} 已损坏或不完整（检查未通过），无法恢复。',
  BACKUP_NOT_ENCRYPTED: '{{file}} 是未加密的 SQLite 文件，不是本收银台生成的备份。',
  BACKUP_NOT_TILLCARD: '{{file}} 可以打开，但不是 Tillcard 收银台数据库。',
  BACKUP_OTHER_TERMINAL: '{{file}} 是另一台收银台的数据库；本机只能恢复自己的备份。',
  BACKUP_NEWER_SCHEMA: '{{file}} 来自更新版本的 Tillcard，请先升级本收银台。',
  BACKUP_FAILED: '备份写入失败：{{detail}}',
  TILL_RUNNING: '收银台（进程 {{pid}}）正在使用 {{dir}}。请先关闭收银台，再运行此命令。',
  NO_DATABASE: '{{dir}} 中没有收银台数据库（请用 --data-dir 或 TILLCARD_DATA_DIR 指定）。',
  KEY_SEALED:
    '此数据目录（{{dir}}）属于已安装的收银台：其密钥由系统钥匙串封存，只有收银台应用能打开。' +
    '请以收银台的用户身份通过应用运行同一命令，--cli 放在最前：Linux 用 /opt/Tillcard/tillcard --cli <命令>' +
    '（或 Tillcard-<版本>.AppImage --cli <命令>），Windows 用 Tillcard.exe --cli <命令>。',
  KEY_MISSING: '{{dir}} 中的数据库已加密，但缺少密钥文件 {{file}}。',
  KEY_WRONG: '{{file}} 打不开 {{dir}} 中的数据库。',
  NO_SUCH_FILE_DIR: '{{file}} 所在的文件夹不存在。',
  backedUp: '备份已写入并通过检查：{{file}}（{{size}}）',
  rotated: '已删除 {{count}} 个较早的备份，保留最新的 {{keep}} 个。',
  restored: '已恢复 {{file}}。被替换的数据库保存为 {{aside}}。',
  restoredFresh: '已将 {{file}} 恢复到 {{dir}}。',
  synced: '已与总部同步：上传 {{pushed}} 条，接收 {{pulled}} 条。',
  enrolled: '已接入总部 {{url}}，本机终端号 {{terminal}}。',
  never: '从未',
  yes: '是',
  no: '否',
  'status.pending': '待同步记录',
  'status.lastSync': '上次同步',
  'status.lastClose': '上次日结',
  'status.lastBackup': '上次成功备份',
  'status.backupOverdue': '备份过期',
  'status.backups': '保留的备份',
  'status.databaseSize': '数据库大小',
  'status.headOffice': '总部',
  'status.version': 'Tillcard 版本',
  'status.terminal': '终端',
  'help.backup': '备份收银台数据库（用本机密钥加密），写入后检查',
  'help.backupOut': '把备份写到这个文件，而不是数据目录下的 backups/',
  'help.restore': '用备份替换收银台数据库（须先关闭收银台）',
  'help.restoreFile': '本收银台的一个备份',
  'help.status': '收银台状态：待同步记录、上次同步、日结与备份、大小、版本',
  'help.sync': '与总部同步',
  'help.syncNow': '立即上传待同步记录并接收总部的更改一次',
  'help.enrol': '用接入码把本收银台接入总部（须先关闭收银台）',
  'help.enrolCode': '总部管理页生成的接入码',
  'help.enrolUrl': '总部地址，例如 https://ho.example.com',
};

const tables: Record<Locale, Record<OpsTextKey, string>> = { 'zh-CN': zhCN, en };

export function opsText(locale: Locale, key: OpsTextKey, params: Record<string, string | number> = {}): string {
  return tables[locale][key].replace(/\{\{(\w+)\}\}/g, (_m, name: string) => String(params[name] ?? ''));
}

import type { Locale } from '../../shared/contract/primitives';

/** Every line the command line prints for a person, zh-CN and en ({{name}} is filled in). */
export const cliText = {
  'zh-CN': {
    description: 'Tillcard 收银机命令行：导入导出会员与记录、演示门店。',
    dataDirOption: '收银机数据文件夹（默认：TILLCARD_DATA_DIR 或本机应用数据文件夹）',
    langOption: '显示语言：zh-CN 或 en（默认：收银机的设置或 LANG）',
    jsonOption: '输出 JSON（供脚本使用）',
    importDescription: '导入数据',
    importMembersDescription: '从 CSV 文件导入会员（UTF-8 或 GBK，表头可用中文或英文）',
    encodingOption: '文件编码：utf-8、gb18030（含 GBK）、utf-16le、utf-16be（默认自动识别）',
    errorsOption: '错误报告 CSV 的位置（默认：输入文件旁的 <文件名>.errors.csv）',
    exportDescription:
      '导出 members（会员）、sales（消费）或 ledger（积分流水）为 CSV（UTF-8 带 BOM，Excel 可直接打开）',
    fromOption: '起始营业日 YYYY-MM-DD（含）',
    toOption: '结束营业日 YYYY-MM-DD（含）',
    outOption: '写入此文件（默认：标准输出）',
    fullPhonesOption: '导出完整手机号（默认隐藏中间四位；会记入审计日志）',
    demoDescription: '本机尚未设置门店时，创建演示门店（与欢迎页的“试用演示门店”相同）',
    summaryTitle: '导入结果',
    encoding: '编码',
    rows: '数据行',
    imported: '已导入',
    skipped: '已跳过（已存在）',
    refused: '未导入（有错误）',
    points: '结转积分',
    ignoredColumns: '未读取的列',
    errorReport: '错误报告',
    stoppedAt: '文件在第 {{line}} 行损坏，之后未读取',
    exported: '已导出 {{table}} 到 {{file}}',
    demoCreated: '已创建演示门店“{{shop}}”。',
    demoExists: '本机已设置门店，未做任何更改。',
    badTable: '未知的表：{{table}}（可用：members、sales、ledger）',
    badRange: '日期范围无效：请用 YYYY-MM-DD，且起始不晚于结束。',
    badEncoding: '未知的编码：{{encoding}}',
    badLang: '未知的语言：{{lang}}（可用：zh-CN、en）',
    fileUnreadable: '无法读取文件 {{file}}：{{reason}}',
    failed: '失败：{{reason}}',
    keyMissing:
      '无法打开数据库：{{reason}}。桌面版收银机的数据库由系统钥匙串加密，命令行只能打开浏览器版（TILLCARD_DATA_DIR）的数据文件夹。',
  },
  en: {
    description: "Tillcard till's command line: import and export members and records, the demo shop.",
    dataDirOption: "the till's data folder (default: TILLCARD_DATA_DIR or this machine's app data folder)",
    langOption: "language: zh-CN or en (default: the till's setting, or LANG)",
    jsonOption: 'print JSON (for scripts)',
    importDescription: 'import data',
    importMembersDescription: 'import members from a CSV file (UTF-8 or GBK, Chinese or English headers)',
    encodingOption: "the file's encoding: utf-8, gb18030 (covers GBK), utf-16le, utf-16be (default: detected)",
    errorsOption: 'where to write the error report CSV (default: <file>.errors.csv beside the input)',
    exportDescription: 'export members, sales or ledger as CSV (UTF-8 with BOM, opens in Excel)',
    fromOption: 'first business day YYYY-MM-DD (included)',
    toOption: 'last business day YYYY-MM-DD (included)',
    outOption: 'write to this file (default: standard output)',
    fullPhonesOption: "members' whole phone numbers (masked by default; audited)",
    demoDescription: "create the demo shop when the till has no shop yet (as the welcome screen's demo button)",
    summaryTitle: 'Import',
    encoding: 'Encoding',
    rows: 'Rows',
    imported: 'Imported',
    skipped: 'Skipped (already there)',
    refused: 'Refused (errors)',
    points: 'Points carried',
    ignoredColumns: 'Columns not read',
    errorReport: 'Error report',
    stoppedAt: 'The file is broken at line {{line}}; nothing after it was read',
    exported: 'Exported {{table}} to {{file}}',
    demoCreated: 'The demo shop "{{shop}}" is set up.',
    demoExists: 'This till already has a shop; nothing was changed.',
    badTable: 'Unknown table: {{table}} (members, sales or ledger)',
    badRange: 'Date range not valid: write YYYY-MM-DD, the first day not after the last.',
    badEncoding: 'Unknown encoding: {{encoding}}',
    badLang: 'Unknown language: {{lang}} (zh-CN or en)',
    fileUnreadable: 'Cannot read {{file}}: {{reason}}',
    failed: 'Failed: {{reason}}',
    keyMissing:
      "Cannot open the database: {{reason}}. The desktop till's database is sealed by the OS keyring; the command " +
      "line opens a browser host's data folder (TILLCARD_DATA_DIR).",
  },
} as const satisfies Record<Locale, Record<string, string>>;

export type CliTextKey = keyof (typeof cliText)['en'];

/** A line in `locale`, its {{placeholders}} filled from `values`. */
export function say(locale: Locale, key: CliTextKey, values: Record<string, string | number> = {}): string {
  return cliText[locale][key].replace(/\{\{(\w+)\}\}/g, (whole, name: string) => String(values[name] ?? whole));
}

/** The language before the till is opened: TILLCARD_LANG, else LC_ALL / LANG (zh… → zh-CN), else English. */
export function envLocale(env: NodeJS.ProcessEnv = process.env): Locale {
  const lang = env.TILLCARD_LANG ?? env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG ?? '';
  return lang.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

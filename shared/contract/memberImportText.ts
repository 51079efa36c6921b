import type { ImportField, ImportFileProblem, ImportIssue } from './memberImport';
import type { Locale } from './primitives';

// What a person reads about a member import: each row's reason in the error report, each field's name,
// and why a whole file was refused. One table for the command line and the manager's import screen.

export const importReasonText = {
  'zh-CN': {
    name_required: '缺少姓名',
    name_too_long: '姓名超过 60 个字',
    name_invalid: '姓名含有控制字符（如换行）',
    text_unstorable: '含有无法保存的字符',
    phone_invalid: '手机号无效',
    'birthday.invalid': '生日格式无效（应为 1990-05-01 或 05-01）',
    'birthday.future': '生日晚于今天',
    card_format: '卡号应为 16 位数字',
    card_check_digit: '卡号校验位错误',
    points_invalid: '积分应为不小于 0 的整数',
    duplicate_phone_in_file: '手机号与文件第 {{firstLine}} 行重复',
    duplicate_card_in_file: '卡号与文件第 {{firstLine}} 行重复',
    malformed_row: 'CSV 格式错误（引号未闭合），此行及之后未读取',
    invalid: '内容无效',
    phone_exists: '已导入：本机已有该手机号的会员',
    card_exists: '已导入：本机已有该卡号',
    tier_unknown: '等级“{{tier}}”不是本店的等级：会员已导入，未设等级（可在会员页手动设置）',
  },
  en: {
    name_required: 'name missing',
    name_too_long: 'name longer than 60 characters',
    name_invalid: 'name holds a control character (a line break?)',
    text_unstorable: 'holds characters that cannot be stored',
    phone_invalid: 'phone number not valid',
    'birthday.invalid': 'birthday not valid (write 1990-05-01, or 05-01 without a year)',
    'birthday.future': 'birthday after today',
    card_format: 'card number must be 16 digits',
    card_check_digit: 'card number check digit is wrong',
    points_invalid: 'points must be a whole number, 0 or more',
    duplicate_phone_in_file: 'phone repeats line {{firstLine}} of the file',
    duplicate_card_in_file: 'card number repeats line {{firstLine}} of the file',
    malformed_row: 'CSV broken here (a quote never closed): this line and the rest were not read',
    invalid: 'not valid',
    phone_exists: 'already imported: a member with this phone is on the till',
    card_exists: 'already imported: this card is on the till',
    tier_unknown:
      'tier "{{tier}}" is not one of this shop\'s tiers: the member is imported without it (set it by hand)',
  },
} as const satisfies Record<Locale, Record<ImportIssue['reason'], string>>;

export const importFieldText = {
  'zh-CN': { name: '姓名', phone: '手机号', cardNumber: '卡号', birthday: '生日', points: '积分', tier: '等级' },
  en: { name: 'name', phone: 'phone', cardNumber: 'card', birthday: 'birthday', points: 'points', tier: 'tier' },
} as const satisfies Record<Locale, Record<ImportField, string>>;

export const importFileText = {
  'zh-CN': {
    binary: '这不是文本 CSV 文件（可能是 Excel 工作簿或图片）。请在 Excel 中“另存为 CSV”。',
    empty: '文件是空的，没有表头。',
    missing_columns: '缺少必需的列：{{fields}}。表头须含“姓名”和“手机号”（或 name、phone）。',
    repeated_columns: '多列表示同一内容：{{fields}}。请只保留一列。',
  },
  en: {
    binary: 'This is not a CSV text file (an Excel workbook or an image?). Save it from Excel as CSV.',
    empty: 'The file is empty: it has no header row.',
    missing_columns: 'Required columns missing: {{fields}}. The header needs name and phone (or 姓名, 手机号).',
    repeated_columns: 'Several columns hold the same thing: {{fields}}. Keep one.',
  },
} as const satisfies Record<Locale, Record<ImportFileProblem, string>>;

/** The error report's header row. */
export const importReportHeader = {
  'zh-CN': ['行号', '结果', '原因'],
  en: ['Line', 'Outcome', 'Reason'],
} as const satisfies Record<Locale, readonly string[]>;

export const importOutcomeText = {
  'zh-CN': { refused: '未导入', skipped: '已跳过', imported: '已导入' },
  en: { refused: 'refused', skipped: 'skipped', imported: 'imported' },
} as const satisfies Record<Locale, Record<ImportIssue['outcome'], string>>;

/** One issue's reason in a person's language. */
export function importIssueText(issue: ImportIssue, locale: Locale): string {
  return importReasonText[locale][issue.reason]
    .replace('{{firstLine}}', String(issue.firstLine ?? ''))
    .replace('{{tier}}', issue.tier ?? '');
}

/** One row of the error report file: line, outcome and reason in the person's language. */
export function importReportRow(issue: ImportIssue, locale: Locale): [number, string, string] {
  return [issue.line, importOutcomeText[locale][issue.outcome], importIssueText(issue, locale)];
}

/** Why the file was refused, naming the fields in the person's language. */
export function importFileProblemText(
  problem: ImportFileProblem,
  fields: readonly ImportField[],
  locale: Locale,
): string {
  const sep = locale === 'zh-CN' ? '、' : ', ';
  const names = fields.map((f) => importFieldText[locale][f]).join(sep);
  return importFileText[locale][problem].replace('{{fields}}', names);
}

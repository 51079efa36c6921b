import { z } from 'zod';
import { birthdayFromText } from '../domain/birthday';
import { parseCardNumber } from '../domain/cardNumber';
import { RegisterMemberInput } from './members';
import { Points } from './primitives';

// Importing members from another system's CSV (the CLI's `import members` and the manager's import screen):
// which columns a file may have, how a row is checked, and what an import answers. A row is checked by the
// registration's own field schemas (picked from RegisterMemberInput), so an imported member obeys the
// till's rules exactly.

/** The fields an import reads; a `tier` naming a tier of the shop's ladder is carried as the member's override. */
export const IMPORT_FIELDS = ['name', 'phone', 'cardNumber', 'birthday', 'points', 'tier'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export const REQUIRED_IMPORT_FIELDS: readonly ImportField[] = ['name', 'phone'];

/** Header names per field, compared after headerKey (case, spaces, `_`, `-`, full-width forms ignored). */
export const IMPORT_HEADERS: Record<ImportField, readonly string[]> = {
  name: ['姓名', '名字', '会员姓名', '会员名', 'name', 'fullname', 'membername'],
  phone: ['手机', '手机号', '手机号码', '电话', '联系电话', 'phone', 'mobile', 'phonenumber', 'tel'],
  cardNumber: ['卡号', '会员卡号', '会员卡', 'card', 'cardnumber', 'cardno'],
  birthday: ['生日', '出生日期', 'birthday', 'dateofbirth', 'dob', 'birthdate'],
  points: ['积分', '积分余额', '可用积分', '当前积分', 'points', 'balance', 'pointsbalance'],
  tier: ['等级', '会员等级', '级别', 'tier', 'level', 'membertier'],
};

/** A header cell as compared: NFKC, lower case, no spaces, `_` or `-`, no byte-order mark. */
export function headerKey(cell: string): string {
  return cell
    .normalize('NFKC')
    .replace(/^\uFEFF/, '')
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
}

const byKey = new Map<string, ImportField>(
  IMPORT_FIELDS.flatMap((field) => IMPORT_HEADERS[field].map((h) => [headerKey(h), field] as const)),
);

export interface ImportColumns {
  /** Column index of each field found. */
  index: Partial<Record<ImportField, number>>;
  /** Header cells that name no field (ignored, reported once). */
  extra: string[];
  /** Required fields with no column: the import is refused before any row. */
  missing: ImportField[];
  /** Fields named by more than one column: refused too, the file is ambiguous. */
  repeated: ImportField[];
}

/** The file's header row → which column holds which field. */
export function importColumns(header: readonly string[]): ImportColumns {
  const index: Partial<Record<ImportField, number>> = {};
  const extra: string[] = [];
  const repeated = new Set<ImportField>();
  header.forEach((cell, i) => {
    const field = byKey.get(headerKey(cell));
    if (field === undefined) {
      if (cell.trim() !== '') extra.push(cell.trim());
    } else if (index[field] !== undefined) repeated.add(field);
    else index[field] = i;
  });
  const missing = REQUIRED_IMPORT_FIELDS.filter((f) => index[f] === undefined);
  return { index, extra, missing, repeated: [...repeated] };
}

/** A card number an old system issued: a Tillcard number (16 digits, valid check digit), or none. */
const ImportCardNumber = z
  .string()
  .transform((text, ctx) => {
    if (text.trim() === '') return null;
    const parsed = parseCardNumber(text);
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', message: parsed.reason === 'check_digit' ? 'card_check_digit' : 'card_format' });
      return z.NEVER;
    }
    return parsed.number;
  })
  .nullable();

/** Carried points: a whole number, thousands separators allowed; blank is none. */
const ImportPoints = z
  .string()
  .transform((text, ctx) => {
    const cleaned = text.normalize('NFKC').trim().replace(/,/g, '');
    if (cleaned === '') return 0;
    if (!/^\d{1,10}$/.test(cleaned)) {
      ctx.addIssue({ code: 'custom', message: 'points_invalid' });
      return z.NEVER;
    }
    return Number(cleaned);
  })
  .pipe(Points);

/** The old system's tier as written (a code or a name, matched against the ladder when written); blank is none. */
const ImportTier = z
  .string()
  .transform((text) => text.normalize('NFKC').trim().slice(0, 100))
  .transform((text) => (text === '' ? null : text));

/**
 * One imported row: the registration's name, phone and birthday schemas, plus the card, carried points and
 * the old system's tier.
 */
export const ImportMemberRow = RegisterMemberInput.pick({ name: true, phone: true, birthday: true }).extend({
  cardNumber: ImportCardNumber,
  points: ImportPoints,
  tier: ImportTier,
});
export type ImportMemberRow = z.infer<typeof ImportMemberRow>;

/** The cells of one row, by field, as the registration schema takes them (a birthday as the till's field reads it). */
export function importRowInput(cells: readonly string[], columns: ImportColumns): Record<string, unknown> {
  const cell = (field: ImportField): string => {
    const i = columns.index[field];
    return i === undefined ? '' : (cells[i] ?? '');
  };
  return {
    name: cell('name'),
    phone: cell('phone').trim(),
    birthday: birthdayFromText(cell('birthday')),
    cardNumber: cell('cardNumber'),
    points: cell('points'),
    tier: cell('tier'),
  };
}

/** Why a row was not imported: a field's problem, or one of these. */
export const IMPORT_ROW_REASONS = [
  'name_required',
  'name_too_long',
  'name_invalid',
  'text_unstorable',
  'phone_invalid',
  'birthday.invalid',
  'birthday.future',
  'card_format',
  'card_check_digit',
  'points_invalid',
  'duplicate_phone_in_file',
  'duplicate_card_in_file',
  'malformed_row',
  'invalid',
] as const;
export type ImportRowReason = (typeof IMPORT_ROW_REASONS)[number];

/** Skipped rows: already in the till (a re-run, or a member registered since), never imported twice. */
export const IMPORT_SKIP_REASONS = ['phone_exists', 'card_exists'] as const;

/** Imported, with something left out: a tier the shop's ladder does not have (set it by hand if wanted). */
export const IMPORT_NOTE_REASONS = ['tier_unknown'] as const;
export type ImportSkipReason = (typeof IMPORT_SKIP_REASONS)[number];

/**
 * A row the import did not write, or wrote without a part (`imported`): its first line in the file, why,
 * the line it repeats (duplicates) and the tier it named (an unknown tier).
 */
export const ImportIssue = z.object({
  line: z.number().int().min(1),
  outcome: z.enum(['refused', 'skipped', 'imported']),
  reason: z.enum([...IMPORT_ROW_REASONS, ...IMPORT_SKIP_REASONS, ...IMPORT_NOTE_REASONS]),
  tier: z.string().max(100).optional(),
  /** The earlier line holding the same phone or card (duplicates within the file). */
  firstLine: z.number().int().min(1).optional(),
});
export type ImportIssue = z.infer<typeof ImportIssue>;

export const ImportEncoding = z.enum(['utf-8', 'gb18030', 'utf-16le', 'utf-16be']);
export type ImportEncoding = z.infer<typeof ImportEncoding>;

export const ImportSummary = z.object({
  encoding: ImportEncoding,
  /** Data rows read (header and blank lines aside). */
  rows: z.number().int().min(0),
  imported: z.number().int().min(0),
  skipped: z.number().int().min(0),
  refused: z.number().int().min(0),
  /** Header cells the import does not read. */
  ignoredColumns: z.array(z.string()),
  /** The points carried over, in total. */
  points: z.number().int().min(0),
  /** The line where the file stopped being readable CSV (an unclosed quote): nothing after it was read. */
  stoppedAtLine: z.number().int().min(1).nullable(),
});
export type ImportSummary = z.infer<typeof ImportSummary>;

/** Why a whole file was refused before any row was written. */
export const IMPORT_FILE_PROBLEMS = ['binary', 'empty', 'missing_columns', 'repeated_columns'] as const;
export type ImportFileProblem = (typeof IMPORT_FILE_PROBLEMS)[number];

/**
 * The largest file the manager's screen sends (bytes): its base64 must fit the browser host's 256 KiB body
 * with room to spare. A larger file goes through `npx tillcard import members`, which streams any size.
 */
export const MAX_SCREEN_IMPORT_BYTES = 180 * 1024;
const MAX_BASE64_CHARS = Math.ceil(MAX_SCREEN_IMPORT_BYTES / 3) * 4;
/** Text already decoded (UTF-8 at up to 3 bytes a character stays inside the same body). */
const MAX_TEXT_CHARS = Math.floor(MAX_SCREEN_IMPORT_BYTES / 3);

/** The manager's screen: one CSV file's bytes (base64, so GB18030 is still detected) or its text. */
export const ImportMembersInput = z
  .object({
    fileName: z.string().trim().min(1).max(200),
    base64: z
      .string()
      .max(MAX_BASE64_CHARS, 'file_too_large')
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'file_unreadable')
      .optional(),
    text: z.string().max(MAX_TEXT_CHARS, 'file_too_large').optional(),
  })
  .refine((input) => (input.base64 === undefined) !== (input.text === undefined), 'file_unreadable');
export type ImportMembersInput = z.infer<typeof ImportMembersInput>;

/** One line of the error report as the screen shows it: the outcome and reason in the till's language. */
export const ImportReportLine = ImportIssue.extend({ outcomeText: z.string(), reasonText: z.string() });
export type ImportReportLine = z.infer<typeof ImportReportLine>;

export const ImportMembersAnswer = z.object({
  summary: ImportSummary,
  lines: z.array(ImportReportLine),
  /** The error report as a CSV file (UTF-8 with BOM), or null when every row was imported. */
  report: z.object({ fileName: z.string(), csv: z.string() }).nullable(),
});
export type ImportMembersAnswer = z.infer<typeof ImportMembersAnswer>;

// A member's birthday, as the till, the terminal database, the sync records and head office all
// keep it: ISO 8601, either a whole date `YYYY-MM-DD` or, when the member gives no year, the
// month and day alone `--MM-DD` (birthday bonuses need no year). Both the screen and the contract
// go through these functions, so what one accepts the other stores.

/** Why a birthday cannot be stored; also the message key the till shows (validation.birthday.*). */
export type BirthdayProblem = 'birthday.invalid' | 'birthday.future';

/** The two stored shapes, before the calendar is checked. */
export const STORED_BIRTHDAY_RE = /^(?:\d{4}|-)-\d{2}-\d{2}$/;

/** Nobody registering today was born before this year. */
export const FIRST_BIRTH_YEAR = 1900;

const isLeap = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

function daysInMonth(month: number, year: number | null): number {
  if (month === 2) return year === null || isLeap(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * What is wrong with a stored-form birthday, or null when it can be stored. A date after `today`
 * (the shop's calendar day, YYYY-MM-DD) is refused; without `today` only the calendar is checked.
 * 29 February without a year is a real birthday.
 */
export function birthdayProblem(stored: string, today?: string): BirthdayProblem | null {
  if (!STORED_BIRTHDAY_RE.test(stored)) return 'birthday.invalid';
  const year = stored.startsWith('--') ? null : Number(stored.slice(0, 4));
  const month = Number(stored.slice(-5, -3));
  const day = Number(stored.slice(-2));
  if (year !== null && year < FIRST_BIRTH_YEAR) return 'birthday.invalid';
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(month, year)) return 'birthday.invalid';
  if (year !== null && today !== undefined && stored > today) return 'birthday.future';
  return null;
}

const pad2 = (digits: string): string => digits.padStart(2, '0');

// Year, month, day in that order (the order of zh-CN and of ISO 8601, for both languages), with
// -, /, ., spaces or 年月日 between them; or month and day alone.
const WHOLE_RE = /^(\d{4})[-/. ](\d{1,2})[-/. ](\d{1,2})$/;
const COMPACT_RE = /^(\d{4})(\d{2})(\d{2})$/;
const MONTH_DAY_RE = /^(?:--)?(\d{1,2})[-/. ](\d{1,2})$/;

/**
 * The stored form of what a cashier typed in the birthday field: null for an empty field, the
 * ISO form when the text has the field's shape (the calendar is checked by birthdayProblem),
 * or the text itself, which birthdayProblem then refuses as invalid.
 */
export function birthdayFromText(text: string): string | null {
  const cleaned = text
    .normalize('NFKC')
    .trim()
    .replace(/\s*[年月]\s*/g, '-')
    .replace(/\s*日$/, '')
    .replace(/\s*([-/.])\s*/g, '$1')
    .replace(/\s+/g, ' ');
  if (cleaned === '') return null;
  const whole = WHOLE_RE.exec(cleaned) ?? COMPACT_RE.exec(cleaned);
  if (whole) return `${whole[1]}-${pad2(whole[2] ?? '')}-${pad2(whole[3] ?? '')}`;
  const monthDay = MONTH_DAY_RE.exec(cleaned);
  if (monthDay) return `--${pad2(monthDay[1] ?? '')}-${pad2(monthDay[2] ?? '')}`;
  return cleaned;
}

/** The text the birthday field shows for a stored birthday: `YYYY-MM-DD`, or `MM-DD` without a year. */
export function birthdayText(stored: string | null): string {
  if (stored === null) return '';
  return stored.startsWith('--') ? stored.slice(2) : stored;
}

import { isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js';
import { looksLikeCardNumber } from './cardNumber';

// Members are found and de-duplicated by phone, so every phone is stored as E.164.
// Mainland China (+86) numbers must be mobiles (1[3-9] + 9 digits): the phone is bound to the
// member for SMS verification, and libphonenumber's small metadata accepts some non-mobile
// 11-digit numbers. Other countries need only a possible length for that country — the bundled
// metadata lags real allocations, and refusing a visitor's real number at the till is worse.

const CN_MOBILE_RE = /^1[3-9]\d{9}$/;
const ALLOWED_RE = /^[\d+\s\-().]+$/;

// Chinese input methods type full-width digits, plus and hyphen; treat them as ASCII.
function toAscii(text: string): string {
  return text.replace(/[\uFF10-\uFF19\uFF0B\uFF0D]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

export function normalizePhone(text: string, defaultCountry: 'CN' | string = 'CN'): string | null {
  const cleaned = toAscii(text).trim();
  if (cleaned === '' || !ALLOWED_RE.test(cleaned)) return null;
  const country = isSupportedCountry(defaultCountry) ? defaultCountry : 'CN';
  const parsed = parsePhoneNumberFromString(cleaned, country);
  if (!parsed) return null;
  if (parsed.countryCallingCode === '86') {
    return CN_MOBILE_RE.test(parsed.nationalNumber) && parsed.isValid() ? parsed.number : null;
  }
  return parsed.isPossible() ? parsed.number : null;
}

/** "+8613812345678" → "+86 138****5678": country code, first 3 and last 4 national digits. */
export function maskPhone(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) {
    // Not a phone we understand: still never show more than the last 4 digits.
    const digits = e164.replace(/\D/g, '');
    return digits.length <= 4 ? '*'.repeat(digits.length) : '*'.repeat(digits.length - 4) + digits.slice(-4);
  }
  const nat = parsed.nationalNumber;
  // Short numbers would be fully revealed by 3 + 4; keep only the last 4 visible for them.
  const head = nat.length >= 10 ? nat.slice(0, 3) : '';
  const tail = nat.length > 4 ? nat.slice(-4) : '';
  return `+${parsed.countryCallingCode} ${head}${'*'.repeat(nat.length - head.length - tail.length)}${tail}`;
}

/** What a phone-shaped search text asks for: the whole number (when it is one) and its digits. */
export interface PhoneQuery {
  /** The text as registration would store it, or null when it is not a whole phone number. */
  e164: string | null;
  /** Its digits, to match the end of stored numbers ("the last digits"). */
  digits: string;
}

/** Fewest and most digits a search by the end of a phone number takes (E.164 has at most 15). */
export const PHONE_TAIL_MIN = 4;
export const PHONE_TAIL_MAX = 15;

/**
 * A search text read as a phone number, or null when it is not one (a name, a card, too few
 * digits). The whole number is normalised by normalizePhone, exactly as registration does.
 */
export function phoneQuery(text: string, defaultCountry: 'CN' | string = 'CN'): PhoneQuery | null {
  const cleaned = toAscii(text.normalize('NFKC')).trim();
  if (!ALLOWED_RE.test(cleaned)) return null;
  const digits = cleaned.replace(/\D/g, '');
  if (digits.length < PHONE_TAIL_MIN || digits.length > PHONE_TAIL_MAX) return null;
  return { e164: normalizePhone(cleaned, defaultCountry), digits };
}

/** Digits, +, spaces and dashes only, 7+ digits, and not a 16-digit card number. */
export function looksLikePhone(text: string): boolean {
  const t = toAscii(text).trim();
  if (!/^[\d+\s-]+$/.test(t)) return false;
  return t.replace(/\D/g, '').length >= 7 && !looksLikeCardNumber(t);
}

import { parseKeyHex, permuteSerial } from './feistel';
import { TERMINAL_CODE_RE } from './patterns';

// Card numbers are made at the till, offline, yet must be unique across the chain and must not
// reveal a neighbour's card: 16 digits = 5-digit terminal code (unique per chain, given at
// enrolment) + 10-digit keyed permutation of the terminal's local serial + 1 Luhn check digit.
// The permutation is a bijection, so unique serials give unique numbers on a terminal, and the
// terminal code keeps terminals apart. The Luhn digit catches a mistyped digit at the till.

const CARD_RE = /^\d{16}$/;

export type CardParse = { ok: true; number: string } | { ok: false; reason: 'format' | 'check_digit' };

// Luhn sum of a digit string where the rightmost digit is doubled when `doubleRightmost`.
function luhnSum(digits: string, doubleRightmost: boolean): number {
  let sum = 0;
  for (let i = digits.length - 1, pos = 0; i >= 0; i--, pos++) {
    let d = digits.charCodeAt(i) - 48;
    if ((pos % 2 === 0) === doubleRightmost) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum;
}

export function luhnCheckDigit(digitsWithoutCheck: string): string {
  if (!/^\d+$/.test(digitsWithoutCheck)) throw new RangeError('luhnCheckDigit needs digits only');
  return String((10 - (luhnSum(digitsWithoutCheck, true) % 10)) % 10);
}

export function isLuhnValid(digits: string): boolean {
  return /^\d{2,}$/.test(digits) && luhnSum(digits, false) % 10 === 0;
}

export function issueCardNumber(terminalCode: string, serial: number, keyHex: string): string {
  return cardNumberIssuer(terminalCode, keyHex)(serial);
}

/** issueCardNumber with the terminal's code checked and key parsed once, for many cards in a row (an import). */
export function cardNumberIssuer(terminalCode: string, keyHex: string): (serial: number) => string {
  if (!TERMINAL_CODE_RE.test(terminalCode)) throw new RangeError(`terminal code must be 5 digits: ${terminalCode}`);
  const key = parseKeyHex(keyHex);
  return (serial) => {
    const body = terminalCode + String(permuteSerial(serial, key)).padStart(10, '0');
    return body + luhnCheckDigit(body);
  };
}

// Scanners and people add spaces or dashes between the groups.
const strip = (text: string): string => text.replace(/[\s-]/g, '');

export function parseCardNumber(text: string): CardParse {
  const digits = strip(text);
  if (!CARD_RE.test(digits)) return { ok: false, reason: 'format' };
  if (!isLuhnValid(digits)) return { ok: false, reason: 'check_digit' };
  return { ok: true, number: digits };
}

/** Used by the till to tell a scanned/typed card from a phone number. */
export function looksLikeCardNumber(text: string): boolean {
  return CARD_RE.test(strip(text));
}

/** "1234567890123456" → "1234 5678 9012 3456" (for print and screen). */
export function formatCardNumber(n: string): string {
  return strip(n).replace(/(\d{4})(?=\d)/g, '$1 ');
}

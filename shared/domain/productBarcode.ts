import { looksLikeCardNumber } from './cardNumber';

// The scanner types digits and Enter for a member card and for a product alike. A member card is
// 16 digits (cardNumber.ts); a product barcode is a GS1 number of 8, 12, 13 or 14 digits (EAN-8,
// UPC-A, EAN-13, ITF-14) whose last digit checks. A Chinese mobile number has 11 digits: never a barcode.

const BARCODE_RE = /^(\d{8}|\d{12,14})$/;

/** The GS1 check digit of the digits before it: weights 3,1,3,… from the right. */
export function gs1CheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i += 1) {
    const digit = body.charCodeAt(body.length - 1 - i) - 48;
    sum += digit * (i % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

/** A product barcode: 8, 12, 13 or 14 digits with a valid GS1 check digit. */
export function isProductBarcode(text: string): boolean {
  const t = text.trim();
  if (!BARCODE_RE.test(t)) return false;
  return gs1CheckDigit(t.slice(0, -1)) === Number(t.slice(-1));
}

/** What a scan or an Enter in the scan field is: a member card, a product, or text to search. */
export function scanKind(text: string): 'card' | 'product' | 'search' {
  if (looksLikeCardNumber(text)) return 'card';
  if (isProductBarcode(text)) return 'product';
  return 'search';
}

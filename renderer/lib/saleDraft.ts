import { MAX_SALE_MINOR, parseMoneyInput } from '../../shared/domain/money';
import type { SaleLineInput } from '../../shared/contract/sales';

// What the cashier has keyed, as text, turned into the contract's sale lines. Pure, so the
// rules (what counts as an amount, a line, a points figure) are tested without a browser.

export interface LineDraft {
  key: string;
  sku: string;
  name: string;
  category: string;
  quantity: string;
  unitPrice: string;
}

export type SaleMode = 'amount' | 'items';

export type DraftLines =
  | { kind: 'empty' }
  | { kind: 'invalidAmount' }
  | { kind: 'invalidLine'; lineNo: number }
  | { kind: 'tooLarge' }
  | { kind: 'ok'; lines: SaleLineInput[]; subtotalMinor: number };

/** The sku an amount-only sale is recorded under (a shop's till has no item list for it). */
export const AMOUNT_SKU = 'AMOUNT';

export function amountLines(amountText: string, currency: string): DraftLines {
  if (amountText.trim() === '') return { kind: 'empty' };
  const minor = parseMoneyInput(amountText, currency);
  if (minor === null || minor <= 0) return { kind: 'invalidAmount' };
  return {
    kind: 'ok',
    subtotalMinor: minor,
    lines: [{ sku: AMOUNT_SKU, name: '', category: '', quantity: 1, unitPriceMinor: minor }],
  };
}

export function parseQuantity(text: string): number | null {
  const t = text.trim();
  if (!/^\d{1,4}$/.test(t)) return null;
  const n = Number(t);
  return n >= 1 && n <= 9_999 ? n : null;
}

const isBlank = (l: LineDraft): boolean => l.sku.trim() === '' && l.name.trim() === '' && l.unitPrice.trim() === '';

export function itemLines(drafts: LineDraft[], currency: string): DraftLines {
  const filled = drafts.map((d, i) => ({ d, lineNo: i + 1 })).filter(({ d }) => !isBlank(d));
  if (filled.length === 0) return { kind: 'empty' };
  const lines: SaleLineInput[] = [];
  let subtotal = 0;
  for (const { d, lineNo } of filled) {
    const quantity = parseQuantity(d.quantity);
    const unitPriceMinor = parseMoneyInput(d.unitPrice, currency);
    if (d.sku.trim() === '' || d.sku.trim().length > 40 || quantity === null || unitPriceMinor === null)
      return { kind: 'invalidLine', lineNo };
    subtotal += quantity * unitPriceMinor;
    lines.push({
      sku: d.sku.trim(),
      name: d.name.trim().slice(0, 80),
      category: d.category.trim(),
      quantity,
      unitPriceMinor,
    });
  }
  if (lines.length > 200 || subtotal > MAX_SALE_MINOR) return { kind: 'tooLarge' };
  if (subtotal <= 0) return { kind: 'invalidAmount' };
  return { kind: 'ok', lines, subtotalMinor: subtotal };
}

/** Keypad presses on the amount text: digits, '00', '.', backspace, clear. Keeps at most 2 decimals. */
export function pressKey(text: string, key: string): string {
  if (key === 'C') return '';
  if (key === '⌫') return text.slice(0, -1);
  if (key === '.') return text.includes('.') ? text : text === '' ? '0.' : `${text}.`;
  if (!/^\d+$/.test(key)) return text;
  const next = text === '0' ? key.replace(/^0+/, '') || '0' : text + key;
  const dot = next.indexOf('.');
  if (dot >= 0 && next.length - dot - 1 > 2) return text;
  return next.replace(/\./g, '').length > 9 ? text : next;
}

let nextKey = 0;
export function blankLine(): LineDraft {
  nextKey += 1;
  return { key: `l${nextKey}`, sku: '', name: '', category: '', quantity: '1', unitPrice: '' };
}

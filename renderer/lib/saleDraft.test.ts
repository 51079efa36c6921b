import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { MAX_SALE_MINOR } from '../../shared/domain/money';
import { parsePointsText as parsePoints } from '../../shared/domain/rules/pointsEntry';
import { amountLines, blankLine, itemLines, parseQuantity, pressKey } from './saleDraft';

describe('amountLines', () => {
  it('makes one line for a keyed amount', () => {
    expect(amountLines('128.50', 'CNY')).toEqual({
      kind: 'ok',
      subtotalMinor: 12850,
      lines: [{ sku: 'AMOUNT', name: '', category: '', quantity: 1, unitPriceMinor: 12850 }],
    });
  });
  it('refuses negative, zero, absurd and non-numeric amounts', () => {
    for (const text of ['-5', '0', '0.00', '1000000.01', '99999999999', 'abc', '1.234']) {
      expect(amountLines(text, 'CNY').kind).toBe('invalidAmount');
    }
    expect(amountLines('  ', 'CNY').kind).toBe('empty');
  });
  it('never yields a line outside the contract for any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (text) => {
        const r = amountLines(text, 'CNY');
        if (r.kind === 'ok') {
          expect(r.subtotalMinor).toBeGreaterThan(0);
          expect(r.subtotalMinor).toBeLessThanOrEqual(MAX_SALE_MINOR);
          expect(Number.isInteger(r.subtotalMinor)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('itemLines', () => {
  const line = (sku: string, quantity: string, unitPrice: string) => ({ ...blankLine(), sku, quantity, unitPrice });
  it('totals quantity × unit price and skips blank rows', () => {
    const r = itemLines([line('A1', '2', '3.50'), blankLine(), line('B2', '1', '10')], 'CNY');
    expect(r.kind === 'ok' && r.subtotalMinor).toBe(1700);
  });
  it('names the first bad line', () => {
    expect(itemLines([line('A1', '2', '3.50'), line('B2', '0', '1')], 'CNY')).toEqual({
      kind: 'invalidLine',
      lineNo: 2,
    });
    expect(itemLines([line('', '1', '1')], 'CNY')).toEqual({ kind: 'invalidLine', lineNo: 1 });
  });
  it('refuses a sale above the absurd-amount guard', () => {
    expect(itemLines([line('A1', '9999', '999999')], 'CNY').kind).toBe('tooLarge');
  });
});

describe('parsePoints / parseQuantity', () => {
  it('accepts whole numbers only', () => {
    expect(parsePoints('')).toBe(0);
    expect(parsePoints('250')).toBe(250);
    expect(parsePoints('-1')).toBeNull();
    expect(parsePoints('1.5')).toBeNull();
    expect(parseQuantity('0')).toBeNull();
    expect(parseQuantity('12')).toBe(12);
  });
});

describe('pressKey', () => {
  it('builds an amount from keypad presses', () => {
    const typed = ['1', '2', '8', '.', '5', '0'].reduce(pressKey, '');
    expect(typed).toBe('128.50');
    expect(pressKey(typed, '9')).toBe('128.50');
    expect(pressKey(typed, '⌫')).toBe('128.5');
    expect(pressKey(typed, 'C')).toBe('');
    expect(pressKey('', '.')).toBe('0.');
  });
  it('always leaves text that parses or is a prefix of an amount', () => {
    const keys = fc.constantFrom('0', '1', '5', '9', '00', '.', '⌫', 'C');
    fc.assert(
      fc.property(fc.array(keys, { maxLength: 30 }), (presses) => {
        const text = presses.reduce(pressKey, '');
        expect(text).toMatch(/^\d*(\.\d{0,2})?$/);
      }),
      { numRuns: 300 },
    );
  });
});

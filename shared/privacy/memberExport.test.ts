import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell } from './memberExport';

/** Reads one CSV cell back (RFC 4180): quoted with doubled quotes, or as it stands. */
function readCell(cell: string): string {
  if (!cell.startsWith('"')) return cell;
  expect(cell.endsWith('"')).toBe(true);
  const inner = cell.slice(1, -1);
  expect(inner.replace(/""/g, '')).not.toContain('"');
  return inner.replace(/""/g, '"');
}

describe('a CSV cell of the member export', () => {
  it('reads back as the text, and a spreadsheet never runs it as a formula', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-composite', maxLength: 40 }), (text) => {
        const cell = csvCell(text);
        const back = readCell(cell);
        const formula = /^[=+\-@\t\r]/.test(text);
        expect(back).toBe(formula ? `'${text}` : text);
        expect(/^[=+\-@\t\r]/.test(back)).toBe(false);
        // One cell: a comma or a line break inside never splits it (they are quoted).
        if (/[,\r\n]/.test(text)) expect(cell.startsWith('"')).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('writes numbers and booleans as they are, and null as nothing', () => {
    expect([csvCell(-42), csvCell(true), csvCell(null), csvCell('=1+1'), csvCell('a,"b"')]).toEqual([
      '-42',
      'true',
      '',
      "'=1+1",
      '"a,""b"""',
    ]);
  });
});

import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toCsv, toCsvFile } from './csv';

const FORMULA = /^[=+\-@\t\r]/;

describe('the one CSV writer', () => {
  it('reads back cell for cell, and a spreadsheet never runs a cell as a formula', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ unit: 'grapheme-composite', maxLength: 30 }), { minLength: 1, maxLength: 4 }), {
          minLength: 1,
          maxLength: 5,
        }),
        (rows) => {
          const back: string[][] = parse(toCsv(rows), { relax_column_count: true });
          expect(back).toEqual(rows.map((row) => row.map((text) => (FORMULA.test(text) ? `'${text}` : text))));
          for (const row of back) for (const cell of row) expect(FORMULA.test(cell)).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('writes numbers and yes/no as they are, a blank as nothing, and ends every row with CRLF', () => {
    expect(toCsv([[-42, true, false, null, '=1+1', 'a,"b"']])).toBe(`-42,true,false,,'=1+1,"a,""b"""\r\n`);
  });

  it('starts a file for Excel with a byte-order mark', () => {
    expect(toCsvFile([['会员']])).toBe('\uFEFF会员\r\n');
  });
});

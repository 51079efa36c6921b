import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { MAX_SCREEN_IMPORT_BYTES } from '../../../shared/contract/memberImport';
import { importReportHeader } from '../../../shared/contract/memberImportText';
import { checkAndDispose, errorOf, openTestShop, unwrap, type TestCore } from '../services.testkit';
import { countRows, encoded, mobile } from './memberImport.testkit';

let core: TestCore | null = null;
afterEach(() => {
  if (core) checkAndDispose(core);
  core = null;
});

const FILE = `姓名,手机号,积分\n甲,${mobile(1)},120\n乙,12345,5\n丙,${mobile(3)},\n`;

describe('importMembers (the manager screen)', () => {
  it('imports GB18030 bytes as base64, answers the summary, lines and report in the till language', async () => {
    core = await openTestShop();
    unwrap(await core.api.setLocale({ locale: 'en' }));
    const base64 = encoded(FILE, 'gb18030').toString('base64');
    const answer = unwrap(await core.api.importMembers({ fileName: 'old.csv', base64 }));
    expect(answer.summary).toMatchObject({ encoding: 'gb18030', rows: 3, imported: 2, refused: 1, points: 120 });
    expect(answer.lines).toEqual([
      {
        line: 3,
        outcome: 'refused',
        reason: 'phone_invalid',
        outcomeText: 'refused',
        reasonText: 'phone number not valid',
      },
    ]);
    expect(answer.report?.fileName).toBe('old.errors.csv');
    expect(answer.report?.csv.startsWith('\uFEFF')).toBe(true);
    expect(parse(answer.report?.csv ?? '', { bom: true })).toEqual([
      [...importReportHeader.en],
      ['3', 'refused', 'phone number not valid'],
    ]);
    // Text, again: the two members are skipped, never doubled.
    const again = unwrap(await core.api.importMembers({ fileName: 'old.csv', text: FILE }));
    expect(again.summary).toMatchObject({ imported: 0, skipped: 2, refused: 1 });
    expect(countRows(core, 'members')).toBe(2);
  });

  it('refuses a file without the columns it needs, and one too large for the screen, writing nothing', async () => {
    core = await openTestShop();
    const refused = errorOf(await core.api.importMembers({ fileName: 'x.csv', text: 'foo,bar\n1,2\n' }));
    expect(refused.code).toBe('IMPORT_FILE_REFUSED');
    expect(refused.details).toMatchObject({ problem: 'missing_columns', fields: ['name', 'phone'] });
    const big = Buffer.alloc(MAX_SCREEN_IMPORT_BYTES + 3, 'a').toString('base64');
    expect(errorOf(await core.api.importMembers({ fileName: 'big.csv', base64: big })).code).toBe('VALIDATION');
    expect(errorOf(await core.api.importMembers({ fileName: 'none.csv' })).code).toBe('VALIDATION');
    expect(countRows(core, 'members')).toBe(0);
  });
});

describe('exportTable (the manager screen)', () => {
  it('answers the command line export as one file, phones masked', async () => {
    core = await openTestShop();
    unwrap(await core.api.importMembers({ fileName: 'old.csv', text: FILE }));
    const file = unwrap(await core.api.exportTable({ table: 'members', from: '2025-06-01' }));
    expect(file.fileName).toMatch(/^members-\d{8}\.csv$/);
    const rows = parse(file.csv, { bom: true }) as string[][];
    expect(rows).toHaveLength(3);
    expect(rows.some((r) => r.includes(mobile(1)))).toBe(false);
    const reversed = errorOf(await core.api.exportTable({ table: 'sales', from: '2025-06-02', to: '2025-06-01' }));
    expect(reversed.code).toBe('VALIDATION');
  });
});

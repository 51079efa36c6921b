import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encoded, mobile } from '../services/memberImport/memberImport.testkit';
import { runCliSync, type CliRun } from './cli.testkit';
import { EXIT } from './exitCodes';

// The real command line, as shop IT runs it (`npx tillcard` → build/scripts/tillcard.mjs → the bundle),
// on a temp data folder: exit codes and --json.
let dir = '';

const tillcard = (...args: string[]): CliRun => runCliSync(join(dir, 'data'), args, { LANG: 'en_GB.UTF-8' });

function json(stdout: string): Record<string, unknown> {
  return JSON.parse(stdout) as Record<string, unknown>;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tillcard-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('tillcard (the command line)', () => {
  it('answers usage errors with 2 and help with 0', () => {
    expect(tillcard('--help').code).toBe(EXIT.ok);
    expect(tillcard('nonsense').code).toBe(EXIT.usage);
    expect(tillcard('export', 'members', '--bogus').code).toBe(EXIT.usage);
    // A value the command refuses is `refused` (3), as every refused input is.
    expect(tillcard('export', 'customers').code).toBe(EXIT.refused);
    expect(tillcard('--lang', 'fr', 'demo').code).toBe(EXIT.refused);
  }, 180_000);

  it('refuses an import before the till has a shop, then sets up the demo shop once', () => {
    const file = join(dir, 'one.csv');
    writeFileSync(file, `name,phone\nA,${mobile(1)}\n`);
    const early = tillcard('import', 'members', file, '--json');
    expect(early.code).toBe(EXIT.refused);
    expect(json(early.stdout)).toMatchObject({ ok: false, error: { code: 'NOT_CONFIGURED' } });
    expect(json(tillcard('demo', '--json').stdout)).toMatchObject({ ok: true, created: true });
    const again = tillcard('demo', '--json');
    expect(again.code).toBe(EXIT.ok);
    expect(json(again.stdout)).toMatchObject({ ok: true, created: false });
  }, 180_000);

  it('imports a GBK file, exits 7 (partial) when rows were refused, writing the report in the language asked', () => {
    const file = join(dir, 'members.csv');
    const rows = [1, 2, 3, 4].map((i) => `会员${i},${mobile(100 + i)},${i * 10}`);
    writeFileSync(file, encoded(`姓名,手机号,积分\n${rows.join('\n')}\n坏行,123,5\n`, 'gb18030'));
    const run = tillcard('import', 'members', file, '--json', '--lang', 'zh-CN');
    expect(run.code).toBe(EXIT.partial);
    const answer = json(run.stdout);
    expect(answer).toMatchObject({
      ok: true,
      summary: { encoding: 'gb18030', rows: 5, imported: 4, refused: 1, points: 100 },
      errorReport: join(dir, 'members.errors.csv'),
    });
    const report = readFileSync(join(dir, 'members.errors.csv'), 'utf8');
    expect(report).toBe('\uFEFF行号,结果,原因\r\n6,未导入,手机号无效\r\n');
  }, 180_000);

  it('imports nothing twice: a clean re-run skips every row and exits 0', () => {
    const file = join(dir, 'clean.csv');
    writeFileSync(file, `name,phone\nB,${mobile(201)}\nC,${mobile(202)}\n`);
    expect(tillcard('import', 'members', file).code).toBe(EXIT.ok);
    const again = tillcard('import', 'members', file, '--json');
    expect(again.code).toBe(EXIT.ok);
    expect(json(again.stdout)).toMatchObject({ summary: { imported: 0, skipped: 2, refused: 0 } });
  }, 180_000);

  it('refuses a binary file and one without the phone column with 3, naming why', () => {
    const binary = join(dir, 'book.xlsx');
    writeFileSync(binary, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00]));
    const run = tillcard('import', 'members', binary, '--json');
    expect(run.code).toBe(EXIT.refused);
    expect(json(run.stdout)).toMatchObject({ ok: false, error: { code: 'binary' } });
    const noPhone = join(dir, 'nophone.csv');
    writeFileSync(noPhone, 'name,notes\nA,x\n');
    const refused = tillcard('import', 'members', noPhone, '--lang', 'en');
    expect(refused.code).toBe(EXIT.refused);
    expect(refused.stderr).toContain('Required columns missing: phone');
    expect(tillcard('import', 'members', join(dir, 'absent.csv')).code).toBe(EXIT.refused);
  }, 180_000);

  it('exports members as CSV with a BOM, phones masked', () => {
    const out = join(dir, 'members-out.csv');
    const run = tillcard('export', 'members', '--out', out, '--json', '--lang', 'en');
    expect(run.code).toBe(EXIT.ok);
    const csv = readFileSync(out, 'utf8');
    expect(csv.startsWith('\uFEFFCard,Name,Phone,')).toBe(true);
    expect(csv).toContain('会员1');
    expect(csv).not.toContain(mobile(101));
    expect(tillcard('export', 'ledger', '--from', '2026-13-01').code).toBe(EXIT.refused);
  }, 180_000);
});

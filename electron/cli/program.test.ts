import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DatabaseKeyError } from '../../db/databaseKeyError';
import { openKeyedSqlite } from '../../db/open';
import { DomainError } from '../../shared/contract';
import { FakeSafeStorage } from '../electron.fake.testkit';
import { sealedKeyStore } from '../platform/databaseKey';
import { TILL_LOCK_FILE } from '../platform/tillLock';
import { setupDemoShop } from '../services/demoShop';
import { ImportFileError } from '../services/memberImport/importFileError';
import { listBackups } from '../services/backups';
import { openTerminalCore } from '../terminal/terminalCore';
import { CliError } from './cliError';
import { electronCliHost, nodeCliHost, type CliHost } from './cliHost';
import { commanderError } from './commanderText';
import { EXIT } from './exitCodes';
import { failureOf } from './failure';
import { cliArgsOf, runCli } from './program';

// The command line's program run in this process (help, usage errors, the one failure mapping, both hosts)
// on a real data folder. Electron's safeStorage is the one part faked (FakeSafeStorage, electron.fake.testkit.ts).

interface Ran {
  code: number;
  out: string;
  err: string;
}

/** One run with what it printed: console and the process's streams (commander writes help to the latter). */
async function cli(host: CliHost, ...args: string[]): Promise<Ran> {
  const printed = { out: '', err: '' };
  const into =
    (stream: 'out' | 'err') =>
    (...parts: unknown[]) => {
      printed[stream] += `${parts.map(String).join(' ')}\n`;
      return true;
    };
  const spies = [
    vi.spyOn(console, 'log').mockImplementation(into('out')),
    vi.spyOn(console, 'error').mockImplementation(into('err')),
    vi.spyOn(process.stdout, 'write').mockImplementation(into('out')),
    vi.spyOn(process.stderr, 'write').mockImplementation(into('err')),
  ];
  try {
    const code = await runCli(args, host);
    return { code, ...printed };
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
}

describe("commander's own words", () => {
  it('--help in zh-CN has no English heading or help line, for the program and a command', async () => {
    for (const args of [['--help'], ['backup', '--help'], ['export', '--help'], ['help', 'status']]) {
      const ran = await cli(nodeCliHost, '--lang', 'zh-CN', ...args);
      expect(ran.code).toBe(EXIT.ok);
      expect(ran.out).toContain('用法：');
      expect(ran.out).toContain('选项：');
      for (const english of ['Usage:', 'Options:', 'Commands:', 'Arguments:', 'display help', 'output the version'])
        expect(ran.out).not.toContain(english);
    }
    expect((await cli(nodeCliHost, '--lang', 'zh-CN', '--help')).out).toContain('命令：');
    expect((await cli(nodeCliHost, '--lang', 'en', '--help')).out).toContain('Usage: tillcard');
  });

  it('a bad option or command prints a zh-CN line and exits usage (2)', async () => {
    const option = await cli(nodeCliHost, '--lang', 'zh-CN', 'status', '--bogus');
    expect(option.code).toBe(EXIT.usage);
    expect(option.err).toContain('错误：未知的选项 --bogus');
    expect(option.err).toContain('（加 --help 查看用法）');
    expect(option.err).not.toContain('error:');
    const command = await cli(nodeCliHost, '--lang', 'zh-CN', 'statsu');
    expect(command.code).toBe(EXIT.usage);
    expect(command.err).toContain('错误：未知的命令 statsu');
    expect(command.err).toContain('（是不是要用 status？）');
    const missing = await cli(nodeCliHost, '--lang', 'zh-CN', 'restore');
    expect(missing).toMatchObject({ code: EXIT.usage });
    expect(missing.err).toContain('错误：缺少参数 file');
  });

  it("words each of commander's errors, and leaves a line it does not know as it is", () => {
    expect(commanderError("error: option '--url <url>' argument missing\n", 'zh-CN')).toBe(
      '错误：选项 --url <url> 缺少值\n',
    );
    expect(commanderError("error: required option '--now' not specified\n", 'en')).toBe(
      "error: required option '--now' not specified\n",
    );
    expect(commanderError('error: too many arguments. Expected 1 argument but got 2.\n', 'zh-CN')).toBe(
      '错误：参数过多（应为 1 个，实际 2 个）\n',
    );
    fc.assert(
      fc.property(fc.string(), (text) => {
        fc.pre(!text.startsWith('error:'));
        expect(commanderError(text, 'zh-CN')).toBe(text);
      }),
    );
  });

  it('finds the words after --cli in the app arguments, and none for the till', () => {
    expect(cliArgsOf(['/opt/Tillcard/tillcard', '--no-sandbox', '--cli', 'backup', '--out', 'x.db'])).toEqual([
      'backup',
      '--out',
      'x.db',
    ]);
    expect(cliArgsOf(['electron', '.'])).toBeNull();
  });
});

describe('one mapping from a failure to an exit status', () => {
  it('a refused input is refused (3), head office is 6, a key is 5, a bug is 1', () => {
    const at = (error: unknown) => failureOf(error, 'en').exit;
    expect(at(new DomainError('VALIDATION', { field: 'url' }))).toBe(EXIT.refused);
    expect(at(new DomainError('NOT_CONFIGURED'))).toBe(EXIT.refused);
    expect(at(new DomainError('HEADOFFICE_UNREACHABLE'))).toBe(EXIT.headOffice);
    expect(at(new ImportFileError('binary'))).toBe(EXIT.refused);
    expect(at(new DatabaseKeyError('DATABASE_KEY_WRONG', 'terminal.key'))).toBe(EXIT.noDatabase);
    expect(at(new CliError(EXIT.tillRunning, 'TILL_RUNNING', 'x'))).toBe(EXIT.tillRunning);
    expect(at(new Error('boom'))).toBe(EXIT.failure);
    expect(failureOf(new Error('boom'), 'zh-CN')).toEqual({
      exit: EXIT.failure,
      code: 'INTERNAL',
      message: '失败：boom',
    });
  });

  it('refuses a bad value the same way in every command: 3, with its code', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tillcard-refused-'));
    try {
      const refused = [
        ['export', 'customers'],
        ['export', 'ledger', '--from', '2026-13-01'],
        ['import', 'members', join(dir, 'absent.csv')],
        ['import', 'members', join(dir, 'x.csv'), '--encoding', 'klingon'],
        ['--lang', 'fr', 'demo'],
        ['backup', '--out', join(dir, 'no', 'such', 'x.db')],
      ];
      for (const args of refused)
        expect((await cli(nodeCliHost, '--data-dir', dir, ...args)).code, args.join(' ')).toBe(EXIT.refused);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('an installed till: its key sealed by the keyring', () => {
  let dir = '';
  const keyring = new FakeSafeStorage();
  const inApp = electronCliHost(keyring, () => dir);
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tillcard-sealed-'));
    const core = openTerminalCore({ dataDir: dir, databaseKey: sealedKeyStore(dir, keyring), log: () => undefined });
    setupDemoShop(core.ctx);
    core.close();
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  afterEach(() => expect(existsSync(join(dir, TILL_LOCK_FILE))).toBe(false));

  it('plain Node refuses with KEY_SEALED (5) and says to run it through the app, in both languages', async () => {
    const en = await cli(nodeCliHost, '--data-dir', dir, '--lang', 'en', 'status');
    expect(en.code).toBe(EXIT.noDatabase);
    expect(en.err).toContain('[KEY_SEALED]');
    expect(en.err).toContain('Tillcard.exe --cli <command>');
    const zh = await cli(nodeCliHost, '--data-dir', dir, '--lang', 'zh-CN', 'export', 'members');
    expect(zh.code).toBe(EXIT.noDatabase);
    expect(zh.err).toContain('/opt/Tillcard/tillcard --cli <命令>');
  });

  it("inside the app the same commands open it: status, backup and export, on the app's own folder", async () => {
    const status = await cli(inApp, 'status', '--json');
    expect(status).toMatchObject({ code: EXIT.ok, err: '' });
    expect(JSON.parse(status.out)).toMatchObject({ backupsKept: 0 });
    const backup = await cli(inApp, '--lang', 'en', 'backup');
    expect(backup.code).toBe(EXIT.ok);
    expect(backup.out).toContain('Backup written and checked');
    const [file] = listBackups(dir);
    if (file === undefined) throw new Error('no backup written');
    const key = sealedKeyStore(dir, keyring).keyFor('encrypted');
    const copy = openKeyedSqlite(file, key);
    try {
      expect(copy.prepare('SELECT count(*) FROM members').pluck().get()).toBeGreaterThan(0);
    } finally {
      copy.close();
    }
    const exported = await cli(inApp, 'export', 'members');
    expect(exported.code).toBe(EXIT.ok);
    expect(exported.out).toContain('\uFEFF');
  });

  it("another user's keyring cannot open it: KEY_WRONG (5), nothing written", async () => {
    const stranger = electronCliHost(new FakeSafeStorage(), () => dir);
    const ran = await cli(stranger, 'status');
    expect(ran.code).toBe(EXIT.noDatabase);
    expect(ran.err).toContain('[KEY_WRONG]');
  });
});

import { createHash, randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isDatabaseKeyError } from '../../db/databaseKeyError';
import { databaseFileState } from '../../db/encryption';
import { openKeyedSqlite } from '../../db/open';
import { keyBeside, KEY_FILE_NAME } from '../platform/databaseKey';
import { DB_FILE_NAME, openTerminalCore, type TerminalCore } from './terminalCore';

// Encryption at rest, end to end through the terminal core both hosts open: a real SQLite file
// (better-sqlite3-multiple-ciphers, SQLCipher 4 scheme) and the browser host's key file.

const dirs: string[] = [];
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tillcard-cipher-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function demoTill(dir: string): TerminalCore {
  const core = openTerminalCore({ dataDir: dir, log: () => undefined });
  const demo = core.dispatch('setupDemoShop', {});
  if (!demo.ok) throw new Error(`demo shop: ${demo.error.code}`);
  return core;
}

const aMember = (core: TerminalCore) =>
  core.db.$client.prepare('SELECT name, phone FROM members ORDER BY rowid LIMIT 1').get() as {
    name: string;
    phone: string;
  };
const memberCount = (core: TerminalCore): number =>
  core.db.$client.prepare('SELECT count(*) FROM members').pluck().get() as number;

/** Every file of the database (main, WAL, shared memory) as bytes. */
function onDisk(dir: string): Buffer[] {
  return readdirSync(dir)
    .filter((f) => f.startsWith(DB_FILE_NAME))
    .map((f) => readFileSync(join(dir, f)));
}
const fingerprint = (dir: string): Record<string, string> =>
  Object.fromEntries(
    readdirSync(dir).map((f) => [
      f,
      createHash('sha256')
        .update(readFileSync(join(dir, f)))
        .digest('hex'),
    ]),
  );

describe('the terminal database at rest', () => {
  it('holds no member in the clear, in the file or its WAL, while open and after closing', () => {
    const dir = dataDir();
    const core = demoTill(dir);
    const member = aMember(core);
    expect(existsSync(join(dir, `${DB_FILE_NAME}-wal`))).toBe(true);
    const secrets = [member.name, member.phone, 'SQLite format 3'].map((s) => Buffer.from(s, 'utf8'));
    for (const bytes of onDisk(dir)) for (const secret of secrets) expect(bytes.includes(secret)).toBe(false);
    core.close();
    expect(databaseFileState(join(dir, DB_FILE_NAME))).toBe('encrypted');
    for (const bytes of onDisk(dir)) for (const secret of secrets) expect(bytes.includes(secret)).toBe(false);
  });

  it('keeps the key in a file only its owner may read', () => {
    const dir = dataDir();
    demoTill(dir).close();
    const key = join(dir, KEY_FILE_NAME);
    expect(statSync(key).mode & 0o777).toBe(0o600);
    expect(readFileSync(key, 'utf8')).toMatch(/^[0-9a-f]{64}\n$/);
  });

  it('refuses a wrong key with DATABASE_KEY_WRONG and changes nothing on disk', () => {
    const dir = dataDir();
    const core = demoTill(dir);
    const members = memberCount(core);
    core.close();
    const before = fingerprint(dir);
    const dbFile = join(dir, DB_FILE_NAME);
    expect(() => openKeyedSqlite(dbFile, randomBytes(32))).toThrow(
      expect.objectContaining({ code: 'DATABASE_KEY_WRONG' }),
    );
    const original = readFileSync(join(dir, KEY_FILE_NAME));
    const wrong = Buffer.from(`${randomBytes(32).toString('hex')}\n`);
    // The key file replaced by another till's, as a mixed-up backup would.
    writeFileSync(join(dir, KEY_FILE_NAME), wrong);
    const refused = catchError(() => openTerminalCore({ dataDir: dir, log: () => undefined }));
    expect(isDatabaseKeyError(refused, 'DATABASE_KEY_WRONG')).toBe(true);
    expect(String(refused)).toMatch(/密钥不正确/);
    expect(String(refused)).toMatch(/key does not open/);
    writeFileSync(join(dir, KEY_FILE_NAME), original);
    expect({ ...fingerprint(dir) }).toEqual(before);
    const again = openTerminalCore({ dataDir: dir, log: () => undefined });
    expect(memberCount(again)).toBe(members);
    again.close();
  });

  it('refuses an encrypted database whose key file is gone with DATABASE_KEY_MISSING, making no new key', () => {
    const dir = dataDir();
    demoTill(dir).close();
    unlinkSync(join(dir, KEY_FILE_NAME));
    const refused = catchError(() => openTerminalCore({ dataDir: dir, log: () => undefined }));
    expect(isDatabaseKeyError(refused, 'DATABASE_KEY_MISSING')).toBe(true);
    expect(existsSync(join(dir, KEY_FILE_NAME))).toBe(false);
  });

  it('encrypts a plain database from an earlier version in place on first open, keeping its rows', () => {
    const dir = dataDir();
    const core = demoTill(dir);
    const member = aMember(core);
    const members = memberCount(core);
    core.close();
    decryptToPlain(dir);
    expect(databaseFileState(join(dir, DB_FILE_NAME))).toBe('plain');
    expect(readFileSync(join(dir, DB_FILE_NAME)).includes(Buffer.from(member.phone))).toBe(true);

    const reopened = openTerminalCore({ dataDir: dir, log: () => undefined });
    expect(memberCount(reopened)).toBe(members);
    expect(aMember(reopened)).toEqual(member);
    expect(reopened.db.$client.pragma('journal_mode', { simple: true })).toBe('wal');
    reopened.close();
    expect(databaseFileState(join(dir, DB_FILE_NAME))).toBe('encrypted');
    expect(statSync(join(dir, KEY_FILE_NAME)).mode & 0o777).toBe(0o600);
    for (const bytes of onDisk(dir)) expect(bytes.includes(Buffer.from(member.phone))).toBe(false);
  });
});

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a refusal');
}

/** Makes the database what a version before encryption left: plain SQLite, no key file. */
function decryptToPlain(dir: string): void {
  const dbFile = join(dir, DB_FILE_NAME);
  const sqlite = openKeyedSqlite(dbFile, keyBeside(dbFile));
  sqlite.pragma('journal_mode = DELETE');
  sqlite.pragma(`rekey = ''`);
  sqlite.close();
  unlinkSync(join(dir, KEY_FILE_NAME));
}

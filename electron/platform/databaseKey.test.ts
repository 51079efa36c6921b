import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isDatabaseKeyError } from '../../db/databaseKeyError';
import { FakeSafeStorage } from '../electron.fake.testkit';
import { fileKeyStore, KEY_FILE_NAME, SEALED_KEY_FILE_NAME, sealedKeyStore } from './databaseKey';

const dirs: string[] = [];
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tillcard-key-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function refusal(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a refusal');
}

describe('the browser host key file', () => {
  it('makes a random 32-byte key once, in a 0600 file, and gives the same key after', () => {
    const dir = dataDir();
    const key = fileKeyStore(dir).keyFor('absent');
    expect(key).toHaveLength(32);
    expect(statSync(join(dir, KEY_FILE_NAME)).mode & 0o777).toBe(0o600);
    expect(fileKeyStore(dir).keyFor('encrypted').equals(key)).toBe(true);
    expect(fileKeyStore(dataDir()).keyFor('absent').equals(key)).toBe(false);
  });

  it('never makes a new key for an encrypted database: DATABASE_KEY_MISSING', () => {
    const dir = dataDir();
    expect(
      isDatabaseKeyError(
        refusal(() => fileKeyStore(dir).keyFor('encrypted')),
        'DATABASE_KEY_MISSING',
      ),
    ).toBe(true);
    expect(existsSync(join(dir, KEY_FILE_NAME))).toBe(false);
  });
});

describe('the Electron key sealed with safeStorage', () => {
  it('keeps the key only sealed, and opens it again with the same keyring', () => {
    const dir = dataDir();
    const keyring = new FakeSafeStorage();
    const key = sealedKeyStore(dir, keyring).keyFor('absent');
    const sealed = readFileSync(join(dir, SEALED_KEY_FILE_NAME));
    expect(sealed.includes(Buffer.from(key.toString('hex')))).toBe(false);
    expect(statSync(join(dir, SEALED_KEY_FILE_NAME)).mode & 0o777).toBe(0o600);
    expect(sealedKeyStore(dir, keyring).keyFor('encrypted').equals(key)).toBe(true);
    expect(existsSync(join(dir, KEY_FILE_NAME))).toBe(false);
  });

  it('refuses with DATABASE_KEY_UNAVAILABLE when there is no keyring, writing nothing', () => {
    const dir = dataDir();
    const keyring = new FakeSafeStorage();
    keyring.available = false;
    for (const state of ['absent', 'plain', 'encrypted'] as const) {
      const error = refusal(() => sealedKeyStore(dir, keyring).keyFor(state));
      expect(
        isDatabaseKeyError(error, state === 'encrypted' ? 'DATABASE_KEY_MISSING' : 'DATABASE_KEY_UNAVAILABLE'),
      ).toBe(true);
    }
    expect(existsSync(join(dir, SEALED_KEY_FILE_NAME))).toBe(false);
    // With a sealed key already there, a lost keyring still refuses rather than starting plain.
    sealedKeyStore(dir, new FakeSafeStorage()).keyFor('absent');
    expect(
      isDatabaseKeyError(
        refusal(() => sealedKeyStore(dir, keyring).keyFor('encrypted')),
        'DATABASE_KEY_UNAVAILABLE',
      ),
    ).toBe(true);
  });

  it('refuses a key sealed by another keyring (another user or machine) with DATABASE_KEY_WRONG', () => {
    const dir = dataDir();
    sealedKeyStore(dir, new FakeSafeStorage()).keyFor('absent');
    const error = refusal(() => sealedKeyStore(dir, new FakeSafeStorage()).keyFor('encrypted'));
    expect(isDatabaseKeyError(error, 'DATABASE_KEY_WRONG')).toBe(true);
  });
});

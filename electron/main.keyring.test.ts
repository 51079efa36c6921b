import { LOGS_FOLDER } from './platform/log';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { databaseKeyMessages } from '../db/databaseKeyError';
import type { createFakeElectron } from './electron.fake.testkit';
import { DB_FILE_NAME } from './terminal/terminalCore';

// main.ts on a machine with no OS keyring for safeStorage: Electron is the one part faked
// (electron.fake.testkit.ts), with its safeStorage unavailable; the terminal core is real.
const electron = vi.hoisted(() => ({ fake: undefined as ReturnType<typeof createFakeElectron> | undefined }));
vi.mock('electron', async () => {
  const { createFakeElectron: create } = await import('./electron.fake.testkit');
  electron.fake = create();
  electron.fake.safeStorage.available = false;
  return electron.fake.module;
});

describe('electron/main.ts without a keyring', () => {
  let dir: string;
  const fake = () => {
    if (!electron.fake) throw new Error('main.ts never imported electron');
    return electron.fake;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tillcard-main-keyring-'));
    vi.stubEnv('TILLCARD_DATA_DIR', dir);
    await import('./main');
    await vi.waitFor(() => expect(fake().app.exitCode).toBe(1), { timeout: 20_000 });
  }, 60_000);
  afterAll(() => {
    vi.unstubAllEnvs();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses to start, in both languages, and writes no database and no key, only its log', () => {
    const [error] = fake().app.errors;
    expect(error).toContain(databaseKeyMessages['zh-CN'].DATABASE_KEY_UNAVAILABLE);
    expect(error).toContain(databaseKeyMessages.en.DATABASE_KEY_UNAVAILABLE);
    expect(fake().windows).toEqual([]);
    expect(existsSync(join(dir, DB_FILE_NAME))).toBe(false);
    // Only the log, which says why the till did not start.
    expect(readdirSync(dir)).toEqual([LOGS_FOLDER]);
  });
});

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { createFakeElectron } from './electron.fake.testkit';
import { TILL_LOCK_FILE } from './platform/tillLock';
import { DB_FILE_NAME } from './terminal/terminalCore';

// main.ts started as `Tillcard --cli demo`: Electron is the one part faked (electron.fake.testkit.ts); the
// command line and the database behind it are real. It runs the command and exits, and is never a till.
const electron = vi.hoisted(() => ({ fake: undefined as ReturnType<typeof createFakeElectron> | undefined }));
vi.mock('electron', async () => {
  const { createFakeElectron: create } = await import('./electron.fake.testkit');
  electron.fake = create();
  return electron.fake.module;
});

describe('electron/main.ts with --cli', () => {
  let dir = '';
  const argv = process.argv;
  const fake = () => {
    if (!electron.fake) throw new Error('main.ts never imported electron');
    return electron.fake;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tillcard-main-cli-'));
    vi.stubEnv('TILLCARD_DATA_DIR', dir);
    process.argv = ['/opt/Tillcard/tillcard', '--cli', 'demo', '--json'];
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    await import('./main');
    await vi.waitFor(() => expect(fake().app.exitCode).not.toBeNull(), { timeout: 30_000 });
  }, 60_000);
  afterAll(() => {
    process.argv = argv;
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs the command with the sealed key and exits 0, opening no window and taking no till lock', () => {
    expect(fake().app.exitCode).toBe(0);
    expect(fake().app.errors).toEqual([]);
    expect(fake().windows).toEqual([]);
    expect(fake().privilegedSchemes).toEqual([]);
    expect(existsSync(join(dir, DB_FILE_NAME))).toBe(true);
    expect(existsSync(join(dir, 'terminal.key.sealed'))).toBe(true);
    expect(existsSync(join(dir, 'terminal.key'))).toBe(false);
    expect(existsSync(join(dir, TILL_LOCK_FILE))).toBe(false);
  });
});

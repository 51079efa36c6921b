import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { channels, ipcChannel, type Result } from '../shared/contract';
import { createFakeElectron, type FakeInvokeEvent } from './electron.fake.testkit';
import { UNTRUSTED_SENDER } from './ipcRegistration';
import { RENDERER_ENTRY_URL } from './rendererOrigin';
import { DB_FILE_NAME } from './terminal/terminalCore';

// main.ts's own wiring, run in plain Node: Electron is the one part faked (electron.fake.testkit.ts);
// the terminal core behind the IPC handlers and its SQLite file are real.
const electron = vi.hoisted(() => ({ fake: undefined as ReturnType<typeof createFakeElectron> | undefined }));
vi.mock('electron', async () => {
  const { createFakeElectron: create } = await import('./electron.fake.testkit');
  electron.fake = create();
  return electron.fake.module;
});

const tillFrame: FakeInvokeEvent = { senderFrame: { url: RENDERER_ENTRY_URL, parent: null } };
const strangers: FakeInvokeEvent[] = [
  { senderFrame: null },
  { senderFrame: { url: 'https://evil.example/', parent: null } },
  { senderFrame: { url: RENDERER_ENTRY_URL, parent: { url: RENDERER_ENTRY_URL } } },
];

describe('electron/main.ts wiring', () => {
  let dir: string;
  const fake = () => {
    if (!electron.fake) throw new Error('main.ts never imported electron');
    return electron.fake;
  };
  const call = async (channel: string, event: FakeInvokeEvent, input: unknown = {}) =>
    (await fake().ipcMain.invoke(channel, event, input)) as Result<unknown>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tillcard-main-'));
    vi.stubEnv('TILLCARD_DATA_DIR', dir);
    await import('./main');
    await vi.waitFor(() => expect(fake().windows[0]?.loaded).toEqual([RENDERER_ENTRY_URL]), { timeout: 20_000 });
  }, 60_000);
  afterAll(() => {
    fake().app.emit('will-quit');
    vi.unstubAllEnvs();
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts without an error box, on a database in the data folder', () => {
    expect(fake().app.errors).toEqual([]);
    expect(fake().app.exitCode).toBeNull();
    expect(existsSync(join(dir, DB_FILE_NAME))).toBe(true);
  });

  it('registers every contract channel exactly once, and nothing else', () => {
    expect([...fake().ipcMain.registrations].sort()).toEqual(channels.map(ipcChannel).sort());
  });

  it('answers the till screen through the core, at once or after waiting for head office', async () => {
    expect(await call(ipcChannel('getStatus'), tillFrame)).toMatchObject({ ok: true, value: { configured: false } });
    const demo = await call(ipcChannel('setupDemoShop'), tillFrame);
    expect(demo).toMatchObject({ ok: true, value: { configured: true, demo: true } });
    // The demo members are in the terminal's SQLite file, read here on a connection of its own.
    const file = new Database(join(dir, DB_FILE_NAME), { readonly: true });
    try {
      expect(file.prepare('SELECT COUNT(*) AS n FROM members').pluck().get()).toBeGreaterThan(0);
    } finally {
      file.close();
    }
    const bad = await call(ipcChannel('lookupCard'), tillFrame, { cardNumber: 42 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await call(ipcChannel('syncNow'), tillFrame)).toMatchObject({ ok: false, error: { code: 'NOT_ENROLLED' } });
  });

  it('refuses every channel from an untrusted sender, without reaching the core', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const before = await call(ipcChannel('getStatus'), tillFrame);
    for (const event of strangers) {
      for (const channel of channels) {
        expect(await call(ipcChannel(channel), event, { locale: 'en' })).toEqual(UNTRUSTED_SENDER);
      }
    }
    expect(await call(ipcChannel('getStatus'), tillFrame)).toEqual(before);
    expect(warn).toHaveBeenCalledTimes(strangers.length * channels.length);
    warn.mockRestore();
  });
});

import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openKeyedSqlite } from '../db/open';
import { KEY_FILE_NAME, SEALED_KEY_FILE_NAME, sealedKeyStore } from './platform/databaseKey';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { channels, DEMO_STAFF, ipcChannel, type Result } from '../shared/contract';
import { LOG_FILE, LOGS_FOLDER } from './platform/log';
import {
  createFakeElectron,
  FakeCancellableEvent,
  FakeWebContents,
  type FakeInvokeEvent,
} from './electron.fake.testkit';
import { UNTRUSTED_SENDER } from './ipcRegistration';
import { APP_SCHEME, CONTENT_SECURITY_POLICY, RENDERER_ENTRY_URL } from './rendererOrigin';
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
    // The key is sealed by safeStorage, never written in the clear beside the data.
    expect(existsSync(join(dir, SEALED_KEY_FILE_NAME))).toBe(true);
    expect(existsSync(join(dir, KEY_FILE_NAME))).toBe(false);
  });

  it('registers every contract channel exactly once, and nothing else', () => {
    expect([...fake().ipcMain.registrations].sort()).toEqual(channels.map(ipcChannel).sort());
  });

  it('answers the till screen through the core, at once or after waiting for head office', async () => {
    expect(await call(ipcChannel('getStatus'), tillFrame)).toMatchObject({ ok: true, value: { configured: false } });
    const demo = await call(ipcChannel('setupDemoShop'), tillFrame);
    expect(demo).toMatchObject({ ok: true, value: { configured: true, demo: true } });
    // The demo members are in the terminal's SQLite file, read here on a connection of its own.
    // Read with the key Electron sealed: only this fake keyring opens it.
    const key = sealedKeyStore(dir, fake().safeStorage).keyFor('encrypted');
    const file = openKeyedSqlite(join(dir, DB_FILE_NAME), key, { readonly: true });
    try {
      expect(file.prepare('SELECT COUNT(*) AS n FROM members').pluck().get()).toBeGreaterThan(0);
    } finally {
      file.close();
    }
    const bad = await call(ipcChannel('lookupCard'), tillFrame, { cardNumber: 42 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await call(ipcChannel('syncNow'), tillFrame)).toMatchObject({ ok: false, error: { code: 'NOT_ENROLLED' } });
  });

  it("applies the manager's start-at-login and kiosk switches to the app and the till window", async () => {
    // Both off until the manager sets them; applied once the window is up.
    expect(fake().app.loginItem).toEqual({ openAtLogin: false });
    expect(fake().windows[0]?.kiosk).toBe(false);
    const choices = await call(ipcChannel('signInChoices'), tillFrame);
    const manager = (choices.ok ? (choices.value as { staffId: string; role: string }[]) : []).find(
      (c) => c.role === 'manager',
    );
    const signIn = { staffId: manager?.staffId, pin: DEMO_STAFF[0].pin };
    expect(await call(ipcChannel('signIn'), tillFrame, signIn)).toMatchObject({ ok: true });
    const on = await call(ipcChannel('setStaffSettings'), tillFrame, { startAtLogin: true, kiosk: true });
    expect(on).toMatchObject({ ok: true, value: { staffSettings: { startAtLogin: true, kiosk: true } } });
    expect(fake().app.loginItem).toEqual({ openAtLogin: true });
    expect(fake().windows[0]?.kiosk).toBe(true);
    await call(ipcChannel('setStaffSettings'), tillFrame, { kiosk: false });
    expect(fake().windows[0]?.kiosk).toBe(false);
    expect(fake().app.loginItem).toEqual({ openAtLogin: true });
    expect(await call(ipcChannel('signOut'), tillFrame)).toMatchObject({ ok: true });
  });

  it('writes its log into logs/ in the data folder: start, version, migrations', async () => {
    const file = join(dir, LOGS_FOLDER, LOG_FILE);
    await vi.waitFor(() => expect(readFileSync(file, 'utf8')).toContain('"event":"migrations"'));
    const first = JSON.parse(readFileSync(file, 'utf8').split('\n')[0] ?? '{}') as Record<string, unknown>;
    expect(first).toMatchObject({ event: 'start', host: 'electron', version: '0.0.0-fake' });
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

  // The Electron security checklist (README, "Electron security checklist"): each item as main.ts sets it up.
  describe('security checklist', () => {
    const contents = () => {
      const window = fake().windows[0];
      if (!window) throw new Error('no window');
      return window.webContents;
    };
    const navigation = (target: FakeWebContents, event: string, url: string) => {
      const cancellable = new FakeCancellableEvent(url);
      target.emit(event, cancellable);
      return cancellable.defaultPrevented;
    };

    it('sandboxes every renderer, isolates the preload, gives the page no Node and keeps web security', () => {
      expect(fake().app.sandboxEnabled).toBe(true);
      expect(fake().windows[0]?.options).toMatchObject({
        webPreferences: {
          sandbox: true,
          contextIsolation: true,
          nodeIntegration: false,
          nodeIntegrationInWorker: false,
          nodeIntegrationInSubFrames: false,
          webSecurity: true,
          allowRunningInsecureContent: false,
          webviewTag: false,
          experimentalFeatures: false,
          navigateOnDragDrop: false,
        },
      });
      expect(JSON.stringify(fake().windows[0]?.options)).not.toMatch(/enableBlinkFeatures|additionalArguments/);
    });

    it('serves the screen from its own secure scheme, never file://', () => {
      expect(fake().privilegedSchemes).toEqual([
        expect.objectContaining({ scheme: APP_SCHEME, privileges: expect.objectContaining({ secure: true }) }),
      ]);
      expect(fake().session.protocolHandlers.has(APP_SCHEME)).toBe(true);
      expect(fake().windows[0]?.loaded.every((url) => url.startsWith(`${APP_SCHEME}://`))).toBe(true);
    });

    it('puts the strict CSP on every response, whatever the response said', () => {
      const onHeaders = fake().session.handlers.onHeadersReceived;
      let headers: Record<string, string[]> | undefined;
      onHeaders?.(
        { url: RENDERER_ENTRY_URL, responseHeaders: { 'Content-Security-Policy': ["script-src 'unsafe-inline'"] } },
        (response) => (headers = response.responseHeaders),
      );
      expect(headers?.['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    });

    it('loads no remote content: every request but our own scheme is cancelled', () => {
      const verdict = (url: string) => {
        let cancel: boolean | undefined;
        fake().session.handlers.onBeforeRequest?.({ url }, (response) => (cancel = response.cancel));
        return cancel;
      };
      expect(verdict(RENDERER_ENTRY_URL)).toBe(false);
      expect(verdict('tillcard://app/assets/index.js')).toBe(false);
      for (const url of [
        'https://evil.example/x.js',
        'http://127.0.0.1:8787/',
        'file:///etc/passwd',
        'tillcard://other/index.html',
        'ws://evil.example/',
      ]) {
        expect(verdict(url), url).toBe(true);
      }
    });

    it('denies every permission request and check, device access and screen capture', () => {
      const { handlers } = fake().session;
      for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'hid', 'serial']) {
        let granted: boolean | undefined;
        handlers.permissionRequest?.(contents(), permission, (answer) => (granted = answer));
        expect(granted, permission).toBe(false);
        expect(handlers.permissionCheck?.(contents(), permission), permission).toBe(false);
      }
      expect(handlers.devicePermission?.({ deviceType: 'usb' })).toBe(false);
      let streams: Record<string, unknown> | undefined;
      handlers.displayMediaRequest?.({}, (given) => (streams = given));
      expect(streams).toEqual({});
    });

    it('blocks navigation away, new windows and webviews, in the window and in any later web contents', () => {
      const other = new FakeWebContents();
      fake().app.emit('web-contents-created', {}, other);
      for (const target of [contents(), other]) {
        expect(target.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
        expect(target.windowOpenHandler?.({ url: RENDERER_ENTRY_URL })).toEqual({ action: 'deny' });
        for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
          expect(navigation(target, event, 'https://evil.example/'), event).toBe(true);
          expect(navigation(target, event, 'file:///etc/passwd'), event).toBe(true);
          expect(navigation(target, event, RENDERER_ENTRY_URL), event).toBe(false);
        }
        expect(navigation(target, 'will-attach-webview', RENDERER_ENTRY_URL)).toBe(true);
      }
    });
  });
});

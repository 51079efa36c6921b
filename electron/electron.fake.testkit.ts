/**
 * A FAKE of the `electron` module, for tests that run main.ts's wiring in plain Node (Electron
 * itself cannot run on the build machine). It records what main.ts registers — IPC handlers,
 * app events, the window it opens — and refuses a second IPC handler for one channel, exactly
 * as ipcMain.handle does. Everything behind it (the terminal core, SQLite) is real.
 */

type Listener = (...args: unknown[]) => unknown;

export interface FakeInvokeEvent {
  senderFrame: { url: string; parent: unknown } | null;
}

class FakeEmitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener): this {
    return this.on(event, listener);
  }
  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) listener(...args);
  }
}

class FakeIpcMain {
  readonly handlers = new Map<string, (event: FakeInvokeEvent, ...args: unknown[]) => unknown>();
  readonly registrations: string[] = [];
  handle(channel: string, listener: (event: FakeInvokeEvent, ...args: unknown[]) => unknown): void {
    this.registrations.push(channel);
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }
  /** What ipcRenderer.invoke would resolve to in the page. */
  async invoke(channel: string, event: FakeInvokeEvent, input: unknown): Promise<unknown> {
    const listener = this.handlers.get(channel);
    if (!listener) throw new Error(`No handler registered for '${channel}'`);
    return listener(event, input);
  }
}

/** An event main.ts's listeners may cancel, as Electron's navigation and attach events are. */
export class FakeCancellableEvent {
  defaultPrevented = false;
  constructor(readonly url = '') {}
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export class FakeWebContents extends FakeEmitter {
  windowOpenHandler: ((details: { url: string }) => unknown) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => unknown): void {
    this.windowOpenHandler = handler;
  }
}

type Headers = Record<string, string[]>;

/** The handlers the security set-up installs, typed as main.ts's code calls Electron's. */
export interface SessionHandlers {
  onHeadersReceived?: (
    details: { url: string; responseHeaders?: Headers },
    callback: (response: { responseHeaders?: Headers }) => void,
  ) => void;
  onBeforeRequest?: (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void;
  permissionRequest?: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void;
  permissionCheck?: (webContents: unknown, permission: string) => boolean;
  devicePermission?: (details: { deviceType: string }) => boolean;
  displayMediaRequest?: (request: unknown, callback: (streams: Record<string, unknown>) => void) => void;
}

/** Records every handler the security set-up installs, so a test can call it as Chromium would. */
class FakeSession {
  readonly protocolHandlers = new Map<string, unknown>();
  readonly handlers: SessionHandlers = {};
  readonly webRequest = {
    onHeadersReceived: (handler: SessionHandlers['onHeadersReceived']): void => {
      this.handlers.onHeadersReceived = handler;
    },
    onBeforeRequest: (handler: SessionHandlers['onBeforeRequest']): void => {
      this.handlers.onBeforeRequest = handler;
    },
  };
  readonly protocol = {
    handle: (scheme: string, handler: unknown): void => void this.protocolHandlers.set(scheme, handler),
  };
  setPermissionRequestHandler(handler: SessionHandlers['permissionRequest']): void {
    this.handlers.permissionRequest = handler;
  }
  setPermissionCheckHandler(handler: SessionHandlers['permissionCheck']): void {
    this.handlers.permissionCheck = handler;
  }
  setDevicePermissionHandler(handler: SessionHandlers['devicePermission']): void {
    this.handlers.devicePermission = handler;
  }
  setDisplayMediaRequestHandler(handler: SessionHandlers['displayMediaRequest']): void {
    this.handlers.displayMediaRequest = handler;
  }
}

/**
 * A FAKE of Electron's safeStorage: "seals" by XOR with a per-fake pad behind a marker, so a sealed
 * file never holds the key in the clear and a file sealed by another fake (another user's keyring)
 * does not open. `available = false` is a machine with no keyring.
 */
export class FakeSafeStorage {
  available = true;
  private readonly pad = Buffer.from(`fake-keyring-${Math.random()}`);
  private static readonly MARK = Buffer.from('fake-sealed:');
  isEncryptionAvailable(): boolean {
    return this.available;
  }
  encryptString(plainText: string): Buffer {
    if (!this.available) throw new Error('Encryption is not available.');
    return Buffer.concat([FakeSafeStorage.MARK, this.xor(Buffer.from(plainText, 'utf8')), this.pad]);
  }
  decryptString(encrypted: Buffer): string {
    if (!this.available) throw new Error('Decryption is not available.');
    const body = encrypted.subarray(FakeSafeStorage.MARK.length, encrypted.length - this.pad.length);
    const ok =
      encrypted.subarray(0, FakeSafeStorage.MARK.length).equals(FakeSafeStorage.MARK) &&
      encrypted.subarray(encrypted.length - this.pad.length).equals(this.pad);
    if (!ok) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return this.xor(body).toString('utf8');
  }
  private xor(bytes: Buffer): Buffer {
    return Buffer.from(bytes.map((b, i) => b ^ (this.pad[i % this.pad.length] ?? 0)));
  }
}

/** What the fake app records of main.ts's calls. */
export interface FakeAppState {
  isPackaged: boolean;
  exitCode: number | null;
  errors: string[];
  sandboxEnabled: boolean;
  /** What app.setLoginItemSettings was last told (null: never asked). */
  loginItem: { openAtLogin: boolean } | null;
}

export interface FakeElectron {
  ipcMain: FakeIpcMain;
  app: FakeEmitter & FakeAppState;
  /** Every window opened; `kiosk` is its kiosk state now (from its options, then setKiosk). */
  windows: { options: unknown; loaded: string[]; webContents: FakeWebContents; kiosk: boolean }[];
  /** The schemes registered as privileged before the app was ready. */
  privilegedSchemes: unknown[];
  session: FakeSession;
  safeStorage: FakeSafeStorage;
  /** What `vi.mock('electron', …)` answers. */
  module: Record<string, unknown>;
}

export function createFakeElectron(): FakeElectron {
  const ipcMain = new FakeIpcMain();
  const session = new FakeSession();
  const safeStorage = new FakeSafeStorage();
  const windows: FakeElectron['windows'] = [];
  const errors: string[] = [];
  const privilegedSchemes: unknown[] = [];
  const state: FakeAppState = {
    isPackaged: false,
    exitCode: null,
    errors,
    sandboxEnabled: false,
    loginItem: null,
  };
  const app = Object.assign(new FakeEmitter(), state, {
    requestSingleInstanceLock: () => true,
    enableSandbox: () => {
      app.sandboxEnabled = true;
    },
    whenReady: () => Promise.resolve(),
    getVersion: () => '0.0.0-fake',
    setLoginItemSettings: (settings: { openAtLogin: boolean }) => {
      app.loginItem = { openAtLogin: settings.openAtLogin };
    },
    getPath: (name: string) => {
      throw new Error(`the test sets TILLCARD_DATA_DIR; app.getPath('${name}') should not be asked`);
    },
    quit: () => undefined,
    exit: (code: number) => {
      app.exitCode = code;
    },
  });
  class FakeBrowserWindow extends FakeEmitter {
    readonly webContents = new FakeWebContents();
    private readonly record: FakeElectron['windows'][number];
    constructor(options: unknown) {
      super();
      const kiosk = typeof options === 'object' && options !== null && 'kiosk' in options && options.kiosk === true;
      this.record = { options, loaded: [], webContents: this.webContents, kiosk };
      windows.push(this.record);
    }
    isKiosk(): boolean {
      return this.record.kiosk;
    }
    setKiosk(on: boolean): void {
      this.record.kiosk = on;
    }
    async loadURL(url: string): Promise<void> {
      this.record.loaded.push(url);
    }
    show(): void {}
    isMinimized(): boolean {
      return false;
    }
    restore(): void {}
    focus(): void {}
  }
  return {
    ipcMain,
    app,
    windows,
    session,
    safeStorage,
    privilegedSchemes,
    module: {
      app,
      safeStorage,
      ipcMain,
      BrowserWindow: FakeBrowserWindow,
      session: { defaultSession: session },
      protocol: {
        registerSchemesAsPrivileged: (schemes: unknown[]): void => void privilegedSchemes.push(...schemes),
      },
      dialog: { showErrorBox: (title: string, text: string): void => void errors.push(`${title}: ${text}`) },
    },
  };
}

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

class FakeWebContents extends FakeEmitter {
  setWindowOpenHandler(): void {}
}

class FakeSession {
  readonly protocolHandlers = new Map<string, unknown>();
  readonly webRequest = { onHeadersReceived: (): void => {}, onBeforeRequest: (): void => {} };
  readonly protocol = {
    handle: (scheme: string, handler: unknown): void => void this.protocolHandlers.set(scheme, handler),
  };
  setPermissionRequestHandler(): void {}
  setPermissionCheckHandler(): void {}
}

export interface FakeElectron {
  ipcMain: FakeIpcMain;
  app: FakeEmitter & { isPackaged: boolean; exitCode: number | null; errors: string[] };
  windows: { options: unknown; loaded: string[] }[];
  session: FakeSession;
  /** What `vi.mock('electron', …)` answers. */
  module: Record<string, unknown>;
}

export function createFakeElectron(): FakeElectron {
  const ipcMain = new FakeIpcMain();
  const session = new FakeSession();
  const windows: FakeElectron['windows'] = [];
  const errors: string[] = [];
  const state: { isPackaged: boolean; exitCode: number | null; errors: string[] } = {
    isPackaged: false,
    exitCode: null,
    errors,
  };
  const app = Object.assign(new FakeEmitter(), state, {
    requestSingleInstanceLock: () => true,
    enableSandbox: () => undefined,
    whenReady: () => Promise.resolve(),
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
    private readonly record: { options: unknown; loaded: string[] };
    constructor(options: unknown) {
      super();
      this.record = { options, loaded: [] };
      windows.push(this.record);
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
    module: {
      app,
      ipcMain,
      BrowserWindow: FakeBrowserWindow,
      session: { defaultSession: session },
      protocol: { registerSchemesAsPrivileged: (): void => {} },
      dialog: { showErrorBox: (title: string, text: string): void => void errors.push(`${title}: ${text}`) },
    },
  };
}

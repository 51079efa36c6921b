import { app, BrowserWindow, dialog, ipcMain, safeStorage, session, type IpcMainInvokeEvent } from 'electron';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openTerminalCore, type TerminalCore } from './terminal/terminalCore';
import { sealedKeyStore } from './platform/databaseKey';
import { acquireTillLock } from './platform/tillLock';
import { syncScheduleFromEnv } from './terminal/syncLoopHost';
import { registerContractHandlers } from './ipcRegistration';
import { isTrustedSenderFrame } from './rendererOrigin';
import { hardenSession, registerRendererScheme, serveRenderer } from './rendererProtocol';
import { createMainWindow, loadTillScreen, lockDown } from './window';
import { openFileLog, type FileLog } from './platform/log';
import { tillWindowSettings } from './services/staffSettings';
import { applyTillWindow } from './tillWindow';
import { cliArgsOf } from './cli/program';
import { runCliInElectron } from './cliInElectron';

/**
 * The Electron main process: owns the terminal database through the terminal core, registers
 * one IPC handler per contract entry, and shows the one till window. Everything with business
 * meaning lives in the core; this file only wires Electron to it.
 */

// This file is bundled to dist-electron/main.js; the preload and migrations sit beside it and
// the renderer build in dist/renderer (the same layout inside the packaged app's asar).
const bundleDir = dirname(fileURLToPath(import.meta.url));
const appRoot = join(bundleDir, '..');
// Run from source (the wiring test), no migrations sit beside this file: the database then
// finds db/migrations itself.
const bundledMigrations = join(bundleDir, 'migrations');
const paths = {
  preload: join(bundleDir, 'preload.cjs'),
  migrations: existsSync(bundledMigrations) ? bundledMigrations : undefined,
  renderer: join(appRoot, 'dist', 'renderer'),
};

let core: TerminalCore | null = null;
let releaseLock: (() => void) | null = null;
let mainWindow: BrowserWindow | null = null;
let files: FileLog | null = null;

function dataDir(): string {
  const fromEnv = process.env.TILLCARD_DATA_DIR?.trim();
  return fromEnv ? resolve(fromEnv) : app.getPath('userData');
}

function closeCore(): void {
  const open = core;
  core = null;
  // The loop stops and every request is cut at once, before the database closes.
  void open?.sync.stop();
  open?.close();
  releaseLock?.();
  releaseLock = null;
  if (open) files?.log.info({ event: 'stop' }, 'till stopped');
  void files?.close();
  files = null;
}

function fail(title: string, error: unknown): void {
  const detail = error instanceof Error ? error.message : String(error);
  console.error(`tillcard: ${title}`, error);
  files?.log.fatal({ event: 'stop', err: error }, title);
  dialog.showErrorBox('Tillcard', `${title}\n\n${detail}`);
  closeCore();
  app.exit(1);
}

/** The manager's window switches, as the terminal database holds them, applied to the app and window. */
function applyWindowSettings(): void {
  if (!core) return;
  const settings = tillWindowSettings(core.ctx);
  applyTillWindow(app, mainWindow, settings);
  files?.log.info({ event: 'window_settings', ...settings }, 'window settings applied');
}

async function showTillWindow(): Promise<void> {
  const kiosk = core ? tillWindowSettings(core.ctx).kiosk : false;
  mainWindow = createMainWindow({ preloadPath: paths.preload, title: 'Tillcard', devTools: !app.isPackaged, kiosk });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  await loadTillScreen(mainWindow);
}

async function start(): Promise<void> {
  const dir = dataDir();
  files = openFileLog(dir, { host: 'electron', version: app.getVersion() });
  const logger = files.log;
  logger.info({ event: 'start', pid: process.pid, electron: process.versions.electron }, 'till starting');
  // Read before the database opens: a mistyped setting stops the start, not a running till.
  const sync = syncScheduleFromEnv(process.env);
  try {
    // The command line's restore refuses while this lock is held (Electron's own lock is per app).
    releaseLock = acquireTillLock(dir);
    core = openTerminalCore({
      logger,
      dataDir: dir,
      // The database key sealed by the OS keyring (safeStorage works only once the app is ready, as here).
      databaseKey: sealedKeyStore(dir, safeStorage),
      ...(paths.migrations ? { migrationsDir: paths.migrations } : {}),
      validateOutput: !app.isPackaged,
      sync,
      backups: {},
    });
  } catch (error) {
    fail(`The terminal database in ${dir} could not be opened.`, error);
    return;
  }
  const opened = core;
  registerContractHandlers<IpcMainInvokeEvent>(ipcMain, {
    dispatch: async (channel, input) => {
      const answer = await opened.dispatch(channel, input);
      if (channel === 'setStaffSettings' && answer.ok) applyWindowSettings();
      return answer;
    },
    isTrustedSender: (event) => isTrustedSenderFrame(event.senderFrame),
    onRejected: (channel, event) => {
      console.warn(`tillcard: refused ${channel} from ${event.senderFrame?.url ?? 'a closed frame'}`);
      logger.warn({ event: 'refused', channel, reason: 'sender' }, 'call from an untrusted frame refused');
    },
  });
  hardenSession(session.defaultSession);
  serveRenderer(session.defaultSession, paths.renderer);
  await showTillWindow();
  applyWindowSettings();
}

// `Tillcard --cli <command>`: shop IT's command line on the installed till's own (sealed) key; never a till.
const cliArgs = cliArgsOf(process.argv);
if (cliArgs !== null) {
  void runCliInElectron(cliArgs);
} else if (!app.requestSingleInstanceLock()) {
  // Two processes writing one terminal database would race for outbox sequence numbers:
  // a second launch only brings the running till to the front.
  app.quit();
} else {
  app.enableSandbox();
  registerRendererScheme();
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => lockDown(contents));
  // A till with no window has nothing to do: quit on every platform so the database is closed.
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', closeCore);
  app.on('activate', () => {
    if (core && !mainWindow)
      showTillWindow().catch((error: unknown) => fail('The till screen could not be shown.', error));
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => fail('Tillcard could not start.', error));
}

import { BrowserWindow, type WebContents } from 'electron';
import { isOwnRendererUrl, RENDERER_ENTRY_URL } from './rendererOrigin';

export interface MainWindowOptions {
  /** The bundled preload (CommonJS, because the renderer is sandboxed). */
  preloadPath: string;
  title: string;
  /** Dev only: open devtools detached. */
  devTools: boolean;
  /** The manager's kiosk switch: the window opens full screen with no way out but the till's keys. */
  kiosk?: boolean;
}

/**
 * No navigation away from the till screen (top frame, sub-frames, redirects), no new windows,
 * no webviews. main.ts applies it to every web contents Electron creates, not only the window's.
 */
export function lockDown(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event) => {
    if (!isOwnRendererUrl(event.url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isOwnRendererUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isOwnRendererUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** The one till window: sandboxed, isolated, no Node, web security on, only our own content. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 640,
    title: options.title,
    kiosk: options.kiosk ?? false,
    fullscreen: options.kiosk ?? false,
    show: false,
    autoHideMenuBar: true,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      sandbox: true,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      enableWebSQL: false,
      safeDialogs: true,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: options.devTools,
    },
  });
  lockDown(window.webContents);
  // A till is a kiosk-like tool: show it only once painted, so the cashier never sees a white flash.
  window.once('ready-to-show', () => window.show());
  return window;
}

export async function loadTillScreen(window: BrowserWindow): Promise<void> {
  await window.loadURL(RENDERER_ENTRY_URL);
}

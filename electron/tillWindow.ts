import type { App, BrowserWindow } from 'electron';
import type { TillWindowSettings } from './services/staffSettings';

/**
 * Applies the manager's two window switches (kept in the terminal database, set through
 * setStaffSettings): start at login through the OS's login items, kiosk mode on the till window.
 * Called once the till window is up and after every change of the settings.
 */
export function applyTillWindow(
  app: Pick<App, 'setLoginItemSettings'>,
  window: Pick<BrowserWindow, 'setKiosk' | 'isKiosk'> | null,
  settings: TillWindowSettings,
): void {
  app.setLoginItemSettings({ openAtLogin: settings.startAtLogin });
  if (window && window.isKiosk() !== settings.kiosk) window.setKiosk(settings.kiosk);
}

import type { TillcardBridge } from '../../electron/preload';

// What Electron's preload exposes (contextBridge): its own exported type, not a copy.
declare global {
  interface Window {
    tillcard?: TillcardBridge;
  }
}

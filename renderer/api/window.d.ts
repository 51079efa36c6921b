// What Electron's preload exposes (contextBridge): one narrow call, never ipcRenderer itself.
export {};

declare global {
  interface Window {
    tillcard?: { invoke(channel: string, input: unknown): Promise<unknown> };
  }
}

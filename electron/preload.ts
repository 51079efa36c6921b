import { contextBridge, ipcRenderer } from 'electron';
import type { Channel } from '../shared/contract/contract';
import { failure } from '../shared/contract/envelope';
import { describeUnknown } from '../shared/describeUnknown';

/**
 * The renderer's only door to the main process (bundled to CommonJS: the page is sandboxed).
 * It exposes one function, never ipcRenderer itself, and refuses any channel the contract
 * does not name, so a compromised page cannot reach other IPC listeners.
 *
 * The channel table (contract key → IPC channel name) is computed from shared/contract at
 * build time (build/scripts/electronBundles.mjs) so this script does not carry zod.
 */
declare const __TILLCARD_IPC_CHANNELS__: Readonly<Record<Channel, string>>;

const ipcNames: ReadonlyMap<string, string> = new Map(Object.entries(__TILLCARD_IPC_CHANNELS__));

const tillcard = {
  invoke(channel: unknown, input: unknown): Promise<unknown> {
    const ipcName = typeof channel === 'string' ? ipcNames.get(channel) : undefined;
    // The same envelope the dispatcher gives an unknown channel, so the renderer has one path.
    if (ipcName === undefined) {
      return Promise.resolve(failure('NOT_FOUND', undefined, { channel: describeUnknown(channel, Infinity) }));
    }
    return ipcRenderer.invoke(ipcName, input);
  },
};

export type TillcardBridge = typeof tillcard;

contextBridge.exposeInMainWorld('tillcard', tillcard);

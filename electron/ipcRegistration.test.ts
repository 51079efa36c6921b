import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { channels, ipcChannel, type Result } from '../shared/contract';
import { openTerminalCore, type TerminalCore } from './terminal/terminalCore';
import { registerContractHandlers, UNTRUSTED_SENDER, type IpcHandlerRegistry } from './ipcRegistration';
import { isTrustedSenderFrame, RENDERER_ENTRY_URL, type SenderFrame } from './rendererOrigin';

/**
 * FAKE of Electron's ipcMain (Electron cannot run on the build machine). It only records what
 * is registered and refuses a second handler for a channel, exactly as ipcMain.handle does.
 * The handlers it calls are the real ones, over the real terminal core and SQLite file.
 */
interface FakeInvokeEvent {
  senderFrame: SenderFrame | null;
}
class FakeIpcMainRecorder implements IpcHandlerRegistry<FakeInvokeEvent> {
  readonly handlers = new Map<string, (event: FakeInvokeEvent, ...args: unknown[]) => unknown>();
  handle(channel: string, listener: (event: FakeInvokeEvent, ...args: unknown[]) => unknown): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }
  /** As ipcRenderer.invoke sees it: the listener's answer, awaited. */
  async invoke(channel: string, event: FakeInvokeEvent, input: unknown): Promise<Result<unknown>> {
    const listener = this.handlers.get(channel);
    if (!listener) throw new Error(`No handler registered for '${channel}'`);
    return (await listener(event, input)) as Result<unknown>;
  }
}

const tillFrame: FakeInvokeEvent = { senderFrame: { url: RENDERER_ENTRY_URL, parent: null } };

describe('registerContractHandlers', () => {
  let dir: string;
  let core: TerminalCore;
  let ipc: FakeIpcMainRecorder;
  let dispatched: string[];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tillcard-ipc-'));
    core = openTerminalCore({ dataDir: dir });
    ipc = new FakeIpcMainRecorder();
    dispatched = [];
    registerContractHandlers(ipc, {
      dispatch: (channel, input) => {
        dispatched.push(String(channel));
        return core.dispatch(channel, input);
      },
      isTrustedSender: (event) => isTrustedSenderFrame(event.senderFrame),
    });
  });
  afterEach(() => {
    core.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('registers exactly one handler per contract channel, and nothing else', () => {
    expect([...ipc.handlers.keys()].sort()).toEqual(channels.map(ipcChannel).sort());
    expect(ipc.handlers.size).toBe(channels.length);
  });

  it('refuses to register twice on the same ipcMain (a second start would be a bug)', () => {
    expect(() => registerContractHandlers(ipc, { dispatch: core.dispatch, isTrustedSender: () => true })).toThrow(
      /second handler/,
    );
  });

  it('answers a call from the till screen through the real core', async () => {
    const status = await ipc.invoke(ipcChannel('getStatus'), tillFrame, {});
    expect(status.ok).toBe(true);
    // A till with no shop: the guard refuses a business call before reading its input.
    const bad = await ipc.invoke(ipcChannel('lookupCard'), tillFrame, { cardNumber: 42 });
    expect(bad.ok ? 'ok' : bad.error.code).toBe('NOT_CONFIGURED');
    const badSetup = await ipc.invoke(ipcChannel('configureShop'), tillFrame, { shopId: 42 });
    expect(badSetup.ok ? 'ok' : badSetup.error.code).toBe('VALIDATION');
  });

  it('refuses calls from any other frame without reaching the core', async () => {
    const strangers: FakeInvokeEvent[] = [
      { senderFrame: null },
      { senderFrame: { url: 'https://evil.example/', parent: null } },
      { senderFrame: { url: 'file:///tmp/index.html', parent: null } },
      { senderFrame: { url: RENDERER_ENTRY_URL, parent: { url: RENDERER_ENTRY_URL } } },
    ];
    for (const event of strangers) {
      for (const channel of channels)
        expect(await ipc.invoke(ipcChannel(channel), event, {})).toEqual(UNTRUSTED_SENDER);
    }
    expect(dispatched).toEqual([]);
  });

  it('never throws out of a handler, whatever the renderer sends', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...channels), fc.anything(), async (channel, input) => {
        const answer = await ipc.invoke(ipcChannel(channel), tillFrame, input);
        expect(typeof answer.ok).toBe('boolean');
      }),
      { numRuns: 200 },
    );
  });
});

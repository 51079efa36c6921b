import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileFunction } from 'node:vm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels, ipcChannel } from '../shared/contract';
import { bundlePreload, contractIpcTable } from './scripts/electronBundles.mjs';

/**
 * The preload as it ships (the esbuild CommonJS bundle), run against a FAKE of the two
 * Electron objects it touches — Electron cannot run here. The fake records what the preload
 * exposes and which IPC channels it would call.
 */
interface FakeElectron {
  exposed: Map<string, unknown>;
  invoked: { channel: string; input: unknown }[];
  module: {
    contextBridge: { exposeInMainWorld(key: string, api: unknown): void };
    ipcRenderer: { invoke(channel: string, input: unknown): Promise<unknown> };
  };
}

function fakeElectron(): FakeElectron {
  const exposed = new Map<string, unknown>();
  const invoked: { channel: string; input: unknown }[] = [];
  return {
    exposed,
    invoked,
    module: {
      contextBridge: { exposeInMainWorld: (key, api) => void exposed.set(key, api) },
      ipcRenderer: {
        invoke: (channel, input) => {
          invoked.push({ channel, input });
          return Promise.resolve({ ok: true, value: channel });
        },
      },
    },
  };
}

type Bridge = { invoke(channel: unknown, input: unknown): Promise<unknown> };

describe('the bundled preload', () => {
  let dir: string;
  let code: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tillcard-preload-'));
    await bundlePreload(join(dir, 'preload.cjs'));
    code = readFileSync(join(dir, 'preload.cjs'), 'utf8');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function load(): { electron: FakeElectron; bridge: Bridge } {
    const electron = fakeElectron();
    const module = { exports: {} };
    const requireFake = (id: string): unknown => {
      if (id === 'electron') return electron.module;
      throw new Error(`the sandboxed preload may only require electron, not ${id}`);
    };
    compileFunction(code, ['require', 'module', 'exports'])(requireFake, module, module.exports);
    const bridge = electron.exposed.get('tillcard') as Bridge | undefined;
    if (!bridge) throw new Error('preload exposed nothing under window.tillcard');
    return { electron, bridge };
  }

  it('is small: it carries the channel table, not zod', () => {
    expect(code.length).toBeLessThan(20_000);
    expect(code).not.toMatch(/zod/i);
  });

  it('exposes exactly one function, invoke, under window.tillcard', () => {
    const { electron, bridge } = load();
    expect([...electron.exposed.keys()]).toEqual(['tillcard']);
    expect(Object.keys(bridge)).toEqual(['invoke']);
  });

  it('sends every contract channel to its IPC channel', async () => {
    const { electron, bridge } = load();
    for (const channel of channels)
      await expect(bridge.invoke(channel, { x: 1 })).resolves.toEqual({ ok: true, value: ipcChannel(channel) });
    expect(electron.invoked.map((c) => c.channel)).toEqual(channels.map(ipcChannel));
  });

  it('refuses anything else without touching IPC', async () => {
    const { electron, bridge } = load();
    const strangers = fc.sample(
      fc.oneof(
        fc.string(),
        fc.constantFrom<unknown>('__proto__', 'constructor', 'toString', 'tillcard:getStatus', Object.create(null)),
        fc.anything(),
      ),
      300,
    );
    for (const name of strangers) {
      if (typeof name === 'string' && (channels as readonly string[]).includes(name)) continue;
      await expect(bridge.invoke(name, {})).resolves.toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
    expect(electron.invoked).toEqual([]);
  });

  it('gets its table from the contract itself', async () => {
    expect(await contractIpcTable()).toEqual(Object.fromEntries(channels.map((c) => [c, ipcChannel(c)])));
  });
});

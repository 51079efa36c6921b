// The till's access fuzz on its two transports (small counts; the soak runs it long), and its teeth:
// an answer against shared/contract/roles.ts is counted.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startBrowserHost } from '../../../../electron/browser-host/host';
import { openTerminalCore } from '../../../../electron/terminal/terminalCore';
import { fixedClock, sequentialIds } from '../../../../electron/platform/sources';
import { apiPath, TOKEN_HEADER } from '../../../../shared/contract/browserHost';
import { channels } from '../../../../shared/contract';
import { readFixtures } from './contractFuzz';
import { loopbackClient } from './loopbackHttp';
import { accessMismatch, expectedRefusal, fuzzTillAccess } from './tillAccess';

const refusal = (code: string) => ({ ok: false, error: { code, message: code } });

describe('till access fuzz', () => {
  it('expects what the role table says, and counts any other answer', () => {
    expect(expectedRefusal('auditTrail', 'cashier')).toBe('NOT_ALLOWED');
    expect(expectedRefusal('recordSale', 'signed-out')).toBe('SIGNED_OUT');
    expect(expectedRefusal('recordSale', 'cashier')).toBeNull();
    expect(expectedRefusal('setupDemoShop', 'manager')).toBe('ALREADY_CONFIGURED');
    expect(accessMismatch('auditTrail', 'cashier', { ok: true, value: [] })).toMatch(/expected NOT_ALLOWED/);
    expect(accessMismatch('eraseMember', 'signed-out', refusal('VALIDATION'))).toMatch(/expected SIGNED_OUT/);
    expect(accessMismatch('listRewards', 'cashier', refusal('NOT_ALLOWED'))).toMatch(/NOT_ALLOWED/);
    expect(accessMismatch('recordSale', 'cashier', refusal('NOT_ALLOWED'))).toBeNull();
    expect(accessMismatch('auditTrail', 'cashier', refusal('NOT_ALLOWED'))).toBeNull();
  });

  it('finds every channel answering by the role table through the dispatcher and the browser host', async () => {
    const work = mkdtempSync(join(tmpdir(), 'tillcard-access-'));
    mkdirSync(join(work, 'static'));
    const core = openTerminalCore({
      dataDir: join(work, 'core'),
      clock: fixedClock(Date.UTC(2025, 5, 1, 2)),
      ids: sequentialIds(7),
      log: () => undefined,
    });
    const host = await startBrowserHost({
      dataDir: join(work, 'host'),
      port: 0,
      backups: false,
      clock: fixedClock(Date.UTC(2025, 5, 1, 2)),
      ids: sequentialIds(8),
      staticDir: join(work, 'static'),
      log: () => undefined,
    });
    const client = loopbackClient(host.origin);
    try {
      expect(core.dispatch('setupDemoShop', {}).ok).toBe(true);
      expect(host.core.dispatch('setupDemoShop', {}).ok).toBe(true);
      const inProcess = await fuzzTillAccess({
        core,
        fixtures: readFixtures(core),
        send: (channel, input) => Promise.resolve(core.dispatch(channel, input)),
        transport: 'inProcess',
        label: 'dispatch',
        runsPerCall: 3,
        seed: 14,
      });
      const overHttp = await fuzzTillAccess({
        core: host.core,
        fixtures: readFixtures(host.core),
        send: async (channel, input) => {
          const headers = { [TOKEN_HEADER]: host.token, 'content-type': 'application/json' };
          const body = JSON.stringify(input) ?? '';
          return JSON.parse((await client.send({ method: 'POST', path: apiPath(channel), headers, body })).text);
        },
        transport: 'json',
        label: 'http',
        runsPerCall: 2,
        seed: 14,
      });
      const all = [...inProcess, ...overHttp];
      expect(all.flatMap((t) => t.examples)).toEqual([]);
      expect(all.map((t) => t.wrongAccess + t.writes + t.crashes)).toEqual([0, 0, 0, 0, 0, 0]);
      // Every channel at least twice per caller (the manager's last, leaveDemoShop, may end the run).
      expect(all.every((t) => t.inputs >= 2 * channels.length - 2)).toBe(true);
    } finally {
      client.close();
      await host.close();
      core.close();
      rmSync(work, { recursive: true, force: true });
    }
  }, 60_000);
});

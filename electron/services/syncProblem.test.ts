import { createServer, type Server } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { syncLink } from '../../db/schemaSync';
import { PROTOCOL_VERSION } from '../../shared/sync/protocol';
import { freeLoopbackPort } from '../../server/testing/ports';
import { openTestCore, unwrap, type TestCore } from './services.testkit';
import { createHoClient } from '../sync/hoClient';
import { syncOnce } from '../sync/job';
import { decodeSyncProblem, encodeSyncProblem, refusalProblem } from './syncProblem';

// A failed sync is recorded as a reason the till translates, never the network library's words
// ("fetch failed"): typed where the call fails, on real loopback sockets.

let server: Server;
let serverUrl = '';
let answer: (res: import('node:http').ServerResponse) => void = (res) => res.end('{}');

beforeAll(async () => {
  server = createServer((_req, res) => answer(res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  serverUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(
  () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
);

const post = (baseUrl: string, timeoutMs = 5_000) =>
  createHoClient({ baseUrl, token: null, timeoutMs }).call('pull', {
    protocolVersion: PROTOCOL_VERSION,
    terminalId: 't',
    shopId: 's',
  });

describe('a call that reaches no answer says why, as a reason', () => {
  it('nobody listening: unreachable', async () => {
    const res = await post(`http://127.0.0.1:${await freeLoopbackPort()}`);
    expect(res).toMatchObject({ ok: false, kind: 'network', reason: 'unreachable' });
  });
  it('no answer in time: timeout', async () => {
    answer = () => undefined;
    expect(await post(serverUrl, 200)).toMatchObject({ ok: false, kind: 'network', reason: 'timeout' });
  });
  it("a 503 page: server_error; a 200 that is not head office's: bad_answer", async () => {
    answer = (res) => {
      res.statusCode = 503;
      res.end('<html>busy</html>');
    };
    expect(await post(serverUrl)).toMatchObject({ ok: false, kind: 'network', reason: 'server_error' });
    answer = (res) => res.end('<html>a router login page</html>');
    expect(await post(serverUrl)).toMatchObject({ ok: false, kind: 'network', reason: 'bad_answer' });
  });
});

describe('the status names the last problem by reason', () => {
  let core: TestCore;
  afterEach(() => core.dispose());

  it('head office down: the status says unreachable, not "fetch failed"', async () => {
    core = openTestCore();
    const headOfficeUrl = `http://127.0.0.1:${await freeLoopbackPort()}`;
    const link = { id: 1, headOfficeUrl, terminalId: 't', shopId: 's', shopName: 'S', terminalCode: '90001' };
    core.db
      .insert(syncLink)
      .values({ ...link, token: 't.x', enrolledAt: 0 })
      .run();
    const result = await syncOnce({ db: core.db, clock: core.clock, owner: 'test' });
    expect(result).toMatchObject({ status: 'offline', reason: 'unreachable' });
    const status = unwrap(await core.api.getStatus({}));
    expect(status.lastSyncError).toEqual({ reason: 'unreachable', code: null });
    expect(JSON.stringify(status)).not.toContain('fetch failed');
  });
});

describe('stored problems', () => {
  it("round-trip, with head office's refusal code kept for support", () => {
    for (const code of ['PROTOCOL_VERSION', 'REVOKED', 'GAP', 'CONFLICT']) {
      expect(decodeSyncProblem(encodeSyncProblem(refusalProblem(code)))).toEqual(refusalProblem(code));
    }
    expect(refusalProblem('PROTOCOL_VERSION').reason).toBe('version');
    expect(refusalProblem('REVOKED').reason).toBe('not_allowed');
    expect(refusalProblem('CONFLICT').reason).toBe('refused');
  });
  it('read free text written before reasons were typed as "unknown"', () => {
    expect(decodeSyncProblem('fetch failed')).toEqual({ reason: 'unknown', code: null });
    const older = 'PROTOCOL_VERSION: protocol 3 is not supported';
    expect(decodeSyncProblem(older)).toEqual({ reason: 'unknown', code: null });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_STAFF } from '../../shared/contract';
import { TOKEN_HEADER } from '../../shared/contract/browserHost';
import { tableCounts } from '../services/services.testkit';
import { fixedClock, sequentialIds } from '../platform/sources';
import { startBrowserHost, type BrowserHost } from './host';

let dir: string;
let host: BrowserHost;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tillcard-staffhost-'));
  mkdirSync(join(dir, 'static'));
  writeFileSync(join(dir, 'static', 'index.html'), '<!doctype html><title>till</title>');
  host = await startBrowserHost({
    dataDir: join(dir, 'data'),
    port: 0,
    clock: fixedClock(Date.UTC(2025, 0, 6, 9)),
    ids: sequentialIds(),
    staticDir: join(dir, 'static'),
    log: () => {},
  });
});
afterAll(async () => {
  await host.close();
  rmSync(dir, { recursive: true, force: true });
});

type Envelope = { ok: boolean; value?: unknown; error?: { code: string; message: string } };
async function post(channel: string, body: unknown): Promise<Envelope> {
  const res = await fetch(`${host.origin}/api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: host.token },
    body: JSON.stringify(body),
  });
  expect(res.status).toBeLessThan(500);
  return (await res.json()) as Envelope;
}

describe('staff roles through the browser host’s HTTP API', () => {
  it('refuses a cashier’s manager call and a signed-out till’s calls exactly as the screen is refused', async () => {
    expect((await post('setupDemoShop', {})).ok).toBe(true);
    const choices = (await post('signInChoices', {})).value as { staffId: string; role: string }[];
    const cashier = choices.find((s) => s.role === 'cashier');
    expect((await post('signIn', { staffId: cashier?.staffId, pin: DEMO_STAFF[1].pin })).ok).toBe(true);

    const before = tableCounts(host.core.db);
    for (const [channel, input] of [
      ['setLargeSaleLimit', { limitMinor: 1 }],
      ['addStaff', { name: 'Mallory', role: 'manager', pin: '1111' }],
      ['leaveDemoShop', { deleteAllDemoData: true }],
      ['setStaffSettings', { cashierRedeemLimitPoints: 1_000_000_000 }],
    ] as const) {
      const answer = await post(channel, input);
      expect(answer).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    }
    expect(tableCounts(host.core.db)).toEqual(before);

    expect((await post('signOut', {})).ok).toBe(true);
    const signedOut = tableCounts(host.core.db);
    for (const channel of ['registerMember', 'recordSale', 'searchMembers', 'listStaff', 'syncNow'])
      expect(await post(channel, {})).toMatchObject({ ok: false, error: { code: 'SIGNED_OUT' } });
    expect((await post('getStatus', {})).ok).toBe(true);
    expect(tableCounts(host.core.db)).toEqual(signedOut);
  });
});

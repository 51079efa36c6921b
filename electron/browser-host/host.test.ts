import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { channels } from '../../shared/contract';
import { fixedClock, sequentialIds } from '../platform/sources';
import { startBrowserHost, type BrowserHost } from './host';
import { actAsManager } from '../terminal/session.testkit';
import { TOKEN_HEADER } from '../../shared/contract/browserHost';

let dir: string;
let host: BrowserHost;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tillcard-host-'));
  const staticDir = join(dir, 'static');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>till</title>');
  host = await startBrowserHost({
    dataDir: join(dir, 'data'),
    port: 0,
    clock: fixedClock(Date.UTC(2025, 0, 6, 9)),
    ids: sequentialIds(),
    staticDir,
    log: () => {},
  });
});
afterAll(async () => {
  await host.close();
  rmSync(dir, { recursive: true, force: true });
});

async function post(channel: string, body: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${host.origin}/api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: host.token, ...headers },
    body,
  });
  return { status: res.status, body: (await res.json()) as { ok: boolean; value?: unknown; error?: { code: string } } };
}

const count = (table: string): number =>
  (host.core.db.$client.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('browser host', () => {
  it('prints a 127.0.0.1 URL with a fresh token', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/);
  });

  it('refuses a call without the token, or with a wrong one', async () => {
    const none = await fetch(`${host.origin}/api/getStatus`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    const wrong = await post('getStatus', '{}', { [TOKEN_HEADER]: `${host.token}x` });
    expect(wrong.status).toBe(401);
  });

  it('answers a call with the token, from its own origin or none', async () => {
    const ok = await post('getStatus', '{}');
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ ok: true, value: { configured: false } });
    const same = await post('getStatus', '{}', { origin: host.origin });
    expect(same.body.ok).toBe(true);
  });

  it('refuses a foreign origin even with the token', async () => {
    for (const origin of ['http://evil.example', 'null', `http://127.0.0.1:${host.port + 1}`]) {
      const res = await post('getStatus', '{}', { origin });
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    }
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port: host.port,
          path: '/api/getStatus',
          method: 'POST',
          headers: { host: 'evil.example', [TOKEN_HEADER]: host.token, 'content-type': 'application/json' },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end('{}');
    });
    expect(status).toBe(403);
  });

  it('knows only the contract channels', async () => {
    for (const name of ['nope', '__proto__', 'constructor', 'toString']) {
      const res = await post(name, '{}');
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
    for (const channel of channels) {
      const res = await post(channel, '"not an object"');
      expect(res.status).toBeLessThan(500);
    }
  });

  it('answers malformed, wrongly typed and oversized bodies with a 4xx envelope', async () => {
    expect((await post('getStatus', '{not json')).status).toBe(400);
    const text = await fetch(`${host.origin}/api/getStatus`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', [TOKEN_HEADER]: host.token },
      body: 'hi',
    });
    expect(text.status).toBe(415);
    // An open call (the guard lets anyone through): the body's size is what gets judged.
    const big = await post('getStatus', JSON.stringify({ query: 'x'.repeat(300 * 1024) }));
    expect(big.status).toBe(413);
    expect(big.body).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('serves the renderer with a strict CSP', async () => {
    const res = await fetch(`${host.origin}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await res.text()).toContain('<title>till</title>');
  });

  it('never answers 5xx and writes nothing for arbitrary bodies', async () => {
    expect((await post('setupDemoShop', '{}')).body.ok).toBe(true);
    const before = {
      members: count('members'),
      sales: count('sales'),
      outbox: count('outbox'),
      redemptions: count('redemptions'),
    };
    const writers = [
      'registerMember',
      'recordSale',
      'redeemReward',
      'blockCard',
      'updateMember',
      'replaceCard',
      'configureShop',
    ] as const;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...writers), fc.jsonValue({ maxDepth: 3 }), async (channel, value) => {
        const res = await post(channel, JSON.stringify(value));
        expect(res.status).toBeLessThan(500);
        expect(res.body.ok).toBe(false);
        expect(['VALIDATION', 'NOT_FOUND', 'ALREADY_CONFIGURED']).toContain(res.body.error?.code);
      }),
      { numRuns: 150 },
    );
    expect({
      members: count('members'),
      sales: count('sales'),
      outbox: count('outbox'),
      redemptions: count('redemptions'),
    }).toEqual(before);
  });

  it("answers the guard's refusal before reading the body: a bad body tells an unentitled caller nothing", async () => {
    host.core.session.end();
    for (const body of ['', '{not json', '[1,2', '{"query":1}']) {
      const res = await post('searchMembers', body);
      expect(res).toMatchObject({ status: 200, body: { ok: false, error: { code: 'SIGNED_OUT' } } });
      expect((await post('auditTrai%6C', body)).body.error?.code).toBe('SIGNED_OUT');
    }
    const cashier = host.core.db.$client.prepare("SELECT id FROM staff WHERE role = 'cashier' LIMIT 1").pluck().get();
    host.core.session.begin({ staffId: String(cashier), role: 'cashier' });
    expect((await post('auditTrail', '{not json')).body.error?.code).toBe('NOT_ALLOWED');
    // A caller the table lets in still hears about their body.
    expect((await post('searchMembers', '{not json')).status).toBe(400);
    actAsManager(host.core);
  });

  it('gives each start its own token', async () => {
    const other = await startBrowserHost({
      dataDir: join(dir, 'data2'),
      port: 0,
      staticDir: join(dir, 'static'),
      log: () => {},
    });
    try {
      expect(other.token).not.toBe(host.token);
      const res = await fetch(`${other.origin}/api/getStatus`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: host.token },
        body: '{}',
      });
      expect(res.status).toBe(401);
    } finally {
      await other.close();
    }
  });
});

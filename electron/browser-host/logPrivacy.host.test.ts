import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TOKEN_HEADER } from '../../shared/contract/browserHost';
import { testBackends } from '../../server/testing/databases';
import { startHarness, type Harness } from '../../server/testing/harness';
import { requestLogOptions } from '../../server/http/requestLog';
import { LOGS_FOLDER } from '../platform/log';
import { TEST_MANAGER } from '../services/services.testkit';
import { startBrowserHost, type BrowserHost } from './host';

// A whole session through the browser host, synced to a real head office on loopback, then every
// log file the till wrote and every line head office logged is searched for the member's phone
// number and name, in every form they were typed or stored: none may be there.

const PHONE = '13912345678';
const NAME = 'Privacy Probe';
const NAME_ZH = '隐私测试';
const PIN = TEST_MANAGER.pin;
const SECRETS = [PHONE, `+86${PHONE}`, '139-1234-5678', NAME, NAME_ZH, 'Probe'];

type Envelope = { ok: boolean; value?: unknown; error?: { code: string } };

let dir: string;
let host: BrowserHost;
let ho: Harness;
const hoLines: string[] = [];
const pglite = testBackends[0];

beforeAll(async () => {
  if (!pglite) throw new Error('no PGlite test backend');
  dir = mkdtempSync(join(tmpdir(), 'tillcard-logs-'));
  ho = await startHarness(await pglite.open(), { now: () => Date.now() }, undefined, {
    logger: requestLogOptions('info', { write: (line) => void hoLines.push(line) }),
  });
  const hour = 3_600_000;
  host = await startBrowserHost({
    dataDir: join(dir, 'data'),
    port: 0,
    staticDir: join(dir, 'no-static'),
    log: () => undefined,
    sync: { owner: 'log-test', intervalMs: hour, backoffBaseMs: hour, backoffMaxMs: hour },
  });
});
afterAll(async () => {
  await host.close().catch(() => undefined);
  await ho.close();
  rmSync(dir, { recursive: true, force: true });
});

async function post(channel: string, body: unknown, token: string | null = host.token): Promise<Envelope> {
  const res = await fetch(`${host.origin}/api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { [TOKEN_HEADER]: token } : {}) },
    body: JSON.stringify(body),
  });
  return (await res.json()) as Envelope;
}

async function value<T>(channel: string, body: unknown): Promise<T> {
  const answer = await post(channel, body);
  if (!answer.ok) throw new Error(`${channel}: ${JSON.stringify(answer.error)}`);
  return answer.value as T;
}

const id = (): string => crypto.randomUUID();

describe('logs hold no private data', () => {
  it('a session with a sale, a redemption, a sync and refusals logs no phone number or name', async () => {
    await value('configureShop', {
      shopId: 'logshop',
      shopName: 'Log Shop',
      terminalName: 'Till 1',
      terminalCode: '47001',
      manager: { name: 'Manager Wang', pin: PIN },
    });
    const reward = { code: 'MUG', name: 'Mug', category: 'general', pointsCost: 10, cashValueMinor: 500, stock: 5 };
    const added = await value<{ id: string }>('upsertReward', { requestId: id(), reward: { ...reward, active: true } });
    const member = await value<{ id: string; cardNumber: string }>('registerMember', {
      requestId: id(),
      name: NAME,
      phone: PHONE,
      birthday: null,
    });
    await value('registerMember', { requestId: id(), name: NAME_ZH, phone: '13912345679', birthday: null });
    await value('recordSale', {
      requestId: id(),
      memberId: member.id,
      lines: [{ sku: 'G', category: 'grocery', quantity: 1, unitPriceMinor: 50_000 }],
    });
    await value('redeemReward', { requestId: id(), memberId: member.id, rewardId: added.id, quantity: 1 });
    await value('searchMembers', { query: PHONE });

    // Refused calls, each carrying the private data in its input.
    const duplicate = await post('registerMember', { requestId: id(), name: NAME, phone: PHONE, birthday: null });
    expect(duplicate.error?.code).toBe('DUPLICATE_PHONE');
    const invalid = await post('registerMember', { requestId: id(), name: NAME, phone: { PHONE }, birthday: 7 });
    expect(invalid.error?.code).toBe('VALIDATION');
    expect((await post('searchMembers', { query: PHONE }, 'wrong-token')).error?.code).toBe('UNAUTHORIZED');

    // Enrolled and synced with head office over loopback; head office searched by phone and by name.
    const created = await ho.admin.call('createEnrolmentCode', { body: { shopId: 'logshop', terminalCode: '47001' } });
    await value('enrolHeadOffice', { url: ho.url, code: created.code });
    const synced = await value<{ status: { outboxPending: number } }>('syncNow', {});
    expect(synced.status.outboxPending).toBe(0);
    await ho.waitDerived();
    const found = await ho.admin.call('findMembers', { query: { by: 'phone', q: PHONE, page: 1, pageSize: 20 } });
    expect(found.members.map((m) => m.memberId)).toContain(member.id);
    await ho.admin.call('findMembers', { query: { by: 'name', q: NAME, page: 1, pageSize: 20 } });
    await ho.admin.call('memberDetail', { params: { id: member.id } });
    await host.close();

    const logsDir = join(dir, 'data', LOGS_FOLDER);
    const tillText = readdirSync(logsDir)
      .map((f) => readFileSync(join(logsDir, f), 'utf8'))
      .join('\n');
    // The log is there and says what IT needs: start, migrations, refusals with their codes, sync rounds, stop.
    const events = tillText
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const kinds = new Set(events.map((e) => e.event));
    for (const kind of ['start', 'migrations', 'refused', 'enrolment', 'sync_round', 'stop'])
      expect(kinds).toContain(kind);
    expect(events).toContainEqual(
      expect.objectContaining({ event: 'refused', channel: 'registerMember', code: 'DUPLICATE_PHONE' }),
    );
    expect(events).toContainEqual(
      expect.objectContaining({ event: 'refused', channel: 'registerMember', code: 'VALIDATION' }),
    );
    expect(events).toContainEqual(expect.objectContaining({ event: 'refused', reason: 'token' }));
    expect(events[0]).toMatchObject({ host: 'browser-host', version: expect.any(String) });

    const hoText = hoLines.join('');
    expect(hoText).toContain('"route":"/admin/members"');
    for (const secret of SECRETS) {
      expect(tillText.includes(secret), `till log holds ${secret}`).toBe(false);
      expect(hoText.includes(secret), `head office log holds ${secret}`).toBe(false);
    }
    expect(tillText).not.toContain(member.cardNumber);
    expect(tillText).not.toContain(created.code);
    expect(tillText).not.toContain(host.token);
    expect(hoText).not.toContain(created.code);
  });
});

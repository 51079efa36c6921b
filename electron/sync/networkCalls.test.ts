import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { TillApi } from '../../shared/contract';
import { testBackends } from '../../server/testing/databases';
import { startHarness, type Harness } from '../../server/testing/harness';
import { syncScheduleFromEnv, type SyncLoopHost } from '../terminal/syncLoopHost';
import { writeState } from '../platform/syncStateTable';
import {
  assertLedgerConsistent,
  errorOf,
  openTestCore,
  TEST_START_MS,
  unwrap,
  type TestCore,
} from '../services/services.testkit';
import { freeLoopbackPort } from '../../server/testing/ports';

// The till's head-office calls through the dispatcher and background sync both hosts use, against head office on a
// real loopback port (PGlite, and PostgreSQL when CI names one). No mocks: real SQLite, real HTTP.

interface Till {
  core: TestCore;
  runner: SyncLoopHost;
  api: TillApi;
}

describe.each(testBackends)('head office from the till on $name', (backend) => {
  let ho: Harness;
  const tills: Till[] = [];

  async function till(code: string, shopId: string): Promise<Till> {
    // A long interval: the tests drive syncs with syncNow, the loop only nudges.
    const hour = 3_600_000;
    const sync = {
      owner: `test-${code}`,
      intervalMs: hour,
      backoffBaseMs: hour,
      backoffMaxMs: hour,
      log: () => undefined,
    };
    const core = openTestCore({ start: TEST_START_MS, idPrefix: Number(code), sync });
    const { api, sync: runner } = core;
    unwrap(await api.configureShop({ shopId, shopName: `Shop ${shopId}`, terminalName: 'Till 1', terminalCode: code }));
    const t = { core, runner, api };
    tills.push(t);
    return t;
  }

  async function enrolled(code: string, shopId: string): Promise<Till> {
    const t = await till(code, shopId);
    const created = await ho.call('POST', '/admin/enrolment-codes', { shopId, terminalCode: code }, ho.adminToken);
    unwrap(await t.api.enrolHeadOffice({ url: ho.url, code: String(created.body.code) }));
    return t;
  }

  const sale = (t: Till, memberId: string, minor: number, pointsToSpend = 0) =>
    t.api.recordSale({
      requestId: t.core.ctx.ids.uuid(),
      memberId,
      lines: [{ sku: 'GOODS', quantity: 1, unitPriceMinor: minor }],
      pointsToSpend,
    });

  beforeAll(async () => {
    ho = await startHarness(await backend.open(), { now: () => Date.now() });
  });
  afterAll(async () => {
    for (const t of tills) {
      await t.runner.stop();
      t.core.dispose();
    }
    await ho.close();
  });

  it('refuses a bad address, an unreachable head office and a wrong code, writing nothing', async () => {
    const t = await till('91001', 'shopX');
    expect(errorOf(await t.api.enrolHeadOffice({ url: 'ftp://example.test', code: 'ABCDE-FGHIJ-KLMNO' })).code).toBe(
      'VALIDATION',
    );
    expect(errorOf(await t.api.enrolHeadOffice({ url: ho.url, code: 'short' })).code).toBe('VALIDATION');
    const down = errorOf(
      await t.api.enrolHeadOffice({ url: `http://127.0.0.1:${await freeLoopbackPort()}`, code: 'ABCDE-FGHIJ-KLMNO' }),
    );
    expect(down.code).toBe('HEADOFFICE_UNREACHABLE');
    const refused = errorOf(await t.api.enrolHeadOffice({ url: ho.url, code: 'ABCDE-FGHIJ-KLMNO' }));
    expect(refused).toMatchObject({ code: 'ENROL_REFUSED', details: { reason: 'ENROLMENT_CODE_INVALID' } });
    const status = unwrap(await t.api.getStatus({}));
    expect(status.headOfficeUrl).toBeNull();
    expect(t.runner.syncing).toBe(false);
    expect(errorOf(await t.api.syncNow({})).code).toBe('NOT_ENROLLED');
  });

  it('refuses a code made for another shop in words, and head office lists no ghost terminal', async () => {
    const t = await till('91007', 'shopM');
    const created = await ho.call(
      'POST',
      '/admin/enrolment-codes',
      { shopId: 'shopN', shopName: 'Nanjing Rd', terminalCode: '91007' },
      ho.adminToken,
    );
    const code = String(created.body.code);
    const answer = await t.api.enrolHeadOffice({ url: ho.url, code });
    expect(answer).toMatchObject({
      ok: false,
      error: {
        message: '此接入码属于门店“Nanjing Rd”（shopN），本机是门店“Shop shopM”（shopM）。请向总部索取本店的接入码。',
      },
    });
    const refused = errorOf(answer);
    expect(refused).toMatchObject({
      code: 'ENROL_SHOP_MISMATCH',
      details: { codeShop: 'Nanjing Rd', codeShopId: 'shopN', tillShop: 'Shop shopM', tillShopId: 'shopM' },
    });
    expect(unwrap(await t.api.getStatus({})).headOfficeUrl).toBeNull();
    const listed = await ho.call('GET', '/admin/terminals', undefined, ho.adminToken);
    expect(JSON.stringify(listed.body)).not.toContain(unwrap(await t.api.getStatus({})).terminalId);
  });

  it('a refused record (from an older till) is never "all synced": the status names it and why', async () => {
    const t = await enrolled('91008', 'shopR');
    unwrap(await t.api.syncNow({}));
    expect(unwrap(await t.api.getStatus({})).refused).toEqual({ count: 0, latest: [] });
    // What an older till wrote before the rule: a sale line name with a lone surrogate, straight into the outbox.
    const id = t.core.ctx.ids.uuid();
    const payload = {
      id,
      memberId: null,
      cardNumber: null,
      subtotalMinor: 100,
      discountMinor: 0,
      totalMinor: 100,
      pointsEarned: 0,
      pointsSpent: 0,
      ruleVersion: 1,
      currency: 'CNY',
      businessDay: '2025-06-01',
      createdAt: TEST_START_MS,
      ledger: [],
      lines: [
        {
          lineNo: 1,
          sku: 'A',
          name: `Tea${String.fromCharCode(0xd800)}`,
          category: 'drinks',
          quantity: 1,
          unitPriceMinor: 100,
          lineTotalMinor: 100,
          points: 0,
        },
      ],
    };
    t.core.db.$client
      .prepare(
        'INSERT INTO outbox (seq, record_id, record_type, payload_json, created_at) ' +
          "SELECT coalesce(max(seq), 0) + 1, ?, 'sale', ?, ? FROM outbox",
      )
      .run(id, JSON.stringify(payload), TEST_START_MS);
    unwrap(await t.api.syncNow({}));
    await ho.waitDerived();
    // Head office tells the quarantine in the next push answer.
    const status = unwrap(await t.api.syncNow({})).status;
    expect(status.outboxPending).toBe(0);
    expect(status.refused.count).toBe(1);
    expect(status.refused.latest[0]).toMatchObject({ reason: 'unstorable_text', field: 'lines.0.name' });
    expect(status.refused.latest[0]?.detail).not.toContain('expected string');
  });

  it('a core without background sync still answers the head-office calls, and runs no loop', async () => {
    const core = openTestCore();
    try {
      expect(await core.dispatch('syncNow', {})).toMatchObject({ ok: false, error: { code: 'NOT_CONFIGURED' } });
      unwrap(await core.api.configureShop({ shopId: 's9', shopName: 'S', terminalName: 'T', terminalCode: '91009' }));
      expect(await core.dispatch('syncNow', {})).toMatchObject({ ok: false, error: { code: 'NOT_ENROLLED' } });
      expect(core.sync.syncing).toBe(false);
    } finally {
      core.dispose();
    }
  });

  it('an enrolled till sends its records on "sync now"; the status shows head office, no waiting records', async () => {
    const t = await enrolled('91002', 'shopA');
    const status = unwrap(await t.api.getStatus({}));
    expect(status.headOfficeUrl).toBe(ho.url);
    expect(t.runner.syncing).toBe(true);
    const m = unwrap(
      await t.api.registerMember({
        requestId: t.core.ctx.ids.uuid(),
        name: 'Wang Fang',
        phone: '13800138011',
        birthday: null,
      }),
    );
    unwrap(await sale(t, m.id, 12_345));
    const synced = unwrap(await t.api.syncNow({}));
    expect(synced.status.outboxPending).toBe(0);
    expect(synced.status.online).toBe(true);
    expect(synced.status.lastSyncAt).not.toBeNull();
    const terminals = await ho.call('GET', '/admin/terminals', undefined, ho.adminToken);
    expect(JSON.stringify(terminals.body)).toContain('91002');
  });

  it('offline, a member spends at most the offline cap; online again, the whole balance', async () => {
    const t = await enrolled('91003', 'shopB');
    const m = unwrap(
      await t.api.registerMember({
        requestId: t.core.ctx.ids.uuid(),
        name: 'Zhao Lei',
        phone: '13800138012',
        birthday: null,
      }),
    );
    unwrap(await sale(t, m.id, 900_000)); // ≥ 9,000 points
    unwrap(await t.api.syncNow({}));
    const balance = unwrap(await t.api.getBalance({ memberId: m.id })).balance;
    expect(balance).toBeGreaterThan(6_000);
    // What the sync job writes when head office stops answering.
    writeState(t.core.db, 'online', 'false');
    t.core.clock.advance(60_000);
    const refused = errorOf(await sale(t, m.id, 100_000, 5_001));
    expect(refused).toMatchObject({
      code: 'INSUFFICIENT_POINTS',
      details: { reason: 'offline_cap', spendable: 5_000, requested: 5_001 },
    });
    unwrap(await sale(t, m.id, 100_000, 3_000));
    // The cap covers the whole time offline, not each sale.
    expect(errorOf(await sale(t, m.id, 100_000, 2_001)).details).toMatchObject({ spendable: 2_000 });
    const quote = unwrap(
      await t.api.previewSale({
        memberId: m.id,
        lines: [{ sku: 'X', quantity: 1, unitPriceMinor: 900_000 }],
        pointsToSpend: 0,
      }),
    );
    expect(quote.maxPointsSpendable).toBe(2_000);
    unwrap(await t.api.syncNow({}));
    const after = unwrap(await t.api.getBalance({ memberId: m.id })).balance;
    unwrap(await sale(t, m.id, 900_000, Math.min(after, 6_000)));
    assertLedgerConsistent(t.core.db);
  });

  it('offline spends are allowed exactly up to min(balance, cap − spent since) (property)', async () => {
    const t = await enrolled('91004', 'shopC');
    const m = unwrap(
      await t.api.registerMember({
        requestId: t.core.ctx.ids.uuid(),
        name: 'Sun Li',
        phone: '13800138013',
        birthday: null,
      }),
    );
    unwrap(await sale(t, m.id, 700_000));
    unwrap(await t.api.syncNow({}));
    writeState(t.core.db, 'online', 'false');
    let spent = 0;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 3_000 }), async (points) => {
        t.core.clock.advance(1_000);
        const balance = unwrap(await t.api.getBalance({ memberId: m.id })).balance;
        const allowed = Math.min(balance, 5_000 - spent);
        const result = await sale(t, m.id, 100_000, points);
        if (points <= allowed) {
          unwrap(result);
          spent += points;
        } else {
          expect(errorOf(result).code).toBe('INSUFFICIENT_POINTS');
        }
      }),
      { numRuns: 12 },
    );
    assertLedgerConsistent(t.core.db);
  });

  it('a lost card is refused at another shop; a double spend leaves a flagged negative balance = ledger', async () => {
    const a = await enrolled('91005', 'shopD');
    const b = await enrolled('91006', 'shopE');
    const m = unwrap(
      await a.api.registerMember({
        requestId: a.core.ctx.ids.uuid(),
        name: 'Qian Yu',
        phone: '13800138014',
        birthday: null,
        pin: '8642',
      }),
    );
    unwrap(await sale(a, m.id, 300_000));
    unwrap(await a.api.syncNow({}));
    // Head office acknowledges a push once stored and derives it just behind: wait for that
    // before another shop pulls (server/README-sync.md).
    await ho.waitDerived();
    unwrap(await b.api.syncNow({}));
    const balance = unwrap(await b.api.getBalance({ memberId: m.id })).balance;
    expect(balance).toBeGreaterThanOrEqual(2_000);
    // Both shops offline, both spend the same 2,000 points.
    writeState(a.core.db, 'online', 'false');
    writeState(b.core.db, 'online', 'false');
    a.core.clock.advance(60_000);
    b.core.clock.advance(60_000);
    unwrap(await sale(a, m.id, 100_000, balance));
    unwrap(await sale(b, m.id, 100_000, balance));
    unwrap(await a.api.syncNow({}));
    unwrap(await b.api.syncNow({}));
    await ho.waitDerived();
    unwrap(await a.api.syncNow({}));
    expect(unwrap(await a.api.getBalance({ memberId: m.id })).balance).toBeLessThan(0);
    assertLedgerConsistent(a.core.db);
    assertLedgerConsistent(b.core.db);
    const flags = await ho.call('GET', '/admin/balance-flags', undefined, ho.adminToken);
    expect(JSON.stringify(flags.body)).toContain(m.id);
    // The check still catches a cache that drifted from the ledger.
    a.core.db.$client.prepare('UPDATE members SET points_balance = points_balance + 1 WHERE id = ?').run(m.id);
    expect(() => assertLedgerConsistent(a.core.db)).toThrow(/disagree/);
    a.core.db.$client.prepare('UPDATE members SET points_balance = points_balance - 1 WHERE id = ?').run(m.id);

    const card = unwrap(await a.api.getMember({ memberId: m.id })).cardNumber;
    expect(card).toBeTruthy();
    // Reported lost by the member: their PIN first (set at registration; it reached shop E with the member).
    const pinAtB = await b.api.verifyMember({ method: 'pin', memberId: m.id, pin: '8642' });
    expect(pinAtB.ok).toBe(true);
    const check = unwrap(await a.api.verifyMember({ method: 'pin', memberId: m.id, pin: '8642' }));
    unwrap(await a.api.blockCard({ cardNumber: String(card), reason: 'lost', memberCheck: check.ticket }));
    unwrap(await a.api.syncNow({}));
    await ho.waitDerived();
    unwrap(await b.api.syncNow({}));
    expect(errorOf(await b.api.lookupCard({ cardNumber: String(card) }))).toMatchObject({
      code: 'CARD_BLOCKED',
      details: { status: 'lost' },
    });
  });

  it('reads the sync schedule from the environment and refuses nonsense', () => {
    expect(
      syncScheduleFromEnv({
        TILLCARD_SYNC_INTERVAL_MS: '5000',
        TILLCARD_SYNC_BACKOFF_MAX_MS: '2000',
        TILLCARD_CLOSE_AT: '22:15',
      }),
    ).toEqual({ intervalMs: 5_000, backoffMaxMs: 2_000, backoffBaseMs: 1_000, closeAt: '22:15' });
    expect(syncScheduleFromEnv({})).toEqual({});
    expect(() => syncScheduleFromEnv({ TILLCARD_SYNC_INTERVAL_MS: 'fast' })).toThrow(/TILLCARD_SYNC_INTERVAL_MS/);
    expect(() => syncScheduleFromEnv({ TILLCARD_CLOSE_AT: '25:00' })).toThrow(/closeAt/);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { count, eq } from 'drizzle-orm';
import { MAX_BATCH_RECORDS, PROTOCOL_VERSION, type PushRecord } from '../../shared/sync/protocol';
import { syncRoutes } from '../../shared/sync/routes';
import { fixedClockForTests } from '../testing/clock';
import { testBackends } from '../testing/databases';
import { startHarness, type Harness } from '../testing/harness';
import { memberRecord, payloadObject, saleRecord, uuidFrom } from '../testing/records';
import { balanceFlags, ledger, quarantine, records, sales } from '../store/schema';
import type { HoDatabase } from '../store/connect';

const DAY = '2025-03-01';
const T0 = Date.UTC(2025, 2, 1, 2, 0, 0);

describe.each(testBackends)('head office sync routes on $name', (backend) => {
  let database: HoDatabase;
  let ho: Harness;
  const clock = fixedClockForTests(T0);
  const A = uuidFrom(1, 0xa);
  const B = uuidFrom(2, 0xa);
  let tokenA = '';
  let tokenB = '';

  beforeAll(async () => {
    database = await backend.open();
    ho = await startHarness(database, clock);
    tokenA = (await ho.enrol('shopA', '90001', A)).token;
    tokenB = (await ho.enrol('shopB', '90002', B)).token;
  });
  afterAll(async () => ho.close());

  const push = (
    token: string,
    terminalId: string,
    shopId: string,
    recs: PushRecord[],
    extra: Record<string, unknown> = {},
  ) =>
    ho.call(
      'POST',
      syncRoutes.push.path,
      { protocolVersion: PROTOCOL_VERSION, terminalId, shopId, records: recs, ...extra },
      token,
    );
  const rowCount = async () => (await database.db.select({ n: count() }).from(records))[0]?.n ?? 0;

  const m1 = uuidFrom(100);
  const sale = (seq: number, n: number, spent = 0, earned = 10) =>
    saleRecord(seq, {
      saleId: uuidFrom(1000 + n),
      memberId: m1,
      totalMinor: 1234 + n,
      earned,
      spent,
      ledgerIds: [uuidFrom(2000 + n), uuidFrom(3000 + n)],
      day: DAY,
      at: T0 + n,
    });

  it('refuses admin calls without the admin token, and enrolment codes are one-time', async () => {
    expect((await ho.call('POST', '/admin/enrolment-codes', { shopId: 's', terminalCode: '90009' })).status).toBe(401);
    expect(
      (await ho.call('POST', '/admin/enrolment-codes', { shopId: 's', terminalCode: '90009' }, 'wrong')).body.code,
    ).toBe('UNAUTHORIZED');
    const created = await ho.call(
      'POST',
      '/admin/enrolment-codes',
      { shopId: 's', terminalCode: '90009' },
      ho.adminToken,
    );
    expect(created.status).toBe(201);
    const code = String(created.body.code);
    const first = await ho.call('POST', syncRoutes.enrol.path, {
      protocolVersion: PROTOCOL_VERSION,
      code: code.toLowerCase(),
      terminalId: uuidFrom(9, 0xa),
    });
    expect(first.status).toBe(200);
    const again = await ho.call('POST', syncRoutes.enrol.path, {
      protocolVersion: PROTOCOL_VERSION,
      code,
      terminalId: uuidFrom(10, 0xa),
    });
    expect(again.body.code).toBe('ENROLMENT_CODE_INVALID');
    expect(
      (await ho.call('POST', '/admin/enrolment-codes', { shopId: 's', terminalCode: '90009' }, ho.adminToken)).body
        .code,
    ).toBe('CONFLICT');
  });

  it('applies a batch, ignores an exact repeat, and acknowledges the high-water mark', async () => {
    const batch = [memberRecord(1, m1, 1, T0), sale(2, 1)];
    const first = await push(tokenA, A, 'shopA', batch, { pending: 2 });
    expect(first.body).toMatchObject({ status: 'ok', ackedThrough: 2, applied: 2, duplicates: 0 });
    const repeat = await push(tokenA, A, 'shopA', batch);
    expect(repeat.body).toMatchObject({ status: 'ok', ackedThrough: 2, applied: 0, duplicates: 2 });
    const overlap = await push(tokenA, A, 'shopA', [sale(2, 1), sale(3, 2)]);
    expect(overlap.body).toMatchObject({ status: 'ok', ackedThrough: 3, applied: 1, duplicates: 1 });
    await ho.waitDerived();
    expect(await database.db.select().from(sales).where(eq(sales.terminalId, A))).toHaveLength(2);
  });

  it('answers a gap with the missing range and applies nothing', async () => {
    const before = await rowCount();
    const gap = await push(tokenA, A, 'shopA', [sale(7, 7)]);
    expect(gap.body).toEqual({ status: 'gap', ackedThrough: 3, missingFrom: 4, missingTo: 6 });
    expect(await rowCount()).toBe(before);
  });

  it('refuses a repeat with a different payload (409), applies nothing, and keeps it for IT', async () => {
    const before = await rowCount();
    const changed = sale(3, 2);
    const res = await push(tokenA, A, 'shopA', [
      { ...changed, payload: JSON.stringify({ ...payloadObject(changed), totalMinor: 1 }) },
      sale(4, 4),
    ]);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'PAYLOAD_CONFLICT', details: { seq: 3, ackedThrough: 3 } });
    expect(await rowCount()).toBe(before);
    const kept = await database.db.select().from(quarantine).where(eq(quarantine.reason, 'payload_conflict'));
    expect(kept.map((q) => q.seq)).toEqual([3]);
  });

  it('stores a bad record, applies the rest, tells the terminal of the quarantine once, after deriving', async () => {
    const bad: PushRecord = {
      seq: 4,
      recordId: uuidFrom(4444),
      type: 'sale',
      payload: JSON.stringify({ id: 'not-a-uuid' }),
    };
    const res = await push(tokenA, A, 'shopA', [bad, sale(5, 5)]);
    // Acknowledged whole: payloads are checked when derived, so one bad record never holds the queue.
    expect(res.body).toMatchObject({ status: 'ok', ackedThrough: 5, applied: 2 });
    await ho.waitDerived();
    const told = await push(tokenA, A, 'shopA', []);
    expect(told.body.quarantined).toEqual([
      expect.objectContaining({ seq: 4, reason: expect.stringContaining('invalid_payload') }),
    ]);
    expect((await push(tokenA, A, 'shopA', [])).body.quarantined).toEqual([]);
    const admin = await ho.call('GET', '/admin/quarantine', undefined, ho.adminToken);
    expect((admin.body.records as { seq: number }[]).map((r) => r.seq)).toContain(4);
    expect(await database.db.select().from(sales).where(eq(sales.terminalId, A))).toHaveLength(3);
  });

  it('refuses other terminals, other shops, wrong versions and unauthenticated pushes, applying nothing', async () => {
    const before = await rowCount();
    expect((await push('', A, 'shopA', [sale(6, 6)])).status).toBe(401);
    expect((await push(`${A}.deadbeef`, A, 'shopA', [sale(6, 6)])).status).toBe(401);
    expect((await push(tokenA, A, 'shopB', [sale(6, 6)])).body.code).toBe('FORBIDDEN');
    expect((await push(tokenA, B, 'shopB', [sale(6, 6)])).body.code).toBe('FORBIDDEN');
    const old = await ho.call(
      'POST',
      syncRoutes.push.path,
      { protocolVersion: PROTOCOL_VERSION + 1, terminalId: A, shopId: 'shopA', records: [sale(6, 6)] },
      tokenA,
    );
    expect(old.status).toBe(400);
    expect(old.body).toMatchObject({
      code: 'PROTOCOL_VERSION',
      details: { server: PROTOCOL_VERSION, client: PROTOCOL_VERSION + 1 },
    });
    const tooMany = Array.from({ length: MAX_BATCH_RECORDS + 1 }, (_, i) => sale(6 + i, 6 + i));
    expect((await push(tokenA, A, 'shopA', tooMany)).status).toBe(400);
    const huge = sale(6, 6);
    const big = await push(tokenA, A, 'shopA', [
      { ...huge, payload: JSON.stringify({ ...payloadObject(huge), pad: 'x'.repeat(70_000) }) },
    ]);
    expect(big.body.code).toBe('BATCH_TOO_LARGE');
    expect(await rowCount()).toBe(before);
  });

  // Regression (soak seed 453806668, head-office fuzz): a protocolVersion object with a "toString" key
  // that is not a function made the refusal's message throw, and enrol answered 500.
  it('a protocol version not writable as text gets PROTOCOL_VERSION on every sync route, never a 500', async () => {
    const versions: unknown[] = [
      { toString: '6200000000000001' },
      { toString: null, valueOf: 1 },
      ['2'],
      'x'.repeat(10_000),
    ];
    for (const route of ['enrol', 'push', 'pull', 'closeDay', 'snapshot', 'saleForRefund'] as const) {
      for (const protocolVersion of versions) {
        const res = await ho.call(
          'POST',
          syncRoutes[route].path,
          { protocolVersion, code: 'ABCD-EFGH-24', terminalId: A, shopId: 'shopA', records: [] },
          route === 'enrol' ? null : tokenA,
        );
        expect(res.status).toBe(400);
        expect(res.body).toMatchObject({
          code: 'PROTOCOL_VERSION',
          details: { server: PROTOCOL_VERSION, client: null },
        });
        expect(String(res.body.message).length).toBeLessThan(400);
      }
    }
  });

  it('any malformed push body is a 4xx with a code, and nothing is written', async () => {
    const before = await rowCount();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.anything(),
          fc.record({
            protocolVersion: fc.constant(PROTOCOL_VERSION),
            terminalId: fc.constant(A),
            shopId: fc.constant('shopA'),
            records: fc.array(fc.anything(), { maxLength: 3 }),
          }),
        ),
        async (body) => {
          const res = await ho.call('POST', syncRoutes.push.path, body, tokenA);
          // An empty record list is a well-formed heartbeat; everything else here is malformed.
          if (res.status === 200) expect(res.body.status).toBe('ok');
          else {
            expect(res.status).toBeGreaterThanOrEqual(400);
            expect(res.status).toBeLessThan(500);
            expect(typeof res.body.code).toBe('string');
          }
        },
      ),
      { numRuns: 40 },
    );
    expect(await rowCount()).toBe(before);
  });

  it('sends members and ledger rows to other terminals, never back to their origin, page by page', async () => {
    await ho.waitDerived();
    const pullB = await ho.call(
      'POST',
      syncRoutes.pull.path,
      { protocolVersion: PROTOCOL_VERSION, terminalId: B, shopId: 'shopB', limit: 2 },
      tokenB,
    );
    expect(pullB.status).toBe(200);
    expect(pullB.body.hasMore).toBe(true);
    const kinds: string[] = (pullB.body.changes as { kind: string }[]).map((c) => c.kind);
    let cursor = String(pullB.body.cursor);
    for (let i = 0; i < 20; i++) {
      const next = await ho.call(
        'POST',
        syncRoutes.pull.path,
        { protocolVersion: PROTOCOL_VERSION, terminalId: B, shopId: 'shopB', cursor, limit: 2 },
        tokenB,
      );
      kinds.push(...(next.body.changes as { kind: string }[]).map((c) => c.kind));
      cursor = String(next.body.cursor);
      if (!next.body.hasMore) break;
    }
    expect(kinds[0]).toBe('member');
    expect(kinds.filter((k) => k === 'ledger')).toHaveLength(3);
    const pullA = await ho.call(
      'POST',
      syncRoutes.pull.path,
      { protocolVersion: PROTOCOL_VERSION, terminalId: A, shopId: 'shopA' },
      tokenA,
    );
    expect(pullA.body.changes).toEqual([]);
  });

  it('flags a balance that two shops overspent, and resolves it when later earnings net it out', async () => {
    // shop B spends 25 of the member's 30 points, shop A (offline at the time) spends 20.
    const spendB = saleRecord(1, {
      saleId: uuidFrom(5001),
      memberId: m1,
      totalMinor: 100,
      earned: 0,
      spent: 25,
      ledgerIds: [uuidFrom(5002), uuidFrom(5003)],
      day: DAY,
      at: T0,
    });
    expect((await push(tokenB, B, 'shopB', [spendB])).body.status).toBe('ok');
    expect((await push(tokenA, A, 'shopA', [sale(6, 6, 20, 0)])).body.status).toBe('ok');
    await ho.waitDerived();
    const balance = await database.db.select({ delta: ledger.delta }).from(ledger).where(eq(ledger.memberId, m1));
    expect(balance.reduce((s, r) => s + r.delta, 0)).toBe(-15);
    const open = await database.db.select().from(balanceFlags).where(eq(balanceFlags.memberId, m1));
    expect(open).toMatchObject([{ balanceAtFlag: -15, resolvedAt: null }]);
    expect((await push(tokenA, A, 'shopA', [sale(7, 7, 0, 40)])).body.status).toBe('ok');
    await ho.waitDerived();
    const after = await database.db.select().from(balanceFlags).where(eq(balanceFlags.memberId, m1));
    expect(after).toHaveLength(1);
    expect(after[0]?.resolvedAt).not.toBeNull();
  });

  it('closes a day: matches to the cent, or lists the difference', async () => {
    const own = await database.db.select().from(sales).where(eq(sales.terminalId, A));
    const totals = {
      saleCount: own.length,
      salesTotalMinor: own.reduce((s, r) => s + r.totalMinor, 0),
      pointsEarned: own.reduce((s, r) => s + r.pointsEarned, 0),
      pointsSpent: own.reduce((s, r) => s + r.pointsSpent, 0),
      redemptionCount: 0,
      firstSeq: Math.min(...own.map((r) => r.seq)),
      lastSeq: Math.max(...own.map((r) => r.seq)),
    };
    const ok = await ho.call(
      'POST',
      syncRoutes.closeDay.path,
      { protocolVersion: PROTOCOL_VERSION, terminalId: A, shopId: 'shopA', businessDay: DAY, totals },
      tokenA,
    );
    expect(ok.body).toMatchObject({ status: 'matches', differences: [] });
    const off = await ho.call(
      'POST',
      syncRoutes.closeDay.path,
      {
        protocolVersion: PROTOCOL_VERSION,
        terminalId: A,
        shopId: 'shopA',
        businessDay: DAY,
        totals: { ...totals, salesTotalMinor: totals.salesTotalMinor + 1 },
      },
      tokenA,
    );
    expect(off.body).toMatchObject({
      status: 'differs',
      differences: [
        { field: 'salesTotalMinor', terminal: totals.salesTotalMinor + 1, headOffice: totals.salesTotalMinor },
      ],
    });
  });

  it('publishes catalogue changes to every terminal, and a revoked terminal is refused', async () => {
    const tiers = await ho.call(
      'PUT',
      '/admin/tiers',
      { tiers: [{ code: 'silver', name: 'Silver', rank: 1, qualifyPoints: 0 }] },
      ho.adminToken,
    );
    expect(tiers.status).toBe(200);
    const reward = await ho.call(
      'PUT',
      `/admin/rewards/${uuidFrom(77)}`,
      { code: 'MUG', name: 'Mug', category: 'gift', pointsCost: 500, cashValueMinor: 2000, stock: 5, active: true },
      ho.adminToken,
    );
    expect(reward.status).toBe(200);
    const pulled = await ho.call(
      'POST',
      syncRoutes.pull.path,
      { protocolVersion: PROTOCOL_VERSION, terminalId: A, shopId: 'shopA' },
      tokenA,
    );
    expect((pulled.body.changes as { kind: string }[]).map((c) => c.kind)).toEqual(
      expect.arrayContaining(['tiers', 'reward', 'ledger']),
    );
    const overview = await ho.call('GET', '/admin/terminals', undefined, ho.adminToken);
    expect((overview.body.terminals as { id: string; ackedSeq: number }[]).find((t) => t.id === A)?.ackedSeq).toBe(7);
    expect((await ho.call('POST', `/admin/terminals/${B}/revoke`, {}, ho.adminToken)).status).toBe(200);
    const refused = await push(tokenB, B, 'shopB', []);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('REVOKED');
  });
});

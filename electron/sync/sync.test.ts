import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { eq, isNull } from 'drizzle-orm';
import { members, outbox, pointsLedger } from '../../db/schema';
import { PROTOCOL_VERSION, PushRequest } from '../../shared/sync/protocol';
import type { TerminalCore } from '../terminal/terminalCore';
import { fixedClock } from '../platform/sources';
import { testBackends } from '../../server/testing/databases';
import { startHarness, type Harness } from '../../server/testing/harness';
import { ledger as hoLedger, sales as hoSales } from '../../server/store/schema';
import type { HoDatabase } from '../../server/store/connect';
import { enrolledTerminal } from './enrolledTerminal.testkit';
import { unwrap } from '../services/services.testkit';
import { closeDays, syncOnce, type SyncDeps } from './job';
import { acquireLease } from './lease';
import { spendablePoints } from '../services/offlineAllowance';
import { readState } from '../platform/syncStateTable';
import type { FetchFn } from './hoClient';

const START = Date.UTC(2025, 5, 1, 2, 0, 0);
const DAY = '2025-06-01';

describe.each(testBackends)('terminal sync job against head office on $name', (backend) => {
  const clock = fixedClock(START);
  const dirs: string[] = [];
  let database: HoDatabase;
  let ho: Harness;
  let a: TerminalCore;
  let b: TerminalCore;
  const deps = (core: TerminalCore, extra: Partial<SyncDeps> = {}): SyncDeps => ({
    db: core.db,
    clock,
    owner: `test-${core.dbFile}`,
    ...extra,
  });

  const terminalFor = (prefix: number, shopId: string, code: string): Promise<TerminalCore> =>
    enrolledTerminal(ho, clock, dirs, { prefix, shopId, code });

  beforeAll(async () => {
    database = await backend.open();
    ho = await startHarness(database, clock);
    a = await terminalFor(1, 'shopA', '90001');
    b = await terminalFor(2, 'shopB', '90002');
  });
  afterAll(async () => {
    a.close();
    b.close();
    await ho.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  const pending = (core: TerminalCore) => core.db.select().from(outbox).where(isNull(outbox.ackedAt)).all().length;
  const balanceOf = (core: TerminalCore, id: string) =>
    core.db.select().from(members).where(eq(members.id, id)).get()?.pointsBalance;

  it('a member registered at shop A earns there and spends at shop B; balances agree everywhere', async () => {
    const m = unwrap(
      await a.api.registerMember({ requestId: a.ctx.ids.uuid(), name: 'Li Lei', phone: '13800138000', birthday: null }),
    );
    unwrap(
      await a.api.recordSale({
        requestId: a.ctx.ids.uuid(),
        memberId: m.id,
        lines: [{ sku: 'TEA', quantity: 2, unitPriceMinor: 5_000 }],
      }),
    );
    expect(await syncOnce(deps(a))).toMatchObject({ status: 'synced' });
    expect(pending(a)).toBe(0);
    // Acknowledged at once, derived behind: B's pull sees A's records once they are derived.
    await ho.waitDerived();
    expect(await syncOnce(deps(b))).toMatchObject({ status: 'synced' });
    const earned = balanceOf(a, m.id) ?? 0;
    expect(earned).toBeGreaterThan(0);
    expect(balanceOf(b, m.id)).toBe(earned);

    unwrap(
      await b.api.recordSale({
        requestId: b.ctx.ids.uuid(),
        memberId: m.id,
        lines: [{ sku: 'CAKE', quantity: 1, unitPriceMinor: 3_000 }],
        pointsToSpend: Math.min(earned, 10),
      }),
    );
    expect(await syncOnce(deps(b))).toMatchObject({ status: 'synced' });
    await ho.waitDerived();
    expect(await syncOnce(deps(a))).toMatchObject({ status: 'synced' });
    const hoSum = (await database.db.select().from(hoLedger).where(eq(hoLedger.memberId, m.id))).reduce(
      (s, r) => s + r.delta,
      0,
    );
    expect(balanceOf(a, m.id)).toBe(hoSum);
    expect(balanceOf(b, m.id)).toBe(hoSum);
    for (const core of [a, b]) {
      const ledgerSum = core.db
        .select()
        .from(pointsLedger)
        .where(eq(pointsLedger.memberId, m.id))
        .all()
        .reduce((s, r) => s + r.delta, 0);
      expect(ledgerSum).toBe(hoSum);
    }
    expect(readState(a.db, 'online')).toBe('true');
    expect(Number(readState(a.db, 'lastSyncAt'))).toBe(clock.now());
  });

  it('closes the day: the terminal totals match head office to the cent', async () => {
    const result = await closeDays(deps(a), DAY);
    expect(result).toEqual({ status: 'closed', days: [{ day: DAY, matches: true }] });
    expect(readState(a.db, 'lastClosedDay')).toBe(DAY);
    expect(unwrap(await a.api.getStatus({})).lastCloseAt).toBe(clock.now());
  });

  it('offline: records stay in the outbox, status says offline, and they arrive once the network returns', async () => {
    unwrap(
      await a.api.recordSale({
        requestId: a.ctx.ids.uuid(),
        memberId: null,
        lines: [{ sku: 'TEA', quantity: 1, unitPriceMinor: 500 }],
      }),
    );
    const down: FetchFn = async () => {
      throw new Error('connect ECONNREFUSED');
    };
    expect(await syncOnce(deps(a, { fetch: down }))).toMatchObject({ status: 'offline' });
    expect(pending(a)).toBe(1);
    expect(unwrap(await a.api.getStatus({}))).toMatchObject({ online: false, outboxPending: 1 });
    expect(await syncOnce(deps(a))).toMatchObject({ status: 'synced' });
    expect(pending(a)).toBe(0);
    await ho.waitDerived();
    expect(
      await database.db
        .select()
        .from(hoSales)
        .where(eq(hoSales.terminalId, unwrap(await a.api.getStatus({})).terminalId)),
    ).toHaveLength(2);
  });

  it('a protocol version mismatch is a clear refusal and the records stay in the outbox', async () => {
    unwrap(
      await a.api.recordSale({
        requestId: a.ctx.ids.uuid(),
        memberId: null,
        lines: [{ sku: 'TEA', quantity: 1, unitPriceMinor: 700 }],
      }),
    );
    const future: FetchFn = async (url, init) => {
      const body: unknown = JSON.parse(init.body);
      const parsed = PushRequest.safeParse(body);
      return fetch(url, {
        ...init,
        body: JSON.stringify(parsed.success ? { ...parsed.data, protocolVersion: PROTOCOL_VERSION + 1 } : body),
      });
    };
    expect(await syncOnce(deps(a, { fetch: future }))).toMatchObject({ status: 'refused', code: 'PROTOCOL_VERSION' });
    expect(pending(a)).toBe(1);
    expect(readState(a.db, 'lastError')).toContain('PROTOCOL_VERSION');
  });

  it('one sync at a time: another holder of the lease makes this one wait', async () => {
    expect(acquireLease(a.db, 'another-window', clock.now(), 60_000)).toBe(true);
    expect(await syncOnce(deps(a))).toEqual({ status: 'busy' });
    clock.advance(61_000);
    expect(await syncOnce(deps(a))).toMatchObject({ status: 'synced' });
    expect(pending(a)).toBe(0);
  });

  it('offline, a member may spend at most min(balance, offline cap − spent here since)', async () => {
    const m = unwrap(await b.api.searchMembers({ query: 'Li Lei' })).members[0];
    if (!m) throw new Error('member not found at B');
    await ho.call('PUT', `/admin/members/${m.id}/offline-cap`, { offlineCapPoints: 3 }, ho.adminToken);
    expect(await syncOnce(deps(b))).toMatchObject({ status: 'synced' });
    expect(spendablePoints(b.db, m.id)).toBe(Math.max(0, balanceOf(b, m.id) ?? 0));
    const down: FetchFn = async () => {
      throw new Error('network down');
    };
    await syncOnce(deps(b, { fetch: down }));
    expect(spendablePoints(b.db, m.id)).toBe(Math.min(3, balanceOf(b, m.id) ?? 0));
  });
});

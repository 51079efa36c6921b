import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { PROTOCOL_VERSION, type PushRecord } from '../../shared/sync/protocol';
import { syncRoutes } from '../../shared/sync/routes';
import { fixedClockForTests } from '../testing/clock';
import { testBackends } from '../testing/databases';
import { startHarness, type Harness } from '../testing/harness';
import { memberRecord, saleRecord, uuidFrom } from '../testing/records';
import { until } from '../testing/until';
import { ledger, sales, terminals } from '../store/schema';
import type { HoDatabase } from '../store/connect';
import { randomIds } from '../sources';
import { recordStatuses } from '../sync/recordStatus';

const T0 = Date.UTC(2025, 2, 1, 2);
const DAY = '2025-03-01';
const A = uuidFrom(1, 0xa);

// A push stores and acknowledges; the deriver (every server process) applies behind it. These
// tests hold derivation back (a server without its deriver), then check what picks it up.
describe.each(testBackends)('derivation behind the acknowledgement on $name', (backend) => {
  let database: HoDatabase;
  let first: Harness;
  let token = '';
  const clock = fixedClockForTests(T0);
  const member = uuidFrom(100);
  const sale = (seq: number, n: number, memberId: string | null = member) =>
    saleRecord(seq, {
      saleId: uuidFrom(1000 + n),
      memberId,
      totalMinor: 500 + n,
      earned: 10,
      spent: 0,
      ledgerIds: [uuidFrom(2000 + n), uuidFrom(3000 + n)],
      day: DAY,
      at: T0 + n,
    });
  // seq 3 names a member head office never heard of: well-formed, but it cannot be applied.
  const batch: PushRecord[] = [memberRecord(1, member, 1, T0), sale(2, 2), sale(3, 3, uuidFrom(999)), sale(4, 4)];

  beforeEach(async () => {
    database = await backend.open();
    first = await startHarness(database, clock, randomIds, { derive: false });
    token = (await first.enrol('shopA', '90001', A)).token;
  });
  afterEach(async () => {
    await first.close();
  });

  const push = (ho: Harness, recs: PushRecord[]) =>
    ho.call(
      'POST',
      syncRoutes.push.path,
      { protocolVersion: PROTOCOL_VERSION, terminalId: A, shopId: 'shopA', records: recs },
      token,
    );
  const lagOf = async (ho: Harness) => {
    const overview = await ho.call('GET', '/admin/terminals', undefined, ho.adminToken);
    return (overview.body.terminals as { id: string; derivationLag: number; quarantined: number }[]).find(
      (t) => t.id === A,
    );
  };

  it('acks at once; a later server derives what was left, quarantines the bad record, applies the rest', async () => {
    expect((await push(first, batch)).body).toMatchObject({
      status: 'ok',
      ackedThrough: 4,
      applied: 4,
      quarantined: [],
    });
    expect((await recordStatuses(database.db, A)).map((r) => r.status)).toEqual([
      'pending',
      'pending',
      'pending',
      'pending',
    ]);
    expect(await database.db.select().from(sales)).toEqual([]);
    expect(await lagOf(first)).toMatchObject({ derivationLag: 4, quarantined: 0 });
    // A restart: this server stops with the records pending, the next one's sweep finds them.
    await first.stop();
    const second = await startHarness(database, clock, randomIds, { derive: { sweepMs: 20 } });
    first = second;
    await until('the sweep to derive the pending records', async () => (await lagOf(second))?.derivationLag === 0);
    expect((await recordStatuses(database.db, A)).map((r) => r.status)).toEqual([
      'applied',
      'applied',
      'quarantined',
      'applied',
    ]);
    expect((await database.db.select({ id: sales.id }).from(sales)).map((s) => s.id).sort()).toEqual([
      uuidFrom(1002),
      uuidFrom(1004),
    ]);
    expect(await lagOf(second)).toMatchObject({ derivationLag: 0, quarantined: 1 });
    const held = await second.call('GET', '/admin/quarantine', undefined, second.adminToken);
    expect(held.body.records).toEqual([
      expect.objectContaining({ seq: 3, reason: 'apply_failed', detail: expect.stringContaining('unknown member') }),
    ]);
    // The queue goes on past the quarantined record.
    expect((await push(second, [sale(5, 5)])).body).toMatchObject({ status: 'ok', ackedThrough: 5 });
    await second.waitDerived();
    expect(
      (await database.db.select({ derivedSeq: terminals.derivedSeq }).from(terminals).where(eq(terminals.id, A)))[0]
        ?.derivedSeq,
    ).toBe(5);
    expect(await database.db.select().from(ledger).where(eq(ledger.memberId, member))).toHaveLength(3);
  });

  it('closes a day only after deriving what the terminal sent: totals never compare half-derived state', async () => {
    expect((await push(first, batch)).body).toMatchObject({ status: 'ok', ackedThrough: 4 });
    const totals = {
      saleCount: 2,
      salesTotalMinor: 502 + 504,
      pointsEarned: 20,
      pointsSpent: 0,
      redemptionCount: 0,
      firstSeq: 2,
      lastSeq: 4,
    };
    const closed = await first.call(
      'POST',
      syncRoutes.closeDay.path,
      { protocolVersion: PROTOCOL_VERSION, terminalId: A, shopId: 'shopA', businessDay: DAY, totals },
      token,
    );
    expect(closed.body).toMatchObject({ status: 'matches', differences: [] });
    expect(await lagOf(first)).toMatchObject({ derivationLag: 0, quarantined: 1 });
  });

  it('derives each record once however often derivation is asked for', async () => {
    expect((await push(first, batch)).body).toMatchObject({ status: 'ok' });
    await Promise.all([first.waitDerived(), first.waitDerived(), first.waitDerived()]);
    await first.waitDerived();
    expect(await database.db.select().from(sales)).toHaveLength(2);
    expect(await database.db.select().from(ledger)).toHaveLength(2);
  });

  it('stands back while a terminal sends a backlog, then derives it all once the last batch is in', async () => {
    await first.stop();
    // A silent terminal's backlog is derived after a second; on a loaded machine the checks below can take that long.
    const live = await startHarness(database, clock, randomIds, { derive: { sweepMs: 20, backlogGapMs: 30_000 } });
    first = live;
    const pushPart = (recs: PushRecord[], pending: number) =>
      live.call(
        'POST',
        syncRoutes.push.path,
        { protocolVersion: PROTOCOL_VERSION, terminalId: A, shopId: 'shopA', pending, records: recs },
        token,
      );
    // The first batch says more follow: the deriver (sweeping every 20 ms) leaves it for now.
    expect((await pushPart(batch.slice(0, 2), 4)).body).toMatchObject({ status: 'ok', ackedThrough: 2 });
    for (let i = 0; i < 10; i++) {
      await new Promise((r) => setTimeout(r, 20));
      expect(await lagOf(live)).toMatchObject({ derivationLag: 2 });
    }
    // The last batch ends the backlog: everything is derived, the bad record quarantined as before.
    expect((await pushPart(batch.slice(2), 2)).body).toMatchObject({ status: 'ok', ackedThrough: 4 });
    await until('the backlog to be derived', async () => (await lagOf(live))?.derivationLag === 0);
    expect(await database.db.select().from(sales)).toHaveLength(2);
  });

  it('derives a backlog whose terminal fell silent before its last batch', async () => {
    await first.stop();
    const live = await startHarness(database, clock, randomIds, { derive: { sweepMs: 20 } });
    first = live;
    const body = { protocolVersion: PROTOCOL_VERSION, terminalId: A, shopId: 'shopA', pending: 50, records: batch };
    expect((await live.call('POST', syncRoutes.push.path, body, token)).body).toMatchObject({ ackedThrough: 4 });
    await until('the silent backlog to be derived', async () => (await lagOf(live))?.derivationLag === 0);
    expect(await database.db.select().from(sales)).toHaveLength(2);
  });
});

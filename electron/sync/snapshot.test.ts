import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { members, pointsLedger, rewards } from '../../db/schema';
import { syncLink } from '../../db/schemaSync';
import type { TerminalCore } from '../terminal/terminalCore';
import { fixedClock } from '../platform/sources';
import { testBackends } from '../../server/testing/databases';
import { startHarness, type Harness } from '../../server/testing/harness';
import { uuidFrom } from '../../server/testing/records';
import { ledger as hoLedger, members as hoMembers } from '../../server/store/schema';
import type { HoDatabase } from '../../server/store/connect';
import { enrolledTerminal } from './enrolledTerminal.testkit';
import { unwrap } from '../services/services.testkit';
import { createHoClient, type FetchFn } from './hoClient';
import { syncOnce } from './job';
import { pushOutbox } from './push';
import { pullSnapshot } from './snapshot';
import { readState } from '../platform/syncStateTable';

const START = Date.UTC(2025, 5, 1, 2, 0, 0);

describe.each(testBackends)('a new terminal takes a snapshot of the chain on $name', (backend) => {
  const clock = fixedClock(START);
  const dirs: string[] = [];
  let database: HoDatabase;
  let ho: Harness;
  let a: TerminalCore;
  let b: TerminalCore;

  const terminalFor = (prefix: number, shopId: string, code: string): Promise<TerminalCore> =>
    enrolledTerminal(ho, clock, dirs, { prefix, shopId, code });

  beforeAll(async () => {
    database = await backend.open();
    ho = await startHarness(database, clock);
    a = await terminalFor(1, 'shopA', '90101');
    b = await terminalFor(2, 'shopB', '90102');
  });
  afterAll(async () => {
    a.close();
    b.close();
    await ho.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  const hoBalance = async (id: string) =>
    (await database.db.select().from(hoLedger).where(eq(hoLedger.memberId, id))).reduce((s, r) => s + r.delta, 0);
  const localLedgerSum = (core: TerminalCore, id: string) =>
    core.db
      .select()
      .from(pointsLedger)
      .where(eq(pointsLedger.memberId, id))
      .all()
      .reduce((s, r) => s + r.delta, 0);
  const localEarnSum = (core: TerminalCore, id: string) =>
    core.db
      .select()
      .from(pointsLedger)
      .where(eq(pointsLedger.memberId, id))
      .all()
      .filter((r) => r.kind === 'earn')
      .reduce((s, r) => s + r.delta, 0);

  it('pulls members with balances page by page, resumes after a cut, then takes deltas from the bound', async () => {
    expect(
      (
        await ho.call(
          'PUT',
          '/admin/tiers',
          { tiers: [{ code: 'silver', name: 'Silver', rank: 1, qualifyPoints: 0 }] },
          ho.adminToken,
        )
      ).status,
    ).toBe(200);
    expect(
      (
        await ho.call(
          'PUT',
          `/admin/rewards/${uuidFrom(77)}`,
          { code: 'MUG', name: 'Mug', category: 'gift', pointsCost: 500, cashValueMinor: 2000, stock: 5, active: true },
          ho.adminToken,
        )
      ).status,
    ).toBe(200);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const m = unwrap(
        await a.api.registerMember({
          requestId: a.ctx.ids.uuid(),
          name: `Member ${i}`,
          phone: `1380013800${i}`,
          birthday: null,
        }),
      );
      ids.push(m.id);
      unwrap(
        await a.api.recordSale({
          requestId: a.ctx.ids.uuid(),
          memberId: m.id,
          lines: [{ sku: 'TEA', quantity: 1 + i, unitPriceMinor: 5_000 }],
        }),
      );
    }
    const spender = ids[0] ?? '';
    unwrap(
      await a.api.recordSale({
        requestId: a.ctx.ids.uuid(),
        memberId: spender,
        lines: [{ sku: 'CAKE', quantity: 1, unitPriceMinor: 3_000 }],
        pointsToSpend: 3,
      }),
    );
    expect(await syncOnce({ db: a.db, clock, owner: 'a' })).toMatchObject({ status: 'synced' });
    // Head office acknowledged A's records; the snapshot shows them once derived.
    await ho.waitDerived();

    // The network dies after two pages: what was applied stays, the snapshot resumes from there.
    const link = b.db.select().from(syncLink).get();
    if (!link) throw new Error('not enrolled');
    let calls = 0;
    const cutAfterTwo: FetchFn = async (input, init) => {
      calls += 1;
      if (calls > 2) throw new Error('network down');
      return fetch(input, init);
    };
    const ids2 = { terminalId: link.terminalId, shopId: link.shopId };
    const cut = await pullSnapshot(
      b.db,
      clock,
      createHoClient({ baseUrl: ho.url, token: link.token, fetch: cutAfterTwo }),
      ids2,
      2,
    );
    expect(cut.kind).toBe('offline');
    expect(readState(b.db, 'snapshotAfter')).not.toBeNull();
    expect(readState(b.db, 'pullCursor')).toBeNull();
    const done = await pullSnapshot(b.db, clock, createHoClient({ baseUrl: ho.url, token: link.token }), ids2, 2);
    expect(done.kind).toBe('done');
    expect(readState(b.db, 'snapshotAfter')).toBeNull();
    expect(readState(b.db, 'pullCursor')).toMatch(/^\d+:0$/);

    expect(b.db.select().from(rewards).where(eq(rewards.code, 'MUG')).get()).toBeDefined();
    for (const id of ids) {
      const local = b.db.select().from(members).where(eq(members.id, id)).get();
      const expected = await hoBalance(id);
      expect(local?.pointsBalance).toBe(expected);
      expect(localLedgerSum(b, id)).toBe(expected);
      expect(local?.pointsEarnedTotal).toBe(localEarnSum(b, id));
      expect(local?.tierCode).toBe('silver');
    }
    expect(b.db.select().from(members).all()).toHaveLength((await database.db.select().from(hoMembers)).length);

    // After the snapshot, ordinary pulls carry what happened since, exactly once.
    unwrap(
      await a.api.recordSale({
        requestId: a.ctx.ids.uuid(),
        memberId: spender,
        lines: [{ sku: 'TEA', quantity: 3, unitPriceMinor: 5_000 }],
      }),
    );
    expect(await syncOnce({ db: a.db, clock, owner: 'a' })).toMatchObject({ status: 'synced' });
    await ho.waitDerived();
    expect(await syncOnce({ db: b.db, clock, owner: 'b' })).toMatchObject({ status: 'synced' });
    expect(await syncOnce({ db: b.db, clock, owner: 'b' })).toMatchObject({ status: 'synced', pulled: 0 });
    const after = await hoBalance(spender);
    expect(b.db.select().from(members).where(eq(members.id, spender)).get()?.pointsBalance).toBe(after);
    expect(localLedgerSum(b, spender)).toBe(after);
  });

  it("a terminal's first snapshot carries what its own members earned at other shops", async () => {
    const d = await terminalFor(4, 'shopD', '90104');
    const m = unwrap(
      await d.api.registerMember({
        requestId: d.ctx.ids.uuid(),
        name: 'Han Meimei',
        phone: '13900139000',
        birthday: null,
      }),
    );
    unwrap(
      await d.api.recordSale({
        requestId: d.ctx.ids.uuid(),
        memberId: m.id,
        lines: [{ sku: 'TEA', quantity: 1, unitPriceMinor: 5_000 }],
      }),
    );
    const link = d.db.select().from(syncLink).get();
    if (!link) throw new Error('not enrolled');
    // D pushes but has never pulled; A learns the member and sells to them.
    expect(
      await pushOutbox(d.db, clock, createHoClient({ baseUrl: ho.url, token: link.token }), {
        terminalId: link.terminalId,
        shopId: link.shopId,
      }),
    ).toMatchObject({ kind: 'done' });
    await ho.waitDerived();
    expect(await syncOnce({ db: a.db, clock, owner: 'a' })).toMatchObject({ status: 'synced' });
    unwrap(
      await a.api.recordSale({
        requestId: a.ctx.ids.uuid(),
        memberId: m.id,
        lines: [{ sku: 'CAKE', quantity: 2, unitPriceMinor: 5_000 }],
      }),
    );
    expect(await syncOnce({ db: a.db, clock, owner: 'a' })).toMatchObject({ status: 'synced' });
    await ho.waitDerived();
    expect(await syncOnce({ db: d.db, clock, owner: 'd' })).toMatchObject({ status: 'synced' });
    const expected = await hoBalance(m.id);
    expect(d.db.select().from(members).where(eq(members.id, m.id)).get()?.pointsBalance).toBe(expected);
    expect(localLedgerSum(d, m.id)).toBe(expected);
    d.close();
  });
});

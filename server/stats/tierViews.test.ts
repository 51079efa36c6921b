import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminClient } from '../../shared/admin/client';
import { PROTOCOL_VERSION, type PushRecord } from '../../shared/sync/protocol';
import { syncRoutes } from '../../shared/sync/routes';
import { fixedClockForTests } from '../testing/clock';
import { testBackends } from '../testing/databases';
import { startHarness, type Harness } from '../testing/harness';
import { cardNumberFrom, pushRecord, saleRecord, uuidFrom } from '../testing/records';
import type { HoDatabase } from '../store/connect';
import { tierChanges, tierMoves } from '../store/schema';
import { MERGED_OUT, rebuildTierMoves } from './tierMoves';
import { randomIds } from '../sources';
import { backfillTierHistoryIfEmpty } from '../tiers/tierHistoryAtStart';

// The tier views from what the deriver keeps (ho_tier_moves beside ho_tier_changes). Ladder BRONZE 0,
// SILVER 100, GOLD 300; zones Asia/Shanghai. On Sat 1 March 2025, shop A: Fang earns 60 then 50
// (BRONZE → SILVER), Lei buys nothing (BRONZE); shop B: Na earns 350 (BRONZE → GOLD). Head office
// sets Fang GOLD until 11 March 10:00 (SILVER → GOLD on 1 March); Fang's sale on 12 March writes the
// override's end, dated 11 March (GOLD → SILVER). Three members, all registered on 1 March.
const T0 = Date.UTC(2025, 2, 1, 2);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const A = uuidFrom(1, 0xa);
const B = uuidFrom(2, 0xa);
const FANG = uuidFrom(100);
const LEI = uuidFrom(101);
const NA = uuidFrom(102);
const TIERS = [
  { code: 'BRONZE', name: 'Bronze', rank: 1, qualifyPoints: 0 },
  { code: 'SILVER', name: 'Silver', rank: 2, qualifyPoints: 100 },
  { code: 'GOLD', name: 'Gold', rank: 3, qualifyPoints: 300 },
];
const NAMES = TIERS.map(({ code, name }) => ({ code, name }));

const member = (seq: number, id: string, n: number): PushRecord =>
  pushRecord(seq, id, 'member', {
    id,
    name: `Member ${n}`,
    phone: `+86138${n.toString().padStart(8, '0')}`,
    birthday: null,
    cardNumber: cardNumberFrom(n),
    homeShopId: null,
    createdAt: T0,
  });
const sale = (seq: number, n: number, memberId: string, total: number, earned: number, at: number) =>
  saleRecord(seq, {
    saleId: uuidFrom(1000 + n),
    memberId,
    totalMinor: total,
    earned,
    spent: 0,
    ledgerIds: [uuidFrom(2000 + n), uuidFrom(3000 + n)],
    day: new Date(at + 8 * HOUR).toISOString().slice(0, 10),
    at,
  });

// Three ISO weeks: 24 Feb–2 Mar (the changes of 1 March), 3–9 Mar (none), 10–16 Mar (Fang's step down).
const RANGE = { from: '2025-02-24', to: '2025-03-16', period: 'week' } as const;
const WEEKS = [
  { key: '2025-02-24', from: '2025-02-24', to: '2025-03-02' },
  { key: '2025-03-03', from: '2025-03-03', to: '2025-03-09' },
  { key: '2025-03-10', from: '2025-03-10', to: '2025-03-16' },
];

describe.each(testBackends)('the tier views on $name', (backend) => {
  let database: HoDatabase;
  let ho: Harness;
  const clock = fixedClockForTests(T0);
  const tokens = new Map<string, string>();

  const push = async (terminalId: string, recs: PushRecord[]) => {
    const res = await ho.call(
      'POST',
      syncRoutes.push.path,
      { protocolVersion: PROTOCOL_VERSION, terminalId, shopId: terminalId === A ? 'shopA' : 'shopB', records: recs },
      tokens.get(terminalId),
    );
    expect(res.status).toBe(200);
    await ho.waitDerived();
  };

  beforeAll(async () => {
    database = await backend.open();
    ho = await startHarness(database, clock, randomIds);
    tokens.set(A, (await ho.enrol('shopA', '90001', A)).token);
    tokens.set(B, (await ho.enrol('shopB', '90002', B)).token);
    await ho.admin.call('publishTiers', { body: { tiers: TIERS } });
    await push(A, [
      member(1, FANG, 1),
      member(2, LEI, 2),
      sale(3, 1, FANG, 6000, 60, T0),
      sale(4, 2, FANG, 5000, 50, T0 + HOUR),
    ]);
    await push(B, [member(1, NA, 3), sale(2, 3, NA, 35000, 350, T0 + 2 * HOUR)]);
    clock.advance(3 * HOUR);
    await ho.admin.call('setMemberTier', {
      params: { id: FANG },
      body: { tierCode: 'GOLD', reason: 'complaint', endsAt: T0 + 10 * DAY },
    });
    clock.advance(11 * DAY);
    await push(A, [sale(5, 4, FANG, 500, 5, T0 + 11 * DAY)]);
  }, 60_000);
  afterAll(async () => {
    await ho.close();
  });

  it('counts members per tier at the end of each period, the entry tier holding those who never moved', async () => {
    const chain = await ho.admin.call('statsTiers', { query: RANGE });
    expect(chain).toEqual({
      ...RANGE,
      tiers: NAMES,
      periods: [
        // Lei BRONZE, Fang GOLD (by hand), Na GOLD: 1/3 and 2/3 floored.
        { ...WEEKS[0], members: 3, noTier: 0, byTier: [1, 0, 2], byTierBp: [3333, 0, 6666] },
        { ...WEEKS[1], members: 3, noTier: 0, byTier: [1, 0, 2], byTierBp: [3333, 0, 6666] },
        // The override ended: Fang SILVER.
        { ...WEEKS[2], members: 3, noTier: 0, byTier: [1, 1, 1], byTierBp: [3333, 3333, 3333] },
      ],
    });
    // Shop A's members only, and a range starting after the changes (they are read as "before").
    const shopA = await ho.admin.call('statsTiers', {
      query: { from: '2025-03-05', to: '2025-03-31', shop: 'shopA', period: 'month' },
    });
    expect(shopA.periods).toEqual([
      {
        key: '2025-03-01',
        from: '2025-03-05',
        to: '2025-03-31',
        members: 2,
        noTier: 0,
        byTier: [1, 1, 0],
        byTierBp: [5000, 5000, 0],
      },
    ]);
    // Before anyone registered: nobody anywhere.
    const early = await ho.admin.call('statsTiers', {
      query: { from: '2025-02-01', to: '2025-02-28', period: 'month' },
    });
    expect(early.periods.map((p) => [p.members, p.byTier, p.byTierBp])).toEqual([[0, [0, 0, 0], [null, null, null]]]);
  });

  it('counts upgrades and downgrades per period and the range from → to', async () => {
    const moves = await ho.admin.call('statsTierMoves', { query: RANGE });
    expect(moves).toEqual({
      ...RANGE,
      tiers: NAMES,
      periods: [
        { ...WEEKS[0], upgrades: 3, downgrades: 0 },
        { ...WEEKS[1], upgrades: 0, downgrades: 0 },
        { ...WEEKS[2], upgrades: 0, downgrades: 1 },
      ],
      moves: [
        { fromTier: 'BRONZE', toTier: 'SILVER', changes: 1 },
        { fromTier: 'BRONZE', toTier: 'GOLD', changes: 1 },
        { fromTier: 'SILVER', toTier: 'GOLD', changes: 1 },
        { fromTier: 'GOLD', toTier: 'SILVER', changes: 1 },
      ],
    });
    const shopB = await ho.admin.call('statsTierMoves', { query: { ...RANGE, shop: 'shopB', period: 'month' } });
    expect(shopB.periods.map((p) => [p.key, p.upgrades, p.downgrades])).toEqual([
      ['2025-02-01', 0, 0],
      ['2025-03-01', 1, 0],
    ]);
    expect(shopB.moves).toEqual([{ fromTier: 'BRONZE', toTier: 'GOLD', changes: 1 }]);
  });

  it("keeps a shop manager to their shop's members and refuses a bad query in the caller's terms", async () => {
    const made = await ho.admin.call('createApiToken', {
      body: { label: 'm', role: 'shop_manager', shops: ['shopB'] },
    });
    const manager = adminClient(fetch, ho.url, made.token);
    const own = await manager.call('statsTiers', { query: RANGE });
    expect(own.periods.map((p) => [p.members, p.byTier])).toEqual([
      [1, [0, 0, 1]],
      [1, [0, 0, 1]],
      [1, [0, 0, 1]],
    ]);
    const other = await manager.send('statsTierMoves', { query: { ...RANGE, shop: 'shopA' } });
    expect(other).toMatchObject({ ok: false, status: 403 });
    const backwards = await ho.admin.send('statsTiers', { query: { from: '2025-03-16', to: '2025-03-01' } });
    // A GET's bad query is named as the query string, not a body it never had.
    expect(backwards).toMatchObject({
      ok: false,
      status: 400,
      error: { code: 'VALIDATION', message: 'The query string does not match the schema.' },
    });
  });

  it('counts a history kept before the summary once at start, to the same rows', async () => {
    const kept = await database.db.select().from(tierMoves).orderBy(tierMoves.day, tierMoves.shopId);
    expect(kept.map((r) => [r.day, r.shopId, r.fromTier, r.toTier, r.changes])).toEqual([
      ['2025-03-01', 'shopA', 'BRONZE', 'SILVER', 1],
      ['2025-03-01', 'shopA', 'SILVER', 'GOLD', 1],
      ['2025-03-01', 'shopB', 'BRONZE', 'GOLD', 1],
      ['2025-03-11', 'shopA', 'GOLD', 'SILVER', 1],
    ]);
    await database.db.delete(tierMoves);
    expect(await backfillTierHistoryIfEmpty(database.db, clock.now())).toBe(false);
    expect(await database.db.select().from(tierMoves).orderBy(tierMoves.day, tierMoves.shopId)).toEqual(kept);
  });

  // Runs last: it merges. On Thu 20 March Lei (shop A, BRONZE, never moved) is merged into Na (GOLD, who
  // keeps her tier); on 25 March a late sale of Lei's card earns 150 on Lei (BRONZE → SILVER in Lei's history).
  it('leaves a merged duplicate out from the merge on, its later history too, and so on a rebuild', async () => {
    clock.advance(T0 + 19 * DAY - clock.now());
    await ho.admin.call('mergeMembers', { params: { id: NA }, body: { duplicateId: LEI } });
    clock.advance(T0 + 24 * DAY - clock.now());
    await push(A, [sale(6, 5, LEI, 15000, 150, T0 + 24 * DAY)]);
    const later = { from: '2025-03-10', to: '2025-03-30', period: 'week' } as const;
    const weeks = [
      { key: '2025-03-10', from: '2025-03-10', to: '2025-03-16' },
      { key: '2025-03-17', from: '2025-03-17', to: '2025-03-23' },
      { key: '2025-03-24', from: '2025-03-24', to: '2025-03-30' },
    ];
    expect(await ho.admin.call('statsTiers', { query: later })).toEqual({
      ...later,
      tiers: NAMES,
      periods: [
        { ...weeks[0], members: 3, noTier: 0, byTier: [1, 1, 1], byTierBp: [3333, 3333, 3333] },
        // Lei gone from BRONZE and from the members: Fang SILVER, Na GOLD.
        { ...weeks[1], members: 2, noTier: 0, byTier: [0, 1, 1], byTierBp: [0, 5000, 5000] },
        // Lei's late change is Lei's alone: not counted.
        { ...weeks[2], members: 2, noTier: 0, byTier: [0, 1, 1], byTierBp: [0, 5000, 5000] },
      ],
    });
    const shopA = await ho.admin.call('statsTiers', {
      query: { from: '2025-03-01', to: '2025-03-31', shop: 'shopA', period: 'month' },
    });
    expect(shopA.periods.map((p) => [p.members, p.byTier, p.byTierBp])).toEqual([[1, [0, 1, 0], [0, 10000, 0]]]);
    // The merge is no upgrade or downgrade, nor is Lei's late change.
    const moves = await ho.admin.call('statsTierMoves', { query: later });
    expect(moves.periods.map((p) => [p.upgrades, p.downgrades])).toEqual([
      [0, 1],
      [0, 0],
      [0, 0],
    ]);
    expect(moves.moves).toEqual([{ fromTier: 'GOLD', toTier: 'SILVER', changes: 1 }]);
    expect(moves.tiers).toEqual(NAMES);

    const kept = await database.db.select().from(tierMoves).orderBy(tierMoves.day, tierMoves.shopId);
    expect(kept.map((r) => [r.day, r.shopId, r.fromTier, r.toTier, r.changes])).toEqual([
      ['2025-03-01', 'shopA', 'BRONZE', 'SILVER', 1],
      ['2025-03-01', 'shopA', 'SILVER', 'GOLD', 1],
      ['2025-03-01', 'shopB', 'BRONZE', 'GOLD', 1],
      ['2025-03-11', 'shopA', 'GOLD', 'SILVER', 1],
      ['2025-03-20', 'shopA', 'BRONZE', MERGED_OUT, 1],
    ]);
    const leiHistory = await database.db.select().from(tierChanges).where(eq(tierChanges.memberId, LEI));
    expect(leiHistory.map((c) => [c.fromTier, c.toTier])).toEqual([['BRONZE', 'SILVER']]);
    await database.db.transaction((tx) => rebuildTierMoves(tx));
    expect(await database.db.select().from(tierMoves).orderBy(tierMoves.day, tierMoves.shopId)).toEqual(kept);
  });
});

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminClient } from '../../../shared/admin/client';
import { PROTOCOL_VERSION, type PushRecord } from '../../../shared/sync/protocol';
import { syncRoutes } from '../../../shared/sync/routes';
import { fixedClockForTests } from '../../testing/clock';
import { testBackends } from '../../testing/databases';
import { startHarness, type Harness } from '../../testing/harness';
import { cardNumberFrom, pushRecord, saleRecord, uuidFrom } from '../../testing/records';
import type { HoDatabase } from '../../store/connect';
import { audit, ledger, tierChanges, tierOverrides } from '../../store/schema';
import { randomIds } from '../../sources';
import { backfillTierHistoryIfEmpty } from '../../tiers/tierHistoryAtStart';

// Two shops, three members: Wang Fang and Wang Lei at shop A, Li Na at shop B. A ladder BRONZE 0,
// SILVER 100, GOLD 300 (lifetime points earned). Wang Fang earns 60 then 50 (SILVER at the second
// sale), is set GOLD by hand at head office until day 10, and buys again on day 11 (the override has
// ended: SILVER again). Li Na earns 350 at once (BRONZE → GOLD).
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

const member = (seq: number, id: string, n: number, name: string): PushRecord =>
  pushRecord(seq, id, 'member', {
    id,
    name,
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

describe.each(testBackends)('the console members routes on $name', (backend) => {
  let database: HoDatabase;
  let ho: Harness;
  const clock = fixedClockForTests(T0);
  const tokens = new Map<string, string>();
  let manager: ReturnType<typeof adminClient>;
  let auditor: ReturnType<typeof adminClient>;
  let marketing: ReturnType<typeof adminClient>;

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
  const tokenFor = async (role: 'shop_manager' | 'auditor' | 'marketing') => {
    const shops = role === 'shop_manager' ? ['shopA'] : [];
    const made = await ho.admin.call('createApiToken', { body: { label: role, role, shops } });
    return adminClient(fetch, ho.url, made.token);
  };

  beforeAll(async () => {
    database = await backend.open();
    ho = await startHarness(database, clock, randomIds);
    for (const [terminalId, shopId, code] of [
      [A, 'shopA', '90001'],
      [B, 'shopB', '90002'],
    ] as const)
      tokens.set(terminalId, (await ho.enrol(shopId, code, terminalId)).token);
    await ho.admin.call('publishTiers', { body: { tiers: TIERS } });
    await push(A, [
      member(1, FANG, 1, 'Wang Fang'),
      member(2, LEI, 2, 'wang Lei'),
      sale(3, 1, FANG, 6000, 60, T0),
      sale(4, 2, FANG, 5000, 50, T0 + HOUR),
    ]);
    await push(B, [member(1, NA, 3, 'Li Na'), sale(2, 3, NA, 35000, 350, T0 + 2 * HOUR)]);
    clock.advance(3 * HOUR);
    await ho.admin.call('setMemberTier', {
      params: { id: FANG },
      body: { tierCode: 'GOLD', reason: 'complaint', endsAt: T0 + 10 * DAY },
    });
    clock.advance(11 * DAY);
    await push(A, [sale(5, 4, FANG, 500, 5, T0 + 11 * DAY)]);
    manager = await tokenFor('shop_manager');
    auditor = await tokenFor('auditor');
    marketing = await tokenFor('marketing');
  }, 60_000);
  afterAll(async () => {
    await ho.close();
  });

  it('finds by card, phone and the start of a name, a page at a time, by shop for a shop manager', async () => {
    const names = async (query: Parameters<typeof ho.admin.call<'findMembers'>>[1]['query'], client = ho.admin) =>
      (await client.call('findMembers', { query })).members.map((m) => m.name);
    expect(await names({ by: 'card', q: cardNumberFrom(3).replace(/(\d{4})(?=\d)/g, '$1 ') })).toEqual(['Li Na']);
    expect(await names({ by: 'phone', q: '138 0000 0001' })).toEqual(['Wang Fang']);
    expect(await names({ by: 'phone', q: '+86 138 0000 0009' })).toEqual([]);
    expect(await names({ by: 'name', q: 'WANG' })).toEqual(['Wang Fang', 'wang Lei']);
    // As the till reads its one field: digits are a card number, else a phone; anything else a name.
    expect(await names({ by: 'any', q: cardNumberFrom(3) })).toEqual(['Li Na']);
    expect(await names({ by: 'any', q: '138 0000 0001' })).toEqual(['Wang Fang']);
    expect(await names({ by: 'any', q: '+86 138 0000 0001' })).toEqual(['Wang Fang']);
    expect(await names({ by: 'any', q: 'wang' })).toEqual(['Wang Fang', 'wang Lei']);
    expect(await names({ by: 'any', q: '999' })).toEqual([]);
    // LIKE's own characters are only themselves.
    expect(await names({ by: 'name', q: '%' })).toEqual([]);
    const page2 = await ho.admin.call('findMembers', { query: { by: 'name', q: 'wang', page: 2, pageSize: 1 } });
    expect(page2).toEqual({
      members: [
        {
          memberId: LEI,
          name: 'wang Lei',
          phoneMasked: '+86 138****0002',
          cardNumber: cardNumberFrom(2),
          homeShopId: 'shopA',
          createdAt: T0,
          erased: false,
          balance: 0,
        },
      ],
      total: 2,
      page: 2,
      pageSize: 1,
    });
    // Shop A's manager: shop B's member is not found at all.
    expect(await names({ by: 'card', q: cardNumberFrom(3) }, manager)).toEqual([]);
    expect(await names({ by: 'name', q: 'w' }, manager)).toEqual(['Wang Fang', 'wang Lei']);
    expect(await names({ by: 'any', q: cardNumberFrom(3) }, manager)).toEqual([]);
  });

  it("answers a member's cards, tier history, ledger page, sales with lines", async () => {
    const detail = await ho.admin.call('memberDetail', { params: { id: FANG }, query: { ledgerPageSize: 2 } });
    expect(detail.member).toMatchObject({ memberId: FANG, name: 'Wang Fang', balance: 115, birthday: null });
    expect(detail.cards).toEqual([{ number: cardNumberFrom(1), status: 'active', at: T0 }]);
    const override = await database.db.select().from(tierOverrides).where(eq(tierOverrides.memberId, FANG));
    expect(detail.tierHistory).toEqual([
      { at: T0 + 10 * DAY, fromTier: 'GOLD', toTier: 'SILVER', reason: 'override_ended', shopId: null, recordId: null },
      {
        at: T0 + 3 * HOUR,
        fromTier: 'SILVER',
        toTier: 'GOLD',
        reason: 'override',
        shopId: null,
        recordId: override[0]?.id,
      },
      {
        at: T0 + HOUR,
        fromTier: 'BRONZE',
        toTier: 'SILVER',
        reason: 'earned',
        shopId: 'shopA',
        recordId: uuidFrom(1002),
      },
    ]);
    expect(detail.ledger).toEqual({
      rows: [
        {
          id: uuidFrom(3004),
          kind: 'earn',
          delta: 5,
          shopId: 'shopA',
          saleId: uuidFrom(1004),
          redemptionId: null,
          createdAt: T0 + 11 * DAY,
        },
        {
          id: uuidFrom(3002),
          kind: 'earn',
          delta: 50,
          shopId: 'shopA',
          saleId: uuidFrom(1002),
          redemptionId: null,
          createdAt: T0 + HOUR,
        },
      ],
      total: 3,
      page: 1,
      pageSize: 2,
    });
    const page2 = await ho.admin.call('memberDetail', {
      params: { id: FANG },
      query: { ledgerPage: 2, ledgerPageSize: 2 },
    });
    expect(page2.ledger.rows.map((r) => r.delta)).toEqual([60]);
    expect(detail.sales.map((s) => [s.id, s.totalMinor, s.pointsEarned])).toEqual([
      [uuidFrom(1004), 500, 5],
      [uuidFrom(1002), 5000, 50],
      [uuidFrom(1001), 6000, 60],
    ]);
    expect(detail.sales[1]?.lines).toEqual([
      { lineNo: 1, sku: 'SKU1', name: 'Tea', quantity: 1, unitPriceMinor: 5000, lineTotalMinor: 5000, points: 50 },
    ]);
    expect(detail.redemptions).toEqual([]);
    const na = await ho.admin.call('memberDetail', { params: { id: NA } });
    expect(na.tierHistory).toEqual([
      {
        at: T0 + 2 * HOUR,
        fromTier: 'BRONZE',
        toTier: 'GOLD',
        reason: 'earned',
        shopId: 'shopB',
        recordId: uuidFrom(1003),
      },
    ]);
  });

  it('reveals a phone with an audit row; refuses other shops and roles with nothing written', async () => {
    const before = (await database.db.select().from(audit)).length;
    expect(await ho.admin.call('revealMemberPhone', { params: { id: NA } })).toEqual({
      memberId: NA,
      phone: '+8613800000003',
    });
    const rows = await database.db.select().from(audit).where(eq(audit.action, 'member.phone_revealed'));
    expect(rows.map((r) => r.memberId)).toEqual([NA]);
    const ledgerBefore = (await database.db.select().from(ledger)).length;
    // Shop A's manager: shop B's member is as unknown as a missing one; marketing may not reveal.
    const refused = [
      await manager.send('memberDetail', { params: { id: NA } }),
      await manager.send('revealMemberPhone', { params: { id: NA } }),
      await manager.send('adjustPoints', { params: { id: NA }, body: { delta: 5, reason: 'goodwill' } }),
      await marketing.send('revealMemberPhone', { params: { id: FANG } }),
      await auditor.send('adjustPoints', { params: { id: FANG }, body: { delta: 5, reason: 'goodwill' } }),
      await ho.admin.send('findMembers', { query: { by: 'card', q: 'abc' } }),
    ];
    expect(refused.map((r) => (r.ok ? 200 : r.status))).toEqual([404, 404, 404, 403, 403, 400]);
    expect((await database.db.select().from(audit)).length).toBe(before + 1);
    expect((await database.db.select().from(ledger)).length).toBe(ledgerBefore);
    expect((await manager.call('memberDetail', { params: { id: LEI } })).member.name).toBe('wang Lei');
    expect((await auditor.call('revealMemberPhone', { params: { id: LEI } })).phone).toBe('+8613800000002');
  });

  it('back-fills the whole history once when the table is empty, to the same rows', async () => {
    const kept = await database.db.select().from(tierChanges);
    await database.db.delete(tierChanges);
    expect(await backfillTierHistoryIfEmpty(database.db, clock.now())).toBe(true);
    expect(await backfillTierHistoryIfEmpty(database.db, clock.now())).toBe(false);
    const strip = (rows: typeof kept) =>
      rows
        .map(({ id: _id, ...rest }) => rest)
        .sort((x, y) => `${x.memberId}${x.at}`.localeCompare(`${y.memberId}${y.at}`));
    expect(strip(await database.db.select().from(tierChanges))).toEqual(strip(kept));
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { channelAccess } from '../../shared/contract/roles';
import { channels, contract, type Channel, type ChannelInput } from '../../shared/contract';
import {
  assertLedgerConsistent,
  assertOutboxGapFree,
  openTestCore,
  tableCounts,
  unwrap,
  type TestCore,
} from './services.testkit';

let c: TestCore;
let memberId: string;
let cardNumber: string;
let rewardIds: string[];
beforeAll(async () => {
  c = openTestCore();
  unwrap(await c.api.setupDemoShop({}));
  const m = unwrap(await c.api.searchMembers({ query: '王芳' })).members[0];
  if (!m) throw new Error('demo member missing');
  memberId = m.id;
  cardNumber = m.cardNumber;
  rewardIds = unwrap(await c.api.listRewards({ includeInactive: true })).map((r) => r.id);
});
afterAll(() => {
  assertOutboxGapFree(c.db);
  c.dispose();
});

const EXPECTED_REFUSALS = new Set([
  'INSUFFICIENT_POINTS',
  'OUT_OF_STOCK',
  'REWARD_INACTIVE',
  'EMPTY_SALE',
  'POINTS_ABOVE_SALE_CAP',
  'POINTS_BELOW_MINIMUM',
]);

const op = fc.oneof(
  fc.record({
    kind: fc.constant('sale' as const),
    minor: fc.integer({ min: 0, max: 500_000 }),
    category: fc.constantFrom('general', 'bakery', 'tobacco'),
    spend: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 5_000 })),
  }),
  fc.record({
    kind: fc.constant('redeem' as const),
    reward: fc.nat({ max: 9 }),
    quantity: fc.integer({ min: 1, max: 3 }),
  }),
);

describe('points invariants (property)', () => {
  let phoneSerial = 0;
  it('earns, spends and redemptions never make a balance negative or drift the cache from the ledger', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), async (ops) => {
        phoneSerial += 1;
        const phone = `139${String(phoneSerial).padStart(8, '0')}`;
        const m = unwrap(await c.api.registerMember({ requestId: c.ctx.ids.uuid(), name: `P${phoneSerial}`, phone }));
        for (const o of ops) {
          c.clock.advance(1_000);
          const r =
            o.kind === 'sale'
              ? await c.api.recordSale({
                  requestId: c.ctx.ids.uuid(),
                  memberId: m.id,
                  pointsToSpend: o.spend,
                  lines: [{ sku: 'P', category: o.category, quantity: 1, unitPriceMinor: o.minor }],
                })
              : await c.api.redeemReward({
                  requestId: c.ctx.ids.uuid(),
                  memberId: m.id,
                  rewardId: rewardIds[o.reward] ?? '',
                  quantity: o.quantity,
                });
          if (!r.ok) expect(EXPECTED_REFUSALS).toContain(r.error.code);
          const view = unwrap(await c.api.getMember({ memberId: m.id }));
          expect(view.balance).toBeGreaterThanOrEqual(0);
          expect(unwrap(await c.api.getBalance({ memberId: m.id })).balance).toBe(view.balance);
        }
        assertLedgerConsistent(c.db);
      }),
      { numRuns: 40 },
    );
  });
});

// One valid input per channel: the near-valid bad inputs below are each of these with one field broken.
function validInputs(): { [C in Channel]: ChannelInput<C> } {
  const requestId = '00000000-0000-4000-8000-00000000ffff';
  return {
    getStatus: {},
    setupDemoShop: {},
    listTiers: {},
    configureShop: {
      shopId: 's',
      shopName: 'n',
      terminalName: 't',
      terminalCode: '12345',
      manager: { name: 'M', pin: '1234' },
    },
    signInChoices: {},
    signIn: { staffId: memberId, pin: '1234' },
    signOut: { reason: 'lock' },
    approveAction: { channel: 'setLargeSaleLimit', staffId: memberId, pin: '1234' },
    listStaff: {},
    addStaff: { name: 'New', role: 'cashier', pin: '1234' },
    updateStaff: { staffId: memberId, role: 'manager' },
    resetStaffPin: { staffId: memberId, pin: '1234' },
    setStaffSettings: { idleLockMinutes: 5, cashierRedeemLimitPoints: 100 },
    setLocale: { locale: 'en' },
    setLargeSaleLimit: { limitMinor: 500_000 },
    registerMember: { requestId, name: 'New', phone: '13311112222', birthday: null },
    updateMember: { memberId, name: 'Renamed' },
    lookupCard: { cardNumber },
    searchMembers: { query: '王', limit: 5 },
    getMember: { memberId },
    getBalance: { memberId },
    blockCard: { cardNumber, reason: 'lost' },
    replaceCard: { requestId, memberId },
    showCard: { memberId },
    getMemberCheck: { memberId },
    verifyMember: { method: 'pin', memberId, pin: '1234' },
    setMemberPin: { memberId, pin: '1234', memberCheck: 'ab'.repeat(16) },
    setMemberCheckLimit: { abovePoints: 500 },
    setBackupKeep: { keep: 14 },
    setMemberTier: { memberId, tierCode: 'GOLD', reason: 'r', endsAt: Date.UTC(2100, 0, 1) },
    previewSale: { memberId, lines: [{ sku: 'A', quantity: 1, unitPriceMinor: 100 }], pointsToSpend: 0 },
    recordSale: { requestId, memberId, lines: [{ sku: 'A', quantity: 1, unitPriceMinor: 100 }], pointsToSpend: 0 },
    memberSales: { memberId, page: 0, pageSize: 5 },
    memberLedger: { memberId, page: 0, pageSize: 5 },
    getSaleForRefund: { saleId: memberId },
    refundSale: { requestId, saleId: memberId, lines: [{ lineNo: 1, quantity: 1 }] },
    listRewards: { includeInactive: true },
    listCategories: {},
    getProgramme: {},
    previewRules: {
      rules: {
        base: { kind: 'perAmount', ratio: { points: 1, perMinor: 100 } },
        redemption: { pointsPerUnit: 100, unitValueMinor: 100 },
      },
      basket: { amountMinor: 1_000 },
      tierCode: null,
    },
    saveRules: {
      requestId,
      rules: {
        base: { kind: 'perAmount', ratio: { points: 2, perMinor: 100 } },
        redemption: { pointsPerUnit: 100, unitValueMinor: 100 },
      },
    },
    saveTiers: { requestId, tiers: [{ code: 'BRONZE', name: 'Bronze', rank: 1, qualifyPoints: 0 }] },
    upsertReward: {
      requestId,
      reward: {
        code: 'NEW',
        name: 'New',
        category: 'drink',
        pointsCost: 10,
        cashValueMinor: 0,
        stock: null,
        active: true,
      },
    },
    ruleHistory: { limit: 5 },
    listCampaigns: {},
    dayReport: { businessDay: '2026-03-14' },
    findSales: { filter: { fromDay: '2026-03-01', toDay: '2026-03-14' } },
    exportSales: { filter: { fromDay: '2026-03-01', toDay: '2026-03-14' } },
    saleDetail: { saleId: '00000000-0000-4000-8000-000000000000' },
    reprintReceipt: { saleId: '00000000-0000-4000-8000-000000000000' },
    listMembers: { filter: { balance: { min: 0, max: 500 }, birthdayMonth: 3 }, sort: { by: 'joined' }, pageSize: 10 },
    exportMemberList: { filter: { lastVisit: { kind: 'within', days: 30 } } },
    importMembers: { fileName: 'members.csv', text: 'name,phone\nLi Lei,13900000001\n' },
    exportTable: { table: 'ledger', from: '2026-03-01' },
    saveCampaign: {
      spec: {
        name: 'Weekend',
        rule: { kind: 'multiplier', multiplierBp: 20_000 },
        target: { kind: 'everyone' },
        startsAt: 0,
        endsAt: 1,
        overlap: 'stack',
        budgetPoints: 100,
        perMemberLimit: null,
        holdoutBp: 0,
      },
      state: 'draft',
    },
    auditTrail: {},
    redeemReward: { requestId, memberId, rewardId: rewardIds[0] ?? '', quantity: 1 },
    adjustPoints: { requestId, memberId, delta: 5, reason: 'goodwill' },
    listGoods: {},
    addGoods: { sku: 'P1', name: 'Pen', priceMinor: 350 },
    updateGoods: { id: memberId, priceMinor: 300 },
    enrolHeadOffice: { url: 'http://127.0.0.1:8787', code: 'ABCDE-FGHIJ-KLMNO' },
    syncNow: {},
    revealMemberPhone: { memberId },
    exportMember: { memberId },
    eraseMember: { requestId, memberId, confirm: cardNumber },
    leaveDemoShop: { deleteAllDemoData: true },
  };
}

const badValue = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    -1,
    -100_000,
    1.5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    '',
    'x'.repeat(10_000),
    [],
    {},
    true,
    '-5',
    1e300,
  ),
  fc.string({ maxLength: 3 }),
  fc.integer({ min: -1_000_000, max: -1 }),
);

// Replaces the value at one path (object keys and array items, chosen by index) with `bad`.
function breakAt(value: unknown, path: number[], bad: unknown): unknown {
  if (path.length === 0 || value === null || typeof value !== 'object') return bad;
  const [head = 0, ...rest] = path;
  if (Array.isArray(value)) {
    if (value.length === 0) return bad;
    const i = head % value.length;
    return value.map((v, j) => (j === i ? breakAt(v, rest, bad) : v));
  }
  const keys = Object.keys(value);
  if (keys.length === 0) return bad;
  const key = keys[head % keys.length] ?? '';
  return { ...value, [key]: breakAt((value as Record<string, unknown>)[key], rest, bad) };
}

describe('bad input at every contract entry (property)', () => {
  for (const channel of channels) {
    it(`${channel}: anything invalid gets VALIDATION and writes nothing`, async () => {
      const schema = contract[channel].input;
      const valid = validInputs()[channel];
      const nearValid = fc
        .tuple(fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), badValue)
        .map(([path, bad]) => breakAt(valid, path, bad));
      const before = tableCounts(c.db);
      await fc.assert(
        fc.asyncProperty(fc.oneof(fc.anything(), nearValid), async (input) => {
          fc.pre(!schema.safeParse(input ?? {}).success);
          const r = await c.dispatch(channel, input);
          // The guard answers first: a set-up call on a shop already set up is refused as such.
          expect(r.ok ? 'ok' : r.error.code).toBe(
            channelAccess[channel] === 'setup' ? 'ALREADY_CONFIGURED' : 'VALIDATION',
          );
        }),
        { numRuns: 60 },
      );
      expect(tableCounts(c.db)).toEqual(before);
    });
  }

  it('an unknown channel is refused', async () => {
    const r = await c.dispatch('dropTables', {});
    expect(r.ok ? 'ok' : r.error.code).toBe('NOT_FOUND');
  });
});

// The admin contract (shared/admin/contract.ts) against the real server: every route called
// through the typed client, which parses each answer with the route's strict response schema, so
// an answer that drifts from what the contract declares fails here; and the refusals stay those
// head office always gave (no token 401, a malformed id 404, a malformed body or query 400).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminPath, type AdminClient, type AdminResponse } from '../../shared/admin/client';
import { ADMIN_ROUTES, adminRouteNames, type AdminRouteName } from '../../shared/admin/contract';
import { DEFAULT_RULE_SET } from '../../shared/domain/rules/ruleSet';
import { PROTOCOL_VERSION, type PushRecord } from '../../shared/sync/protocol';
import { fixedClockForTests } from '../testing/clock';
import { testBackends } from '../testing/databases';
import { startHarness, type Harness } from '../testing/harness';
import { cardNumberFrom, memberRecord, saleRecord, uuidFrom } from '../testing/records';

const T0 = Date.UTC(2025, 2, 1, 2);
const DAY = '2025-03-01';
const A = uuidFrom(1, 0xa);
const MEMBER = uuidFrom(100);
const PASSWORD = 'correct horse battery';
const totals = {
  saleCount: 2,
  salesTotalMinor: 1_500,
  pointsEarned: 10,
  pointsSpent: 50,
  redemptionCount: 0,
  firstSeq: 2,
  lastSeq: 3,
};

// A member, a sale earning 10 points, a sale spending 50 (an overdraft head office flags), and a
// sale for a member head office never heard of (well-formed, quarantined when derived).
const records: PushRecord[] = [
  memberRecord(1, MEMBER, 1, T0),
  saleRecord(2, {
    saleId: uuidFrom(1002),
    memberId: MEMBER,
    totalMinor: 1_000,
    earned: 10,
    spent: 0,
    ledgerIds: [uuidFrom(2002), uuidFrom(3002)],
    day: DAY,
    at: T0,
  }),
  saleRecord(3, {
    saleId: uuidFrom(1003),
    memberId: MEMBER,
    totalMinor: 500,
    earned: 0,
    spent: 50,
    ledgerIds: [uuidFrom(2003), uuidFrom(3003)],
    day: DAY,
    at: T0,
  }),
  saleRecord(4, {
    saleId: uuidFrom(1004),
    memberId: uuidFrom(999),
    totalMinor: 700,
    earned: 7,
    spent: 0,
    ledgerIds: [uuidFrom(2004), uuidFrom(3004)],
    day: DAY,
    at: T0,
  }),
];

/**
 * One call per route (the compiler refuses a route without one), made in the contract's order. A
 * route whose success needs more than this test sets up answers its refusal's status instead (its
 * success is called where it is set up: retrySpendNotice in server/notices/spendNotices.test.ts).
 */
type EveryRoute = { [K in AdminRouteName]: (admin: AdminClient) => Promise<AdminResponse<K> | { refused: number }> };

describe.each(testBackends)('the admin contract on $name', (backend) => {
  let ho: Harness;
  const answers = new Map<AdminRouteName, unknown>();

  beforeAll(async () => {
    ho = await startHarness(await backend.open(), fixedClockForTests(T0));
    await ho.admin.call('createUser', {
      body: { login: 'first.owner', name: 'First Owner', role: 'owner', password: PASSWORD },
    });
    const { token } = await ho.enrol('shopA', '90001', A);
    const pushed = await ho.call(
      'POST',
      '/sync/v1/push',
      { protocolVersion: PROTOCOL_VERSION, terminalId: A, shopId: 'shopA', records },
      token,
    );
    expect(pushed.status, JSON.stringify(pushed.body)).toBe(200);
    await ho.waitDerived();
    const closed = await ho.call(
      'POST',
      '/sync/v1/close-day',
      { protocolVersion: PROTOCOL_VERSION, terminalId: A, shopId: 'shopA', businessDay: DAY, totals },
      token,
    );
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
  }, 180_000);
  afterAll(async () => {
    await ho.close(); // closes the database too
  });

  it('answers every route in the shape the contract declares', async () => {
    const calls: EveryRoute = {
      createEnrolmentCode: (admin) =>
        admin.call('createEnrolmentCode', { body: { shopId: 'shopB', shopName: 'Shop B', terminalCode: '90002' } }),
      terminals: (admin) => admin.call('terminals'),
      dayCloses: (admin) => admin.call('dayCloses', { query: { terminalId: A } }),
      balanceFlags: (admin) => admin.call('balanceFlags', { query: { open: 'false' } }),
      cardConflicts: (admin) => admin.call('cardConflicts'),
      // Its success is server/admin/cardConflicts.test.ts (this data set has no card conflict).
      resolveCardConflict: async (admin) => {
        const answer = await admin.send('resolveCardConflict', { params: { id: 1 } });
        return answer.ok ? answer.value : { refused: answer.status };
      },
      quarantine: (admin) => admin.call('quarantine'),
      resolveQuarantine: async (admin) => {
        const [held] = (await admin.call('quarantine')).records;
        if (!held) throw new Error('nothing quarantined');
        return admin.call('resolveQuarantine', { params: { id: held.id } });
      },
      derive: (admin) => admin.call('derive'),
      publishTiers: (admin) =>
        admin.call('publishTiers', {
          body: { tiers: [{ code: 'SILVER', name: 'Silver', rank: 1, qualifyPoints: 0 }] },
        }),
      publishCategories: (admin) =>
        admin.call('publishCategories', {
          body: {
            categories: [{ code: 'general', names: { 'zh-CN': '普通商品', en: 'General' } }],
            defaultCode: 'general',
          },
        }),
      publishRules: (admin) => admin.call('publishRules', { body: { rules: DEFAULT_RULE_SET, effectiveFrom: 0 } }),
      upsertReward: (admin) =>
        admin.call('upsertReward', {
          params: { id: uuidFrom(77) },
          body: {
            code: 'MUG',
            name: 'Mug',
            category: 'gift',
            pointsCost: 500,
            cashValueMinor: 2_000,
            stock: 5,
            active: true,
          },
        }),
      rewardShopStock: (admin) => admin.call('rewardShopStock', { params: { id: uuidFrom(77) } }),
      setRewardShopStock: (admin) =>
        admin.call('setRewardShopStock', { params: { id: uuidFrom(77) }, body: { shopId: 'shopA', stock: 3 } }),
      upsertCampaign: (admin) =>
        admin.call('upsertCampaign', {
          params: { id: uuidFrom(78) },
          body: {
            name: 'Double',
            rule: { kind: 'multiplier', multiplierBp: 20_000 },
            target: { kind: 'everyone' },
            startsAt: T0,
            endsAt: T0 + 86_400_000,
            overlap: 'stack',
            budgetPoints: 10_000,
            perMemberLimit: null,
            holdoutBp: 0,
          },
        }),
      publishCampaign: async (admin) => {
        await admin.call('upsertCampaign', {
          params: { id: uuidFrom(79) },
          body: {
            name: 'Bakery week',
            rule: { kind: 'lineBonus', multiplierBp: 15_000, categories: ['bakery'] },
            target: { kind: 'everyone' },
            startsAt: T0,
            endsAt: T0 + 7 * 86_400_000,
            overlap: 'bestOf',
            budgetPoints: 5_000,
            perMemberLimit: 100,
            holdoutBp: 1_000,
          },
        });
        return admin.call('publishCampaign', { params: { id: uuidFrom(79) } });
      },
      cancelCampaign: (admin) => admin.call('cancelCampaign', { params: { id: uuidFrom(78) } }),
      campaigns: (admin) => admin.call('campaigns'),
      campaignEffect: (admin) => admin.call('campaignEffect', { params: { id: uuidFrom(79) } }),
      campaignWhatIf: (admin) =>
        admin.call('campaignWhatIf', {
          params: { id: uuidFrom(80) },
          query: { weeks: 4 },
          body: {
            name: 'What if',
            rule: { kind: 'spendBonus', minSpendMinor: 1_000, points: 50 },
            target: { kind: 'everyone' },
            startsAt: T0,
            endsAt: T0 + 86_400_000,
            overlap: 'stack',
            budgetPoints: 1_000,
            perMemberLimit: null,
            holdoutBp: 0,
          },
        }),
      programme: (admin) => admin.call('programme'),
      goods: (admin) => admin.call('goods', { query: { find: 'TEA' } }),
      addGoods: (admin) =>
        admin.call('addGoods', { body: { sku: 'TEA-1', barcode: '4006381333931', name: 'Tea', priceMinor: 900 } }),
      updateGoods: async (admin) => {
        const { goods } = await admin.call('addGoods', { body: { sku: 'CAKE-1', name: 'Cake', priceMinor: 1_500 } });
        return admin.call('updateGoods', { params: { id: goods.id }, body: { priceMinor: 1_600 } });
      },
      adjustPoints: (admin) =>
        admin.call('adjustPoints', { params: { id: MEMBER }, body: { delta: 70, reason: 'correction', note: 'test' } }),
      setMemberOfflineCap: (admin) =>
        admin.call('setMemberOfflineCap', { params: { id: MEMBER }, body: { offlineCapPoints: 300 } }),
      setDefaultOfflineCap: (admin) => admin.call('setDefaultOfflineCap', { body: { defaultOfflineCapPoints: 4_000 } }),
      offlineCaps: (admin) => admin.call('offlineCaps'),
      revokeTerminal: (admin) => admin.call('revokeTerminal', { params: { id: A } }),
      searchAudit: (admin) => admin.call('searchAudit', { query: { shopId: 'shopA', page: 1, pageSize: 10 } }),
      auditChains: (admin) => admin.call('auditChains'),
      memberTier: (admin) => admin.call('memberTier', { params: { id: MEMBER } }),
      setMemberTier: async (admin) => {
        const tiers = [{ code: 'BRONZE', name: 'Bronze', rank: 1, qualifyPoints: 0 }];
        await admin.call('publishTiers', { body: { tiers } });
        const endsAt = Date.now() + 86_400_000 * 365 * 50;
        return admin.call('setMemberTier', {
          params: { id: MEMBER },
          body: { tierCode: 'BRONZE', reason: 'test', endsAt },
        });
      },
      findMembers: (admin) => admin.call('findMembers', { query: { by: 'name', q: 'a' } }),
      memberDetail: (admin) => admin.call('memberDetail', { params: { id: MEMBER } }),
      revealMemberPhone: (admin) => admin.call('revealMemberPhone', { params: { id: MEMBER } }),
      exportMember: (admin) => admin.call('exportMember', { params: { id: MEMBER } }),
      eraseMember: (admin) => admin.call('eraseMember', { params: { id: MEMBER } }),
      // The member against their own card: a preview that says why (server/members/merge.test.ts merges).
      memberMergePreview: (admin) =>
        admin.call('memberMergePreview', { params: { id: MEMBER }, query: { cardNumber: cardNumberFrom(1) } }),
      mergeMembers: async (admin) => {
        const answer = await admin.send('mergeMembers', { params: { id: MEMBER }, body: { duplicateId: MEMBER } });
        return answer.ok ? answer.value : { refused: answer.status };
      },
      signIn: (admin) => admin.call('signIn', { body: { login: 'first.owner', password: PASSWORD } }),
      signOut: (admin) => admin.call('signOut'),
      me: (admin) => admin.call('me'),
      users: (admin) => admin.call('users'),
      createUser: (admin) =>
        admin.call('createUser', {
          body: {
            login: 'Li.Na@Example.com',
            name: 'Li Na',
            role: 'shop_manager',
            shops: ['shopA'],
            password: PASSWORD,
          },
        }),
      updateUser: async (admin) => {
        const { users } = await admin.call('users');
        const id = users.find((u) => u.login === 'li.na@example.com')?.id ?? '';
        return admin.call('updateUser', { params: { id }, body: { role: 'auditor' } });
      },
      addTillStaff: (admin) =>
        admin.call('addTillStaff', { body: { shopId: 'shopA', name: 'Zhao Min', role: 'cashier', pin: '1357' } }),
      tillStaff: (admin) => admin.call('tillStaff', { query: { shopId: 'shopA' } }),
      updateTillStaff: async (admin) => {
        const id = (await admin.call('tillStaff', { query: {} })).staff[0]?.id ?? '';
        return admin.call('updateTillStaff', { params: { id }, body: { role: 'manager' } });
      },
      resetTillStaffPin: async (admin) => {
        const id = (await admin.call('tillStaff', { query: {} })).staff[0]?.id ?? '';
        return admin.call('resetTillStaffPin', { params: { id }, body: { pin: '8642' } });
      },
      apiTokens: (admin) => admin.call('apiTokens'),
      createApiToken: (admin) => admin.call('createApiToken', { body: { label: 'nightly export', role: 'auditor' } }),
      revokeApiToken: async (admin) => {
        const { tokens } = await admin.call('apiTokens');
        const id = tokens.find((t) => t.label === 'nightly export')?.id ?? '';
        return admin.call('revokeApiToken', { params: { id } });
      },
      spendNoticeSettings: (admin) => admin.call('spendNoticeSettings'),
      setSpendNoticeSettings: (admin) =>
        admin.call('setSpendNoticeSettings', {
          body: { url: 'https://hooks.example.com/tillcard', secret: 'a-shared-secret-of-the-chain' },
        }),
      deadSpendNotices: (admin) => admin.call('deadSpendNotices'),
      retrySpendNotice: async (admin) => {
        const answer = await admin.send('retrySpendNotice', { params: { id: uuidFrom(1002) } });
        return answer.ok ? answer.value : { refused: answer.status };
      },
      statsDaily: (admin) => admin.call('statsDaily', { query: { from: DAY, to: DAY } }),
      statsGrowth: (admin) => admin.call('statsGrowth', { query: { from: DAY, to: DAY, period: 'month' } }),
      statsSpend: (admin) => admin.call('statsSpend', { query: { from: DAY, to: DAY } }),
      statsPoints: (admin) => admin.call('statsPoints', { query: { from: DAY, to: DAY, period: 'week' } }),
      statsShops: (admin) => admin.call('statsShops', { query: { from: DAY, to: DAY } }),
      statsTiers: (admin) => admin.call('statsTiers', { query: { from: DAY, to: DAY, period: 'month' } }),
      statsTierMoves: (admin) => admin.call('statsTierMoves', { query: { from: DAY, to: DAY } }),
      statsActivity: (admin) => admin.call('statsActivity', { query: { asOf: DAY } }),
      statsRfm: (admin) => admin.call('statsRfm', { query: { asOf: DAY } }),
    };
    for (const name of adminRouteNames) answers.set(name, await calls[name](ho.admin));

    // The lists held rows, so every row schema met a real one.
    expect(answers.get('terminals')).toMatchObject({
      terminals: [expect.objectContaining({ id: A, status: 'active', ackedSeq: 4, quarantined: 1 })],
    });
    expect(answers.get('dayCloses')).toMatchObject({
      closes: [{ terminalId: A, businessDay: DAY, reported: totals, computed: totals, matches: true }],
    });
    expect(answers.get('balanceFlags')).toMatchObject({
      flags: [{ memberId: MEMBER, balanceAtFlag: -40, terminalId: A, resolvedAt: null }],
    });
    expect(answers.get('quarantine')).toMatchObject({
      records: [{ terminalId: A, seq: 4, reason: 'apply_failed', resolvedAt: null }],
    });
    expect(answers.get('resolveQuarantine')).toEqual({ resolved: expect.any(Number) });
    expect(answers.get('resolveCardConflict')).toEqual({ refused: 404 });
    expect(answers.get('publishRules')).toEqual({ version: 1000 });
    expect(answers.get('revokeTerminal')).toEqual({ revoked: A });
    expect(answers.get('exportMember')).toMatchObject({ data: { source: 'headoffice', member: { id: MEMBER } } });
    expect(answers.get('eraseMember')).toEqual({ id: MEMBER, erasedAt: expect.any(Number) });
    expect(answers.get('memberMergePreview')).toMatchObject({ keep: { id: MEMBER }, refusal: 'MERGE_SELF' });
    expect(answers.get('mergeMembers')).toEqual({ refused: 409 });
    expect((await ho.admin.call('quarantine')).records).toEqual([]);
    expect(answers.get('signIn')).toMatchObject({ me: { kind: 'user', login: 'first.owner', role: 'owner' } });
    expect(answers.get('me')).toMatchObject({ me: { kind: 'token', role: 'owner', shops: [] }, csrfToken: null });
    expect(answers.get('updateUser')).toMatchObject({
      user: { login: 'li.na@example.com', role: 'auditor', shops: [] },
    });
    expect((await ho.admin.call('apiTokens')).tokens.map((t) => t.label)).toEqual(['tests']);
    expect(answers.get('updateTillStaff')).toMatchObject({
      staff: { shopId: 'shopA', name: 'Zhao Min', role: 'manager', active: true },
    });
    expect(answers.get('spendNoticeSettings')).toEqual({ url: null, secretSet: false });
    expect(answers.get('setSpendNoticeSettings')).toEqual({
      url: 'https://hooks.example.com/tillcard',
      secretSet: true,
    });
    expect(answers.get('deadSpendNotices')).toEqual({ notices: [] });
    // The member never asked for notices: nothing was queued, so nothing is dead to retry.
    expect(answers.get('retrySpendNotice')).toEqual({ refused: 404 });
    // The summaries of the two applied sales (the third names an unknown member: quarantined, not counted).
    expect(answers.get('statsDaily')).toMatchObject({
      days: [
        {
          shopId: 'shopA',
          day: DAY,
          salesCount: 2,
          salesMinor: 1500,
          newMembers: 1,
          pointsEarned: 10,
          pointsRedeemed: 50,
        },
      ],
    });
  });

  it('refuses a call without the admin token on every route, before reading anything else', async () => {
    for (const name of adminRouteNames.filter((n) => n !== 'signIn')) {
      const route = ADMIN_ROUTES[name];
      const path = adminPath<AdminRouteName>(name, { params: { id: uuidFrom(5) } });
      for (const token of [null, 'not-the-token']) {
        const answer = await ho.call(route.method, path, route.body ? {} : undefined, token);
        expect(answer, `${name} with ${token}`).toMatchObject({ status: 401, body: { code: 'UNAUTHORIZED' } });
      }
    }
  });

  it('answers a malformed id as no such resource, and a malformed body or query with VALIDATION', async () => {
    const notFound = { status: 404, body: { code: 'NOT_FOUND', message: 'No such resource.' } };
    expect(await ho.call('POST', '/admin/terminals/not-a-uuid/revoke', {}, ho.adminToken)).toMatchObject(notFound);
    expect(await ho.call('POST', '/admin/quarantine/0/resolve', {}, ho.adminToken)).toMatchObject(notFound);
    expect(await ho.call('PUT', '/admin/rewards/x', {}, ho.adminToken)).toMatchObject(notFound);
    expect(await ho.call('PUT', '/admin/members/x/offline-cap', { offlineCapPoints: 1 }, ho.adminToken)).toMatchObject(
      notFound,
    );
    const missing = await ho.admin.send('setMemberOfflineCap', {
      params: { id: uuidFrom(404) },
      body: { offlineCapPoints: 1 },
    });
    expect(missing).toMatchObject({ ok: false, status: 404, error: { code: 'NOT_FOUND' } });
    const badBody = await ho.admin.send('setDefaultOfflineCap', { body: { defaultOfflineCapPoints: -1 } });
    expect(badBody).toMatchObject({
      ok: false,
      status: 400,
      error: { code: 'VALIDATION', details: { issues: [{ path: 'defaultOfflineCapPoints' }] } },
    });
    const badQuery = await ho.call('GET', '/admin/day-closes?terminalId=nope', undefined, ho.adminToken);
    expect(badQuery).toMatchObject({
      status: 400,
      body: { code: 'VALIDATION', details: { issues: [{ path: 'terminalId' }] } },
    });
  });
});

// One or more VALID inputs per contract channel, built on the fuzz database's real members,
// cards and rewards, so mutations of them reach deep into the services rather than stopping
// at the first schema check. The mapped type makes the compiler insist every channel has some.
import type { Channel, ChannelInput } from '../../../../shared/contract';

export interface Fixtures {
  memberIds: string[];
  cardNumbers: string[];
  rewardIds: string[];
  /** Sales on the fuzz till, to refund. */
  saleIds: string[];
  cashierIds: string[];
  managerIds: string[];
}

export type Examples = { [C in Channel]: (f: Fixtures, requestId: string, n: number) => ChannelInput<C>[] };

const at = <T>(items: readonly T[], n: number, fallback: T): T => items[n % Math.max(1, items.length)] ?? fallback;
const NIL = '00000000-0000-4000-8000-000000000000';

const line = (n: number) => ({
  sku: `SKU-${n % 97}`,
  name: '拿铁 Latte',
  category: n % 5 === 0 ? 'bakery' : 'drink',
  quantity: 1 + (n % 3),
  unitPriceMinor: 100 + (n % 5_000),
});

/** Rules a manager might save: the ratio and a visit bonus move with n, so versions differ. */
const rulesDraft = (n: number) => ({
  rounding: n % 2 === 0 ? ('floor' as const) : ('half-up' as const),
  base: { kind: 'perAmount' as const, ratio: { points: 1 + (n % 5), perMinor: 100 } },
  visit: { kind: 'perVisit' as const, points: n % 10, minSpendMinor: 500 },
  tierMultipliersBp: { BRONZE: 10_000, SILVER: 12_000, GOLD: 15_000 },
  categoryMultipliersBp: { bakery: 20_000 },
  excludedSkus: ['SKU-13'],
  redemption: { pointsPerUnit: 100, unitValueMinor: 100 },
});

const reward = (n: number) => ({
  code: `FZ-${n % 1_000}`,
  name: `奖品 Reward ${n}`,
  category: 'drink',
  pointsCost: 100 + (n % 900),
  cashValueMinor: 500,
  stock: n % 3 === 0 ? null : n % 50,
  active: n % 4 !== 0,
});

export const examples: Examples = {
  getStatus: () => [{}],
  setupDemoShop: () => [{}],
  configureShop: (_f, _r, n) => [
    {
      shopId: `shop-${n}`,
      shopName: 'Fuzz shop',
      terminalName: 'Till 9',
      terminalCode: String(10_000 + (n % 89_999)),
      locale: 'en',
      currency: 'CNY',
      manager: { name: `Manager ${n}`, pin: '2468' },
    },
  ],
  signInChoices: () => [{}],
  // The demo's PINs (cashier 0000, manager 1234): some sign in, some are wrong.
  signIn: (f, _r, n) => [{ staffId: at(f.cashierIds, n, NIL), pin: n % 2 === 0 ? '0000' : '1234' }],
  signOut: () => [{}, { reason: 'lock' }],
  approveAction: (f, _r, n) => [
    { channel: n % 2 === 0 ? 'setLargeSaleLimit' : 'recordSale', staffId: at(f.managerIds, n, NIL), pin: '1234' },
  ],
  listStaff: () => [{}],
  addStaff: (_f, _r, n) => [{ name: `Staff ${n}`, role: n % 3 === 0 ? 'manager' : 'cashier', pin: '4321' }],
  updateStaff: (f, _r, n) => [
    { staffId: at(f.cashierIds, n, NIL), name: `Cashier ${n}` },
    { staffId: at(f.cashierIds, n, NIL), role: 'cashier', active: true },
  ],
  resetStaffPin: (f, _r, n) => [{ staffId: at(f.cashierIds, n, NIL), pin: '0000' }],
  setStaffSettings: (_f, _r, n) => [
    {
      idleLockMinutes: 10 + (n % 50),
      cashierRedeemLimitPoints: 1_000 + n,
      startAtLogin: n % 2 === 0,
      kiosk: n % 3 === 0,
    },
  ],
  setLocale: (_f, _r, n) => [{ locale: n % 2 === 0 ? 'en' : 'zh-CN' }],
  setLargeSaleLimit: (_f, _r, n) => [{ limitMinor: 1_000_000 + (n % 1_000) * 100 }],
  listTiers: () => [{}],
  registerMember: (_f, requestId, n) => [
    { requestId, name: `会员 ${n}`, phone: `137${String(n % 100_000_000).padStart(8, '0')}`, birthday: '1990-02-28' },
  ],
  updateMember: (f, _r, n) => [
    { memberId: at(f.memberIds, n, NIL), name: `Renamed ${n}` },
    { memberId: at(f.memberIds, n, NIL), birthday: null },
  ],
  lookupCard: (f, _r, n) => [{ cardNumber: at(f.cardNumbers, n, '6200000000000000') }],
  searchMembers: (_f, _r, n) => [{ query: '王' }, { query: String(5678 + (n % 10)), limit: 5 }],
  getMember: (f, _r, n) => [{ memberId: at(f.memberIds, n, NIL) }],
  getBalance: (f, _r, n) => [{ memberId: at(f.memberIds, n, NIL) }],
  blockCard: (f, _r, n) => [{ cardNumber: at(f.cardNumbers, n, '6200000000000000'), reason: 'lost' }],
  replaceCard: (f, requestId, n) => [{ requestId, memberId: at(f.memberIds, n, NIL) }],
  showCard: (f, _r, n) => [{ memberId: at(f.memberIds, n, NIL) }],
  getMemberCheck: (f, _r, n) => [{ memberId: at(f.memberIds, n, NIL) }],
  verifyMember: (f, _r, n) => [
    { method: 'pin', memberId: at(f.memberIds, n, NIL), pin: String(1000 + (n % 9000)) },
    { method: 'identity', memberId: at(f.memberIds, n, NIL), phone: '13800138000', birthday: '1990-05-01' },
  ],
  setMemberPin: (f, _r, n) => [{ memberId: at(f.memberIds, n, NIL), pin: '2468', memberCheck: 'ab'.repeat(16) }],
  previewSale: (f, _r, n) => [
    { memberId: at(f.memberIds, n, NIL), lines: [line(n), line(n + 1)], pointsToSpend: n % 3 === 0 ? 100 : 0 },
    { memberId: null, lines: [line(n)] },
  ],
  recordSale: (f, requestId, n) => [
    {
      requestId,
      memberId: at(f.memberIds, n, NIL),
      lines: [line(n), line(n + 7)],
      pointsToSpend: n % 4 === 0 ? 200 : 0,
    },
    // A large sale, confirmed for its own total at the till.
    {
      requestId,
      memberId: null,
      lines: [{ ...line(n), quantity: 500 }],
      confirmedTotalMinor: 500 * line(n).unitPriceMinor,
    },
  ],
  memberSales: (f, _r, n) => [{ memberId: at(f.memberIds, n, NIL), page: n % 3, pageSize: 10 }],
  memberLedger: (f, _r, n) => [{ memberId: at(f.memberIds, n, NIL) }],
  getSaleForRefund: (f, _r, n) => [{ saleId: at(f.saleIds, n, NIL) }],
  // One unit of the first line: a sale refunded whole is then refused (REFUND_EXCEEDS_SALE).
  refundSale: (f, requestId, n) => [
    { requestId, saleId: at(f.saleIds, n, NIL), lines: [{ lineNo: 1, quantity: 1 }] },
    { requestId, saleId: at(f.saleIds, n, NIL), lines: [{ lineNo: 1 + (n % 3), quantity: 1 + (n % 2) }] },
  ],
  listRewards: () => [{ includeInactive: true }, {}],
  listCategories: () => [{}],
  getProgramme: () => [{}],
  previewRules: (_f, _r, n) => [
    { rules: rulesDraft(n), basket: { amountMinor: 100 + n }, tierCode: 'GOLD', visitNumber: 1 + (n % 9) },
    { rules: rulesDraft(n + 1), basket: { lines: [line(n), line(n + 13)] } },
  ],
  saveRules: (_f, requestId, n) => [{ requestId, rules: rulesDraft(n) }],
  saveTiers: (_f, requestId, n) => [
    {
      requestId,
      tiers: [
        { code: 'BRONZE', name: '铜卡 Bronze', rank: 1, qualifyPoints: 0 },
        { code: 'SILVER', name: '银卡 Silver', rank: 2, qualifyPoints: 1_000 + (n % 500) },
        { code: 'GOLD', name: '金卡 Gold', rank: 3, qualifyPoints: 5_000 + (n % 500) },
      ],
    },
  ],
  upsertReward: (f, requestId, n) => [
    { requestId, reward: reward(n) },
    { requestId, id: at(f.rewardIds, n, NIL), reward: reward(n + 1) },
  ],
  ruleHistory: (_f, _r, n) => [{}, { limit: 1 + (n % 20) }],
  listCampaigns: () => [{}],
  dayReport: (_f, _r, n) => [{}, { businessDay: `2026-0${1 + (n % 9)}-1${n % 10}` }],
  findSales: (f, _r, n) => [
    { filter: { fromDay: '2020-01-01', toDay: '2020-12-31' } },
    {
      filter: {
        fromDay: `2026-0${1 + (n % 9)}-01`,
        toDay: `2026-0${1 + (n % 9)}-28`,
        member: at(f.cardNumbers, n, '0000000000000000'),
        minTotalMinor: n % 100,
        maxTotalMinor: 100_000 + n,
        staffId: at(f.cashierIds, n, 'nobody'),
        refunded: n % 2 === 0,
      },
      pageSize: 1 + (n % 100),
    },
  ],
  exportSales: (f, _r, n) => [
    { filter: { fromDay: '2026-01-01', toDay: '2026-12-31', member: at(f.memberIds, n, NIL), refunded: n % 2 === 1 } },
  ],
  saleDetail: (f, _r, n) => [{ saleId: at(f.saleIds, n, NIL) }],
  reprintReceipt: (f, _r, n) => [{ saleId: at(f.saleIds, n, NIL) }],
  listMembers: (_f, _r, n) => [
    {},
    {
      filter: { tierCode: 'GOLD', balance: { min: n % 50, max: 1_000 + n }, birthdayMonth: 1 + (n % 12) },
      sort: { by: 'balance', direction: 'desc' },
      page: n % 3,
      pageSize: 1 + (n % 100),
    },
    { filter: { lastVisit: { kind: 'notWithin', days: 1 + (n % 90) } }, sort: { by: 'lastVisit' } },
    { filter: { lastVisit: { kind: 'between', from: '2026-01-01', to: `2026-0${1 + (n % 9)}-15` } } },
  ],
  exportMemberList: (_f, _r, n) => [{ filter: { lastVisit: { kind: 'within', days: 1 + (n % 30) } } }],
  // A new weekend multiplier (a till enrolled at head office refuses it: CAMPAIGNS_AT_HEAD_OFFICE).
  saveCampaign: (_f, _r, n) => [
    {
      spec: {
        name: `Weekend ${n}`,
        rule: { kind: 'multiplier', multiplierBp: 20_000, weekdays: [0, 6] },
        target: { kind: 'everyone' },
        startsAt: 0,
        endsAt: 4_102_444_800_000,
        overlap: 'stack',
        budgetPoints: 100_000,
        perMemberLimit: 1_000,
        holdoutBp: 1_000,
      },
      state: n % 2 === 0 ? 'published' : 'draft',
    },
  ],
  auditTrail: () => [{}, { page: 1, pageSize: 10 }],
  redeemReward: (f, requestId, n) => [
    { requestId, memberId: at(f.memberIds, n, NIL), rewardId: at(f.rewardIds, n, NIL), quantity: 1 },
  ],
  listGoods: (_f, _r, n) => [{}, { find: `SKU-${n % 7}` }, { find: '4006381333931', includeInactive: true }],
  addGoods: (_f, _r, n) => [
    { sku: `SKU-${n % 50}`, name: `Item ${n}`, category: 'drink', priceMinor: 100 + (n % 900) },
    { sku: `BC-${n}`, barcode: '4006381333931', name: 'Pen', priceMinor: 350 },
  ],
  updateGoods: (_f, _r, n) => [
    { id: NIL, priceMinor: n % 1_000 },
    { id: NIL, active: false },
  ],
  // Additions, removals that fit, and removals past zero (refused, nothing written).
  adjustPoints: (f, requestId, n) => [
    { requestId, memberId: at(f.memberIds, n, NIL), delta: 1 + (n % 500), reason: 'goodwill' },
    { requestId, memberId: at(f.memberIds, n, NIL), delta: -(1 + (n % 50)), reason: 'correction', note: `fix ${n}` },
    { requestId, memberId: at(f.memberIds, n, NIL), delta: -1_000_000, reason: 'other', note: 'too much' },
  ],
  revealMemberPhone: (f, _r, n) => [{ memberId: at(f.memberIds, n, NIL) }],
  exportMember: (f, _r, n) => [{ memberId: at(f.memberIds, n, NIL) }],
  importMembers: (_f, _r, n) => [
    {
      fileName: `members-${n}.csv`,
      text: `姓名,手机号,积分\n导入${n},139${String(n % 1e8).padStart(8, '0')},${n % 500}\n`,
    },
    { fileName: 'utf8.csv', base64: Buffer.from(`name,phone\nFuzz ${n},13${n % 10}00000000\n`).toString('base64') },
  ],
  exportTable: (_f, _r, n) => [
    { table: 'members' },
    { table: 'sales', from: '2026-03-01', to: '2026-03-14' },
    { table: 'ledger', from: `2026-0${1 + (n % 9)}-01` },
  ],
  // A wrong confirmation mostly (refused, nothing written); now and then the member's card: erased.
  eraseMember: (f, requestId, n) => [
    { requestId, memberId: at(f.memberIds, n, NIL), confirm: n % 7 === 0 ? at(f.cardNumbers, n, '') : 'no' },
  ],
  // Loopback only, on a port nothing listens on (9, discard): the fuzz never reaches a real head office.
  enrolHeadOffice: (_f, _r, n) => [{ url: 'http://127.0.0.1:9/', code: `ABCD-EFGH-${n % 10_000}` }],
  syncNow: () => [{}],
  // A tier by hand: mostly valid (far-future end), now and then an end in the past or an unknown tier (refused).
  setMemberTier: (f, requestId, n) => [
    {
      requestId,
      memberId: at(f.memberIds, n, NIL),
      tierCode: n % 5 === 0 ? 'NOPE' : 'GOLD',
      reason: 'fuzz',
      endsAt: n % 3 === 0 ? 1_000 : Date.UTC(2100, 0, 1),
    },
  ],
  setMemberCheckLimit: (_f, _r, n) => [{ abovePoints: 100_000 + n }, { abovePoints: null }],
  setBackupKeep: (_f, _r, n) => [{ keep: 1 + (n % 365) }],
  leaveDemoShop: () => [{ deleteAllDemoData: true }],
};

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignSpec } from '../../shared/domain/campaigns/campaign';
import { inHoldout } from '../../shared/domain/campaigns/holdout';
import { DEFAULT_RULE_SET } from '../../shared/domain/rules/ruleSet';
import { fixedClockForTests } from '../testing/clock';
import { testBackends } from '../testing/databases';
import { startHarness, type Harness } from '../testing/harness';
import { uuidFrom } from '../testing/records';
import type { HoDatabase } from '../store/connect';
import { campaigns, ledger, members, saleLines, sales, settings, tierChanges } from '../store/schema';
import { saleRow } from './campaignMembersKept.testkit';
import { campaignWhatIf } from './whatIf';

// A hand-computed chain: campaign C ran a week from T0 at shops A and B; 40 members bought once in
// the week before (the look-back) and some again during it. Points are worth half a minor unit
// (100 points = 50 minor). The what-if's set is below, with its arithmetic.

const DAY = 86_400_000;
const T0 = Date.UTC(2025, 5, 2, 2); // a Monday, 10:00 in Shanghai
const NOW = T0 + 14 * DAY;
const C = uuidFrom(500, 0xc);
const TERM = uuidFrom(1, 0xa);

const spec = (over: Partial<CampaignSpec> = {}): CampaignSpec => ({
  name: 'Double week',
  rule: { kind: 'multiplier', multiplierBp: 20_000, weekdays: [] },
  target: { kind: 'everyone' },
  startsAt: T0,
  endsAt: T0 + 7 * DAY,
  overlap: 'stack',
  budgetPoints: 100_000,
  perMemberLimit: null,
  holdoutBp: 5_000,
  ...over,
});

let saleN = 0;
const sale = (memberId: string | null, shopId: string, totalMinor: number, at: number) => {
  saleN += 1;
  return saleRow(uuidFrom(10_000 + saleN, 0x5), memberId, shopId, totalMinor, at, { terminalId: TERM, seq: saleN });
};
const member = (id: string, createdAt: number) => ({
  id,
  name: 'M',
  phone: '13800000000',
  birthday: null,
  cardNumber: id.slice(0, 12),
  homeShopId: 'A',
  originTerminalId: TERM,
  createdAt,
  updatedAt: createdAt,
});
let ledgerN = 0;
const bonusRow = (
  memberId: string,
  shopId: string,
  delta: number,
  saleId: string | null,
  kind: 'earn' | 'reversal',
) => {
  ledgerN += 1;
  return {
    id: uuidFrom(20_000 + ledgerN, 0x1),
    memberId,
    kind,
    delta,
    campaignId: C,
    saleId,
    terminalId: TERM,
    shopId,
    createdAt: T0 + DAY,
  };
};

// The lift's population: L0..L39 bought once at A in the look-back; during the week L_k spent
// 1000·(k mod 4) in (k mod 4 > 0 ? 1 : 0) visits. P bought only before the look-back and during
// the week: not in the population of those active before, but among the week's buyers.
const L = Array.from({ length: 40 }, (_, k) => uuidFrom(100 + k, 0xb));
const P = uuidFrom(99, 0xb);
const spendOf = (k: number) => 1000 * (k % 4);

/** The element at i of a list the test built itself (a missing one is the test's own fault). */
const nth = <T>(xs: readonly T[], i: number): T => {
  const x = xs[i];
  if (x === undefined) throw new Error(`no element ${i}`);
  return x;
};

/** Mean by a plain sum, written here apart from the code under test. */
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

describe.each(testBackends)('campaign effect and what-if on $name', (backend) => {
  let database: HoDatabase;
  let ho: Harness;
  const clock = fixedClockForTests(NOW);
  // Shop A: S1 (2000) and S2 (3000) carried C's bonus (10 and 20 points); shop B: S3 (1000, 5 points)
  // and S4 (500, 5 points, M1 again), then a refund took back 5 of S3's. Participants: M1, M2 at A;
  // M1, M3 at B; 3 in all.
  const [M1, M2, M3] = [uuidFrom(1, 0xd), uuidFrom(2, 0xd), uuidFrom(3, 0xd)];
  const S = [
    sale(M1, 'A', 2000, T0 + DAY),
    sale(M2, 'A', 3000, T0 + DAY),
    sale(M3, 'B', 1000, T0 + DAY),
    sale(M1, 'B', 500, T0 + DAY),
  ];

  beforeAll(async () => {
    database = await backend.open();
    ho = await startHarness(database, clock);
    const db = database.db;
    await db.insert(settings).values([
      { key: 'rulesVersion', value: 1 },
      {
        key: 'rules:1',
        value: {
          rules: { ...DEFAULT_RULE_SET, redemption: { ...DEFAULT_RULE_SET.redemption, unitValueMinor: 50 } },
          effectiveFrom: 0,
        },
      },
    ]);
    await db
      .insert(campaigns)
      .values({ id: C, campaign: { ...spec(), id: C, published: true, cancelled: false, updatedAt: T0 } });
    await db.insert(members).values([...[M1, M2, M3, P, ...L].map((id) => member(id, T0 - 60 * DAY))]);
    const lookback = L.map((id) => sale(id, 'A', 700, T0 - 3 * DAY));
    const during = L.flatMap((id, k) => (k % 4 === 0 ? [] : [sale(id, 'A', spendOf(k), T0 + 2 * DAY)]));
    await db
      .insert(sales)
      .values([...S, ...lookback, ...during, sale(P, 'A', 9000, T0 - 30 * DAY), sale(P, 'A', 4000, T0 + DAY)]);
    await db
      .insert(ledger)
      .values([
        bonusRow(M1, 'A', 10, nth(S, 0).id, 'earn'),
        bonusRow(M2, 'A', 20, nth(S, 1).id, 'earn'),
        bonusRow(M3, 'B', 5, nth(S, 2).id, 'earn'),
        bonusRow(M1, 'B', 5, nth(S, 3).id, 'earn'),
        bonusRow(M3, 'B', -5, nth(S, 2).id, 'reversal'),
      ]);
  }, 60_000);
  afterAll(async () => {
    await ho.close();
  });

  it('answers the ledger figures overall and per shop, with their cost', async () => {
    const effect = await ho.admin.call('campaignEffect', { params: { id: C } });
    expect(effect).toMatchObject({
      campaignId: C,
      from: T0,
      to: T0 + 7 * DAY,
      lookbackFrom: T0 - 7 * DAY,
      minGroup: 10,
    });
    expect(effect.overall).toEqual({
      participants: 3,
      attributedSales: 4,
      attributedSalesMinor: 6500,
      pointsIssued: 40,
      pointsNet: 35,
      costMinor: 20,
    });
    expect(effect.shops.map((s) => [s.shopId, s.figures])).toEqual([
      [
        'A',
        {
          participants: 2,
          attributedSales: 2,
          attributedSalesMinor: 5000,
          pointsIssued: 30,
          pointsNet: 30,
          costMinor: 15,
        },
      ],
      [
        'B',
        {
          participants: 2,
          attributedSales: 2,
          attributedSalesMinor: 1500,
          pointsIssued: 10,
          pointsNet: 5,
          costMinor: 5,
        },
      ],
    ]);
    // M1..M3 bought only during the week: none of them is in the look-back population.
  });

  it('measures the lift among members active before, by the engine holdout, with sizes and means', async () => {
    const effect = await ho.admin.call('campaignEffect', { params: { id: C } });
    const held = L.map((id) => inHoldout(C, id, 5_000));
    const spend = (h: boolean) => L.map((_, k) => spendOf(k)).filter((_, k) => held[k] === h);
    const visits = (h: boolean) => L.map((_, k) => (k % 4 === 0 ? 0 : 1)).filter((_, k) => held[k] === h);
    const nHeld = held.filter(Boolean).length;
    expect(effect.lift.spendMinor.treated.n).toBe(40 - nHeld);
    expect(effect.lift.spendMinor.holdout.n).toBe(nHeld);
    expect(effect.lift.spendMinor.treated.mean).toBeCloseTo(mean(spend(false)), 9);
    expect(effect.lift.spendMinor.holdout.mean).toBeCloseTo(mean(spend(true)), 9);
    expect(effect.lift.visits.treated.mean).toBeCloseTo(mean(visits(false)), 9);
    expect(effect.lift.spendMinor.difference).toBeCloseTo(mean(spend(false)) - mean(spend(true)), 9);
    // Both groups have at least 10 here (a fixed hash: the test fails loudly if that ever changed).
    expect(Math.min(nHeld, 40 - nHeld)).toBeGreaterThanOrEqual(10);
    const { interval, difference } = effect.lift.spendMinor;
    if (interval === null || difference === null) throw new Error('expected an interval');
    expect(interval.low).toBeLessThan(difference);
    expect(interval.high).toBeGreaterThan(difference);
    // Among the week's buyers: P and M1..M3 join, the k ≡ 0 (mod 4) members leave.
    const buyers = effect.liftAmongBuyers.spendMinor;
    expect(buyers.treated.n + buyers.holdout.n).toBe(30 + 4);
    // One shop's lift: A alone holds every look-back sale; B has none, so nothing is computable there.
    expect(effect.shops.find((s) => s.shopId === 'A')?.lift.spendMinor.treated.n).toBe(40 - nHeld);
    expect(effect.shops.find((s) => s.shopId === 'B')?.lift.spendMinor).toMatchObject({
      difference: null,
      interval: null,
      notComputable: 'groupTooSmall',
    });
  });

  it('marks a too-small holdout not computable', async () => {
    const noHoldout = uuidFrom(501, 0xc);
    await database.db.insert(campaigns).values({
      id: noHoldout,
      campaign: { ...spec({ holdoutBp: 0 }), id: noHoldout, published: true, cancelled: false, updatedAt: T0 },
    });
    const none = await ho.admin.call('campaignEffect', { params: { id: noHoldout } });
    expect(none.lift.spendMinor).toMatchObject({
      holdout: { n: 0 },
      difference: null,
      interval: null,
      notComputable: 'groupTooSmall',
    });
    expect(none.lift.spendMinor.treated.n).toBe(40);
    expect((await ho.admin.send('campaignEffect', { params: { id: uuidFrom(599, 0xc) } })).status).toBe(404);
  });

  // A GOLD campaign: by the tier history, L0..L29 reached GOLD ten days before the start; L0 and L1
  // fell back to BRONZE the day before it; L30..L33 reached GOLD only during it; the rest stayed on
  // the entry tier (no row). Its members at the start: L2..L29, 28 of them, split by the holdout.
  it('measures a tiers campaign among the members on its tiers at its start, by the kept history', async () => {
    const gold = uuidFrom(502, 0xc);
    await database.db.insert(settings).values({
      key: 'tiers',
      value: [
        { code: 'BRONZE', name: 'Bronze', rank: 1, qualifyPoints: 0 },
        { code: 'GOLD', name: 'Gold', rank: 2, qualifyPoints: 500 },
      ],
    });
    const change = (k: number, fromTier: string, toTier: string, at: number) => ({
      memberId: nth(L, k),
      fromTier,
      toTier,
      reason: 'earned' as const,
      at,
      shopId: 'A',
      recordId: null,
    });
    await database.db
      .insert(tierChanges)
      .values([
        ...Array.from({ length: 30 }, (_, k) => change(k, 'BRONZE', 'GOLD', T0 - 10 * DAY)),
        change(0, 'GOLD', 'BRONZE', T0 - DAY),
        change(1, 'GOLD', 'BRONZE', T0 - DAY),
        ...[30, 31, 32, 33].map((k) => change(k, 'BRONZE', 'GOLD', T0 + DAY)),
      ]);
    await database.db.insert(campaigns).values({
      id: gold,
      campaign: {
        ...spec({ target: { kind: 'tiers', tiers: ['GOLD'] } }),
        id: gold,
        published: true,
        cancelled: false,
        updatedAt: T0,
      },
    });
    const effect = await ho.admin.call('campaignEffect', { params: { id: gold } });
    const meant = L.map((id, k) => ({ id, k })).filter(({ k }) => k >= 2 && k < 30);
    const held = (h: boolean) => meant.filter(({ id }) => inHoldout(gold, id, 5_000) === h).map(({ k }) => spendOf(k));
    expect(effect.lift.spendMinor.treated.n).toBe(held(false).length);
    expect(effect.lift.spendMinor.holdout.n).toBe(held(true).length);
    expect(held(false).length + held(true).length).toBe(28);
    expect(effect.lift.spendMinor.treated.mean).toBeCloseTo(mean(held(false)), 9);
    expect(effect.lift.spendMinor.holdout.mean).toBeCloseTo(mean(held(true)), 9);
    expect(effect.lift.spendMinor.notComputable).not.toBe('targetUnknown');
    // Among the week's buyers: those of L2..L29 who bought during it (k mod 4 ≠ 0): 21; P and M1..M3 are BRONZE.
    const buyers = effect.liftAmongBuyers.spendMinor;
    expect(buyers.treated.n + buyers.holdout.n).toBe(meant.filter(({ k }) => k % 4 !== 0).length);
    expect(meant.filter(({ k }) => k % 4 !== 0).length).toBe(21);
  });

  // The what-if's weeks: [W − 14 d, W), after everything above. Draft: 50 points for a sale paying
  // at least 10.00, budget 130, at most 100 a member. X: s1 50 (week 0); s2 pays 8.00: nothing;
  // Y: s3 50 (week 1); X: s4 wants 50, 30 left of the budget → 30 (20 withheld, budget out);
  // X: s5 wants 50, 20 left of their limit → 30 withheld by it, 20 by the budget; Y: s6 50 by the
  // budget. Given 130 (cost 65): week 0 50, week 1 80; shop A 50 (s1), B 80 (s3, s4).
  const W = T0 + 100 * DAY;
  const [X, Y, Z] = [uuidFrom(1, 0xe), uuidFrom(2, 0xe), uuidFrom(3, 0xe)];
  const draft = spec({
    name: 'Spend more',
    rule: { kind: 'spendBonus', minSpendMinor: 1000, points: 50 },
    startsAt: W + DAY,
    endsAt: W + 8 * DAY,
    budgetPoints: 130,
    perMemberLimit: 100,
    holdoutBp: 0,
  });
  const figures = (bonusPoints: number, members: number, salesCount: number, signups = 0) => ({
    bonusPoints,
    costMinor: Math.round(bonusPoints / 2), // half a minor unit a point, half up
    members,
    sales: salesCount,
    signups,
  });

  it('replays a draft over the last weeks through the engine: per week, per shop, and the caps', async () => {
    const at = (d: number) => W - d * DAY;
    const ws = [
      sale(X, 'A', 9000, at(15)),
      sale(null, 'A', 9000, at(13)),
      sale(X, 'A', 1500, at(13)),
      sale(X, 'A', 800, at(12)),
      sale(Y, 'B', 2000, at(6)),
      sale(X, 'B', 1200, at(5)),
      sale(X, 'A', 5000, at(4)),
      sale(Y, 'A', 3000, at(3)),
    ];
    await database.db
      .insert(members)
      .values([member(X, W - 40 * DAY), member(Y, W - 40 * DAY), { ...member(Z, at(2)), homeShopId: 'B' }]);
    await database.db.insert(sales).values(ws);
    const line = (saleId: string, category: string, points: number) => ({
      saleId,
      lineNo: 1,
      sku: category.toUpperCase(),
      name: category,
      category,
      quantity: 1,
      unitPriceMinor: 100,
      lineTotalMinor: 100,
      points,
    });
    await database.db.insert(saleLines).values([line(nth(ws, 2).id, 'bakery', 30), line(nth(ws, 4).id, 'tea', 20)]);
    clock.advance(W - NOW);

    const answer = await ho.admin.call('campaignWhatIf', { params: { id: C }, query: { weeks: 2 }, body: draft });
    expect(answer).toEqual({
      from: W - 14 * DAY,
      to: W,
      weeks: 2,
      salesScanned: 6,
      signupsScanned: 0,
      capped: false,
      cap: 20_000,
      total: figures(130, 2, 3),
      byWeek: [
        { weekStart: W - 14 * DAY, figures: figures(50, 1, 1) },
        { weekStart: W - 7 * DAY, figures: figures(80, 2, 2) },
      ],
      byShop: [
        { shopId: 'A', figures: figures(50, 1, 1) },
        { shopId: 'B', figures: figures(80, 2, 2) },
      ],
      budget: { budgetPoints: 130, withheldPoints: 90, exhaustedAt: at(5) },
      memberLimit: { perMemberLimit: 100, withheldPoints: 30, membersCapped: 1 },
    });

    // Capped at 4 sales: s1..s4 only (the earliest), and it says so.
    const capped = await campaignWhatIf(database.db, C, draft, 2, W, 4);
    expect(capped).toMatchObject({ salesScanned: 4, capped: true, cap: 4, total: figures(130, 2, 3) });

    // Lines: bakery ×1.5 gives s1's 30 line points 15 more; the tea line nothing.
    const lines = await ho.admin.call('campaignWhatIf', {
      params: { id: C },
      query: { weeks: 2 },
      body: { ...draft, rule: { kind: 'lineBonus', multiplierBp: 15_000, categories: ['Bakery'] }, budgetPoints: 1000 },
    });
    expect(lines.total).toEqual(figures(15, 1, 1));
    // Signups: Z registered at B two days ago; X and Y before the weeks.
    const signup = await ho.admin.call('campaignWhatIf', {
      params: { id: C },
      query: { weeks: 2 },
      body: { ...draft, rule: { kind: 'signup', points: 20 } },
    });
    expect(signup).toMatchObject({ salesScanned: 0, signupsScanned: 1, total: figures(20, 1, 0, 1) });
    expect(signup.byShop).toEqual([{ shopId: 'B', figures: figures(20, 1, 0, 1) }]);
  });

  // The same weeks for a draft of GOLD members only, on the ladder BRONZE/GOLD kept above: X turned GOLD
  // at W − 10 d, Y was GOLD from W − 20 d until W − 4 d. X's s1 (W − 13 d) is BRONZE's; s2 pays too little;
  // Y's s3 (W − 6 d), X's s4 (W − 5 d) and s5 (W − 4 d) are GOLD's: 50 each; Y's s6 (W − 3 d) BRONZE's.
  it("replays a tiers draft on each member's tier at the sale, by the kept history", async () => {
    const at = (d: number) => W - d * DAY;
    const change = (memberId: string, fromTier: string, toTier: string, when: number) => ({
      memberId,
      fromTier,
      toTier,
      reason: 'earned' as const,
      at: when,
      shopId: 'A',
      recordId: null,
    });
    await database.db
      .insert(tierChanges)
      .values([
        change(X, 'BRONZE', 'GOLD', at(10)),
        change(Y, 'BRONZE', 'GOLD', at(20)),
        change(Y, 'GOLD', 'BRONZE', at(4)),
      ]);
    const gold = { ...draft, target: { kind: 'tiers' as const, tiers: ['GOLD'] }, budgetPoints: 1000 };
    const answer = await ho.admin.call('campaignWhatIf', { params: { id: C }, query: { weeks: 2 }, body: gold });
    expect(answer).toMatchObject({
      salesScanned: 6,
      total: figures(150, 2, 3),
      byWeek: [
        { weekStart: W - 14 * DAY, figures: figures(0, 0, 0) },
        { weekStart: W - 7 * DAY, figures: figures(150, 2, 3) },
      ],
      byShop: [
        { shopId: 'A', figures: figures(50, 1, 1) },
        { shopId: 'B', figures: figures(100, 2, 2) },
      ],
      budget: { budgetPoints: 1000, withheldPoints: 0, exhaustedAt: null },
      memberLimit: { perMemberLimit: 100, withheldPoints: 0, membersCapped: 0 },
    });
  });

  it("refuses a bad draft with the campaign routes' own VALIDATION, and weeks outside 1–26", async () => {
    const bad = { ...draft, endsAt: draft.startsAt, holdoutBp: 6_000 };
    const whatIf = await ho.admin.send('campaignWhatIf', { params: { id: C }, query: { weeks: 2 }, body: bad });
    const upsert = await ho.admin.send('upsertCampaign', { params: { id: uuidFrom(600, 0xc) }, body: bad });
    expect(whatIf.status).toBe(400);
    if (whatIf.ok || upsert.ok) throw new Error('expected refusals');
    expect(whatIf.error).toEqual(upsert.error);
    expect(whatIf.error.code).toBe('VALIDATION');
    for (const weeks of [0, 27, 2.5]) {
      const refused = await ho.admin.send('campaignWhatIf', { params: { id: C }, query: { weeks }, body: draft });
      expect(refused.status).toBe(400);
      if (!refused.ok) expect(refused.error.code).toBe('VALIDATION');
    }
  });
});

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MemberView } from '../../shared/contract';
import { SalesPage, type SalesCursor, type SalesFilter } from '../../shared/contract/salesQuery';
import {
  checkAndDispose,
  openTestShop,
  registerTestMember,
  tableCounts,
  TEST_MANAGER,
  unwrap,
  type TestCore,
} from './services.testkit';

// Random sales over five business days by two staff, two members and none, some refunded (made once,
// from a fixed seed); then any filter: every page of the query, read to the end, equals the filter the
// test applies itself to the sales it made, and the totals are its sums. Bad filters write nothing.

const DAY_MS = 86_400_000;
const PHONES = ['13800138011', '13800138012'] as const;
const DAYS = ['2025-06-01', '2025-06-02', '2025-06-03', '2025-06-04', '2025-06-05'];

interface Made {
  saleId: string;
  day: string;
  createdAt: number;
  memberId: string | null;
  staffId: string;
  totalMinor: number;
  refundedMinor: number;
}

let c: TestCore;
let members: MemberView[];
let staffIds: string[];
const made: Made[] = [];

const saleSpec = fc.record({
  member: fc.nat({ max: 2 }),
  minor: fc.integer({ min: 100, max: 30_000 }),
  refund: fc.boolean(),
});

beforeAll(async () => {
  c = await openTestShop();
  const managerId = unwrap(await c.api.listStaff({})).find((s) => s.role === 'manager')?.staffId ?? '';
  const cashierId = unwrap(await c.api.addStaff({ name: 'Cal', role: 'cashier', pin: '1357' })).staffId;
  staffIds = [managerId, cashierId];
  members = [
    await registerTestMember(c, { name: 'Amy', phone: PHONES[0] }),
    await registerTestMember(c, { name: 'Bob', phone: PHONES[1] }),
  ];
  const specs = fc.sample(fc.array(saleSpec, { minLength: 4, maxLength: 7 }), { numRuns: DAYS.length, seed: 16 });
  const toRefund: string[] = [];
  for (const [d, day] of DAYS.entries()) {
    for (const [i, spec] of (specs[d] ?? []).entries()) {
      // The first half of the day's sales by the manager, the rest by the cashier.
      const staffId = i < 3 ? managerId : cashierId;
      if (i === 3) unwrap(await c.api.signIn({ staffId: cashierId, pin: '1357' }));
      c.clock.advance(60_000);
      const memberId = spec.member < 2 ? (members[spec.member]?.id ?? null) : null;
      const receipt = unwrap(
        await c.api.recordSale({
          requestId: c.ctx.ids.uuid(),
          memberId,
          lines: [{ sku: 'X', quantity: 1, unitPriceMinor: spec.minor }],
        }),
      );
      made.push({
        saleId: receipt.saleId,
        day,
        createdAt: receipt.createdAt,
        memberId,
        staffId,
        totalMinor: spec.minor,
        refundedMinor: 0,
      });
      if (spec.refund) toRefund.push(receipt.saleId);
    }
    unwrap(await c.api.signIn({ staffId: managerId, pin: TEST_MANAGER.pin }));
    if (d < DAYS.length - 1) c.clock.advance(DAY_MS);
  }
  for (const saleId of toRefund) {
    unwrap(await c.api.refundSale({ requestId: c.ctx.ids.uuid(), saleId, lines: [{ lineNo: 1, quantity: 1 }] }));
    const sale = made.find((m) => m.saleId === saleId);
    if (sale) sale.refundedMinor = sale.totalMinor;
  }
});
afterAll(() => checkAndDispose(c));

/** The test's own filter over the sales it made, newest first. */
function expected(filter: SalesFilter & { fromDay: string; toDay: string }, memberId: string | null): Made[] {
  return made
    .filter(
      (m) =>
        m.day >= filter.fromDay &&
        m.day <= filter.toDay &&
        (memberId === null || m.memberId === memberId) &&
        (filter.minTotalMinor === undefined || m.totalMinor >= filter.minTotalMinor) &&
        (filter.maxTotalMinor === undefined || m.totalMinor <= filter.maxTotalMinor) &&
        (filter.staffId === undefined || m.staffId === filter.staffId) &&
        (filter.refunded === undefined || m.refundedMinor > 0 === filter.refunded),
    )
    .sort((a, b) =>
      a.day !== b.day ? (a.day < b.day ? 1 : -1) : b.createdAt - a.createdAt || (a.saleId < b.saleId ? 1 : -1),
    );
}

const filterArb = fc
  .record({
    days: fc.tuple(fc.nat({ max: 4 }), fc.nat({ max: 4 })).map(([a, b]) => [Math.min(a, b), Math.max(a, b)]),
    member: fc.option(fc.tuple(fc.nat({ max: 1 }), fc.constantFrom('card', 'phone', 'id')), { nil: undefined }),
    min: fc.option(fc.integer({ min: 0, max: 30_000 }), { nil: undefined }),
    max: fc.option(fc.integer({ min: 0, max: 30_000 }), { nil: undefined }),
    staff: fc.option(fc.nat({ max: 1 }), { nil: undefined }),
    refunded: fc.option(fc.boolean(), { nil: undefined }),
    pageSize: fc.integer({ min: 1, max: 12 }),
  })
  .filter((f) => f.min === undefined || f.max === undefined || f.min <= f.max);

describe('findSales (property)', () => {
  it('answers, page after page, exactly the test’s own filter of the same sales, with its totals', async () => {
    await fc.assert(
      fc.asyncProperty(filterArb, async (f) => {
        const member = f.member === undefined ? undefined : members[f.member[0]];
        const memberText =
          member === undefined || f.member === undefined
            ? undefined
            : { card: member.cardNumber, phone: PHONES[f.member[0]] ?? '', id: member.id }[f.member[1]];
        const filter = {
          fromDay: DAYS[f.days[0] ?? 0] ?? '',
          toDay: DAYS[f.days[1] ?? 0] ?? '',
          ...(memberText === undefined ? {} : { member: memberText }),
          ...(f.min === undefined ? {} : { minTotalMinor: f.min }),
          ...(f.max === undefined ? {} : { maxTotalMinor: f.max }),
          ...(f.staff === undefined ? {} : { staffId: staffIds[f.staff] ?? '' }),
          ...(f.refunded === undefined ? {} : { refunded: f.refunded }),
        };
        const want = expected(filter, member?.id ?? null);
        const got: string[] = [];
        let after: SalesCursor | undefined;
        for (let pages = 0; pages < 100; pages += 1) {
          const page = SalesPage.parse(
            unwrap(await c.api.findSales({ filter, pageSize: f.pageSize, ...(after ? { after } : {}) })),
          );
          expect(page.totals).toEqual({
            count: want.length,
            amountMinor: want.reduce((s, m) => s + m.totalMinor, 0),
            refundedMinor: want.reduce((s, m) => s + m.refundedMinor, 0),
          });
          expect(page.rows.length).toBeLessThanOrEqual(f.pageSize);
          got.push(...page.rows.map((r) => r.saleId));
          if (page.next === null) break;
          after = page.next;
        }
        expect(got).toEqual(want.map((m) => m.saleId));
      }),
      { numRuns: 40, seed: 1616 },
    );
  });

  it('refuses bad filters with a typed error and writes nothing', async () => {
    const before = tableCounts(c.db);
    const bad = fc.oneof(
      fc.tuple(fc.nat({ max: 3 }), fc.integer({ min: 1, max: 4 })).map(([a, d]) => ({
        fromDay: DAYS[Math.min(4, a + d)],
        toDay: DAYS[a],
      })),
      fc.tuple(fc.integer({ min: 1, max: 1_000 }), fc.integer({ min: 1, max: 1_000 })).map(([lo, gap]) => ({
        minTotalMinor: lo + gap,
        maxTotalMinor: lo,
      })),
      fc.constantFrom({ member: 'not a member' }, { member: '13900009999' }, { member: '0000000000000000' }),
      fc.constantFrom({ staffId: '' }, { refunded: 'yes' }, { minTotalMinor: -1 }, { fromDay: '2025-6-1' }),
    );
    await fc.assert(
      fc.asyncProperty(bad, async (filter) => {
        const answer = await c.dispatch('findSales', { filter: { fromDay: DAYS[0], toDay: DAYS[4], ...filter } });
        expect(answer.ok).toBe(false);
        if (!answer.ok) expect(['VALIDATION', 'NOT_FOUND', 'BAD_CHECK_DIGIT']).toContain(answer.error.code);
        const csv = await c.dispatch('exportSales', { filter: { fromDay: DAYS[0], toDay: DAYS[4], ...filter } });
        expect(csv.ok).toBe(false);
      }),
      { numRuns: 30, seed: 1617 },
    );
    expect(tableCounts(c.db)).toEqual(before);
  });
});

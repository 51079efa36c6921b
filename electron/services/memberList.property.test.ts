import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MemberListFilter, MemberListSort, MemberView } from '../../shared/contract';
import { businessDay } from './businessDay';
import { nameKey } from './memberKeys';
import {
  checkAndDispose,
  errorOf,
  openTestShop,
  registerTestMember,
  tableCounts,
  unwrap,
  type TestCore,
} from './services.testkit';

// Random members (joined, bought and given birthdays at random times) and random filters, sorts and pages:
// the till's page and total equal the test's own filtering and sorting of every member's view.

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const ZONE = 'Asia/Shanghai';

let c: TestCore;
let phones = 0;
/** Every member the runs registered, as getMember last answered. */
const views = new Map<string, MemberView>();
beforeAll(async () => {
  c = await openTestShop();
});
afterAll(() => checkAndDispose(c));

const memberSpec = fc.record({
  hoursBefore: fc.nat({ max: 72 }),
  name: fc.stringMatching(/^[A-Za-z]{1,5}$/),
  birthday: fc.option(
    fc.record({
      year: fc.option(fc.integer({ min: 1950, max: 2005 })),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 28 }),
    }),
  ),
  sales: fc.array(fc.record({ hoursLater: fc.nat({ max: 100 }), yuan: fc.integer({ min: 1, max: 3_000 }) }), {
    maxLength: 3,
  }),
});

type MemberSpec = typeof memberSpec extends fc.Arbitrary<infer T> ? T : never;

const dayArb = fc.integer({ min: 0, max: 150 }).map((n) => businessDay(Date.UTC(2025, 5, 1, 4) + n * DAY_MS, ZONE));
const filterArb: fc.Arbitrary<MemberListFilter> = fc.record(
  {
    tierCode: fc.constantFrom('BRONZE', 'SILVER', 'GOLD'),
    lastVisit: fc.oneof(
      fc.record({ kind: fc.constant('within' as const), days: fc.integer({ min: 1, max: 40 }) }),
      fc.record({ kind: fc.constant('notWithin' as const), days: fc.integer({ min: 1, max: 40 }) }),
      fc.tuple(dayArb, dayArb).map(([a, b]) => ({ kind: 'between' as const, from: a < b ? a : b, to: a < b ? b : a })),
    ),
    balance: fc
      .tuple(fc.option(fc.integer({ min: 0, max: 8_000 })), fc.option(fc.integer({ min: 0, max: 8_000 })))
      .map(([a, b]) =>
        a !== null && b !== null && a > b
          ? { min: b, max: a }
          : { ...(a === null ? {} : { min: a }), ...(b === null ? {} : { max: b }) },
      ),
    birthdayMonth: fc.integer({ min: 1, max: 12 }),
  },
  { requiredKeys: [] },
);
const sortArb: fc.Arbitrary<MemberListSort> = fc.record({
  by: fc.constantFrom('name', 'balance', 'lastVisit', 'joined'),
  direction: fc.constantFrom('asc', 'desc'),
});

async function addMembers(specs: MemberSpec[]): Promise<void> {
  for (const s of specs) {
    c.clock.advance(s.hoursBefore * HOUR_MS);
    phones += 1;
    const b = s.birthday;
    const two = (n: number) => String(n).padStart(2, '0');
    const birthday = b === null ? null : `${b.year === null ? '-' : String(b.year)}-${two(b.month)}-${two(b.day)}`;
    const m = await registerTestMember(c, { name: s.name, phone: `139${String(phones).padStart(8, '0')}`, birthday });
    for (const sale of s.sales) {
      c.clock.advance(sale.hoursLater * HOUR_MS);
      unwrap(
        await c.api.recordSale({
          requestId: c.ctx.ids.uuid(),
          memberId: m.id,
          lines: [{ sku: 'P', category: 'general', quantity: 1, unitPriceMinor: sale.yuan * 100 }],
        }),
      );
    }
    views.set(m.id, unwrap(await c.api.getMember({ memberId: m.id })));
  }
}

const monthOf = (birthday: string | null) => (birthday === null ? null : Number(birthday.slice(-5, -3)));

/** The test's own filter: the same words, read from the members' views. */
function holds(v: MemberView, f: MemberListFilter, now: number): boolean {
  if (f.tierCode !== undefined && v.tier?.code !== f.tierCode) return false;
  const visit = f.lastVisit;
  const last = v.lastVisitAt;
  if (visit?.kind === 'within' && (last === null || last < now - visit.days * DAY_MS)) return false;
  if (visit?.kind === 'notWithin' && last !== null && last >= now - visit.days * DAY_MS) return false;
  if (visit?.kind === 'between') {
    if (last === null) return false;
    const day = businessDay(last, ZONE);
    if (day < visit.from || day > visit.to) return false;
  }
  if (f.balance?.min !== undefined && v.balance < f.balance.min) return false;
  if (f.balance?.max !== undefined && v.balance > f.balance.max) return false;
  if (f.birthdayMonth !== undefined && monthOf(v.birthday) !== f.birthdayMonth) return false;
  return true;
}

/** Sort key; a never-visited member is lowest, as in SQLite. */
function keyOf(v: MemberView, by: MemberListSort['by']): string | number {
  if (by === 'name') return nameKey(v.name);
  if (by === 'balance') return v.balance;
  if (by === 'lastVisit') return v.lastVisitAt ?? -1;
  return v.createdAt;
}

function ordered(list: MemberView[], sort: MemberListSort): MemberView[] {
  const sign = sort.direction === 'asc' ? 1 : -1;
  const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
  return [...list].sort((a, b) => sign * (cmp(keyOf(a, sort.by), keyOf(b, sort.by)) || cmp(a.id, b.id)));
}

describe('listMembers (property)', () => {
  it('equals the test’s own filtering, sorting and paging of random members', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(memberSpec, { maxLength: 3 }),
        filterArb,
        sortArb,
        fc.integer({ min: 1, max: 100 }),
        fc.nat({ max: 4 }),
        async (specs, filter, sort, pageSize, pageNo) => {
          await addMembers(specs);
          const expected = ordered(
            [...views.values()].filter((v) => holds(v, filter, c.clock.now())),
            sort,
          );
          const page = unwrap(await c.api.listMembers({ filter, sort, page: pageNo, pageSize }));
          expect(page.total).toBe(expected.length);
          const slice = expected.slice(pageNo * pageSize, (pageNo + 1) * pageSize);
          expect(page.rows).toEqual(
            slice.map((v) => ({
              memberId: v.id,
              cardNumber: v.cardNumber,
              name: v.name,
              phoneMasked: v.phoneMasked,
              tier: v.tier === null ? null : { code: v.tier.code, name: v.tier.name },
              balance: v.balance,
              lastVisitAt: v.lastVisitAt,
              joinedAt: v.createdAt,
              birthdayMonth: monthOf(v.birthday),
            })),
          );
        },
      ),
      { numRuns: 60 },
    );
    expect(views.size).toBeGreaterThan(20);
  });

  it('refuses bad input with VALIDATION and writes nothing', async () => {
    const bad = fc.oneof(
      fc.record({ pageSize: fc.oneof(fc.integer({ min: 101 }), fc.integer({ max: 0 })) }),
      fc.record({ page: fc.integer({ max: -1 }) }),
      fc.record({ filter: fc.record({ birthdayMonth: fc.oneof(fc.integer({ min: 13 }), fc.integer({ max: 0 })) }) }),
      fc
        .tuple(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 1, max: 1000 }))
        .map(([max, gap]) => ({ filter: { balance: { min: max + gap, max } } })),
      fc.record({
        filter: fc.record({
          lastVisit: fc.record({
            kind: fc.constantFrom('within', 'notWithin'),
            days: fc.oneof(fc.integer({ max: 0 }), fc.integer({ min: 3_651 }), fc.double({ min: 0.1, max: 0.9 })),
          }),
        }),
      }),
      fc
        .tuple(dayArb, dayArb)
        .filter(([a, b]) => a !== b)
        .map(([a, b]) => ({ filter: { lastVisit: { kind: 'between', from: a > b ? a : b, to: a > b ? b : a } } })),
      fc.record({
        sort: fc.record({ by: fc.string().filter((s) => !['name', 'balance', 'lastVisit', 'joined'].includes(s)) }),
      }),
      fc.record({ filter: fc.record({ phone: fc.string() }) }),
      fc.record({
        filter: fc.record({ tierCode: fc.oneof(fc.constant(''), fc.integer(), fc.string({ minLength: 41 })) }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(bad, async (input) => {
        const before = tableCounts(c.db);
        expect(errorOf(await c.dispatch('listMembers', input)).code).toBe('VALIDATION');
        if ('filter' in input || 'sort' in input) {
          const { page: _page, pageSize: _size, ...rest } = { page: 0, pageSize: 1, ...input };
          expect(errorOf(await c.dispatch('exportMemberList', rest)).code).toBe('VALIDATION');
        }
        expect(tableCounts(c.db)).toEqual(before);
      }),
      { numRuns: 60 },
    );
  });
});

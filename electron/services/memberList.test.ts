import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelInput, MemberListPage, MemberView } from '../../shared/contract';
import { memberListColumns } from '../../shared/contract/memberListColumns';
import { MEMBER_LIST_SORTS, type MemberListFilter } from '../../shared/contract/memberList';
import { memberListQuery, memberListWhere } from './memberList';
import {
  checkAndDispose,
  errorOf,
  openTestShop,
  registerTestMember,
  tableCounts,
  unwrap,
  type TestCore,
} from './services.testkit';

const DAY_MS = 86_400_000;
/** TEST_START_MS is 2025-06-01 10:00 in Shanghai: day N below is that plus N days. */

let c: TestCore;
const ids: Record<string, string> = {};
const phones: Record<string, string> = {};

const sell = async (member: MemberView, yuan: number) =>
  unwrap(
    await c.api.recordSale({
      requestId: c.ctx.ids.uuid(),
      memberId: member.id,
      lines: [{ sku: 'SKU-1', name: 'Thing', category: 'general', quantity: 1, unitPriceMinor: yuan * 100 }],
    } satisfies ChannelInput<'recordSale'>),
  );
const join = async (name: string, phone: string, birthday: string | null) => {
  const m = await registerTestMember(c, { name, phone, birthday });
  ids[name] = m.id;
  phones[name] = phone;
  return m;
};

// Default rules: 1 point a yuan, no visit points; tiers BRONZE 0, SILVER 1,000, GOLD 5,000 points earned.
beforeAll(async () => {
  c = await openTestShop();
  const alice = await join('Alice', '13800000001', '1990-03-15'); // day 0
  await sell(alice, 50); // day 0: 50, BRONZE
  c.clock.advance(DAY_MS);
  const bob = await join('bob', '13800000002', '--03-02'); // day 1
  await sell(bob, 1_200); // day 1: 1,200, SILVER
  c.clock.advance(DAY_MS);
  await join('Carol', '13800000003', null); // day 2: never buys
  c.clock.advance(DAY_MS);
  const dave = await join('Dave', '13800000004', '1985-12-31'); // day 3
  await sell(dave, 6_000); // day 3: 6,000, GOLD
  c.clock.advance(DAY_MS);
  const eve = await join('eve', '13800000005', '2000-07-04'); // day 4
  const frank = await join('Frank', '13800000006', '1970-03-01'); // day 4, erased below
  unwrap(await c.api.eraseMember({ requestId: c.ctx.ids.uuid(), memberId: frank.id, confirm: frank.cardNumber }));
  c.clock.advance(5 * DAY_MS);
  await sell(eve, 300); // day 9: 300
  c.clock.advance(DAY_MS);
  await sell(dave, 10); // day 10: 10 × GOLD's 1.5 = 15 more, 6,015; now is day 10
});
afterAll(() => checkAndDispose(c));

const list = async (input: ChannelInput<'listMembers'>) => unwrap(await c.api.listMembers(input));
const names = (page: MemberListPage) => page.rows.map((r) => r.name);

describe('listMembers', () => {
  it('answers each row exactly: card, name, masked phone, tier, balance, last visit, joined, birthday', async () => {
    const page = await list({ filter: { tierCode: 'GOLD' } });
    const dave = unwrap(await c.api.getMember({ memberId: ids.Dave ?? '' }));
    expect(page).toEqual({
      total: 1,
      page: 0,
      pageSize: 50,
      rows: [
        {
          memberId: ids.Dave,
          cardNumber: dave.cardNumber,
          name: 'Dave',
          phoneMasked: '+86 138****0004',
          tier: { code: 'GOLD', name: '金卡 Gold' },
          balance: 6_015,
          lastVisitAt: c.clock.now(),
          joinedAt: c.clock.now() - 7 * DAY_MS,
          birthdayMonth: 12,
        },
      ],
    });
    const all = await list({});
    for (const row of all.rows) expect(row.phoneMasked).not.toContain(phones[row.name] ?? '?');
    expect(all.rows.find((r) => r.name === 'Carol')).toMatchObject({ lastVisitAt: null, birthdayMonth: null });
    expect(all.rows.find((r) => r.name === 'bob')?.birthdayMonth).toBe(3);
  });

  it('filters by tier, last visit, balance and birthday month (erased members never listed)', async () => {
    expect(names(await list({}))).toEqual(['Alice', 'bob', 'Carol', 'Dave', 'eve']);
    expect(names(await list({ filter: { tierCode: 'SILVER' } }))).toEqual(['bob']);
    expect(names(await list({ filter: { tierCode: 'BRONZE' } }))).toEqual(['Alice', 'Carol', 'eve']);
    expect(names(await list({ filter: { tierCode: 'PLATINUM' } }))).toEqual([]);
    // Within 2 days of day 10 10:00: from day 8 10:00 on.
    expect(names(await list({ filter: { lastVisit: { kind: 'within', days: 2 } } }))).toEqual(['Dave', 'eve']);
    expect(names(await list({ filter: { lastVisit: { kind: 'notWithin', days: 2 } } }))).toEqual([
      'Alice',
      'bob',
      'Carol',
    ]);
    // Exactly one day back is still within 1 day (day 9 10:00 is the bound).
    expect(names(await list({ filter: { lastVisit: { kind: 'within', days: 1 } } }))).toEqual(['Dave', 'eve']);
    const between = (from: string, to: string) => list({ filter: { lastVisit: { kind: 'between', from, to } } });
    expect(names(await between('2025-06-02', '2025-06-04'))).toEqual(['bob']);
    expect(names(await between('2025-06-01', '2025-06-01'))).toEqual(['Alice']);
    expect(names(await between('2025-06-10', '2025-06-11'))).toEqual(['Dave', 'eve']);
    expect(names(await list({ filter: { balance: { min: 100, max: 1_200 } } }))).toEqual(['bob', 'eve']);
    expect(names(await list({ filter: { balance: { max: 0 } } }))).toEqual(['Carol']);
    expect(names(await list({ filter: { balance: { min: 6_010 } } }))).toEqual(['Dave']);
    expect(names(await list({ filter: { birthdayMonth: 3 } }))).toEqual(['Alice', 'bob']);
    expect(names(await list({ filter: { birthdayMonth: 12 } }))).toEqual(['Dave']);
    expect(names(await list({ filter: { birthdayMonth: 1 } }))).toEqual([]);
    const all4 = await list({
      filter: {
        tierCode: 'BRONZE',
        balance: { min: 1 },
        birthdayMonth: 3,
        lastVisit: { kind: 'notWithin', days: 5 },
      },
    });
    expect(names(all4)).toEqual(['Alice']);
    expect(all4.total).toBe(1);
  });

  it('sorts by name, balance, last visit and joined, both ways', async () => {
    const sorted = async (by: 'name' | 'balance' | 'lastVisit' | 'joined', direction: 'asc' | 'desc') =>
      names(await list({ sort: { by, direction } }));
    expect(await sorted('name', 'desc')).toEqual(['eve', 'Dave', 'Carol', 'bob', 'Alice']);
    expect(await sorted('balance', 'desc')).toEqual(['Dave', 'bob', 'eve', 'Alice', 'Carol']);
    expect(await sorted('balance', 'asc')).toEqual(['Carol', 'Alice', 'eve', 'bob', 'Dave']);
    // Never visited sorts lowest.
    expect(await sorted('lastVisit', 'asc')).toEqual(['Carol', 'Alice', 'bob', 'eve', 'Dave']);
    expect(await sorted('lastVisit', 'desc')).toEqual(['Dave', 'eve', 'bob', 'Alice', 'Carol']);
    expect(await sorted('joined', 'desc')).toEqual(['eve', 'Dave', 'Carol', 'bob', 'Alice']);
  });

  it('pages: full, last partial and past-the-end pages keep the filter’s total', async () => {
    const paged = (page: number, pageSize: number) => list({ page, pageSize });
    expect(names(await paged(0, 2))).toEqual(['Alice', 'bob']);
    expect(names(await paged(1, 2))).toEqual(['Carol', 'Dave']);
    const last = await paged(2, 2);
    expect(names(last)).toEqual(['eve']);
    expect(last.total).toBe(5);
    const past = await paged(3, 2);
    expect(past).toEqual({ rows: [], total: 5, page: 3, pageSize: 2 });
    expect(names(await paged(0, 5))).toEqual(['Alice', 'bob', 'Carol', 'Dave', 'eve']);
    expect(names(await paged(4, 1))).toEqual(['eve']);
    expect((await list({ filter: { tierCode: 'BRONZE' }, page: 1, pageSize: 2 })).rows.map((r) => r.name)).toEqual([
      'eve',
    ]);
  });

  it('refuses bad input with VALIDATION: page too big, ranges the wrong way round, unknown fields', async () => {
    const bad = [
      { pageSize: 101 },
      { pageSize: 0 },
      { page: -1 },
      { filter: { balance: { min: 10, max: 9 } } },
      { filter: { birthdayMonth: 13 } },
      { filter: { lastVisit: { kind: 'between', from: '2025-06-05', to: '2025-06-04' } } },
      { filter: { lastVisit: { kind: 'within', days: 0 } } },
      { filter: { colour: 'red' } },
      { sort: { by: 'phone' } },
    ];
    for (const input of bad)
      expect(errorOf(await c.api.listMembers(input as ChannelInput<'listMembers'>)).code).toBe('VALIDATION');
  });
});

describe('listMembers at 1M members', () => {
  it('walks each sort’s own index for a page (no sort of the whole table) and counts a filter from an index', () => {
    const plan = (text: string, params: (string | number)[]) =>
      (c.db.$client.prepare(`EXPLAIN QUERY PLAN ${text}`).all(...params) as { detail: string }[])
        .map((r) => r.detail)
        .join('\n');
    const index = { name: 'name', balance: 'balance', lastVisit: 'visit', joined: 'joined' } as const;
    for (const by of MEMBER_LIST_SORTS)
      for (const direction of ['asc', 'desc'] as const) {
        const q = memberListQuery(c.ctx, {}, { by, direction }, 50, 1_000);
        // The page itself (the co-routine before `SCAN m`); the outer sort orders only its 50 rows.
        const page = plan(q.text, q.params).split(/\nSCAN m(?:\n|$)/)[0] ?? '';
        expect(page, `${by} ${direction}`).toContain(`USING INDEX members_list_${index[by]}_idx`);
        expect(page, `${by} ${direction}`).not.toContain('TEMP B-TREE');
      }
    const counted = (filter: MemberListFilter) => {
      const where = memberListWhere(c.ctx, filter, 'count');
      return plan(`SELECT count(*) FROM members WHERE ${where.sql}`, where.params);
    };
    expect(counted({ tierCode: 'GOLD' })).toContain('members_list_tier_idx');
    expect(counted({ birthdayMonth: 3 })).toContain('members_list_birthday_idx');
    expect(counted({})).toContain('members_list_live_idx');
  });
});

describe('exportMemberList', () => {
  it('writes the whole filter as CSV with headers in the till’s language, and audits it', async () => {
    const before = tableCounts(c.db).audit_log ?? 0;
    const answer = unwrap(await c.api.exportMemberList({ filter: { birthdayMonth: 3 }, sort: { by: 'balance' } }));
    expect(answer.rows).toBe(2);
    expect(answer.fileName).toBe('members-20250611.csv');
    expect(answer.csv.startsWith('\uFEFF')).toBe(true);
    // The shared writer keeps a spreadsheet from reading "+86 …" as a formula: a leading apostrophe.
    const rows = parse(answer.csv, { bom: true }) as string[][];
    const zh = memberListColumns['zh-CN'];
    expect(rows[0]).toEqual([
      zh.cardNumber,
      zh.name,
      zh.phone,
      zh.tier,
      zh.balance,
      zh.lastVisit,
      zh.joined,
      zh.birthdayMonth,
    ]);
    const alice = unwrap(await c.api.getMember({ memberId: ids.Alice ?? '' }));
    expect(rows.slice(1)).toEqual([
      [alice.cardNumber, 'Alice', "'+86 138****0001", '铜卡 Bronze', '50', '2025-06-01', '2025-06-01', '3'],
      [expect.any(String), 'bob', "'+86 138****0002", '银卡 Silver', '1200', '2025-06-02', '2025-06-02', '3'],
    ]);
    expect(tableCounts(c.db).audit_log).toBe(before + 1);

    unwrap(await c.api.setLocale({ locale: 'en' }));
    const all = unwrap(await c.api.exportMemberList({}));
    const en = parse(all.csv, { bom: true }) as string[][];
    expect(en[0]?.[0]).toBe(memberListColumns.en.cardNumber);
    expect(en.slice(1).map((r) => r[1])).toEqual(['Alice', 'bob', 'Carol', 'Dave', 'eve']);
    unwrap(await c.api.setLocale({ locale: 'zh-CN' }));
  });

  it('refuses a bad filter and writes nothing', async () => {
    const before = tableCounts(c.db);
    const input = { filter: { balance: { min: 5, max: 1 } } };
    expect(errorOf(await c.api.exportMemberList(input)).code).toBe('VALIDATION');
    expect(tableCounts(c.db)).toEqual(before);
  });
});

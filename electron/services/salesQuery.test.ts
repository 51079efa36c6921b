import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelInput, MemberView, SaleReceipt } from '../../shared/contract';
import { SalesPage, type SalesFilter } from '../../shared/contract/salesQuery';
import { salesCsvHeaders } from '../../shared/contract/salesCsvText';
import { salesQuerySamples } from '../../build/scripts/bench/salesQueryBench';
import { salesWhere } from './salesFilter';
import {
  checkAndDispose,
  errorOf,
  openTestShop,
  registerTestMember,
  tableCounts,
  TEST_MANAGER,
  unwrap,
  type TestCore,
} from './services.testkit';

// A hand-computed set of five sales over three business days (TEST_START_MS is 2025-06-01 10:00 in
// Shanghai), by two staff, two members and none, one of them refunded; each filter's answer written out.

const DAY_MS = 86_400_000;
const D1 = '2025-06-01';
const D2 = '2025-06-02';
const D3 = '2025-06-03';
const ALL: SalesFilter = { fromDay: D1, toDay: D3 };

let c: TestCore;
let a: MemberView;
let b: MemberView;
let managerId: string;
let annId: string;
const s: SaleReceipt[] = [];

const signInAs = async (staffId: string, pin: string) => unwrap(await c.api.signIn({ staffId, pin }));
const sell = async (memberId: string | null, unitPriceMinor: number) => {
  c.clock.advance(60_000);
  const receipt = unwrap(
    await c.api.recordSale({
      requestId: c.ctx.ids.uuid(),
      memberId,
      lines: [{ sku: 'TEA', name: 'Tea', quantity: 1, unitPriceMinor }],
    } satisfies ChannelInput<'recordSale'>),
  );
  s.push(receipt);
  return receipt;
};
const find = async (filter: SalesFilter, more: Partial<ChannelInput<'findSales'>> = {}) =>
  SalesPage.parse(unwrap(await c.api.findSales({ filter, ...more })));
const ids = (page: SalesPage) => page.rows.map((r) => r.saleId);
/** The sales by their order of making: s1 … s5. */
const sale = (n: number) => {
  const receipt = s[n - 1];
  if (!receipt) throw new Error(`no sale ${n}`);
  return receipt.saleId;
};

beforeAll(async () => {
  c = await openTestShop();
  managerId = unwrap(await c.api.listStaff({})).find((x) => x.role === 'manager')?.staffId ?? '';
  annId = unwrap(await c.api.addStaff({ name: 'Ann', role: 'cashier', pin: '1357' })).staffId;
  a = await registerTestMember(c, { name: 'Amy', phone: '13800138001' });
  b = await registerTestMember(c, { name: 'Bob', phone: '13800138002' });
  await sell(a.id, 3_000); // s1, D1, manager
  await signInAs(annId, '1357');
  await sell(null, 5_000); // s2, D1, Ann
  c.clock.advance(DAY_MS);
  await sell(b.id, 12_000); // s3, D2, Ann
  await signInAs(managerId, TEST_MANAGER.pin);
  await sell(a.id, 8_000); // s4, D2, manager, refunded whole
  c.clock.advance(60_000);
  unwrap(await c.api.refundSale({ requestId: c.ctx.ids.uuid(), saleId: sale(4), lines: [{ lineNo: 1, quantity: 1 }] }));
  c.clock.advance(DAY_MS);
  await sell(null, 1_000); // s5, D3, manager
});
afterAll(() => checkAndDispose(c));

describe('findSales', () => {
  it('answers every sale of the range newest first, its rows and the whole filter’s totals', async () => {
    const page = await find(ALL);
    expect(ids(page)).toEqual([sale(5), sale(4), sale(3), sale(2), sale(1)]);
    expect(page.totals).toEqual({ count: 5, amountMinor: 29_000, refundedMinor: 8_000 });
    expect(page.next).toBeNull();
    expect(page).toMatchObject({ currency: 'CNY', fromDay: D1, toDay: D3 });
    // Today (D3 by the till's clock) when the days are left out; from defaults to to.
    expect(ids(await find({}))).toEqual([sale(5)]);
    expect(await find({ toDay: D2 })).toMatchObject({ fromDay: D2, toDay: D2, totals: { count: 2 } });
    const s4 = page.rows[1];
    expect(s4).toEqual({
      saleId: sale(4),
      createdAt: s[3]?.createdAt,
      businessDay: D2,
      memberId: a.id,
      memberName: 'Amy',
      cardMasked: `**** ${a.cardNumber.slice(-4)}`,
      staffId: managerId,
      cashierName: TEST_MANAGER.name,
      totalMinor: 8_000,
      pointsEarned: s[3]?.pointsEarned,
      pointsSpent: 0,
      refundedMinor: 8_000,
    });
    expect(page.rows[3]).toMatchObject({ memberId: null, memberName: null, cardMasked: null, cashierName: 'Ann' });
  });

  it('pages by the last row: 2 + 2 + 1, the totals the same on each page; an exact page has no next', async () => {
    const p1 = await find(ALL, { pageSize: 2 });
    expect(ids(p1)).toEqual([sale(5), sale(4)]);
    expect(p1.next).toEqual({ businessDay: D2, createdAt: s[3]?.createdAt, saleId: sale(4) });
    const p2 = await find(ALL, { pageSize: 2, after: p1.next ?? undefined });
    expect(ids(p2)).toEqual([sale(3), sale(2)]);
    const p3 = await find(ALL, { pageSize: 2, after: p2.next ?? undefined });
    expect(ids(p3)).toEqual([sale(1)]);
    expect(p3.next).toBeNull();
    for (const p of [p1, p2, p3]) expect(p.totals).toEqual({ count: 5, amountMinor: 29_000, refundedMinor: 8_000 });
    expect((await find(ALL, { pageSize: 5 })).next).toBeNull();
    expect((await find(ALL, { pageSize: 4 })).next).not.toBeNull();
  });

  it('filters by member (card, phone or id), day range, amount range, cashier and refunds', async () => {
    expect(ids(await find({ ...ALL, member: a.cardNumber }))).toEqual([sale(4), sale(1)]);
    expect(ids(await find({ ...ALL, member: '138 0013 8001' }))).toEqual([sale(4), sale(1)]);
    expect(ids(await find({ ...ALL, member: b.id }))).toEqual([sale(3)]);
    expect(ids(await find({ fromDay: D2, toDay: D2 }))).toEqual([sale(4), sale(3)]);
    expect(ids(await find({ fromDay: D3, toDay: D3 }))).toEqual([sale(5)]);
    // Both ends count.
    const range = await find({ ...ALL, minTotalMinor: 5_000, maxTotalMinor: 12_000 });
    expect(ids(range)).toEqual([sale(4), sale(3), sale(2)]);
    expect(range.totals).toEqual({ count: 3, amountMinor: 25_000, refundedMinor: 8_000 });
    expect(ids(await find({ ...ALL, staffId: annId }))).toEqual([sale(3), sale(2)]);
    expect(ids(await find({ ...ALL, refunded: true }))).toEqual([sale(4)]);
    const kept = await find({ ...ALL, refunded: false });
    expect(ids(kept)).toEqual([sale(5), sale(3), sale(2), sale(1)]);
    expect(kept.totals).toEqual({ count: 4, amountMinor: 21_000, refundedMinor: 0 });
    const mix = await find({ ...ALL, member: a.cardNumber, refunded: false, maxTotalMinor: 3_000, staffId: managerId });
    expect(ids(mix)).toEqual([sale(1)]);
    expect((await find({ fromDay: '2025-05-01', toDay: '2025-05-31' })).totals).toEqual({
      count: 0,
      amountMinor: 0,
      refundedMinor: 0,
    });
  });

  it('refuses bad filters with a typed error and writes nothing', async () => {
    const before = tableCounts(c.db);
    const issue = async (input: unknown) => {
      const e = errorOf(await c.dispatch('findSales', input));
      return { code: e.code, message: (e.details.issues as { message: string }[] | undefined)?.[0]?.message };
    };
    expect(await issue({ filter: { fromDay: D3, toDay: D1 } })).toEqual({
      code: 'VALIDATION',
      message: 'sales_days_order',
    });
    expect(await issue({ filter: { fromDay: '2024-05-31', toDay: '2025-06-01' } })).toEqual({
      code: 'VALIDATION',
      message: 'sales_days_too_long',
    });
    expect(await issue({ filter: { ...ALL, minTotalMinor: 2, maxTotalMinor: 1 } })).toEqual({
      code: 'VALIDATION',
      message: 'sales_amounts_order',
    });
    expect(await issue({ filter: { ...ALL, member: 'someone' } })).toEqual({
      code: 'VALIDATION',
      message: 'sales_member_format',
    });
    expect(await issue({ filter: { fromDay: '2025-06-04' } })).toEqual({
      code: 'VALIDATION',
      message: 'sales_days_order',
    });
    expect((await issue({ filter: ALL, pageSize: 101 })).code).toBe('VALIDATION');
    expect((await issue({ filter: { ...ALL, extra: 1 } })).code).toBe('VALIDATION');
    expect((await issue({ filter: { ...ALL, member: '13900000000' } })).code).toBe('NOT_FOUND');
    const badDigit = `${a.cardNumber.slice(0, 15)}${(Number(a.cardNumber.slice(15)) + 1) % 10}`;
    expect((await issue({ filter: { ...ALL, member: badDigit } })).code).toBe('BAD_CHECK_DIGIT');
    expect((await issue({ filter: { ...ALL, member: '00000000-0000-4000-8000-000000000000' } })).code).toBe(
      'NOT_FOUND',
    );
    expect(tableCounts(c.db)).toEqual(before);
  });
});

describe('the query’s plan', () => {
  it('walks the day range in sales_query_idx newest first (no sort), the totals from the index alone', () => {
    const filter = { fromDay: D1, toDay: D3, staffId: annId, minTotalMinor: 1, refunded: false, memberId: null };
    const w = salesWhere(filter, {
      businessDay: D2,
      createdAt: 1,
      saleId: sale(3),
    });
    const plan = (sql: string) =>
      (c.db.$client.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...w.params) as { detail: string }[])
        .map((r) => r.detail)
        .join('\n');
    const page = plan(
      `SELECT s.id FROM sales AS s INDEXED BY ${w.index} WHERE ${w.where}
       ORDER BY s.business_day DESC, s.created_at DESC, s.id DESC LIMIT 20`,
    );
    expect(page).toMatch(/USING (COVERING )?INDEX sales_query_idx/);
    expect(page).not.toContain('TEMP B-TREE');
    expect(
      plan(`SELECT count(*), sum(s.total_minor) FROM sales AS s INDEXED BY ${w.index} WHERE ${w.where}`),
    ).toContain('USING COVERING INDEX sales_query_idx');
  });
});

describe('the bench’s consumption-query samples', () => {
  it('run on this till through the contract (the bench itself is not run here)', () => {
    const samples = salesQuerySamples(c, [D3, D2]);
    expect(samples.month).toHaveLength(6);
    expect(samples.year).toBeGreaterThanOrEqual(0);
  });
});

describe('exportSales', () => {
  it('writes every row of the filter as CSV with the BOM, headers in the till’s language', async () => {
    const file = unwrap(await c.api.exportSales({ filter: { ...ALL, refunded: false } }));
    expect(file.csv.startsWith('\uFEFF')).toBe(true);
    expect(file.rows).toBe(4);
    const rows = parse(file.csv, { bom: true }) as string[][];
    expect(rows[0]).toEqual(Object.values(salesCsvHeaders['zh-CN']));
    expect(rows.slice(1).map((r) => r[3])).toEqual([sale(5), sale(3), sale(2), sale(1)]);
    expect(rows[2]).toEqual([
      '2025-06-02 10:03:00',
      D2,
      sale(3).slice(0, 8).toUpperCase(),
      sale(3),
      'Bob',
      `**** ${b.cardNumber.slice(-4)}`,
      'Ann',
      '120.00',
      String(s[2]?.pointsEarned),
      '0',
      '0.00',
      'CNY',
    ]);
    unwrap(await c.api.setLocale({ locale: 'en' }));
    const en = parse(unwrap(await c.api.exportSales({ filter: ALL })).csv, { bom: true }) as string[][];
    expect(en[0]).toEqual(Object.values(salesCsvHeaders.en));
    expect(en).toHaveLength(6);
    unwrap(await c.api.setLocale({ locale: 'zh-CN' }));
  });
});

describe('saleDetail and reprintReceipt', () => {
  it('shows the receipt as printed, the cashier and the refunds; a reprint is the same receipt, audited', async () => {
    const original = s[3];
    if (!original) throw new Error('no s4');
    const detail = unwrap(await c.api.saleDetail({ saleId: sale(4) }));
    expect(detail.cashierName).toBe(TEST_MANAGER.name);
    expect(detail.refundedMinor).toBe(8_000);
    expect(detail.refunds).toEqual([
      expect.objectContaining({ amountMinor: 8_000, lines: [{ lineNo: 1, quantity: 1 }] }),
    ]);
    const kept = {
      ...original,
      maxPointsSpendable: 0,
      tierAfter: null,
      nextTier: null,
      pointsToNextTier: null,
      tierUpgrade: null,
      expiringSoon: null,
    };
    const { birthdayBonus: _none, ...printed } = kept;
    expect(detail.receipt).toEqual(printed);
    const before = c.db.$client.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'sale.receipt_reprinted'");
    expect(before.get()).toEqual({ n: 0 });
    expect(unwrap(await c.api.reprintReceipt({ saleId: sale(4) }))).toEqual(detail.receipt);
    expect(
      c.db.$client
        .prepare("SELECT staff_id AS staffId, subject FROM audit_log WHERE action = 'sale.receipt_reprinted'")
        .all(),
    ).toEqual([{ staffId: managerId, subject: sale(4) }]);
    expect(errorOf(await c.api.saleDetail({ saleId: '00000000-0000-4000-8000-000000000000' })).code).toBe('NOT_FOUND');
  });

  it('is a manager’s: a cashier is refused the query, the detail and the reprint', async () => {
    await signInAs(annId, '1357');
    for (const [channel, input] of [
      ['findSales', { filter: ALL }],
      ['exportSales', { filter: ALL }],
      ['saleDetail', { saleId: sale(1) }],
      ['reprintReceipt', { saleId: sale(1) }],
    ] as const)
      expect(errorOf(await c.dispatch(channel, input)).code).toMatch(/MANAGER|NOT_ALLOWED|UNAUTHORIZED/);
    await signInAs(managerId, TEST_MANAGER.pin);
  });
});

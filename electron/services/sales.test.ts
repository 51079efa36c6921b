import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelInput, MemberView } from '../../shared/contract';
import { SaleRecord } from '../../shared/sync/records';
import { ruleVersions } from '../../db/schema';
import {
  checkAndDispose,
  errorOf,
  openTestShop,
  registerTestMember,
  tableCounts,
  unwrap,
  type TestCore,
} from './services.testkit';
import { businessDay } from './businessDay';

let c: TestCore;
let member: MemberView;
beforeEach(async () => {
  c = await openTestShop();
  member = await registerTestMember(c, { name: '王芳', phone: '13912345678' });
});
afterEach(() => checkAndDispose(c));

const lines = (minor: number, category = 'general') => [
  { sku: 'SKU-1', name: 'Thing', category, quantity: 1, unitPriceMinor: minor },
];
const sale = (over: Partial<ChannelInput<'recordSale'>> = {}): ChannelInput<'recordSale'> => ({
  requestId: c.ctx.ids.uuid(),
  memberId: member.id,
  lines: lines(12_800),
  ...over,
});
const balanceOf = async (id = member.id) => unwrap(await c.api.getMember({ memberId: id })).balance;

describe('previewSale and recordSale', () => {
  it('records exactly what the preview showed', async () => {
    unwrap(await c.api.recordSale(sale({ lines: lines(50_000) })));
    const input = sale({
      lines: [...lines(9_990), { sku: 'B', name: 'Bread', category: 'bakery', quantity: 3, unitPriceMinor: 1_250 }],
      pointsToSpend: 150,
    });
    const { requestId: _r, ...previewInput } = input;
    // The receipt has every figure of the quote; the spend limits are for the points field only.
    const { spendLimits: _limits, ...preview } = unwrap(await c.api.previewSale(previewInput));
    const before = tableCounts(c.db);
    unwrap(await c.api.previewSale(previewInput));
    expect(tableCounts(c.db)).toEqual(before);
    const receipt = unwrap(await c.api.recordSale(input));
    const {
      saleId: _s,
      memberId,
      memberName,
      cardNumber,
      lines: receiptLines,
      createdAt,
      shopName,
      terminalName,
      currency,
      expiringSoon: _expiring,
      ...quote
    } = receipt;
    expect(quote).toEqual(preview);
    expect({ memberId, memberName, cardNumber, createdAt, shopName, terminalName, currency }).toEqual({
      memberId: member.id,
      memberName: '王芳',
      cardNumber: member.cardNumber,
      createdAt: c.clock.now(),
      shopName: 'Shop One',
      terminalName: 'Till 1',
      currency: 'CNY',
    });
    expect(receiptLines.map((l) => l.lineTotalMinor)).toEqual([9_990, 3_750]);
    expect(receipt.subtotalMinor).toBe(13_740);
    expect(receipt.pointsSpent).toBe(150);
    expect(receipt.discountMinor).toBe(150);
    expect(receipt.totalMinor).toBe(13_590);
    expect(receipt.balanceAfter).toBe(500 - 150 + receipt.pointsEarned);
    expect(await balanceOf()).toBe(receipt.balanceAfter);
  });

  it('writes the sale, lines, spend and earn ledger rows and one outbox record matching SaleRecord', async () => {
    unwrap(await c.api.recordSale(sale({ lines: lines(30_000) })));
    const r = unwrap(await c.api.recordSale(sale({ pointsToSpend: 100 })));
    const ledger = c.db.$client
      .prepare(
        'SELECT kind, delta, balance_after AS after, rule_version AS v, sale_id AS saleId ' +
          'FROM points_ledger WHERE sale_id = ? ORDER BY rowid',
      )
      .all(r.saleId);
    expect(ledger).toEqual([
      { kind: 'spend', delta: -100, after: 200, v: 1, saleId: r.saleId },
      { kind: 'earn', delta: r.pointsEarned, after: 200 + r.pointsEarned, v: 1, saleId: r.saleId },
    ]);
    const row = c.db.$client
      .prepare("SELECT payload_json AS p FROM outbox WHERE record_type = 'sale' AND record_id = ?")
      .get(r.saleId) as { p: string };
    const record = SaleRecord.parse(JSON.parse(row.p));
    expect(record).toMatchObject({
      id: r.saleId,
      memberId: member.id,
      pointsSpent: 100,
      pointsEarned: r.pointsEarned,
      businessDay: '2025-06-01',
      currency: 'CNY',
    });
    expect(record.ledger.map((l) => l.delta)).toEqual([-100, r.pointsEarned]);
    expect(record.lines).toHaveLength(1);
    expect(unwrap(await c.api.getMember({ memberId: member.id }))).toMatchObject({
      visits: 2,
      lastVisitAt: c.clock.now(),
    });
  });

  it('records an anonymous sale that earns nothing and touches no member', async () => {
    const r = unwrap(await c.api.recordSale(sale({ memberId: null })));
    expect(r).toMatchObject({
      memberId: null,
      cardNumber: null,
      pointsEarned: 0,
      balanceBefore: null,
      balanceAfter: null,
      tierAfter: null,
    });
    expect(tableCounts(c.db).points_ledger).toBe(0);
    expect(errorOf(await c.api.recordSale(sale({ memberId: null, pointsToSpend: 10 })))).toMatchObject({
      code: 'VALIDATION',
      details: { field: 'pointsToSpend' },
    });
  });

  it('refuses spending more points than the balance, and an unknown member, writing nothing', async () => {
    unwrap(await c.api.recordSale(sale()));
    const before = tableCounts(c.db);
    expect(errorOf(await c.api.recordSale(sale({ pointsToSpend: 129 })))).toEqual({
      code: 'INSUFFICIENT_POINTS',
      details: { balance: 128, requested: 129 },
    });
    expect(errorOf(await c.api.previewSale({ memberId: member.id, lines: lines(100), pointsToSpend: 129 })).code).toBe(
      'INSUFFICIENT_POINTS',
    );
    expect(errorOf(await c.api.recordSale(sale({ memberId: c.ctx.ids.uuid() }))).code).toBe('NOT_FOUND');
    expect(tableCounts(c.db)).toEqual(before);
  });

  it('refuses a sale whose lines add up past the absurd-amount guard', async () => {
    const big = Array.from({ length: 3 }, (_, i) => ({ sku: `S${i}`, quantity: 9_999, unitPriceMinor: 100_000_000 }));
    expect(errorOf(await c.api.previewSale({ memberId: null, lines: big }))).toMatchObject({
      code: 'VALIDATION',
      details: { reason: 'sale_too_large' },
    });
  });

  it('raises the tier at the sale crossing the threshold; the next sale earns at the new multiplier', async () => {
    const r1 = unwrap(await c.api.recordSale(sale({ lines: lines(99_900) })));
    expect(r1.tierAfter?.code).toBe('BRONZE');
    expect(r1.pointsToNextTier).toBe(1);
    const r2 = unwrap(await c.api.recordSale(sale({ lines: lines(100) })));
    expect(r2.tierAfter?.code).toBe('SILVER');
    expect(r2.pointsEarned).toBe(1); // earned at Bronze: the crossing sale itself is not multiplied
    expect(unwrap(await c.api.getMember({ memberId: member.id })).tier?.code).toBe('SILVER');
    const r3 = unwrap(await c.api.recordSale(sale({ lines: lines(10_000) })));
    expect(r3.pointsEarned).toBe(120);
  });

  it('names the rule version in force and uses a newer version once it is effective', async () => {
    const r1 = unwrap(await c.api.recordSale(sale()));
    expect(r1.ruleVersion).toBe(1);
    const rules = {
      version: 2,
      base: { kind: 'perAmount', ratio: { points: 2, perMinor: 100 } },
      redemption: { pointsPerUnit: 100, unitValueMinor: 100 },
    };
    c.db
      .insert(ruleVersions)
      .values({
        version: 2,
        rulesJson: JSON.stringify(rules),
        effectiveFrom: c.clock.now() + 1000,
        source: 'headoffice',
        createdAt: c.clock.now(),
      })
      .run();
    expect(unwrap(await c.api.recordSale(sale())).ruleVersion).toBe(1);
    c.clock.advance(1000);
    const r3 = unwrap(await c.api.recordSale(sale()));
    expect(r3).toMatchObject({ ruleVersion: 2, pointsEarned: 256 });
    expect(unwrap(await c.api.getStatus({})).ruleVersion).toBe(2);
  });

  it('dates the sale by the shop-local day', async () => {
    c.clock.set(Date.UTC(2025, 5, 1, 16, 30)); // 00:30 on 2 June in Shanghai
    const r = unwrap(await c.api.recordSale(sale()));
    expect(c.db.$client.prepare('SELECT business_day AS d FROM sales WHERE id = ?').get(r.saleId)).toEqual({
      d: '2025-06-02',
    });
    expect(businessDay(Date.UTC(2025, 5, 1, 16, 30), 'UTC')).toBe('2025-06-01');
    expect(businessDay(Date.UTC(2025, 0, 1, 4, 0), 'America/New_York')).toBe('2024-12-31');
  });
});

describe('one transaction', () => {
  it('leaves no sale, line, ledger or outbox row and the balance unchanged when the outbox write fails', async () => {
    unwrap(await c.api.recordSale(sale()));
    const before = tableCounts(c.db);
    const balance = await balanceOf();
    c.db.$client.exec(
      "CREATE TRIGGER fail_outbox BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'disk on fire'); END",
    );
    expect(errorOf(await c.api.recordSale(sale({ pointsToSpend: 100 }))).code).toBe('INTERNAL');
    expect(errorOf(await c.api.recordSale(sale({ memberId: null }))).code).toBe('INTERNAL');
    expect(tableCounts(c.db)).toEqual(before);
    expect(await balanceOf()).toBe(balance);
    c.db.$client.exec('DROP TRIGGER fail_outbox');
    unwrap(await c.api.recordSale(sale()));
  });

  it('rolls back when a ledger write fails after the sale row was written', async () => {
    unwrap(await c.api.recordSale(sale()));
    const before = tableCounts(c.db);
    c.db.$client.exec(
      "CREATE TRIGGER fail_ledger BEFORE INSERT ON points_ledger WHEN NEW.kind = 'earn' " +
        "BEGIN SELECT RAISE(ABORT, 'nope'); END",
    );
    expect(errorOf(await c.api.recordSale(sale({ pointsToSpend: 100 }))).code).toBe('INTERNAL');
    expect(tableCounts(c.db)).toEqual(before);
    c.db.$client.exec('DROP TRIGGER fail_ledger');
  });
});

describe('idempotency', () => {
  it('stores a repeated request once and answers with the first receipt', async () => {
    const input = sale({ pointsToSpend: 0 });
    const first = unwrap(await c.api.recordSale(input));
    c.clock.advance(5_000);
    const again = unwrap(await c.api.recordSale(input));
    expect(again).toEqual(first);
    expect(tableCounts(c.db)).toMatchObject({ sales: 1, requests: 2 });
  });

  it('refuses the same request id with a different payload', async () => {
    const input = sale();
    unwrap(await c.api.recordSale(input));
    const before = tableCounts(c.db);
    expect(errorOf(await c.api.recordSale({ ...input, lines: lines(999) })).code).toBe('REQUEST_REUSED');
    expect(errorOf(await c.api.replaceCard({ requestId: input.requestId, memberId: member.id })).code).toBe(
      'REQUEST_REUSED',
    );
    expect(tableCounts(c.db)).toEqual(before);
  });

  it('does not remember a refused request, so it can be retried once fixed', async () => {
    const input = sale({ pointsToSpend: 50 });
    expect(errorOf(await c.api.recordSale(input)).code).toBe('INSUFFICIENT_POINTS');
    unwrap(await c.api.recordSale(sale({ lines: lines(10_000) })));
    expect(unwrap(await c.api.recordSale(input)).pointsSpent).toBe(50);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendOutbox, setOutboxChecks } from '../core/outbox';
import { assertOutboxGapFree, errorOf, openTestCore, unwrap, type TestCore } from './services.testkit';

// Text head office cannot store (and would quarantine): refused at the till before anything is written.
const NUL = String.fromCharCode(0);
const LONE = String.fromCharCode(0xd800);
const bad = [`A${NUL}B`, `A${LONE}B`, String.fromCharCode(0xdc00)];

let c: TestCore;
beforeEach(async () => {
  c = openTestCore();
  unwrap(await c.api.setupDemoShop({}));
});
afterEach(() => c.dispose());

const issues = (details: Record<string, unknown> | undefined) => details?.issues as { path: string; message: string }[];

describe('text head office cannot store', () => {
  it('is refused in every text field of a sale line with VALIDATION, and nothing is written', async () => {
    const before = assertOutboxGapFree(c.db);
    const lines = () => (c.db.$client.prepare('SELECT count(*) AS n FROM sale_lines').get() as { n: number }).n;
    const linesBefore = lines();
    for (const text of bad) {
      for (const field of ['sku', 'name', 'category'] as const) {
        const line = { sku: 'A1', name: 'Tea', category: 'drinks', quantity: 1, unitPriceMinor: 100, [field]: text };
        const error = errorOf(await c.api.recordSale({ requestId: c.ctx.ids.uuid(), memberId: null, lines: [line] }));
        expect(error.code).toBe('VALIDATION');
        expect(issues(error.details)).toContainEqual({ path: `lines.0.${field}`, message: 'text_unstorable' });
      }
    }
    expect(assertOutboxGapFree(c.db)).toBe(before);
    expect(lines()).toBe(linesBefore);
  });

  it('is refused in a member name (registration and edit) and in the shop set-up', async () => {
    const member = unwrap(
      await c.api.registerMember({ requestId: c.ctx.ids.uuid(), name: 'Li', phone: '13311112222' }),
    );
    const before = assertOutboxGapFree(c.db);
    expect(
      errorOf(await c.api.registerMember({ requestId: c.ctx.ids.uuid(), name: `Li${LONE}`, phone: '13311113333' }))
        .code,
    ).toBe('VALIDATION');
    expect(errorOf(await c.api.updateMember({ memberId: member.id, name: `Wang${LONE}` })).code).toBe('VALIDATION');
    expect(assertOutboxGapFree(c.db)).toBe(before);
    const fresh = openTestCore();
    try {
      const shop = { shopId: 'shop-1', shopName: `Shop${LONE}`, terminalName: 'T1', terminalCode: '90001' };
      expect(issues(errorOf(await fresh.api.configureShop(shop)).details)).toContainEqual({
        path: 'shopName',
        message: 'text_unstorable',
      });
    } finally {
      fresh.dispose();
    }
  });

  it("is refused by the outbox itself, against head office's record schema, in both check modes", () => {
    for (const mode of ['schema', 'structural'] as const) {
      setOutboxChecks(c.db, mode);
      const before = assertOutboxGapFree(c.db);
      const record = {
        id: c.ctx.ids.uuid(),
        memberId: null,
        cardNumber: null,
        subtotalMinor: 100,
        discountMinor: 0,
        totalMinor: 100,
        pointsEarned: 0,
        pointsSpent: 0,
        ruleVersion: 1,
        currency: 'CNY',
        businessDay: '2025-06-01',
        createdAt: 1,
        ledger: [],
        lines: [
          {
            lineNo: 1,
            sku: 'A',
            name: `x${NUL}`,
            category: 'c',
            quantity: 1,
            unitPriceMinor: 100,
            lineTotalMinor: 100,
            points: 0,
          },
        ],
      };
      let thrown: unknown = null;
      try {
        c.db.transaction(() => appendOutbox(c.ctx, 'sale', record.id, record));
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toMatchObject({
        code: 'VALIDATION',
        details: { issues: [{ path: 'lines.0.name', message: 'text_unstorable' }] },
      });
      expect(assertOutboxGapFree(c.db)).toBe(before);
    }
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendOutbox, setOutboxChecks } from './outbox';
import {
  assertLedgerConsistent,
  assertOutboxGapFree,
  errorOf,
  openTestCore,
  unwrap,
  type TestCore,
} from '../services/services.testkit';

let c: TestCore;
beforeEach(async () => {
  c = openTestCore();
  unwrap(await c.api.setupDemoShop({}));
});
afterEach(() => {
  assertLedgerConsistent(c.db);
  c.dispose();
});

describe('outbox sequence', () => {
  it('stays gap-free across mixed operations, including refused and rolled-back ones', async () => {
    const start = assertOutboxGapFree(c.db);
    const m = unwrap(await c.api.registerMember({ requestId: c.ctx.ids.uuid(), name: 'Mix', phone: '13311112222' }));
    unwrap(
      await c.api.recordSale({
        requestId: c.ctx.ids.uuid(),
        memberId: m.id,
        lines: [{ sku: 'A', quantity: 2, unitPriceMinor: 50_000 }],
      }),
    );
    errorOf(
      await c.api.recordSale({
        requestId: c.ctx.ids.uuid(),
        memberId: m.id,
        lines: [{ sku: 'A', quantity: 1, unitPriceMinor: 100 }],
        pointsToSpend: 999_999,
      }),
    );
    c.db.$client.exec("CREATE TRIGGER boom BEFORE INSERT ON sale_lines BEGIN SELECT RAISE(ABORT, 'boom'); END");
    errorOf(
      await c.api.recordSale({
        requestId: c.ctx.ids.uuid(),
        memberId: null,
        lines: [{ sku: 'A', quantity: 1, unitPriceMinor: 100 }],
      }),
    );
    c.db.$client.exec('DROP TRIGGER boom');
    unwrap(await c.api.updateMember({ memberId: m.id, name: 'Mixed' }));
    const rewards = unwrap(await c.api.listRewards({}));
    unwrap(await c.api.redeemReward({ requestId: c.ctx.ids.uuid(), memberId: m.id, rewardId: rewards[0]?.id ?? '' }));
    unwrap(await c.api.blockCard({ cardNumber: m.cardNumber, reason: 'blocked' }));
    unwrap(await c.api.replaceCard({ requestId: c.ctx.ids.uuid(), memberId: m.id }));
    unwrap(
      await c.api.recordSale({
        requestId: c.ctx.ids.uuid(),
        memberId: null,
        lines: [{ sku: 'B', quantity: 1, unitPriceMinor: 100 }],
      }),
    );
    const types = (
      c.db.$client.prepare('SELECT record_type AS t FROM outbox WHERE seq > ? ORDER BY seq').all(start) as {
        t: string;
      }[]
    ).map((r) => r.t);
    // The block and the new card each queue their audit row after their card records (the lost card stays lost).
    expect(types).toEqual(['member', 'sale', 'member_update', 'redemption', 'card', 'audit', 'card', 'audit', 'sale']);
    expect(assertOutboxGapFree(c.db)).toBe(start + 9);
    expect(unwrap(await c.api.getStatus({})).outboxPending).toBe(start + 9);
    c.db.$client.exec('UPDATE outbox SET acked_at = 1 WHERE seq <= 3');
    expect(unwrap(await c.api.getStatus({})).outboxPending).toBe(start + 6);
  });
});

describe('appendOutbox', () => {
  it('refuses a payload head office would refuse, and a write outside a transaction', () => {
    expect(() =>
      c.db.transaction(() =>
        appendOutbox(c.ctx, 'card', 'x', { number: '123', memberId: 'nope', status: 'active', at: -1 }),
      ),
    ).toThrow(/payload is invalid/);
    expect(() =>
      appendOutbox(c.ctx, 'card', 'x', {
        number: '1234567890123456',
        memberId: c.ctx.ids.uuid(),
        status: 'lost',
        at: 1,
      }),
    ).toThrow(/inside the transaction/);
    assertOutboxGapFree(c.db);
  });
});

describe('appendOutbox in the packaged product (output validation off: structural checks)', () => {
  it('still refuses a missing field or a number that is not an integer, and stores a good record', () => {
    setOutboxChecks(c.db, 'structural');
    const memberId = c.ctx.ids.uuid();
    const append = (payload: Parameters<typeof appendOutbox<'card'>>[3]) =>
      c.db.transaction(() => appendOutbox(c.ctx, 'card', 'x', payload));
    expect(() => append({ number: '1234567890123456', memberId, status: 'lost', at: Number.NaN })).toThrow(
      /payload is invalid: payload.at is NaN/,
    );
    expect(() => append({ number: '1234567890123456', memberId, status: 'lost', at: 1.5 })).toThrow(/not an integer/);
    expect(() =>
      append({ number: '1234567890123456', memberId: undefined as unknown as string, status: 'lost', at: 1 }),
    ).toThrow(/memberId is missing/);
    const before = assertOutboxGapFree(c.db);
    append({ number: '1234567890123456', memberId, status: 'lost', at: 1 });
    expect(assertOutboxGapFree(c.db)).toBe(before + 1);
  });
});

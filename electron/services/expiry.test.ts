import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MemberView } from '../../shared/contract';
import { expiryRowId } from '../../shared/domain/expiryId';
import { ExpiryRecord } from '../../shared/sync/records';
import { sweepExpiryOncePerDay } from './expiry';
import { useExpiryPolicy } from './expiry.testkit';
import {
  checkAndDispose,
  errorOf,
  openTestShop,
  registerTestMember,
  tableCounts,
  unwrap,
  type TestCore,
} from './services.testkit';

const DAY = 86_400_000;
const sha1 = (b: Uint8Array): Uint8Array => createHash('sha1').update(b).digest();

let c: TestCore;
let member: MemberView;
beforeEach(async () => {
  c = await openTestShop('demo');
  member = await registerTestMember(c, { name: 'Lots', phone: '17755120001' });
});
afterEach(() => checkAndDispose(c));

const buy = async (minor: number, pointsToSpend = 0) =>
  c.api.recordSale({
    requestId: c.ctx.ids.uuid(),
    memberId: member.id,
    lines: [{ sku: 'G', category: 'grocery', quantity: 1, unitPriceMinor: minor }],
    pointsToSpend,
  });
const view = async (): Promise<MemberView> => unwrap(await c.api.getMember({ memberId: member.id }));
const ledger = () =>
  c.db.$client
    .prepare(
      `SELECT id, kind, delta, expires_at AS expiresAt, lot_id AS lotId
       FROM points_ledger WHERE member_id = ? ORDER BY rowid`,
    )
    .all(member.id) as { id: string; kind: string; delta: number; expiresAt: number | null; lotId: string | null }[];

describe('points expiry at the terminal', () => {
  it('keeps today’s behaviour under the default policy: lots never expire', async () => {
    unwrap(await buy(10_000));
    c.clock.advance(3_000 * DAY);
    const v = await view();
    expect(v.balance).toBeGreaterThan(0);
    expect(v.expiringSoon).toBeNull();
    expect(ledger().every((r) => r.expiresAt === null)).toBe(true);
  });

  it('a lot keeps the expiry of its policy, shows as expiring soon, then expires once', async () => {
    useExpiryPolicy(c.ctx, { kind: 'rollingMonths', months: 1 });
    const receipt = unwrap(await buy(10_000));
    const earned = receipt.pointsEarned; // 100 for the amount, and the demo's visit points
    expect(earned).toBeGreaterThanOrEqual(100);
    const [lot] = ledger();
    expect(lot?.expiresAt).toBe(Date.parse('2025-07-01T16:00:00Z')); // end of 1 July in Shanghai
    // A later policy moves no lot already earned.
    useExpiryPolicy(c.ctx, { kind: 'endOfYear', yearsAfter: 5 });
    expect(ledger()[0]?.expiresAt).toBe(lot?.expiresAt);

    c.clock.advance(10 * DAY);
    expect((await view()).expiringSoon).toEqual({ points: earned, at: lot?.expiresAt });
    // The sale's receipt says it too.
    const second = unwrap(await buy(100));
    expect(second.expiringSoon).toEqual({ points: earned, at: lot?.expiresAt });

    c.clock.set((lot?.expiresAt ?? 0) + 1);
    const after = await view();
    expect(after.balance).toBe(second.pointsEarned); // the second sale's lot, earned under the 5-year policy
    expect(after.expiringSoon).toBeNull();
    const expiry = ledger().filter((r) => r.kind === 'expire');
    expect(expiry).toEqual([
      {
        id: expiryRowId(member.id, lot?.id ?? '', sha1),
        kind: 'expire',
        delta: -earned,
        expiresAt: null,
        lotId: lot?.id,
      },
    ]);
    const records = c.db.$client
      .prepare("SELECT payload_json AS json FROM outbox WHERE record_type = 'expiry'")
      .all() as { json: string }[];
    expect(records).toHaveLength(1);
    expect(ExpiryRecord.parse(JSON.parse(records[0]?.json ?? '{}')).ledger.map((r) => r.id)).toEqual([expiry[0]?.id]);
    // Looked at again: nothing more is written.
    const before = tableCounts(c.db);
    await view();
    expect(tableCounts(c.db)).toEqual(before);
  });

  it('expired points cannot be spent: not as a discount, not on a reward', async () => {
    useExpiryPolicy(c.ctx, { kind: 'endOfMonth', monthsAfter: 1 });
    unwrap(await buy(500_000)); // 5,000 points, expiring at the end of July
    c.clock.set(Date.parse('2025-08-01T00:00:00Z')); // already 1 August in Shanghai
    // No lookup first: the sale itself expires the lot before it spends.
    const refused = errorOf(await buy(10_000, 1_000));
    expect(refused.code).toBe('INSUFFICIENT_POINTS');
    const rewards = unwrap(await c.api.listRewards({ includeInactive: false }));
    const cheapest = rewards[0];
    if (!cheapest) throw new Error('the demo shop has rewards');
    const refusedReward = errorOf(
      await c.api.redeemReward({
        requestId: c.ctx.ids.uuid(),
        memberId: member.id,
        rewardId: cheapest.id,
        quantity: 1,
      }),
    );
    expect(refusedReward.code).toBe('INSUFFICIENT_POINTS');
    expect((await view()).balance).toBe(0);
    expect(ledger().filter((r) => r.kind === 'expire')).toHaveLength(1);
  });

  it('spends the soonest-expiring lot first', async () => {
    useExpiryPolicy(c.ctx, { kind: 'rollingMonths', months: 6 });
    const december = unwrap(await buy(30_000)).pointsEarned;
    c.clock.advance(40 * DAY);
    useExpiryPolicy(c.ctx, { kind: 'rollingMonths', months: 1 });
    const august = unwrap(await buy(20_000)).pointsEarned; // expires sooner
    const spender = unwrap(await buy(1_000, 200)); // takes 200 from the August lot
    c.clock.advance(35 * DAY);
    const v = await view();
    const expired = ledger().filter((r) => r.kind === 'expire');
    // What expired: the rest of the August lot and the spending sale's own lot; December's is whole.
    expect(expired.map((r) => -r.delta).sort((a, b) => a - b)).toEqual(
      [august - 200, spender.pointsEarned].sort((a, b) => a - b),
    );
    expect(v.balance).toBe(december);
  });

  it('the business-day sweep expires due lots of members nobody looked up, once a day', async () => {
    useExpiryPolicy(c.ctx, { kind: 'rollingMonths', months: 1 });
    const earned = unwrap(await buy(10_000)).pointsEarned;
    c.clock.advance(40 * DAY);
    expect(sweepExpiryOncePerDay(c.ctx)).toBe(1);
    expect(
      ledger()
        .filter((r) => r.kind === 'expire')
        .map((r) => r.delta),
    ).toEqual([-earned]);
    expect(sweepExpiryOncePerDay(c.ctx)).toBe(0); // the same day: nothing more to do
    c.clock.advance(DAY);
    expect(sweepExpiryOncePerDay(c.ctx)).toBe(0); // a new day, but nothing due
    expect(ledger().filter((r) => r.kind === 'expire')).toHaveLength(1);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelInput, MemberView } from '../../shared/contract';
import { isSameInput, PRUNE_BATCH, REQUEST_MEMORY_MS } from './idempotency';
import {
  checkAndDispose,
  errorOf,
  openTestShop,
  registerTestMember,
  tableCounts,
  unwrap,
  type TestCore,
} from '../services/services.testkit';

let c: TestCore;
let member: MemberView;
beforeEach(async () => {
  c = await openTestShop();
  member = await registerTestMember(c, { name: 'Li Lei', phone: '13912345678' });
});
afterEach(() => checkAndDispose(c));

const HOUR = 3_600_000;
const sale = (): ChannelInput<'recordSale'> => ({
  requestId: c.ctx.ids.uuid(),
  memberId: member.id,
  lines: [{ sku: 'SKU-1', name: 'Thing', quantity: 1, unitPriceMinor: 1_000 }],
});
const requestIds = (): string[] =>
  c.db.$client.prepare('SELECT request_id FROM requests ORDER BY rowid').pluck().all() as string[];

describe('the idempotency memory', () => {
  it('answers a repeat within the week with the first receipt, and forgets requests older than a week', async () => {
    const old = sale();
    const first = unwrap(await c.api.recordSale(old));
    c.clock.advance(REQUEST_MEMORY_MS - HOUR);
    expect(unwrap(await c.api.recordSale(old))).toEqual(first);
    expect(tableCounts(c.db)).toMatchObject({ sales: 1 });

    c.clock.advance(2 * HOUR);
    const recent = sale();
    unwrap(await c.api.recordSale(recent));
    // The registration and the first sale are past the window now; the new sale is not.
    expect(requestIds()).toEqual([recent.requestId]);
    expect(unwrap(await c.api.recordSale(recent)).saleId).not.toBe(first.saleId);
    expect(tableCounts(c.db)).toMatchObject({ sales: 2, requests: 1 });
  });

  it('prunes a backlog in bounded batches, one per call, without touching recent rows', async () => {
    // Rows from a till that ran for months before this version: older, so first in rowid order.
    const insert = c.db.$client.prepare(
      'INSERT INTO requests (rowid, request_id, channel, input_json, result_json, created_at) ' +
        "VALUES (?, ?, 'recordSale', 'h', '{}', ?)",
    );
    const backlog = PRUNE_BATCH * 2 + 5;
    c.db.$client.transaction(() => {
      for (let i = 0; i < backlog; i += 1)
        insert.run(i - backlog, `old-${i}`, c.clock.now() - REQUEST_MEMORY_MS - HOUR);
    })();
    const count = (): number => c.db.$client.prepare('SELECT count(*) FROM requests').pluck().get() as number;
    const before = count();
    // The registration pruned (nothing) a moment ago: the next pass is due an hour later.
    unwrap(await c.api.recordSale(sale()));
    expect(count()).toBe(before + 1);
    c.clock.advance(HOUR);
    unwrap(await c.api.recordSale(sale()));
    expect(count()).toBe(before + 2 - PRUNE_BATCH);
    unwrap(await c.api.recordSale(sale()));
    unwrap(await c.api.recordSale(sale()));
    // Only the registration (made at the start, within the window) and the four sales remain.
    expect(requestIds().filter((id) => id.startsWith('old-'))).toEqual([]);
    expect(count()).toBe(5);
  });

  it('keeps the input JSON whole and answers a repeat from it', async () => {
    const input = sale();
    const first = unwrap(await c.api.recordSale(input));
    const stored = c.db.$client
      .prepare('SELECT input_json FROM requests WHERE request_id = ?')
      .pluck()
      .get(input.requestId) as string;
    const { requestId: _id, ...rest } = input;
    expect(JSON.parse(stored)).toEqual({ ...rest, lines: [{ ...rest.lines[0], category: '' }], pointsToSpend: 0 });
    expect(unwrap(await c.api.recordSale(input))).toEqual(first);
    const other = { ...input, lines: [{ ...input.lines[0], sku: 'SKU-1', quantity: 2, unitPriceMinor: 1_000 }] };
    expect(errorOf(await c.api.recordSale(other)).code).toBe('REQUEST_REUSED');
    expect(tableCounts(c.db)).toMatchObject({ sales: 1 });
  });

  it('compares inputs exactly: the same text, nothing else', () => {
    const text = '{"memberId":null,"lines":[]}';
    expect(isSameInput(text, text)).toBe(true);
    expect(isSameInput(text, `${text} `)).toBe(false);
    expect(isSameInput(text, '{"memberId":null,"lines":[{}]}')).toBe(false);
  });
});

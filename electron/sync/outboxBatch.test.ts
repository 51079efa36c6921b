import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PushRecord } from '../../shared/sync/protocol';
import { openTestCore, unwrap, type TestCore } from '../services/services.testkit';
import { readBatchText } from './outboxBatch';

let c: TestCore;
beforeEach(async () => {
  c = openTestCore();
  unwrap(await c.api.setupDemoShop({}));
});
afterEach(() => c.dispose());

/** Puts rows straight into the outbox after what the demo shop wrote, returning the first new seq. */
function appendRaw(texts: string[]): number {
  const sqlite = c.db.$client;
  const start = (sqlite.prepare('SELECT coalesce(max(seq), 0) AS s FROM outbox').get() as { s: number }).s + 1;
  const insert = sqlite.prepare(
    'INSERT INTO outbox (seq, record_id, record_type, payload_json, created_at, acked_at) ' +
      "VALUES (?, ?, 'sale', ?, 0, NULL)",
  );
  texts.forEach((t, i) => insert.run(start + i, `r-${start + i}`, t));
  return start;
}

describe('readBatchText: the outbox as a push batch (protocol version 2)', () => {
  it('sends each stored payload text as a string, byte for byte, and counts the bytes as they go on the wire', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.string({ unit: 'grapheme', maxLength: 40 }).map((s) => JSON.stringify({ name: s, q: '"\\' })),
          { minLength: 1, maxLength: 30 },
        ),
        fc.integer({ min: 50, max: 3_000 }),
        (texts, maxBytes) => {
          const from = appendRaw(texts);
          const batch = readBatchText(c.db, from, 1_000, maxBytes);
          const records = PushRecord.array().parse(JSON.parse(batch.json));
          expect(records.length).toBe(batch.count);
          expect(records.map((r) => r.payload)).toEqual(texts.slice(0, records.length));
          expect(records.map((r) => r.seq)).toEqual(records.map((_, i) => from + i));
          // At least one record always goes; more only while their escaped texts fit the bound.
          expect(records.length).toBeGreaterThanOrEqual(1);
          const wire = records.reduce((sum, r) => sum + Buffer.byteLength(JSON.stringify(r.payload), 'utf8'), 0);
          if (records.length > 1) expect(wire).toBeLessThanOrEqual(maxBytes);
          c.db.$client.prepare('DELETE FROM outbox WHERE seq >= ?').run(from);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('sends a record too large for head office as a {tooLarge} marker: it is quarantined, the queue moves on', () => {
    const from = appendRaw([JSON.stringify({ pad: 'x'.repeat(70_000) }), '{"small":1}']);
    const records = PushRecord.array().parse(JSON.parse(readBatchText(c.db, from, 10, 60_000).json));
    expect(records.map((r) => JSON.parse(r.payload))).toEqual([{ tooLarge: 70_010 }, { small: 1 }]);
  });
});

import { and, count, isNull, lte, min } from 'drizzle-orm';
import type { TerminalDb } from '../../db/open';
import { outbox } from '../../db/schema';
import { perDb } from '../platform/transactions';
import { MAX_BATCH_BYTES, MAX_BATCH_RECORDS, MAX_RECORD_BYTES } from '../../shared/sync/protocol';

/** A batch as the JSON text of its records array, built around the stored payload texts. */
export interface BatchText {
  /** `[{"seq":…,"recordId":…,"type":…,"payload":"<payload_json as stored, as a JSON string>"}, …]` */
  json: string;
  count: number;
  oldestAt: number | null;
}

const rowsFrom = perDb((db: TerminalDb) =>
  db.$client.prepare<
    [number, number],
    { seq: number; record_id: string; record_type: string; payload_json: string; created_at: number }
  >('SELECT seq, record_id, record_type, payload_json, created_at FROM outbox WHERE seq >= ? ORDER BY seq LIMIT ?'),
);

/**
 * The next batch to push, in seq order from `fromSeq` (the first unacknowledged seq, or the
 * start of a gap head office asked for), consecutive, bounded by count and bytes. No payload
 * is parsed: the outbox keeps each as the JSON text its service wrote, and that text is sent as
 * a string (protocol version 2), which head office stores as is. The byte bound counts the text
 * as it goes on the wire (quotes escaped), so a full batch stays within head office's body limit.
 * A record too large on its own is still sent alone, as `{tooLarge}`: head office quarantines
 * it, so it cannot block the queue.
 */
export function readBatchText(
  db: TerminalDb,
  fromSeq: number,
  maxRecords = MAX_BATCH_RECORDS,
  maxBytes = MAX_BATCH_BYTES,
): BatchText {
  const rows = rowsFrom(db).all(fromSeq, maxRecords);
  const parts: string[] = [];
  let bytes = 0;
  let expected = rows[0]?.seq ?? 0;
  for (const row of rows) {
    const size = Buffer.byteLength(row.payload_json, 'utf8');
    const payload = JSON.stringify(size > MAX_RECORD_BYTES ? JSON.stringify({ tooLarge: size }) : row.payload_json);
    const wireSize = Buffer.byteLength(payload, 'utf8');
    if (parts.length > 0 && bytes + wireSize > maxBytes) break;
    if (row.seq !== expected) break; // never send a hole: the batch must be consecutive
    parts.push(
      `{"seq":${row.seq},"recordId":${JSON.stringify(row.record_id)},` +
        `"type":${JSON.stringify(row.record_type)},"payload":${payload}}`,
    );
    bytes += wireSize;
    expected++;
  }
  return { json: `[${parts.join(',')}]`, count: parts.length, oldestAt: rows[0]?.created_at ?? null };
}

/** The first seq head office has not acknowledged, or null when everything is acknowledged. */
export function firstPendingSeq(db: TerminalDb): number | null {
  return (
    db
      .select({ seq: min(outbox.seq) })
      .from(outbox)
      .where(isNull(outbox.ackedAt))
      .get()?.seq ?? null
  );
}

export function pendingCount(db: TerminalDb): number {
  return db.select({ n: count() }).from(outbox).where(isNull(outbox.ackedAt)).get()?.n ?? 0;
}

/** Marks every record up to `throughSeq` acknowledged (head office stores them all). */
export function markAcked(db: TerminalDb, throughSeq: number, now: number): void {
  db.update(outbox)
    .set({ ackedAt: now })
    .where(and(lte(outbox.seq, throughSeq), isNull(outbox.ackedAt)))
    .run();
}

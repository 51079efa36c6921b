import { and, asc, count, gte, isNull, lte, min } from 'drizzle-orm';
import type { TerminalDb } from '../../db/open';
import { outbox } from '../../db/schema';
import { MAX_BATCH_BYTES, MAX_BATCH_RECORDS, MAX_RECORD_BYTES, type PushRecord } from '../../shared/sync/protocol';

export interface Batch {
  records: PushRecord[];
  /** createdAt of the batch's first record (for head office's lag view). */
  oldestAt: number | null;
}

/**
 * The next batch to push, in seq order from `fromSeq` (the first unacknowledged seq, or the
 * start of a gap head office asked for), bounded by count and bytes. A record too large on
 * its own is still sent alone: head office quarantines it, so it cannot block the queue.
 */
export function readBatch(db: TerminalDb, fromSeq: number, maxRecords = MAX_BATCH_RECORDS, maxBytes = MAX_BATCH_BYTES): Batch {
  const rows = db.select().from(outbox).where(gte(outbox.seq, fromSeq)).orderBy(asc(outbox.seq)).limit(maxRecords).all();
  const records: PushRecord[] = [];
  let bytes = 0;
  for (const row of rows) {
    const size = Buffer.byteLength(row.payloadJson, 'utf8');
    if (records.length > 0 && bytes + size > maxBytes) break;
    const expected = (records[records.length - 1]?.seq ?? row.seq - 1) + 1;
    if (row.seq !== expected) break; // never send a hole: the batch must be consecutive
    const payload: unknown = size > MAX_RECORD_BYTES ? { tooLarge: size } : JSON.parse(row.payloadJson);
    records.push({ seq: row.seq, recordId: row.recordId, type: row.recordType, payload });
    bytes += size;
  }
  return { records, oldestAt: rows[0]?.createdAt ?? null };
}

/** The first seq head office has not acknowledged, or null when everything is acknowledged. */
export function firstPendingSeq(db: TerminalDb): number | null {
  return db.select({ seq: min(outbox.seq) }).from(outbox).where(isNull(outbox.ackedAt)).get()?.seq ?? null;
}

export function pendingCount(db: TerminalDb): number {
  return db.select({ n: count() }).from(outbox).where(isNull(outbox.ackedAt)).get()?.n ?? 0;
}

/** Marks every record up to `throughSeq` acknowledged (head office stores them all). */
export function markAcked(db: TerminalDb, throughSeq: number, now: number): void {
  db.update(outbox).set({ ackedAt: now }).where(and(lte(outbox.seq, throughSeq), isNull(outbox.ackedAt))).run();
}

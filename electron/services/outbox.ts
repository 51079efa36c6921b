import { sql } from 'drizzle-orm';
import { SyncRecordBody, type RecordType } from '../../shared/sync/records';
import { outbox } from '../../db/schema';
import type { TerminalDb } from '../../db/open';
import type { Clock } from '../core/sources';
import { perDb } from './prepared';

export type RecordPayload<T extends RecordType> = Extract<SyncRecordBody, { type: T }>['payload'];

const statements = perDb((db) => ({
  // seq = max + 1 inside the writer's transaction: SQLite has one writer at a time and outbox
  // rows are never deleted (acknowledged rows only get acked_at), so the sequence is gap-free.
  // seq is the rowid, so max(seq) is a single b-tree seek.
  insert: db
    .insert(outbox)
    .values({
      seq: sql`(SELECT coalesce(max(${outbox.seq}), 0) + 1 FROM ${outbox})`,
      recordId: sql.placeholder('recordId'),
      recordType: sql.placeholder('recordType'),
      payloadJson: sql.placeholder('payloadJson'),
      createdAt: sql.placeholder('createdAt'),
    })
    .returning({ seq: outbox.seq })
    .prepare(),
}));

/**
 * Appends one record for head office, inside the caller's transaction (so the record exists
 * exactly when the business rows it describes do). The payload is checked against the sync
 * schema first: a record head office would refuse must fail the local transaction instead of
 * blocking the queue later. Returns the sequence number given.
 */
export function appendOutbox<T extends RecordType>(
  db: TerminalDb,
  clock: Clock,
  recordType: T,
  recordId: string,
  payload: RecordPayload<T>,
): number {
  if (!db.$client.inTransaction) throw new Error(`appendOutbox(${recordType}) must run inside the transaction that writes the record`);
  const checked = SyncRecordBody.safeParse({ type: recordType, payload });
  if (!checked.success) {
    throw new Error(`outbox ${recordType} ${recordId} payload is invalid: ${JSON.stringify(checked.error.issues)}`);
  }
  const row = statements(db).insert.get({
    recordId,
    recordType,
    payloadJson: JSON.stringify(checked.data.payload),
    createdAt: clock.now(),
  });
  if (!row) throw new Error('outbox insert returned no row');
  return row.seq;
}

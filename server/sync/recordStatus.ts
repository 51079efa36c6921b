import { asc, eq } from 'drizzle-orm';
import type { HoDb } from '../store/connect';
import { records, terminals } from '../store/schema';

/** Where a stored record is: waiting for the deriver, applied to the projections, or quarantined. */
export type RecordStatus = 'pending' | 'applied' | 'quarantined';

/**
 * A record's status from its stored status and its terminal's derived_seq. The deriver marks
 * only the records it quarantines; a 'received' record at or below derived_seq was applied
 * (rewriting every row to say so would cost as much as storing it, see schema.ts).
 */
export function recordStatus(stored: string, seq: number, derivedSeq: number): RecordStatus {
  if (stored === 'quarantined') return 'quarantined';
  return seq <= derivedSeq ? 'applied' : 'pending';
}

/** A terminal's stored records in seq order, each with its status (for IT, tests and checks). */
export async function recordStatuses(
  db: HoDb,
  terminalId: string,
): Promise<{ seq: number; recordId: string; status: RecordStatus }[]> {
  const [term] = await db
    .select({ derivedSeq: terminals.derivedSeq })
    .from(terminals)
    .where(eq(terminals.id, terminalId));
  const rows = await db
    .select({ seq: records.seq, recordId: records.recordId, status: records.status })
    .from(records)
    .where(eq(records.terminalId, terminalId))
    .orderBy(asc(records.seq));
  return rows.map((r) => ({
    seq: r.seq,
    recordId: r.recordId,
    status: recordStatus(r.status, r.seq, term?.derivedSeq ?? 0),
  }));
}

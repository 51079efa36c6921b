import { and, eq, isNull, sql } from 'drizzle-orm';
import type { PushRequest, PushResponse } from '../../shared/sync/protocol';
import { SyncRecordBody } from '../../shared/sync/records';
import type { HoDb } from '../store/connect';
import { quarantine, terminals } from '../store/schema';
import { HoError } from '../http/errors';
import type { Clock } from '../sources';
import { insertRows } from './jsonInsert';
import { firstDifferingRepeat, prepareRecords, storeRecords } from './recordStore';

export interface AuthedTerminal {
  id: string;
  shopId: string;
}

async function recordConflict(db: HoDb, t: AuthedTerminal, r: PushRequest['records'][number], detail: string, now: number): Promise<void> {
  const [already] = await db
    .select({ id: quarantine.id })
    .from(quarantine)
    .where(and(eq(quarantine.terminalId, t.id), eq(quarantine.seq, r.seq), eq(quarantine.reason, 'payload_conflict'), isNull(quarantine.resolvedAt)));
  if (already) return;
  await db.insert(quarantine).values({ terminalId: t.id, seq: r.seq, recordId: r.recordId, type: r.type, payload: r.payload ?? null, reason: 'payload_conflict', detail, receivedAt: now });
}

/** Namespace of the per-terminal advisory locks of a push (the second key is hashtext(terminal id)). */
export const PUSH_LOCK_NAMESPACE = 7_302_114;

/** A record whose payload does not match its type's schema: quarantined at once, never derived. */
function schemaProblem(r: PushRequest['records'][number]): string | null {
  const parsed = SyncRecordBody.safeParse({ type: r.type, payload: r.payload });
  return parsed.success ? null : parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ').slice(0, 500);
}

/**
 * Stores one batch in ONE transaction under the terminal's advisory lock, so two pushes of the
 * same terminal — two windows, two processes, two server instances — run one after the other,
 * while different terminals never wait for each other. (terminal, seq) is the exactly-once key:
 * an exact repeat is skipped, a repeat with another payload refuses the whole batch, a batch that
 * starts past the high-water mark gets the missing range back, and a record whose payload fails
 * its schema is quarantined. The batch is only APPENDED to the record log (ho_records) and
 * acknowledged; sales, ledger, members and the pull feed are derived from the log behind it
 * (server/sync/deriver.ts), so `applied` in the answer counts records stored for derivation.
 */
export async function pushBatch(db: HoDb, clock: Clock, t: AuthedTerminal, sent: PushRequest): Promise<PushResponse> {
  const { records: storableRecords, texts } = prepareRecords(sent.records);
  const req: PushRequest = { ...sent, records: storableRecords };
  let conflict: { record: PushRequest['records'][number]; detail: string } | null = null;
  const result = await db.transaction(async (tx) => {
    const now = clock.now();
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${PUSH_LOCK_NAMESPACE}, hashtext(${t.id}))`);
    const [row] = await tx.select({ status: terminals.status, ackedSeq: terminals.ackedSeq }).from(terminals).where(eq(terminals.id, t.id));
    if (!row || row.status !== 'active') throw new HoError('REVOKED', 'This terminal has been revoked by head office.');
    const high = row.ackedSeq;
    const seen = { lastSeenAt: now, ...(req.pending === undefined ? {} : { reportedPending: req.pending }) };
    const first = req.records[0];
    if (!first) {
      await tx.update(terminals).set({ ...seen, oldestPendingAt: null }).where(eq(terminals.id, t.id));
      return { status: 'ok', ackedThrough: high, applied: 0, duplicates: 0, quarantined: [] } satisfies PushResponse;
    }
    if (first.seq > high + 1) {
      await tx.update(terminals).set(seen).where(eq(terminals.id, t.id));
      return { status: 'gap', ackedThrough: high, missingFrom: high + 1, missingTo: first.seq - 1 } satisfies PushResponse;
    }
    // Records are consecutive from `first`, so the repeats are a prefix of the batch.
    const repeatCount = Math.max(0, Math.min(req.records.length, high - first.seq + 1));
    const repeats = req.records.slice(0, repeatCount);
    const differing = await firstDifferingRepeat(tx, t.id, repeats, texts.slice(0, repeatCount));
    const r = differing === null ? undefined : repeats.find((x) => x.seq === differing);
    if (r) {
      conflict = { record: r, detail: `seq ${r.seq} was stored with a different payload` };
      throw new HoError('PAYLOAD_CONFLICT', `Record ${r.seq} repeats a stored sequence number with a different payload; nothing was applied.`, { seq: r.seq, recordId: r.recordId, ackedThrough: high });
    }
    const fresh = req.records.slice(repeatCount);
    const quarantined: { seq: number; recordId: string; reason: string }[] = [];
    const quarantineRows: (typeof quarantine.$inferInsert)[] = [];
    for (const rec of fresh) {
      const problem = schemaProblem(rec);
      if (problem === null) continue;
      quarantined.push({ seq: rec.seq, recordId: rec.recordId, reason: `invalid_payload: ${problem}` });
      quarantineRows.push({ terminalId: t.id, seq: rec.seq, recordId: rec.recordId, type: rec.type, payload: rec.payload ?? null, reason: 'invalid_payload', detail: problem, receivedAt: now });
    }
    const invalid = new Set(quarantined.map((q) => q.seq));
    await insertRows(tx, quarantine, quarantineRows);
    await storeRecords(tx, t.id, fresh, texts.slice(repeatCount), (seq) => (invalid.has(seq) ? 'quarantined' : 'received'), now);
    const last = req.records[req.records.length - 1]?.seq ?? high;
    const ackedThrough = Math.max(high, last);
    await tx.update(terminals).set({ ...seen, ackedSeq: ackedThrough, lastPushAt: now }).where(eq(terminals.id, t.id));
    return { status: 'ok', ackedThrough, applied: fresh.length - quarantined.length, duplicates: repeatCount, quarantined } satisfies PushResponse;
  }).catch(async (error: unknown) => {
    // The refusal is final for this batch; the conflicting payload is kept for IT (never overwritten).
    const c: { record: PushRequest['records'][number]; detail: string } | null = conflict;
    if (c) await recordConflict(db, t, c.record, c.detail, clock.now());
    throw error;
  });
  return result;
}

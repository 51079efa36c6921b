import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { PushRequest, PushResponse, QuarantinedRecord } from '../../shared/sync/protocol';
import type { CopyConnection, HoDb, WithCopyConnection } from '../store/connect';
import { quarantine, terminals } from '../store/schema';
import { HoError } from '../http/errors';
import type { Clock } from '../sources';
import { firstDifferingRepeat, prepareRecords, quarantinedPayload, storeRecords } from './recordStore';

export interface AuthedTerminal {
  id: string;
  shopId: string;
}

async function recordConflict(
  db: HoDb,
  t: AuthedTerminal,
  r: PushRequest['records'][number],
  text: string,
  detail: string,
  now: number,
): Promise<void> {
  const [already] = await db
    .select({ id: quarantine.id })
    .from(quarantine)
    .where(
      and(
        eq(quarantine.terminalId, t.id),
        eq(quarantine.seq, r.seq),
        eq(quarantine.reason, 'payload_conflict'),
        isNull(quarantine.resolvedAt),
      ),
    );
  if (already) return;
  await db.insert(quarantine).values({
    terminalId: t.id,
    seq: r.seq,
    recordId: r.recordId,
    type: r.type,
    payload: quarantinedPayload(text),
    reason: 'payload_conflict',
    detail,
    receivedAt: now,
  });
}

/** A repeat whose payload differs from the stored one, with the text it was sent with (kept for IT). */
interface Conflict {
  record: PushRequest['records'][number];
  text: string;
  detail: string;
}

/** Namespace of the per-terminal advisory locks of a push (the second key is hashtext(terminal id)). */
export const PUSH_LOCK_NAMESPACE = 7_302_114;

/**
 * This terminal's records quarantined while being derived (a payload its type's schema
 * rejects, or one that could not be applied) that it has not been told of yet: marked told, in
 * the push's transaction, so each reaches the terminal's sync issues exactly once — on the
 * push after its derivation (every sync ends with an empty push, so that comes soon).
 */
async function untoldQuarantine(tx: HoDb, terminalId: string, now: number): Promise<QuarantinedRecord[]> {
  const rows = await tx
    .update(quarantine)
    .set({ reportedAt: now })
    .where(
      and(
        eq(quarantine.terminalId, terminalId),
        isNull(quarantine.reportedAt),
        inArray(quarantine.reason, ['invalid_payload', 'apply_failed', 'unstorable_text']),
      ),
    )
    .returning({
      seq: quarantine.seq,
      recordId: quarantine.recordId,
      reason: quarantine.reason,
      detail: quarantine.detail,
    });
  return rows
    .sort((a, b) => a.seq - b.seq)
    .map((r) => ({ seq: r.seq, recordId: r.recordId, reason: `${r.reason}: ${r.detail}` }));
}

/**
 * Stores one batch in ONE transaction under the terminal's advisory lock, so two pushes of the
 * same terminal — two windows, two processes, two server instances — run one after the other,
 * while different terminals never wait for each other. (terminal, seq) is the exactly-once key:
 * an exact repeat is skipped, a repeat with another payload refuses the whole batch, and a batch
 * that starts past the high-water mark gets the missing range back. The batch is only APPENDED
 * to the record log (ho_records) and acknowledged; sales, ledger, members and the pull feed are
 * derived from the log behind it (server/sync/deriver.ts), which also checks each payload
 * against its type's schema — so `applied` in the answer counts records stored for derivation,
 * and `quarantined` lists the records derivation refused since the terminal was last told.
 * `withCopy` (PostgreSQL server): the transaction runs on a connection that can COPY.
 */
export async function pushBatch(
  db: HoDb,
  clock: Clock,
  t: AuthedTerminal,
  req: PushRequest,
  how: { withCopy?: WithCopyConnection | undefined } = {},
): Promise<PushResponse> {
  const { withCopy } = how;
  const texts = prepareRecords(req.records);
  let conflict: Conflict | null = null;
  const store = (tx: HoDb, copyIn: CopyConnection['copyIn'] | null): Promise<PushResponse> =>
    storeBatch(tx, copyIn, clock, t, req, texts, (found) => {
      conflict = found;
    });
  const stored = withCopy
    ? withCopy((connection) => connection.db.transaction((tx) => store(tx, connection.copyIn)))
    : db.transaction((tx) => store(tx, null));
  return stored.catch(async (error: unknown) => {
    // The refusal is final for this batch; the conflicting payload is kept for IT (never overwritten).
    const c: Conflict | null = conflict;
    if (c) await recordConflict(db, t, c.record, c.text, c.detail, clock.now());
    throw error;
  });
}

async function storeBatch(
  tx: HoDb,
  copyIn: CopyConnection['copyIn'] | null,
  clock: Clock,
  t: AuthedTerminal,
  req: PushRequest,
  texts: string[],
  onConflict: (found: Conflict) => void,
): Promise<PushResponse> {
  const now = clock.now();
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${PUSH_LOCK_NAMESPACE}, hashtext(${t.id}))`);
  const [row] = await tx
    .select({ status: terminals.status, ackedSeq: terminals.ackedSeq })
    .from(terminals)
    .where(eq(terminals.id, t.id));
  if (!row || row.status !== 'active') throw new HoError('REVOKED', 'This terminal has been revoked by head office.');
  const high = row.ackedSeq;
  const seen = { lastSeenAt: now, ...(req.pending === undefined ? {} : { reportedPending: req.pending }) };
  const first = req.records[0];
  if (!first) {
    await tx
      .update(terminals)
      .set({ ...seen, oldestPendingAt: null })
      .where(eq(terminals.id, t.id));
    return {
      status: 'ok',
      ackedThrough: high,
      applied: 0,
      duplicates: 0,
      quarantined: await untoldQuarantine(tx, t.id, now),
    } satisfies PushResponse;
  }
  if (first.seq > high + 1) {
    await tx.update(terminals).set(seen).where(eq(terminals.id, t.id));
    return {
      status: 'gap',
      ackedThrough: high,
      missingFrom: high + 1,
      missingTo: first.seq - 1,
    } satisfies PushResponse;
  }
  // Records are consecutive from `first`, so the repeats are a prefix of the batch.
  const repeatCount = Math.max(0, Math.min(req.records.length, high - first.seq + 1));
  const repeats = req.records.slice(0, repeatCount);
  const differing = await firstDifferingRepeat(tx, t.id, repeats, texts.slice(0, repeatCount));
  const at = differing === null ? -1 : repeats.findIndex((x) => x.seq === differing);
  const r = repeats[at];
  if (r) {
    onConflict({ record: r, text: texts[at] ?? '', detail: `seq ${r.seq} was stored with a different payload` });
    throw new HoError(
      'PAYLOAD_CONFLICT',
      `Record ${r.seq} repeats a stored sequence number with a different payload; nothing was applied.`,
      { seq: r.seq, recordId: r.recordId, ackedThrough: high },
    );
  }
  const fresh = req.records.slice(repeatCount);
  await storeRecords(tx, copyIn, t.id, fresh, texts.slice(repeatCount), now);
  const last = req.records[req.records.length - 1]?.seq ?? high;
  const ackedThrough = Math.max(high, last);
  await tx
    .update(terminals)
    .set({ ...seen, ackedSeq: ackedThrough, lastPushAt: now })
    .where(eq(terminals.id, t.id));
  return {
    status: 'ok',
    ackedThrough,
    applied: fresh.length,
    duplicates: repeatCount,
    quarantined: await untoldQuarantine(tx, t.id, now),
  } satisfies PushResponse;
}

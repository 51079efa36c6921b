import { and, eq, isNull, sql } from 'drizzle-orm';
import type { PushRequest, PushResponse } from '../../shared/sync/protocol';
import type { HoDb } from '../store/connect';
import { balanceFlags, ledger, quarantine, terminals } from '../store/schema';
import { HoError } from '../http/errors';
import type { Clock } from '../sources';
import { applyRecord, RecordRejected, type Applied } from './applyRecord';
import { applyBatchInBulk, type Outcome } from './bulkApply';
import { appendFeed } from './feed';
import { idList, insertRows } from './jsonInsert';
import { firstDifferingRepeat, prepareRecords, storeRecords } from './recordStore';

export interface AuthedTerminal {
  id: string;
  shopId: string;
}

/** PostgreSQL refusals that belong to the record (constraint, bad data), not to the server. */
function isDataError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^(22|23)/.test(code)) return true;
  }
  return false;
}

/**
 * Opens a flag for a member whose global balance went below zero, and resolves an open flag
 * once earnings brought it back. Only members who spent, or who earned while flagged, can
 * change state, so a batch of plain earnings costs one indexed read.
 */
async function flagNegativeBalances(tx: HoDb, applied: Applied, src: { terminalId: string; seq: number }, now: number): Promise<void> {
  const touched = [...new Set([...applied.spentBy, ...applied.earnedBy])];
  if (touched.length === 0) return;
  const open = await tx.select().from(balanceFlags).where(and(sql`${balanceFlags.memberId} IN ${idList(touched)}`, isNull(balanceFlags.resolvedAt)));
  const openByMember = new Map(open.map((f) => [f.memberId, f]));
  const memberIds = [...new Set([...applied.spentBy, ...openByMember.keys()])];
  if (memberIds.length === 0) return;
  // Pushes of different terminals run side by side (each holds only its own terminal's lock), so
  // two shops' spends of one member could commit together with neither seeing the other's rows and
  // neither flagging the overdraft. A per-member lock, taken in one order, makes the second wait
  // for the first to commit; its next statement (READ COMMITTED) then sees both spends.
  for (const memberId of [...memberIds].sort()) {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${MEMBER_LOCK_NAMESPACE}, hashtext(${memberId}))`);
  }
  const balances = await tx
    .select({ memberId: ledger.memberId, balance: sql<number>`coalesce(sum(${ledger.delta}), 0)::int` })
    .from(ledger)
    .where(sql`${ledger.memberId} IN ${idList(memberIds)}`)
    .groupBy(ledger.memberId);
  const newFlags: (typeof balanceFlags.$inferInsert)[] = [];
  for (const { memberId, balance } of balances) {
    const flag = openByMember.get(memberId);
    if (balance < 0 && !flag) {
      newFlags.push({ memberId, balanceAtFlag: balance, terminalId: src.terminalId, seq: src.seq, flaggedAt: now });
    } else if (balance >= 0 && flag) {
      // Later earnings netted the overdraft out; the flag stays on record, resolved.
      await tx.update(balanceFlags).set({ resolvedAt: now }).where(eq(balanceFlags.id, flag.id));
    }
  }
  await insertRows(tx, balanceFlags, newFlags);
}

async function recordConflict(db: HoDb, t: AuthedTerminal, r: PushRequest['records'][number], detail: string, now: number): Promise<void> {
  const [already] = await db
    .select({ id: quarantine.id })
    .from(quarantine)
    .where(and(eq(quarantine.terminalId, t.id), eq(quarantine.seq, r.seq), eq(quarantine.reason, 'payload_conflict'), isNull(quarantine.resolvedAt)));
  if (already) return;
  await db.insert(quarantine).values({ terminalId: t.id, seq: r.seq, recordId: r.recordId, type: r.type, payload: r.payload ?? null, reason: 'payload_conflict', detail, receivedAt: now });
}

/** Namespace of the per-terminal advisory locks (the second key is hashtext(terminal id)). */
export const PUSH_LOCK_NAMESPACE = 7_302_114;
/** Namespace of the per-member advisory locks taken while checking for overdrafts. */
const MEMBER_LOCK_NAMESPACE = 7_302_115;

/** The old path, one savepoint per record: used only when the bulk path hit a row PostgreSQL refused. */
async function applyOneByOne(tx: HoDb, src: { terminalId: string; shopId: string }, fresh: PushRequest['records'], out: Applied): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const r of fresh) {
    const local: Applied = { feed: [], spentBy: [], earnedBy: [] };
    try {
      await tx.transaction(async (sp) => applyRecord(sp, { ...src, seq: r.seq }, r.type, r.payload, local));
      out.feed.push(...local.feed);
      out.spentBy.push(...local.spentBy);
      out.earnedBy.push(...local.earnedBy);
      outcomes.push({ seq: r.seq, status: 'applied' });
    } catch (error) {
      if (!(error instanceof RecordRejected) && !isDataError(error)) throw error;
      const reason = error instanceof RecordRejected ? error.reason : 'apply_failed';
      outcomes.push({ seq: r.seq, status: 'quarantined', reason, detail: error instanceof Error ? error.message.slice(0, 500) : String(error) });
    }
  }
  return outcomes;
}

/**
 * Applies one batch in ONE transaction under the terminal's advisory lock, so two pushes of
 * the same terminal — two windows, two processes, two server instances — run one after the
 * other, while different terminals never wait for each other. (terminal, seq) is the
 * exactly-once key: an exact repeat is skipped, a repeat with another payload refuses the whole
 * batch, a batch that starts past the high-water mark gets the missing range back, and a record
 * that cannot be applied is quarantined. Records are applied set-based (bulkApply.ts).
 */
export async function pushBatch(db: HoDb, clock: Clock, t: AuthedTerminal, sent: PushRequest): Promise<PushResponse> {
  const { records: storableRecords, texts } = prepareRecords(sent.records);
  const req: PushRequest = { ...sent, records: storableRecords };
  let conflict: { record: PushRequest['records'][number]; detail: string; ackedThrough: number } | null = null;
  const result = await db.transaction(async (tx) => {
    const now = clock.now();
    // An advisory lock takes no transaction id: everything below is read before the first write (see bulkApply.ts).
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${PUSH_LOCK_NAMESPACE}, hashtext(${t.id}))`);
    const [row] = await tx.select().from(terminals).where(eq(terminals.id, t.id));
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
      conflict = { record: r, detail: `seq ${r.seq} was stored with a different payload`, ackedThrough: high };
      throw new HoError('PAYLOAD_CONFLICT', `Record ${r.seq} repeats a stored sequence number with a different payload; nothing was applied.`, { seq: r.seq, recordId: r.recordId, ackedThrough: high });
    }
    const fresh = req.records.slice(repeatCount);
    const src = { terminalId: t.id, shopId: t.shopId };
    let applied: Applied = { feed: [], spentBy: [], earnedBy: [] };
    let outcomes: Outcome[];
    try {
      outcomes = await tx.transaction(async (sp) => applyBatchInBulk(sp, src, fresh, applied));
    } catch (error) {
      if (!isDataError(error)) throw error;
      // PostgreSQL refused a row the checks let through: find it record by record.
      applied = { feed: [], spentBy: [], earnedBy: [] };
      outcomes = await applyOneByOne(tx, src, fresh, applied);
    }
    const bySeq = new Map(outcomes.map((o) => [o.seq, o]));
    const quarantined: { seq: number; recordId: string; reason: string }[] = [];
    const quarantineRows: (typeof quarantine.$inferInsert)[] = [];
    for (const r of fresh) {
      const o = bySeq.get(r.seq);
      if ((o?.status ?? 'quarantined') === 'quarantined') {
        const reason = o?.reason ?? 'apply_failed';
        const detail = (o?.detail ?? 'not applied').slice(0, 500);
        quarantined.push({ seq: r.seq, recordId: r.recordId, reason: `${reason}: ${detail}` });
        quarantineRows.push({ terminalId: t.id, seq: r.seq, recordId: r.recordId, type: r.type, payload: r.payload ?? null, reason, detail, receivedAt: now });
      }
    }
    await insertRows(tx, quarantine, quarantineRows);
    await storeRecords(tx, t.id, fresh, texts.slice(repeatCount), (seq) => bySeq.get(seq)?.status ?? 'quarantined', now);
    const last = req.records[req.records.length - 1]?.seq ?? high;
    const ackedThrough = Math.max(high, last);
    await flagNegativeBalances(tx, applied, { terminalId: t.id, seq: ackedThrough }, now);
    await tx.update(terminals).set({ ...seen, ackedSeq: ackedThrough, lastPushAt: now }).where(eq(terminals.id, t.id));
    await appendFeed(tx, applied.feed);
    return { status: 'ok', ackedThrough, applied: fresh.length - quarantined.length, duplicates: repeatCount, quarantined } satisfies PushResponse;
  }).catch(async (error: unknown) => {
    // The refusal is final for this batch; the conflicting payload is kept for IT (never overwritten).
    const c: { record: PushRequest['records'][number]; detail: string } | null = conflict;
    if (c) await recordConflict(db, t, c.record, c.detail, clock.now());
    throw error;
  });
  return result;
}

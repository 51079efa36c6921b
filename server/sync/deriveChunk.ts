import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { parsedPayload, type LoggedRecord } from './loggedRecord';
import { RecordTypeSchema } from '../../shared/sync/protocol';
import type { HoDb } from '../store/connect';
import { quarantine, records, terminals } from '../store/schema';
import type { Clock } from '../sources';
import { applyOneByOne, isDataError } from './applyFallback';
import { applyBatchInBulk } from './bulkApply';
import { nothingApplied, type Applied, type Outcome } from './bulkPlan';
import { addToSummaries } from '../stats/summaryUpsert';
import { appendFeed } from './feed';
import { insertRows } from './jsonInsert';
import { flagNegativeBalances } from './overdraftFlags';
import { takeBackOverLimit } from './campaignMemberLimits';
import { settleMergedDuplicates } from '../members/settleMerged';
import { randomIds } from '../sources';
import { quarantinedPayload, unstorableMarkerDetail } from './recordStore';
import { recordTierChanges } from '../tiers/tierHistory';
import { tierTouched } from '../tiers/tierTouched';

/** Namespace of the per-terminal advisory locks of derivation (not the push's: a push never waits for derivation). */
export const DERIVE_LOCK_NAMESPACE = 7_302_116;

export interface ChunkResult {
  /** Another process holds this terminal's derivation lock (only when not waiting). */
  busy: boolean;
  /** Records this chunk moved past (applied or quarantined). */
  derived: number;
  quarantined: number;
  /** derived_seq is still below the high-water mark read at the start. */
  more: boolean;
}

/**
 * Derives the next `limit` stored records of one terminal, in seq order, in ONE transaction:
 * the projections (members, cards, sales, lines, redemptions, ledger), quarantine of records
 * that cannot be applied, overdraft flags, the pull feed, and derived_seq — so a crash rolls all
 * of it back and the next attempt starts from the same derived_seq (exactly once).
 * Everything is read before the first write: the transaction's id is then assigned after every
 * member it read was committed, so in the feed a member precedes its ledger rows (bulkApply.ts).
 * `wait`: wait for another process's chunk of this terminal instead of answering busy.
 */
/** A record the push stored as the unstorable-text marker: quarantined with the field it names. */
const unstorableOutcome = (seq: number, marker: unknown): Outcome => ({
  seq,
  status: 'quarantined',
  reason: 'unstorable_text',
  detail: unstorableMarkerDetail(marker) ?? '',
});

export async function deriveChunk(
  db: HoDb,
  clock: Clock,
  terminalId: string,
  options: { limit: number; wait: boolean },
): Promise<ChunkResult> {
  return db.transaction(async (tx) => {
    if (options.wait) {
      await tx.execute(sql`SET LOCAL lock_timeout = '30s'`);
      await tx.execute(sql`SELECT pg_advisory_xact_lock(${DERIVE_LOCK_NAMESPACE}, hashtext(${terminalId}))`);
    } else {
      const got = await tx.execute(
        sql`SELECT pg_try_advisory_xact_lock(${DERIVE_LOCK_NAMESPACE}, hashtext(${terminalId})) AS got`,
      );
      if (!lockTaken(got)) return { busy: true, derived: 0, quarantined: 0, more: true };
    }
    const [term] = await tx
      .select({ shopId: terminals.shopId, derivedSeq: terminals.derivedSeq, ackedSeq: terminals.ackedSeq })
      .from(terminals)
      .where(eq(terminals.id, terminalId));
    if (!term || term.derivedSeq >= term.ackedSeq) return { busy: false, derived: 0, quarantined: 0, more: false };
    const rows = await tx
      .select({ seq: records.seq, recordId: records.recordId, type: records.type, payload: records.payload })
      .from(records)
      .where(and(eq(records.terminalId, terminalId), gt(records.seq, term.derivedSeq)))
      .orderBy(asc(records.seq))
      .limit(options.limit);
    const last = rows[rows.length - 1];
    if (!last) return { busy: false, derived: 0, quarantined: 0, more: false };
    const src = { terminalId, shopId: term.shopId };
    // Each record is parsed, checked and applied in seq order; one that is not a record at all is quarantined here.
    const toApply: LoggedRecord[] = [];
    const badType: Outcome[] = [];
    for (const r of rows) {
      const type = RecordTypeSchema.safeParse(r.type);
      const payload = parsedPayload(r.payload);
      if (!type.success)
        badType.push({
          seq: r.seq,
          status: 'quarantined',
          reason: 'invalid_payload',
          detail: `unknown record type ${r.type}`,
        });
      else if (!payload.ok)
        badType.push({
          seq: r.seq,
          status: 'quarantined',
          reason: 'invalid_payload',
          detail: `the payload is not JSON: ${payload.error}`,
        });
      else if (unstorableMarkerDetail(payload.value) !== null) badType.push(unstorableOutcome(r.seq, payload.value));
      else toApply.push({ seq: r.seq, recordId: r.recordId, type: type.data, payload: payload.value });
    }
    let applied: Applied = nothingApplied();
    let outcomes: Outcome[];
    try {
      outcomes = await tx.transaction(async (sp) => applyBatchInBulk(sp, src, toApply, applied));
    } catch (error) {
      if (!isDataError(error)) throw error;
      // PostgreSQL refused a row the checks let through: find it record by record.
      applied = nothingApplied();
      outcomes = await applyOneByOne(tx, src, toApply, applied);
    }
    const now = clock.now();
    const bySeq = new Map(rows.map((r) => [r.seq, r]));
    const refused = [...badType, ...outcomes.filter((o) => o.status === 'quarantined')];
    const quarantineRows: (typeof quarantine.$inferInsert)[] = refused.map((o) => {
      const r = bySeq.get(o.seq);
      return {
        terminalId,
        seq: o.seq,
        recordId: r?.recordId ?? '',
        type: r?.type ?? '',
        payload: r ? quarantinedPayload(r.payload) : null,
        reason: o.reason ?? 'apply_failed',
        detail: (o.detail ?? 'not applied').slice(0, 500),
        receivedAt: now,
      };
    });
    await insertRows(tx, quarantine, quarantineRows);
    if (refused.length > 0) {
      await tx
        .update(records)
        .set({ status: 'quarantined' })
        .where(
          and(
            eq(records.terminalId, terminalId),
            sql`${records.seq} IN (SELECT value::bigint
              FROM json_array_elements_text(${JSON.stringify(refused.map((o) => o.seq))}::json))`,
          ),
        );
    }
    await takeBackOverLimit(tx, applied, now);
    // A late record on a merged duplicate: what it left there goes on to the survivor (server/members/).
    await settleMergedDuplicates(tx, randomIds, applied, now);
    await flagNegativeBalances(tx, applied, { terminalId, seq: last.seq }, now);
    await appendFeed(tx, applied.feed);
    await recordTierChanges(tx, tierTouched(applied), now);
    // Last: the summaries' shared rows (one per shop and day) stay locked for the shortest time.
    await addToSummaries(tx, applied.summaries);
    await tx.update(terminals).set({ derivedSeq: last.seq, lastDerivedAt: now }).where(eq(terminals.id, terminalId));
    return { busy: false, derived: rows.length, quarantined: refused.length, more: last.seq < term.ackedSeq };
  });
}

function lockTaken(result: unknown): boolean {
  if (typeof result !== 'object' || result === null || !('rows' in result) || !Array.isArray(result.rows)) return false;
  const row: unknown = result.rows[0];
  return typeof row === 'object' && row !== null && 'got' in row && row.got === true;
}

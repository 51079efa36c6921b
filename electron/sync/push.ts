import { and, gt, isNotNull } from 'drizzle-orm';
import type { TerminalDb } from '../../db/open';
import { outbox } from '../../db/schema';
import { syncIssues } from '../../db/schemaSync';
import { PROTOCOL_VERSION } from '../../shared/sync/protocol';
import type { Clock } from '../platform/sources';
import { RawJson, type HoClient, type NetworkReason } from './hoClient';
import { firstPendingSeq, markAcked, pendingCount, readBatchText } from './outboxBatch';

export interface LinkIds {
  terminalId: string;
  shopId: string;
}

export type StepOutcome =
  | { kind: 'done'; count: number }
  | { kind: 'offline'; reason: NetworkReason | 'stalled'; message: string }
  | { kind: 'refused'; code: string; message: string };

/**
 * Pushes the outbox until head office has acknowledged everything (or the network fails).
 * The outbox row is marked only after head office's answer names it: a lost answer just means
 * the batch is sent again, and head office ignores the exact repeat.
 */
export async function pushOutbox(
  db: TerminalDb,
  clock: Clock,
  client: HoClient,
  link: LinkIds,
  maxRounds = 100_000,
): Promise<StepOutcome> {
  let from = firstPendingSeq(db);
  let pushed = 0;
  for (let round = 0; round < maxRounds; round++) {
    const batch = from === null ? { json: '[]', count: 0, oldestAt: null } : readBatchText(db, from);
    // The records are spliced in as stored (no parse and re-serialise of every payload per push).
    const envelope = JSON.stringify({
      protocolVersion: PROTOCOL_VERSION,
      terminalId: link.terminalId,
      shopId: link.shopId,
      pending: pendingCount(db),
    });
    const body = new RawJson(`${envelope.slice(0, -1)},"records":${batch.json}}`);
    const res = await client.call('push', body);
    if (!res.ok) {
      if (res.kind === 'network') return { kind: 'offline', reason: res.reason, message: res.message };
      const acked = res.error.details?.ackedThrough;
      if (res.error.code === 'PAYLOAD_CONFLICT' && typeof acked === 'number' && from !== null && acked >= from) {
        // Head office already holds a different record under one of these seqs and will not
        // overwrite it. Everything up to its high-water mark is stored there; keep the refusal
        // on record here (head office quarantined our version) and go on with the rest.
        db.transaction(() => {
          db.insert(syncIssues)
            .values({
              direction: 'push',
              kind: 'payload_conflict',
              entityId: String(res.error.details?.seq ?? ''),
              detail: res.error.message,
              payloadJson: null,
              at: clock.now(),
            })
            .run();
          markAcked(db, acked, clock.now());
        });
        from = acked + 1;
        continue;
      }
      return { kind: 'refused', code: res.error.code, message: res.error.message };
    }
    const answer = res.value;
    if (answer.status === 'gap') {
      // Head office is missing records we thought it had (restored from a backup?): send them again.
      db.update(outbox)
        .set({ ackedAt: null })
        .where(and(gt(outbox.seq, answer.ackedThrough), isNotNull(outbox.ackedAt)))
        .run();
      if (from !== null && answer.missingFrom >= from)
        return {
          kind: 'refused',
          code: 'GAP',
          message: `head office misses ${answer.missingFrom}–${answer.missingTo}, which this terminal no longer has`,
        };
      from = answer.missingFrom;
      continue;
    }
    const now = clock.now();
    db.transaction(() => {
      markAcked(db, answer.ackedThrough, now);
      for (const q of answer.quarantined) {
        db.insert(syncIssues)
          .values({
            direction: 'push',
            kind: 'quarantined',
            entityId: `${q.seq}:${q.recordId}`,
            detail: q.reason,
            payloadJson: null,
            at: now,
          })
          .run();
      }
    });
    pushed += answer.applied;
    if (batch.count === 0) return { kind: 'done', count: pushed };
    from = firstPendingSeq(db);
  }
  return { kind: 'offline', reason: 'stalled', message: 'push stopped after too many rounds' };
}

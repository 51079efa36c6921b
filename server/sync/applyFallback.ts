import type { LoggedRecord } from './loggedRecord';
import type { HoDb } from '../store/connect';
import { applyRecord, RecordRejected, type Applied } from './applyRecord';
import type { Outcome } from './bulkApply';

/** PostgreSQL refusals that belong to the record (constraint, bad data), not to the server. */
export function isDataError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^(22|23)/.test(code)) return true;
  }
  return false;
}

/** The old path, one savepoint per record: used only when the bulk path hit a row PostgreSQL refused. */
export async function applyOneByOne(tx: HoDb, src: { terminalId: string; shopId: string }, fresh: LoggedRecord[], out: Applied): Promise<Outcome[]> {
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

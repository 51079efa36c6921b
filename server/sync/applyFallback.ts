import type { LoggedRecord } from './loggedRecord';
import type { HoDb } from '../store/connect';
import { applyBatchInBulk } from './bulkApply';
import { nothingApplied, type Applied, type Outcome } from './bulkPlan';

/** PostgreSQL refusals that belong to the record (constraint, bad data), not to the server. */
export function isDataError(error: unknown): boolean {
  for (
    let e: unknown = error, depth = 0;
    e && typeof e === 'object' && depth < 4;
    e = (e as { cause?: unknown }).cause, depth++
  ) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^(22|23)/.test(code)) return true;
  }
  return false;
}

/**
 * The bulk path replayed one record at a time, each in its own savepoint, so the per-type rules
 * exist once (bulkPlan.ts). Used only when PostgreSQL refused a row of the whole batch: the record
 * it refuses again is quarantined, the others are applied as the bulk path would.
 */
export async function applyOneByOne(
  tx: HoDb,
  src: { terminalId: string; shopId: string },
  fresh: LoggedRecord[],
  out: Applied,
): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const r of fresh) {
    const local = nothingApplied();
    try {
      const [outcome] = await tx.transaction(async (sp) => applyBatchInBulk(sp, src, [r], local));
      outcomes.push(outcome ?? { seq: r.seq, status: 'applied' });
      out.feed.push(...local.feed);
      out.spentBy.push(...local.spentBy);
      out.earnedBy.push(...local.earnedBy);
      out.summaries.sales.push(...local.summaries.sales);
      out.summaries.refunds.push(...local.summaries.refunds);
      out.summaries.ledger.push(...local.summaries.ledger);
      out.summaries.newMembers.push(...local.summaries.newMembers);
    } catch (error) {
      if (!isDataError(error)) throw error;
      const detail = error instanceof Error ? error.message.slice(0, 500) : String(error);
      outcomes.push({ seq: r.seq, status: 'quarantined', reason: 'apply_failed', detail });
    }
  }
  return outcomes;
}

import { createHash } from 'node:crypto';
import { and, asc, eq, gt } from 'drizzle-orm';
import { HEAD_OFFICE_CHAIN, type HeadOfficeChain } from '../../shared/admin/audit';
import { auditHashInput, type AuditAction, type ChainProblem } from '../../shared/contract/audit';
import type { Clock, IdSource } from '../sources';
import type { HoDb } from '../store/connect';
import { audit, auditChains } from '../store/schema';
import { chainProblem, emptyChain } from '../sync/auditChain';

/** One of head office's own actions, as its audit row records it. */
export interface HoAuditEntry {
  action: AuditAction;
  /** Who acted: a user's login, or an API token's label (a failed sign-in: the login tried). */
  person: string | null;
  memberId?: string | null;
  subject?: string | null;
  /** Facts worth keeping (what changed, roles, shops); never a password, a token or a member's data. */
  details?: Record<string, unknown>;
}

/**
 * Appends one row to head office's own chain ('head-office', no shop), the same hash chain the
 * tills keep (auditHashInput). Call it inside the action's transaction: the chain's row is locked
 * first, so concurrent actions take their turn and the chain never forks.
 */
export async function appendHoAudit(tx: HoDb, clock: Clock, ids: IdSource, entry: HoAuditEntry): Promise<void> {
  await tx
    .insert(auditChains)
    .values({ ...emptyChain(HEAD_OFFICE_CHAIN, ''), shopId: null })
    .onConflictDoNothing({ target: auditChains.terminalId });
  const [chain] = await tx
    .select()
    .from(auditChains)
    .where(eq(auditChains.terminalId, HEAD_OFFICE_CHAIN))
    .for('update');
  if (!chain) throw new Error('the head-office audit chain is missing');
  const fields = {
    seq: chain.lastSeq + 1,
    id: ids.uuid(),
    at: clock.now(),
    terminalId: HEAD_OFFICE_CHAIN,
    staffId: entry.person,
    action: entry.action,
    memberId: entry.memberId ?? null,
    subject: entry.subject ?? null,
    detailsJson: JSON.stringify(entry.details ?? {}),
    prevHash: chain.lastHash,
  };
  const hash = createHash('sha256').update(auditHashInput(fields)).digest('hex');
  await tx.insert(audit).values({ ...fields, shopId: null, hash, problem: null });
  await tx
    .update(auditChains)
    .set({ lastSeq: fields.seq, lastHash: hash, rows: chain.rows + 1, lastAt: fields.at })
    .where(eq(auditChains.terminalId, HEAD_OFFICE_CHAIN));
}

const CHECK_PAGE = 2_000;

/**
 * Head office's own chain checked from its first row, as a terminal's chain is checked on arrival
 * (server/sync/auditChain.ts): a row edited, deleted or inserted in the database is found here.
 */
export async function checkHeadOfficeChain(db: HoDb): Promise<HeadOfficeChain> {
  let state = emptyChain(HEAD_OFFICE_CHAIN, '');
  const found: { seq: number; problem: ChainProblem }[] = [];
  for (;;) {
    const page = await db
      .select()
      .from(audit)
      .where(and(eq(audit.terminalId, HEAD_OFFICE_CHAIN), gt(audit.seq, state.lastSeq)))
      .orderBy(asc(audit.seq))
      .limit(CHECK_PAGE);
    for (const row of page) {
      const problem = chainProblem(state, row, HEAD_OFFICE_CHAIN);
      if (problem) found.push({ seq: row.seq, problem });
      state = { ...state, lastSeq: row.seq, lastHash: row.hash, rows: state.rows + 1, lastAt: row.at };
    }
    if (page.length < CHECK_PAGE) break;
  }
  const [stored] = await db
    .select({ lastSeq: auditChains.lastSeq })
    .from(auditChains)
    .where(eq(auditChains.terminalId, HEAD_OFFICE_CHAIN));
  // Rows deleted from the end leave no gap behind them: the chain's own record still counts them.
  if (stored && stored.lastSeq > state.lastSeq) found.push({ seq: state.lastSeq + 1, problem: 'gap' });
  const { rows, lastSeq } = state;
  const [firstFound] = found;
  return {
    rows,
    lastSeq,
    lastAt: rows > 0 ? state.lastAt : null,
    problems: found.length,
    firstProblemSeq: firstFound?.seq ?? null,
    firstProblem: firstFound?.problem ?? null,
  };
}

import { createHash } from 'node:crypto';
import {
  AUDIT_GENESIS_HASH,
  auditHashInput,
  type AuditChainFields,
  type ChainProblem,
} from '../../shared/contract/audit';
import type { AuditRecord } from '../../shared/sync/records';
import type { audit, auditChains } from '../store/schema';

export type ChainState = typeof auditChains.$inferSelect;
export type AuditRow = typeof audit.$inferInsert;

/** The chain of a terminal that has sent no audit row yet. */
export function emptyChain(terminalId: string, shopId: string): ChainState {
  return {
    terminalId,
    shopId,
    lastSeq: 0,
    lastHash: AUDIT_GENESIS_HASH,
    rows: 0,
    problems: 0,
    firstProblemSeq: null,
    firstProblem: null,
    lastAt: 0,
  };
}

/**
 * What is wrong with the next audit row of a terminal, if anything: its hash is not the hash of
 * its fields (edited), it names another terminal, rows are missing before it (deleted), or it does
 * not link to the row before (edited and re-hashed, or inserted).
 */
export function chainProblem(
  state: ChainState,
  row: AuditChainFields & { hash: string },
  terminalId: string,
): ChainProblem | null {
  if (createHash('sha256').update(auditHashInput(row)).digest('hex') !== row.hash) return 'hash_mismatch';
  if (row.terminalId !== terminalId) return 'terminal_mismatch';
  if (row.seq !== state.lastSeq + 1) return 'gap';
  if (row.prevHash !== state.lastHash) return 'link_broken';
  return null;
}

/**
 * Checks one row against the chain so far and moves the chain on to it. A problem is flagged on
 * the row and counted on the chain (the first one kept); the chain then carries on from this row,
 * so one break is reported once, not again at every row after it.
 */
export function advanceChain(
  state: ChainState,
  row: AuditRecord,
  src: { terminalId: string; shopId: string },
): { state: ChainState; stored: AuditRow } {
  const problem = chainProblem(state, row, src.terminalId);
  const next: ChainState = {
    ...state,
    lastSeq: row.seq,
    lastHash: row.hash,
    rows: state.rows + 1,
    lastAt: row.at,
    ...(problem
      ? {
          problems: state.problems + 1,
          firstProblemSeq: state.firstProblemSeq ?? row.seq,
          firstProblem: state.firstProblem ?? problem,
        }
      : {}),
  };
  const stored: AuditRow = {
    terminalId: src.terminalId,
    seq: row.seq,
    id: row.id,
    shopId: src.shopId,
    at: row.at,
    staffId: row.staffId,
    action: row.action,
    memberId: row.memberId,
    subject: row.subject,
    detailsJson: row.detailsJson,
    prevHash: row.prevHash,
    hash: row.hash,
    problem,
  };
  return { state: next, stored };
}

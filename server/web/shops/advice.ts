import type { CardConflictRow, QuarantineRow, TerminalRow } from '../../../shared/admin/answers';
import type { HoRole } from '../../../shared/admin/roles';
import { roleMayCall } from '../../../shared/admin/roles';
import type { ShopsTextKey } from './shopsText';

// What a person should do about each thing the area lists, and which button the role may press for it.

export type QuarantineReason = QuarantineRow['reason'];
export type QuarantineAction = 'resolve' | 'revoke';

export interface QuarantineAdvice {
  /** The reason in plain words. */
  readonly reason: ShopsTextKey;
  /** What to do about it. */
  readonly todo: ShopsTextKey;
  /** The buttons beside it, of those the role may press. */
  readonly actions: readonly QuarantineAction[];
}

/**
 * A record is quarantined for good (the deriver never retries it): the person fixes the cause at
 * the till and marks the record dealt with. A payload conflict means a copied till: revoke it too.
 */
const QUARANTINE_ADVICE: Record<QuarantineReason, { todo: ShopsTextKey; actions: readonly QuarantineAction[] }> = {
  invalid_payload: { todo: 'todo_invalid_payload', actions: ['resolve'] },
  apply_failed: { todo: 'todo_apply_failed', actions: ['resolve'] },
  payload_conflict: { todo: 'todo_payload_conflict', actions: ['revoke', 'resolve'] },
  unstorable_text: { todo: 'todo_unstorable_text', actions: ['resolve'] },
};

const ACTION_ROUTE = { resolve: 'resolveQuarantine', revoke: 'revokeTerminal' } as const;

export function quarantineAdvice(
  row: Pick<QuarantineRow, 'reason'>,
  role: HoRole,
  terminal?: TerminalRow,
): QuarantineAdvice {
  const { todo, actions } = QUARANTINE_ADVICE[row.reason];
  // Revoking is offered only while the terminal is still active.
  const offered = actions.filter(
    (a) => roleMayCall(ACTION_ROUTE[a], role) && (a !== 'revoke' || terminal?.status === 'active'),
  );
  return { reason: `reason_${row.reason}`, todo, actions: offered };
}

export type TerminalAction = 'derive' | 'revoke';

/** A terminal's buttons: apply now while received records wait to be applied (the owner's), revoke while active. */
export function terminalActions(row: Pick<TerminalRow, 'status' | 'derivationLag'>, role: HoRole): TerminalAction[] {
  const actions: TerminalAction[] = [];
  if (row.derivationLag > 0 && roleMayCall('derive', role)) actions.push('derive');
  if (row.status === 'active' && roleMayCall('revokeTerminal', role)) actions.push('revoke');
  return actions;
}

/** A revoke goes ahead only when the terminal code is typed exactly (spaces around it forgiven). */
export const revokeConfirmed = (typed: string, terminalCode: string): boolean => typed.trim() === terminalCode;

/** A card conflict's advice: a new card for the member registered second, at the till; then mark it dealt with. */
export function cardConflictAdvice(_row: CardConflictRow, role: HoRole): { todo: ShopsTextKey; mayResolve: boolean } {
  return { todo: 'todo_card_conflict', mayResolve: roleMayCall('resolveCardConflict', role) };
}

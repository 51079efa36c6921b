import { SyncProblemReason, type SyncProblem } from '../../shared/contract/terminal';

// sync_state holds text: the reason, then head office's refusal code after a colon ("version:PROTOCOL_VERSION").

/** Head office's refusal as a reason a person can act on; the code is kept for support. */
export function refusalProblem(code: string): SyncProblem {
  const reason: SyncProblemReason =
    code === 'PROTOCOL_VERSION'
      ? 'version'
      : code === 'REVOKED' || code === 'UNAUTHORIZED' || code === 'FORBIDDEN'
        ? 'not_allowed'
        : code === 'GAP'
          ? 'records_missing'
          : 'refused';
  return { reason, code };
}

/** Head office not reached (the sync client's network reasons) or the sync job stalled. */
export type TransportReason = Extract<
  SyncProblemReason,
  'unreachable' | 'timeout' | 'server_error' | 'bad_answer' | 'stalled'
>;

export function transportProblem(reason: TransportReason): SyncProblem {
  return { reason, code: null };
}

export function encodeSyncProblem(problem: SyncProblem): string {
  return problem.code === null ? problem.reason : `${problem.reason}:${problem.code}`;
}

/** Reads what the sync job wrote; text from before reasons were typed reads as "unknown". */
export function decodeSyncProblem(text: string): SyncProblem {
  const colon = text.indexOf(':');
  const reason = SyncProblemReason.safeParse(colon < 0 ? text : text.slice(0, colon));
  if (!reason.success) return { reason: 'unknown', code: null };
  return { reason: reason.data, code: colon < 0 ? null : text.slice(colon + 1) };
}

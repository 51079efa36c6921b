import type { SyncResult } from '../sync/job';
import type { TillLog } from '../platform/log';

/**
 * One background sync round in the till's log: what moved (records pushed, changes pulled), how long
 * it took, and a failure's kind and code — never head office's message text. A round that moved
 * nothing, and a repeat of the same offline or refused state, are debug lines: a till offline all
 * day probes every few seconds, and IT needs the change, not every probe.
 */
export function logSyncRound(log: TillLog, result: SyncResult, ms: number, previous: string | null): void {
  const durationMs = Math.round(ms);
  const base = { event: 'sync_round', status: result.status, durationMs };
  if (result.status === 'synced') {
    const fields = { ...base, pushed: result.pushed, pulled: result.pulled };
    if (result.pushed + result.pulled > 0 || previous !== 'synced') log.info(fields, 'sync round');
    else log.debug(fields, 'sync round');
  } else if (result.status === 'offline') {
    const fields = { ...base, reason: result.reason };
    if (previous !== 'offline') log.warn(fields, 'head office not reachable');
    else log.debug(fields, 'head office still not reachable');
  } else if (result.status === 'refused') {
    const fields = { ...base, code: result.code };
    if (previous !== 'refused') log.error(fields, 'head office refused the sync');
    else log.debug(fields, 'head office refused the sync again');
  } else {
    log.debug(base, 'sync round skipped');
  }
}

import type { TerminalDb } from '../../db/open';
import { syncLink } from '../../db/schemaSync';
import type { Clock } from '../platform/sources';
import { daysWithRecords, sendDayClose, terminalDayTotals } from './closeDay';
import { PROTOCOL_VERSION } from '../../shared/sync/protocol';
import { createHoClient, type FetchFn, type NetworkReason } from './hoClient';
import { acquireLease, releaseLease } from './lease';
import { firstPendingSeq } from './outboxBatch';
import { pullChanges } from './pull';
import { pushOutbox, type StepOutcome } from './push';
import { clearState, readState, writeState } from '../platform/syncStateTable';
import { encodeSyncProblem, refusalProblem, transportProblem } from '../services/syncProblem';

export interface SyncDeps {
  db: TerminalDb;
  clock: Clock;
  /** Unique per process/window: who holds the lease. */
  owner: string;
  fetch?: FetchFn;
  leaseMs?: number;
  requestTimeoutMs?: number;
}

export type SyncResult =
  | { status: 'synced'; pushed: number; pulled: number }
  | { status: 'busy' }
  | { status: 'not_enrolled' }
  | { status: 'offline'; reason: NetworkReason | 'stalled'; message: string }
  | { status: 'refused'; code: string; message: string };

/**
 * One sync: push the outbox, then pull head office's changes. Runs only while holding the
 * terminal's lease, so two windows or processes never push the same queue at once.
 * Writes 'online', 'lastSyncAt' and 'lastError' for the status bar.
 */
export async function syncOnce(deps: SyncDeps): Promise<SyncResult> {
  const { db, clock } = deps;
  const link = db.select().from(syncLink).get();
  if (!link) return { status: 'not_enrolled' };
  const leaseMs = deps.leaseMs ?? 120_000;
  if (!acquireLease(db, deps.owner, clock.now(), leaseMs)) return { status: 'busy' };
  try {
    const client = createHoClient({
      baseUrl: link.headOfficeUrl,
      token: link.token,
      timeoutMs: deps.requestTimeoutMs ?? 30_000,
      ...(deps.fetch ? { fetch: deps.fetch } : {}),
    });
    const ids = { terminalId: link.terminalId, shopId: link.shopId };
    const pushed = await pushOutbox(db, clock, client, ids);
    if (pushed.kind !== 'done') return record(db, clock, failed(pushed));
    acquireLease(db, deps.owner, clock.now(), leaseMs);
    const pulled = await pullChanges(db, clock, client, ids);
    if (pulled.kind !== 'done') return record(db, clock, failed(pulled));
    return record(db, clock, { status: 'synced', pushed: pushed.count, pulled: pulled.count });
  } finally {
    releaseLease(db, deps.owner);
  }
}

/** How long a probe waits for head office: a dead address must not hold the next probe back. */
export const PROBE_TIMEOUT_MS = 3_000;

/**
 * Whether head office answers at all (the ping route: no lease, no outbox, no database there):
 * what the schedule asks every few seconds while offline, syncing only once it says yes. Any
 * answer counts, a refusal too: the sync that follows records what head office said.
 */
export async function probeHeadOffice(deps: Pick<SyncDeps, 'db' | 'fetch'>): Promise<boolean> {
  const link = deps.db.select().from(syncLink).get();
  if (!link) return false;
  const client = createHoClient({
    baseUrl: link.headOfficeUrl,
    token: null,
    timeoutMs: PROBE_TIMEOUT_MS,
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
  });
  const res = await client.call('ping', { protocolVersion: PROTOCOL_VERSION });
  return res.ok || res.kind === 'refused';
}

function failed(step: Exclude<StepOutcome, { kind: 'done' }>): SyncResult {
  return step.kind === 'offline'
    ? { status: 'offline', reason: step.reason, message: step.message }
    : { status: 'refused', code: step.code, message: step.message };
}

function record(db: TerminalDb, clock: Clock, result: SyncResult): SyncResult {
  db.transaction(() => {
    // A refusal (version, revoked) means head office answered: the network is up, sync is not.
    writeState(db, 'online', result.status === 'offline' ? 'false' : 'true');
    if (result.status === 'synced') {
      writeState(db, 'lastSyncAt', String(clock.now()));
      clearState(db, 'lastError');
    } else if (result.status === 'offline' || result.status === 'refused') {
      // A reason, not the network library's words ("fetch failed"): the till shows it translated.
      const problem = result.status === 'refused' ? refusalProblem(result.code) : transportProblem(result.reason);
      writeState(db, 'lastError', encodeSyncProblem(problem));
    }
  });
  return result;
}

export type CloseResult =
  | { status: 'closed'; days: { day: string; matches: boolean }[] }
  | { status: 'waiting' | 'offline' | 'not_enrolled'; message: string };

/**
 * The nightly close: for each business day up to `throughDay` not closed yet, send the day's
 * totals; head office answers "matches" or the difference. Runs only when the outbox is fully
 * acknowledged (otherwise a difference would only mean "not sent yet").
 */
export async function closeDays(deps: SyncDeps, throughDay: string): Promise<CloseResult> {
  const { db, clock } = deps;
  const link = db.select().from(syncLink).get();
  if (!link) return { status: 'not_enrolled', message: 'not enrolled' };
  if (firstPendingSeq(db) !== null) return { status: 'waiting', message: 'records are still waiting to be sent' };
  const client = createHoClient({
    baseUrl: link.headOfficeUrl,
    token: link.token,
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
  });
  const days = daysWithRecords(db, readState(db, 'lastClosedDay'), throughDay);
  if (!days.includes(throughDay)) days.push(throughDay);
  const out: { day: string; matches: boolean }[] = [];
  for (const day of days) {
    const res = await sendDayClose(
      client,
      { terminalId: link.terminalId, shopId: link.shopId },
      day,
      terminalDayTotals(db, day),
    );
    if (!res.ok)
      return {
        status: 'offline',
        message: res.kind === 'network' ? res.message : `${res.error.code}: ${res.error.message}`,
      };
    out.push({ day, matches: res.value.status === 'matches' });
    db.transaction(() => {
      writeState(db, 'lastClosedDay', day);
      writeState(db, 'lastCloseAt', String(clock.now()));
    });
  }
  return { status: 'closed', days: out };
}

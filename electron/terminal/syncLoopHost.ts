import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { DomainError } from '../../shared/contract';
import { outbox } from '../../db/schema';
import { syncLink } from '../../db/schemaSync';
import type { ServiceContext } from '../core/context';
import type { FetchFn } from '../sync/hoClient';
import type { NetworkOptions } from '../sync/networkCalls';
import { parseCloseAt, startSyncLoop, type SyncLoop } from '../sync/schedule';
import { readState } from '../platform/syncStateTable';
import { sweepExpiryOncePerDay } from '../services/expiry';
import type { HeadOfficeLink } from './handlers';
import { logSyncRound } from './syncRoundLog';

/**
 * A host's background sync with head office: the loop runs while the terminal is enrolled, a
 * call that left a record in the outbox nudges it, and closing cuts every request in flight.
 * The calls themselves (enrolHeadOffice, syncNow) go through the dispatcher like any other.
 */

export interface SyncSchedule {
  intervalMs?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** While head office cannot be reached: the longest pause between probes (default 5 s). */
  probeMaxMs?: number;
  /** "HH:MM" in the shop's time zone. */
  closeAt?: string;
}

export interface SyncLoopOptions extends SyncSchedule {
  /** Who holds the sync lease; unique per process. */
  owner?: string;
  fetch?: FetchFn;
  requestTimeoutMs?: number;
  log?: (message: string, error?: unknown) => void;
}

export interface SyncLoopHost {
  /** What the head-office calls need (network, lease owner, start after enrolment). */
  readonly link: HeadOfficeLink;
  /** The dispatcher's after-call hook: nudges the loop when the call left a record. Absent without a loop. */
  readonly afterCall: (() => void) | undefined;
  /** Whether the background loop is running (the terminal is enrolled). */
  readonly syncing: boolean;
  /** Stops the loop and cuts any request in flight; resolves once the lease is let go (bounded). */
  stop(): Promise<void>;
}

/**
 * Shop IT's knobs, from the environment: TILLCARD_SYNC_INTERVAL_MS, TILLCARD_SYNC_BACKOFF_MAX_MS,
 * TILLCARD_CLOSE_AT.
 */
export function syncScheduleFromEnv(env: Record<string, string | undefined>): SyncSchedule {
  const ms = (name: string, min: number): number | undefined => {
    const text = env[name]?.trim();
    if (!text) return undefined;
    const n = Number(text);
    if (!Number.isInteger(n) || n < min || n > 86_400_000)
      throw new Error(`${name} must be a whole number of milliseconds between ${min} and 86400000, not ${text}`);
    return n;
  };
  const closeAt = env.TILLCARD_CLOSE_AT?.trim();
  if (closeAt) parseCloseAt(closeAt);
  const intervalMs = ms('TILLCARD_SYNC_INTERVAL_MS', 100);
  const backoffMaxMs = ms('TILLCARD_SYNC_BACKOFF_MAX_MS', 100);
  return {
    ...(intervalMs === undefined ? {} : { intervalMs }),
    ...(backoffMaxMs === undefined ? {} : { backoffMaxMs, backoffBaseMs: Math.min(1_000, backoffMaxMs) }),
    ...(closeAt ? { closeAt } : {}),
  };
}

/**
 * `options` undefined: no background loop (tests, scripts, the bench) — the head-office calls
 * still work when asked, and no call pays for the outbox check after it.
 */
export function createSyncLoopHost(ctx: ServiceContext, options: SyncLoopOptions | undefined): SyncLoopHost {
  const { db } = ctx;
  const background = options !== undefined;
  const owner = options?.owner ?? `host-${process.pid}-${randomUUID()}`;
  const log = options?.log ?? ((message: string, error?: unknown) => console.error(message, error));
  const stopping = new AbortController();
  // Every request to head office is cut when the host closes, so no sync outlives the database.
  const baseFetch: FetchFn = options?.fetch ?? ((input, init) => fetch(input, init));
  const fetchFn: FetchFn = (input, init) =>
    baseFetch(input, { ...init, signal: AbortSignal.any([init.signal, stopping.signal]) });
  const network: NetworkOptions = {
    fetch: fetchFn,
    ...(options?.requestTimeoutMs ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
  };
  const lastSeq = db
    .select({ seq: sql<number>`coalesce(max(${outbox.seq}), 0)` })
    .from(outbox)
    .prepare();
  let seenSeq = background ? (lastSeq.get()?.seq ?? 0) : 0;
  let loop: SyncLoop | null = null;
  let stopped = false;

  const enrolled = () => db.select({ id: syncLink.id }).from(syncLink).get() !== undefined;

  let roundStarted = 0;
  let lastStatus: string | null = null;
  function startLoop(): void {
    if (!options || loop || stopped || !enrolled()) return;
    ctx.log.info({ event: 'sync_loop', state: 'started' }, 'background sync started');
    loop = startSyncLoop(
      { db, clock: ctx.clock, owner, ...network },
      {
        timeZone: ctx.timeZone,
        onResult: (result) => {
          logSyncRound(ctx.log, result, performance.now() - roundStarted, lastStatus);
          lastStatus = result.status;
        },
        beforeSync: () => {
          roundStarted = performance.now();
          // A failed sweep must not stop the sync: the next spend or lookup expires the member's lots anyway.
          try {
            sweepExpiryOncePerDay(ctx);
          } catch (error) {
            log('tillcard: expiry sweep failed', error);
          }
        },
        ...(options.intervalMs === undefined ? {} : { intervalMs: options.intervalMs }),
        ...(options.backoffBaseMs === undefined ? {} : { backoffBaseMs: options.backoffBaseMs }),
        ...(options.backoffMaxMs === undefined ? {} : { backoffMaxMs: options.backoffMaxMs }),
        ...(options.probeMaxMs === undefined ? {} : { probeMaxMs: options.probeMaxMs }),
        ...(options.closeAt === undefined ? {} : { closeAt: options.closeAt }),
      },
    );
  }

  function afterCall(): void {
    try {
      const seq = lastSeq.get()?.seq ?? 0;
      if (seq === seenSeq) return;
      seenSeq = seq;
      loop?.nudge();
    } catch (error) {
      // The call itself succeeded; a missed nudge only waits for the next interval.
      log('tillcard: sync nudge failed', error);
    }
  }

  const link: HeadOfficeLink = {
    network: () => {
      if (stopped) throw new DomainError('HEADOFFICE_UNREACHABLE', { reason: 'closing' });
      return network;
    },
    syncNowOwner: `${owner}:now`,
    enrolled: () => {
      startLoop();
      // Records made before enrolling are waiting: send them now.
      loop?.nudge();
    },
  };

  startLoop();
  return {
    link,
    afterCall: background ? afterCall : undefined,
    get syncing() {
      return loop !== null;
    },
    stop: async () => {
      stopped = true;
      loop?.stop();
      stopping.abort();
      // A sync cut mid-request still releases its lease in its finally; wait for that (bounded).
      for (let i = 0; i < 100 && (readState(db, 'syncLease') ?? '').includes(owner); i++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
  };
}

import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { channels, contract, ipcChannel, isChannel, isDomainError, type ApiError, type Channel, type Locale, type Result } from '../../shared/contract';
import { errorMessage } from '../../shared/i18n/errorMessages';
import { outbox, terminal } from '../../db/schema';
import { syncLink } from '../../db/schemaSync';
import { enrolHeadOffice, syncNow } from '../services/sync';
import type { FetchFn } from '../sync/hoClient';
import { parseCloseAt, startSyncLoop, type SyncLoop } from '../sync/schedule';
import { readState } from '../platform/syncStateTable';
import { inputParser } from './inputParser';
import type { TerminalCore } from './terminalCore';

/**
 * What both hosts (Electron's IPC, the browser host's HTTP) put between a call and the terminal
 * core: the calls that need the network (enrolHeadOffice, syncNow) run here, asynchronously; every
 * other call goes to the core's synchronous dispatcher, and when it left a record in the outbox the
 * background sync is nudged. The sync loop runs while the terminal is enrolled.
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

export interface SyncRunnerOptions extends SyncSchedule {
  /** Who holds the sync lease; unique per process. */
  owner?: string;
  fetch?: FetchFn;
  requestTimeoutMs?: number;
  log?: (message: string, error?: unknown) => void;
}

export interface SyncRunner {
  /** Every call of a host goes through here; the answer is the contract's envelope. */
  dispatch(channel: unknown, input: unknown): Promise<Result<unknown>>;
  /** For a host that dispatched to the core itself: nudges the sync when the call left a record. */
  afterCall(channel: Channel): void;
  /** Whether the background loop is running (the terminal is enrolled). */
  readonly syncing: boolean;
  /** Stops the loop and cuts any request in flight; resolves once the lease is let go (bounded). */
  stop(): Promise<void>;
}

/** Calls answered here rather than by the core: they wait for head office. */
export const networkChannels = ['enrolHeadOffice', 'syncNow'] as const satisfies readonly Channel[];
type NetworkChannel = (typeof networkChannels)[number];
const isNetworkChannel = (channel: Channel): channel is NetworkChannel => (networkChannels as readonly Channel[]).includes(channel);

/** Shop IT's knobs, from the environment: TILLCARD_SYNC_INTERVAL_MS, TILLCARD_SYNC_BACKOFF_MAX_MS, TILLCARD_CLOSE_AT. */
export function syncScheduleFromEnv(env: Record<string, string | undefined>): SyncSchedule {
  const ms = (name: string, min: number): number | undefined => {
    const text = env[name]?.trim();
    if (!text) return undefined;
    const n = Number(text);
    if (!Number.isInteger(n) || n < min || n > 86_400_000) throw new Error(`${name} must be a whole number of milliseconds between ${min} and 86400000, not ${text}`);
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

export function createSyncRunner(core: TerminalCore, options: SyncRunnerOptions = {}): SyncRunner {
  const { db, ctx } = core;
  const owner = options.owner ?? `host-${process.pid}-${randomUUID()}`;
  const log = options.log ?? ((message: string, error?: unknown) => console.error(message, error));
  const stopping = new AbortController();
  // Every request to head office is cut when the host closes, so no sync outlives the database.
  const baseFetch: FetchFn = options.fetch ?? ((input, init) => fetch(input, init));
  const fetchFn: FetchFn = (input, init) => baseFetch(input, { ...init, signal: AbortSignal.any([init.signal, stopping.signal]) });
  const network = { fetch: fetchFn, ...(options.requestTimeoutMs ? { requestTimeoutMs: options.requestTimeoutMs } : {}) };
  const lastSeq = db.select({ seq: sql<number>`coalesce(max(${outbox.seq}), 0)` }).from(outbox).prepare();
  let seenSeq = lastSeq.get()?.seq ?? 0;
  let loop: SyncLoop | null = null;
  let stopped = false;

  const enrolled = () => db.select({ id: syncLink.id }).from(syncLink).get() !== undefined;
  const locale = (): Locale => (db.select({ locale: terminal.locale }).from(terminal).get()?.locale === 'en' ? 'en' : 'zh-CN');
  const fail = (code: ApiError['code'], details?: Record<string, unknown>): Result<never> => ({
    ok: false,
    error: { code, message: errorMessage(code, locale(), details), ...(details ? { details } : {}) },
  });

  function startLoop(): void {
    if (loop || stopped || !enrolled()) return;
    loop = startSyncLoop(
      { db, clock: ctx.clock, owner, fetch: fetchFn, ...(options.requestTimeoutMs ? { requestTimeoutMs: options.requestTimeoutMs } : {}) },
      {
        timeZone: ctx.timeZone,
        ...(options.intervalMs === undefined ? {} : { intervalMs: options.intervalMs }),
        ...(options.backoffBaseMs === undefined ? {} : { backoffBaseMs: options.backoffBaseMs }),
        ...(options.backoffMaxMs === undefined ? {} : { backoffMaxMs: options.backoffMaxMs }),
        ...(options.probeMaxMs === undefined ? {} : { probeMaxMs: options.probeMaxMs }),
        ...(options.closeAt === undefined ? {} : { closeAt: options.closeAt }),
      },
    );
  }

  function afterCall(_channel: Channel): void {
    const seq = lastSeq.get()?.seq ?? 0;
    if (seq === seenSeq) return;
    seenSeq = seq;
    loop?.nudge();
  }

  async function runNetwork(channel: NetworkChannel, input: unknown): Promise<unknown> {
    if (channel === 'enrolHeadOffice') {
      const status = await enrolHeadOffice(ctx, contract.enrolHeadOffice.input.parse(input), network);
      startLoop();
      // Records made before enrolling are waiting: send them now.
      loop?.nudge();
      return status;
    }
    return syncNow(ctx, { owner: `${owner}:now`, ...network });
  }

  async function dispatch(channelName: unknown, input: unknown): Promise<Result<unknown>> {
    if (!isChannel(channelName) || !isNetworkChannel(channelName)) {
      const result = core.dispatch(channelName, input);
      if (isChannel(channelName) && result.ok) afterCall(channelName);
      return result;
    }
    const channel = channelName;
    const entry = contract[channel];
    const parsed = inputParser(channel).safeParse(input ?? {});
    if (!parsed.success) return fail('VALIDATION', { issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) });
    if (stopped) return fail('HEADOFFICE_UNREACHABLE', { reason: 'closing' });
    try {
      const value = await runNetwork(channel, parsed.data);
      const checked = entry.output.safeParse(value);
      if (!checked.success) throw new Error(`output of ${channel} breaks the contract: ${checked.error.message}`);
      return { ok: true, value };
    } catch (error) {
      if (isDomainError(error)) return fail(error.code, error.details);
      log(`tillcard: ${channel} failed`, error);
      return fail('INTERNAL');
    }
  }

  startLoop();
  return {
    dispatch,
    afterCall,
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

/** The part of Electron's ipcMain the IPC registration uses (structural: provable in plain Node). */
export interface IpcRegistry<E> {
  handle(channel: string, listener: (event: E, ...args: unknown[]) => unknown): void;
}

/**
 * Electron's side: IPC registration (electron/ipcRegistration.ts) loops over the contract with the
 * core's synchronous dispatch. This registry wrapper gives the network channels an async listener
 * (same sender check) and nudges the sync after every other call; main.ts passes it instead of ipcMain.
 */
export function syncAwareIpc<E>(ipc: IpcRegistry<E>, runner: SyncRunner, isTrustedSender: (event: E) => boolean, untrusted: unknown): IpcRegistry<E> {
  return {
    handle(name, listener) {
      const channel = channels.find((c) => ipcChannel(c) === name);
      if (channel && isNetworkChannel(channel)) {
        ipc.handle(name, (event, input) => (isTrustedSender(event) ? runner.dispatch(channel, input) : untrusted));
        return;
      }
      ipc.handle(name, (event, ...args) => {
        const answer = listener(event, ...args);
        if (channel) runner.afterCall(channel);
        return answer;
      });
    },
  };
}

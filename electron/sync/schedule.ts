import { businessDay } from '../services/businessDay';
import { closeDays, probeHeadOffice, syncOnce, type SyncDeps, type SyncResult } from './job';
import { readState } from '../platform/syncStateTable';

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface ScheduleOptions {
  /** Pause between syncs while online (a sale nudges an immediate one). */
  intervalMs?: number;
  /** After a refusal (head office answered no): exponential, up to backoffMaxMs. */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /**
   * While head office cannot be reached: the first and the longest pause between probes
   * (the ping route, no body worth the name). A probe answered starts a sync at once.
   */
  probeBaseMs?: number;
  probeMaxMs?: number;
  /** Is head office there? Injected by tests; the default asks head office's ping route. */
  probe?: () => Promise<boolean>;
  /** Local time of the nightly close, "HH:MM" in the shop's time zone. */
  closeAt?: string;
  timeZone: string;
  timers?: Timers;
  /** [0, 1): jitter source, injected so tests are repeatable. */
  random?: () => number;
  onResult?: (result: SyncResult) => void;
  /** Runs before each sync (the day's expiry sweep); a throw is logged by the caller's own wrapper. */
  beforeSync?: () => void;
  /** Every step the loop took and the pause it chose after it (tests count these; no clock involved). */
  onStep?: (step: LoopStep) => void;
}

/** One step of the loop: a sync, or (while offline) a probe that found head office away or back. */
export type LoopStep =
  | { kind: 'sync'; status: SyncResult['status'] | 'error'; nextDelayMs: number }
  | { kind: 'probe'; reachable: boolean; nextDelayMs: number };

/** The probe's pauses while offline: a few seconds at most, so a till notices head office is back quickly. */
export const PROBE_BASE_MS = 1_000;
export const PROBE_MAX_MS = 5_000;

/** Exponential backoff with full jitter: a chain's terminals coming back together do not stampede. */
export function backoffDelay(failures: number, baseMs: number, maxMs: number, random: () => number): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(failures - 1, 30));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** Minutes since local midnight of `epochMs` in `timeZone`. */
export function localMinutes(epochMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(epochMs);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return get('hour') * 60 + get('minute');
}

export function parseCloseAt(text: string): number {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  if (!m) throw new Error(`closeAt must be HH:MM, not ${text}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

export interface SyncLoop {
  /** Sync as soon as possible (after a sale, or when the network comes back). */
  nudge(): void;
  stop(): void;
}

/**
 * Continuous sync while online; while head office cannot be reached, a cheap probe every few
 * seconds (jittered, at most probeMaxMs apart) and a sync as soon as it answers; backoff up to
 * backoffMaxMs only while head office answers with a refusal; and the nightly close. A nudge
 * (a sale) runs a step at once: a sync, or while offline a probe first.
 */
export function startSyncLoop(deps: SyncDeps, options: ScheduleOptions): SyncLoop {
  const timers: Timers = options.timers ?? {
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  };
  const random = options.random ?? Math.random;
  const interval = options.intervalMs ?? 15_000;
  const closeMinute = parseCloseAt(options.closeAt ?? '23:30');
  const probe = options.probe ?? (() => probeHeadOffice(deps));
  const refusedDelay = (n: number) =>
    backoffDelay(n, options.backoffBaseMs ?? 1_000, options.backoffMaxMs ?? 300_000, random);
  const probeMax = options.probeMaxMs ?? PROBE_MAX_MS;
  const probeDelay = (n: number) =>
    backoffDelay(n, Math.min(options.probeBaseMs ?? PROBE_BASE_MS, probeMax), probeMax, random);
  let failures = 0;
  let offline = false;
  let probes = 0;
  let handle: unknown = null;
  let running = false;
  let stopped = false;
  let again = false;

  const schedule = (ms: number) => {
    if (stopped) return;
    if (handle !== null) timers.clearTimeout(handle);
    handle = timers.setTimeout(() => {
      handle = null;
      void tick();
    }, ms);
  };

  async function maybeClose(): Promise<void> {
    const now = deps.clock.now();
    const today = businessDay(now, options.timeZone);
    if (localMinutes(now, options.timeZone) < closeMinute || (readState(deps.db, 'lastClosedDay') ?? '') >= today)
      return;
    await closeDays(deps, today);
  }

  /** One sync; the pause after it. */
  async function syncStep(): Promise<number> {
    let status: SyncResult['status'] | 'error' = 'error';
    let delay = interval;
    try {
      options.beforeSync?.();
      const result = await syncOnce(deps);
      status = result.status;
      options.onResult?.(result);
      if (result.status === 'synced') {
        failures = 0;
        offline = false;
        probes = 0;
        await maybeClose();
      } else if (result.status === 'offline') {
        offline = true;
        probes += 1;
        delay = probeDelay(probes);
      } else if (result.status === 'refused') {
        offline = false;
        failures += 1;
        delay = refusedDelay(failures);
      }
    } catch (error) {
      failures += 1;
      delay = refusedDelay(failures);
      console.error('tillcard sync failed', error);
    }
    options.onStep?.({ kind: 'sync', status, nextDelayMs: delay });
    return delay;
  }

  /** While offline: ask whether head office is back; the pause after it, or null to sync now. */
  async function probeStep(): Promise<number | null> {
    const reachable = await probe().catch(() => false);
    if (reachable) {
      options.onStep?.({ kind: 'probe', reachable, nextDelayMs: 0 });
      return null;
    }
    probes += 1;
    const delay = probeDelay(probes);
    options.onStep?.({ kind: 'probe', reachable, nextDelayMs: delay });
    return delay;
  }

  async function tick(): Promise<void> {
    if (running) {
      again = true;
      return;
    }
    running = true;
    let delay = interval;
    try {
      const waited = offline ? await probeStep() : null;
      delay = waited ?? (await syncStep());
    } catch (error) {
      // onStep or onResult threw: keep the loop alive at the ordinary pace.
      console.error('tillcard sync loop step failed', error);
    } finally {
      running = false;
    }
    schedule(again ? 0 : delay);
    again = false;
  }

  schedule(0);
  return {
    nudge: () => (running ? (again = true) : schedule(0)),
    stop: () => {
      stopped = true;
      if (handle !== null) timers.clearTimeout(handle);
    },
  };
}

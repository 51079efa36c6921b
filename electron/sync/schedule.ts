import { businessDay } from '../services/businessDay';
import { closeDays, syncOnce, type SyncDeps, type SyncResult } from './job';
import { readState } from './state';

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface ScheduleOptions {
  /** Pause between syncs while online (a sale nudges an immediate one). */
  intervalMs?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** Local time of the nightly close, "HH:MM" in the shop's time zone. */
  closeAt?: string;
  timeZone: string;
  timers?: Timers;
  /** [0, 1): jitter source, injected so tests are repeatable. */
  random?: () => number;
  onResult?: (result: SyncResult) => void;
}

/** Exponential backoff with full jitter: a chain's terminals coming back together do not stampede. */
export function backoffDelay(failures: number, baseMs: number, maxMs: number, random: () => number): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(failures - 1, 30));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** Minutes since local midnight of `epochMs` in `timeZone`. */
export function localMinutes(epochMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(epochMs);
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

/** Continuous sync while online, backoff with jitter while not, and the nightly close. */
export function startSyncLoop(deps: SyncDeps, options: ScheduleOptions): SyncLoop {
  const timers: Timers = options.timers ?? { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) };
  const random = options.random ?? Math.random;
  const interval = options.intervalMs ?? 15_000;
  const closeMinute = parseCloseAt(options.closeAt ?? '23:30');
  let failures = 0;
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
    if (localMinutes(now, options.timeZone) < closeMinute || (readState(deps.db, 'lastClosedDay') ?? '') >= today) return;
    await closeDays(deps, today);
  }

  async function tick(): Promise<void> {
    if (running) {
      again = true;
      return;
    }
    running = true;
    let delay = interval;
    try {
      const result = await syncOnce(deps);
      options.onResult?.(result);
      if (result.status === 'synced') {
        failures = 0;
        await maybeClose();
      } else if (result.status === 'offline' || result.status === 'refused') {
        failures += 1;
        delay = backoffDelay(failures, options.backoffBaseMs ?? 1_000, options.backoffMaxMs ?? 300_000, random);
      }
    } catch (error) {
      failures += 1;
      delay = backoffDelay(failures, options.backoffBaseMs ?? 1_000, options.backoffMaxMs ?? 300_000, random);
      console.error('tillcard sync failed', error);
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

import { setTimeout as sleep } from 'node:timers/promises';
import type { HoDb } from '../store/connect';
import { rebuildSummariesIfMissing } from '../stats/summariesAtStart';
import { backfillTierHistoryIfEmpty } from '../tiers/tierHistoryAtStart';
import type { Clock } from '../sources';
import { DEFAULT_DERIVE_CHUNK, DEFAULT_DERIVE_CONCURRENCY, DEFAULT_SWEEP_MS, deriveTerminal, lagging } from './deriver';

/** Least a chunk waits for pushes in flight to finish (see `pushesInFlight`). */
const DEFAULT_YIELD_MS = 250;
/** While pushes keep coming, a chunk waits this many times as long as the previous chunk took. */
const PUSH_SHARE = 3;
/** …but never longer than this: derivation must not starve under a sustained load. */
const MAX_YIELD_MS = 2_000;
const YIELD_STEP_MS = 5;
/**
 * A push that ended this recently still counts as in flight: a terminal sending a backlog asks again
 * within milliseconds, and on PGlite (one connection) a chunk begun in that gap made the next push
 * wait for the whole chunk (build/scripts/bench/PERFORMANCE.md, 2026-12-03).
 */
const PUSH_GAP_MS = 100;
/**
 * A terminal whose last batch said more records follow is sending a backlog: the deriver stands back
 * until it ends (or the terminal is silent this long), so the backlog is acknowledged at the store's
 * pace, then derives it. On PGlite's one connection every chunk otherwise stalled the next push.
 */
const BACKLOG_GAP_MS = 1_000;
/** …but a chain of backlogs never holds derivation back longer than this in one go. */
const MAX_STAND_BACK_MS = 30_000;

export interface DerivationLoopOptions {
  chunkRecords?: number;
  sweepMs?: number;
  concurrency?: number;
  log?: (message: string) => void;
  /**
   * Pushes this process is answering right now. Before each chunk the deriver waits while there
   * are any, up to `yieldMs` or three times the previous chunk's time: acknowledging a terminal's
   * records comes first (its outbox, the terminals' lock), deriving them a moment later; the bound
   * keeps derivation from starving.
   */
  pushesInFlight?: () => number;
  /** When this process last answered a push (performance.now()); null before the first. */
  lastPushEndedAt?: () => number | null;
  yieldMs?: number;
  /** A backlog's terminal silent this long is deemed done (BACKLOG_GAP_MS; a test sets it longer than its checks). */
  backlogGapMs?: number;
  /** Told once the start's check of the summaries has run (a rebuild, if one was due, is done). */
  onSummariesChecked?: () => void;
}

export interface DerivationLoop {
  /**
   * A push just stored records of this terminal: derive them soon. `moreComing`: the terminal said
   * its outbox holds more than this batch (a backlog is running); false: this was its last; omitted: no news.
   */
  kick(terminalId: string, moreComing?: boolean): void;
  /** Finishes the chunks in flight (they commit or roll back whole) and stops sweeping. */
  stop(): Promise<void>;
}

/**
 * The deriver every server process runs: kicked after each push, plus a sweep every
 * `sweepMs` (and one at start) that finds terminals whose stored records are not all derived —
 * after a crash, a restart, or a kick another process took. Its only state is a queue of
 * terminal ids to look at; what is derived lives in PostgreSQL (derived_seq), and a terminal
 * another process is deriving is skipped (try-lock), so any number of processes can run it.
 */
export function startDerivationLoop(db: HoDb, clock: Clock, options: DerivationLoopOptions = {}): DerivationLoop {
  const chunkRecords = options.chunkRecords ?? DEFAULT_DERIVE_CHUNK;
  const concurrency = options.concurrency ?? DEFAULT_DERIVE_CONCURRENCY;
  const log = options.log ?? ((m: string) => console.error(m));
  const queued = new Set<string>();
  const running = new Map<string, Promise<void>>();
  let stopping = false;

  const pushesNow = options.pushesInFlight ?? (() => 0);
  const lastPushEnded = options.lastPushEndedAt ?? (() => null);
  const inFlight = (): boolean => {
    const ended = lastPushEnded();
    return pushesNow() > 0 || (ended !== null && performance.now() - ended < PUSH_GAP_MS);
  };
  const yieldMs = options.yieldMs ?? DEFAULT_YIELD_MS;
  /**
   * Before each chunk, whichever terminal it is for: wait while pushes are in flight, for at
   * least `yieldMs` and at least PUSH_SHARE × the previous chunk's time (capped), so while pushes
   * keep coming the deriver takes about 1/(1 + PUSH_SHARE) of the process, whatever a chunk
   * costs. The previous chunk is the process's, not the terminal's: a burst from many terminals
   * must not restart the count at every terminal.
   */
  let lastChunkStarted: number | null = null;
  const backlogs = new Map<string, number>();
  const backlogGapMs = options.backlogGapMs ?? BACKLOG_GAP_MS;
  let standingBackSince: number | null = null;
  const backlogRunning = (): boolean => {
    const now = performance.now();
    for (const [id, at] of backlogs) if (now - at > backlogGapMs) backlogs.delete(id);
    if (backlogs.size === 0) standingBackSince = null;
    return backlogs.size > 0;
  };
  const standBack = async (): Promise<void> => {
    while (!stopping && backlogRunning()) {
      standingBackSince ??= performance.now();
      if (performance.now() - standingBackSince > MAX_STAND_BACK_MS) return;
      await sleep(YIELD_STEP_MS);
    }
  };
  const giveWay = async (): Promise<void> => {
    await standBack();
    const lastChunkMs = lastChunkStarted === null ? 0 : performance.now() - lastChunkStarted;
    const bound = Math.min(MAX_YIELD_MS, Math.max(yieldMs, lastChunkMs * PUSH_SHARE));
    for (let waited = 0; waited < bound && inFlight() && !stopping; waited += YIELD_STEP_MS) await sleep(YIELD_STEP_MS);
    lastChunkStarted = performance.now();
  };

  const run = (terminalId: string): Promise<void> =>
    deriveTerminal(db, clock, terminalId, { chunkRecords, stopping: () => stopping, beforeChunk: giveWay }).then(
      () => undefined,
      (error: unknown) =>
        log(
          `head office: deriving terminal ${terminalId} failed (the sweep retries): ` +
            `${error instanceof Error ? error.message : String(error)}`,
        ),
    );

  // Nothing is derived until the summaries are known to be there (rebuilt once for an old database).
  let summariesChecked = false;
  const pump = (): void => {
    if (!summariesChecked) return;
    for (const id of [...queued]) {
      if (stopping || running.size >= concurrency) return;
      if (running.has(id)) continue;
      queued.delete(id);
      running.set(
        id,
        run(id).finally(() => {
          running.delete(id);
          pump();
        }),
      );
    }
  };

  const kick = (terminalId: string, moreComing?: boolean): void => {
    if (stopping) return;
    // Only a push knows (undefined from the sweep): its last batch ends the backlog at once.
    if (moreComing === true) backlogs.set(terminalId, performance.now());
    else if (moreComing === false) backlogs.delete(terminalId);
    queued.add(terminalId);
    pump();
  };

  let sweeping = false;
  const checkSummaries = async (): Promise<void> => {
    if (await rebuildSummariesIfMissing(db)) log('head office: statistics summaries rebuilt from the stored rows');
    if (await backfillTierHistoryIfEmpty(db, clock.now())) log('head office: tier history back-filled');
    summariesChecked = true;
    options.onSummariesChecked?.();
  };
  const sweep = (): void => {
    if (stopping || sweeping) return;
    sweeping = true;
    (summariesChecked ? Promise.resolve() : checkSummaries())
      .then(() => lagging(db))
      .then(
        (ids) => {
          for (const id of ids) kick(id);
        },
        (error: unknown) =>
          log(`head office: derivation sweep failed: ${error instanceof Error ? error.message : String(error)}`),
      )
      .finally(() => {
        sweeping = false;
      });
  };
  const timer = setInterval(sweep, options.sweepMs ?? DEFAULT_SWEEP_MS);
  timer.unref();
  sweep();

  return {
    kick,
    stop: async () => {
      stopping = true;
      clearInterval(timer);
      queued.clear();
      // Bounded: each chunk ends (commit or rollback), and `stopping` ends every loop after its chunk.
      while (running.size > 0 || sweeping)
        await Promise.all([...running.values(), new Promise((r) => setTimeout(r, 5))]);
    },
  };
}

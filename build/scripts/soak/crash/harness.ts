// The crash harness: a child till records sales as fast as it can; we SIGKILL it at a random
// moment, reopen its database as the till would, and check that every acknowledged record is
// there and nothing is half-written. Seeded: the same seed gives the same kill delays and the
// same trading (where the kill lands within a transaction still depends on the machine's speed).
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { defaultMigrationsDir } from '../../../../db/open';
import { DB_FILE_NAME, openTerminalCore } from '../../../../electron/terminal/terminalCore';
import { KEY_FILE_NAME } from '../../../../electron/platform/databaseKey';
import { Random } from '../../generate/random';
import { prepareChild, type ChildCommand, type ChildMode } from './childProcess';
import { checkAfterCrash } from './invariants';
import { completeLines, goLine, parseAckLine, READY_LINE, type Ack } from './protocol';

export interface CrashOptions {
  seed: number;
  kills: number;
  /** A fresh copy of the demo database after this many kills, so each check stays quick. */
  killsPerDb: number;
  /** Longest time the child trades before the kill. */
  maxRunMs: number;
  child: ChildMode;
  /** Independent lineages of databases killed side by side (each kill still checked alone). */
  lanes: number;
  log: (line: string) => void;
}

export interface CrashResult {
  seed: number;
  kills: number;
  /** Kills that landed before the child was ready (during start-up, migrations, recovery). */
  killsDuringStartup: number;
  acked: number;
  ackedLost: number;
  violations: string[];
  /** The child died on its own, or reported an unexpected refusal or error. */
  crashes: string[];
  finalCounts: { sales: number; redemptions: number; members: number; outbox: number };
  seconds: number;
}

interface ChildRun {
  acks: Ack[];
  killedByUs: boolean;
  sawReady: boolean;
  exit: string;
  unexpected: string[];
}

interface WaitingChild {
  /** Starts trading on `dataDir`; the kill lands `delayMs` after READY, or after GO if `early`. */
  go(dataDir: string, seed: number, delayMs: number, early: boolean): Promise<ChildRun>;
  /** Ends a child that never got its GO (the one started ahead for a kill that is not coming). */
  discard(): void;
}

/**
 * A child started ahead of time: node starts and loads the terminal core's code (most of a
 * restart's cost) while the parent is still checking the previous kill's database, and it
 * touches no database until GO. One child life: GO, trade, SIGKILL.
 */
function startChild(cmd: ChildCommand): WaitingChild {
  const child = spawn(cmd.command, [...cmd.args, '--migrations', defaultMigrationsDir], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const acks: Ack[] = [];
  const unexpected: string[] = [];
  let out = '';
  let err = '';
  let sawReady = false;
  let killedByUs = false;
  let onReady: () => void = () => undefined;
  const kill = (): void => {
    killedByUs = true;
    child.kill('SIGKILL');
  };
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    const { lines, rest } = completeLines(out + chunk);
    out = rest;
    for (const line of lines) {
      if (line === READY_LINE && !sawReady) {
        sawReady = true;
        onReady();
        continue;
      }
      const ack = parseAckLine(line);
      if (ack) acks.push(ack);
    }
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    const { lines, rest } = completeLines(err + chunk);
    err = rest;
    unexpected.push(...lines.filter((l) => l.startsWith('UNEXPECTED')));
  });
  // A stdin write to a child that already died (it would be reported at close) must not throw.
  child.stdin.on('error', () => undefined);
  const closed = new Promise<string>((resolve) =>
    child.on('close', (code, signal) => resolve(signal ?? `exit ${String(code)}`)),
  );
  return {
    go: async (dataDir, seed, delayMs, early) => {
      // A child that never gets ready is killed anyway (and reported by the caller).
      const watchdog = setTimeout(kill, early ? delayMs : 60_000);
      onReady = () => {
        if (early) return;
        clearTimeout(watchdog);
        setTimeout(kill, delayMs);
      };
      child.stdin.write(goLine({ seed, dataDir }));
      const exit = await closed;
      clearTimeout(watchdog);
      return { acks, killedByUs, sawReady, exit, unexpected };
    },
    discard: () => {
      child.kill('SIGKILL');
    },
  };
}

/** The demo shop, set up once through the real services; every database epoch starts from a copy. */
function makeTemplate(dir: string): string {
  const core = openTerminalCore({ dataDir: dir, log: () => undefined });
  const status = core.dispatch('setupDemoShop', {});
  core.close();
  if (!status.ok) throw new Error(`crash harness: demo shop set-up failed: ${status.error.code}`);
  return join(dir, DB_FILE_NAME);
}

const STARTUP_KILL_WINDOW_MS = 120;

/**
 * One lane: a lineage of databases, each started from the template and killed `killsPerDb`
 * times in a row. Kill numbers are the run's (lane 0 takes 0, lanes, 2·lanes, …), so a report
 * names the same kill on a replay.
 */
async function runLane(
  lane: number,
  options: CrashOptions,
  cmd: ChildCommand,
  template: string,
  work: string,
  result: CrashResult,
): Promise<void> {
  const lanes = Math.max(1, options.lanes);
  const kills = Math.floor(options.kills / lanes) + (lane < options.kills % lanes ? 1 : 0);
  const rnd = new Random(options.seed + lane);
  let waiting: WaitingChild | null = startChild(cmd);
  let dataDir = '';
  try {
    for (let k = 0; k < kills; k += 1) {
      const i = k * lanes + lane;
      if (k % options.killsPerDb === 0) {
        dataDir = join(work, `lane-${lane}-db-${k / options.killsPerDb}`);
        mkdirSync(dataDir);
        copyFileSync(template, join(dataDir, DB_FILE_NAME));
        copyFileSync(join(dirname(template), KEY_FILE_NAME), join(dataDir, KEY_FILE_NAME));
      }
      // One kill in ten lands during start-up: opening, WAL recovery, migrations (counted from
      // GO, the code already loaded; those take tens of milliseconds, more on a busy machine).
      const early = rnd.chance(0.1);
      const delayMs = early ? rnd.int(STARTUP_KILL_WINDOW_MS) : rnd.int(options.maxRunMs);
      const child = waiting ?? startChild(cmd);
      waiting = null;
      const run = await child.go(dataDir, rnd.u32(), delayMs, early);
      // The next child loads its code while this kill's database is being checked.
      if (k + 1 < kills) waiting = startChild(cmd);
      result.kills += 1;
      if (!run.sawReady) result.killsDuringStartup += 1;
      result.acked += run.acks.length;
      if (!run.killedByUs) result.crashes.push(`kill ${i}: the child ended by itself (${run.exit})`);
      if (!early && !run.sawReady) result.crashes.push(`kill ${i}: the child never got ready`);
      result.crashes.push(...run.unexpected.map((u) => `kill ${i}: ${u}`));
      const check = checkAfterCrash(join(dataDir, DB_FILE_NAME), run.acks, defaultMigrationsDir);
      result.ackedLost += check.ackedLost.length;
      for (const lost of check.ackedLost)
        result.violations.push(`kill ${i}: acknowledged ${lost.kind} ${lost.id} is missing`);
      result.violations.push(...check.violations.map((v) => `kill ${i}: ${v}`));
      result.finalCounts = check.counts;
      if (result.kills % 25 === 0 || result.kills === options.kills) {
        options.log(
          `crash: ${result.kills}/${options.kills} kills, ${result.acked} acknowledged, ${result.ackedLost} ` +
            `lost, ${result.violations.length} violations, ${check.counts.sales} sales in lane ${lane}'s db`,
        );
      }
    }
  } finally {
    waiting?.discard();
  }
}

export async function runCrashHarness(options: CrashOptions): Promise<CrashResult> {
  const started = Date.now();
  const work = mkdtempSync(join(tmpdir(), 'tillcard-crash-'));
  const result: CrashResult = {
    seed: options.seed,
    kills: 0,
    killsDuringStartup: 0,
    acked: 0,
    ackedLost: 0,
    violations: [],
    crashes: [],
    finalCounts: { sales: 0, redemptions: 0, members: 0, outbox: 0 },
    seconds: 0,
  };
  try {
    const template = makeTemplate(join(work, 'template'));
    const cmd = await prepareChild(options.child);
    // A kill's life is mostly waiting (the trading delay, fsync, the child's start): two lanes
    // of databases, each with its own child, overlap those waits on the 2 cores.
    const lanes = Math.max(1, Math.min(options.lanes, options.kills));
    await Promise.all(
      Array.from({ length: lanes }, (_, lane) => runLane(lane, { ...options, lanes }, cmd, template, work, result)),
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  result.seconds = Math.round((Date.now() - started) / 100) / 10;
  return result;
}

// The crash harness: a child till records sales as fast as it can; we SIGKILL it at a random
// moment, reopen its database as the till would, and check that every acknowledged record is
// there and nothing is half-written. Seeded: the same seed gives the same kill delays and the
// same trading (where the kill lands within a transaction still depends on the machine's speed).
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultMigrationsDir } from '../../../../db/open';
import { DB_FILE_NAME, openTerminalCore } from '../../../../electron/core/terminalCore';
import { Random } from '../../generate/random';
import { prepareChild, type ChildCommand, type ChildMode } from './childProcess';
import { checkAfterCrash } from './invariants';
import { completeLines, parseAckLine, READY_LINE, type Ack } from './protocol';

export interface CrashOptions {
  seed: number;
  kills: number;
  /** A fresh copy of the demo database after this many kills, so each check stays quick. */
  killsPerDb: number;
  /** Longest time the child trades before the kill. */
  maxRunMs: number;
  child: ChildMode;
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

/** One child life: start it, kill it after `delayMs` (counted from READY, or from the start if `early`). */
function runChild(cmd: ChildCommand, dataDir: string, seed: number, delayMs: number, early: boolean): Promise<ChildRun> {
  return new Promise((resolve) => {
    const child = spawn(cmd.command, [...cmd.args, '--data', dataDir, '--migrations', defaultMigrationsDir, '--seed', String(seed)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acks: Ack[] = [];
    const unexpected: string[] = [];
    let out = '';
    let err = '';
    let sawReady = false;
    let killedByUs = false;
    const kill = (): void => {
      killedByUs = true;
      child.kill('SIGKILL');
    };
    // A child that never gets ready is killed anyway (and reported by the caller).
    const watchdog = setTimeout(kill, early ? delayMs : 60_000);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      const { lines, rest } = completeLines(out + chunk);
      out = rest;
      for (const line of lines) {
        if (line === READY_LINE && !sawReady) {
          sawReady = true;
          if (!early) {
            clearTimeout(watchdog);
            setTimeout(kill, delayMs);
          }
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
    child.on('close', (code, signal) => {
      clearTimeout(watchdog);
      resolve({ acks, killedByUs, sawReady, exit: signal ?? `exit ${String(code)}`, unexpected });
    });
  });
}

/** The demo shop, set up once through the real services; every database epoch starts from a copy. */
function makeTemplate(dir: string): string {
  const core = openTerminalCore({ dataDir: dir, log: () => undefined });
  const status = core.dispatch('setupDemoShop', {});
  core.close();
  if (!status.ok) throw new Error(`crash harness: demo shop set-up failed: ${status.error.code}`);
  return join(dir, DB_FILE_NAME);
}

export async function runCrashHarness(options: CrashOptions): Promise<CrashResult> {
  const started = Date.now();
  const work = mkdtempSync(join(tmpdir(), 'tillcard-crash-'));
  const rnd = new Random(options.seed);
  const result: CrashResult = {
    seed: options.seed, kills: 0, killsDuringStartup: 0, acked: 0, ackedLost: 0, violations: [], crashes: [],
    finalCounts: { sales: 0, redemptions: 0, members: 0, outbox: 0 }, seconds: 0,
  };
  try {
    const template = makeTemplate(join(work, 'template'));
    const cmd = await prepareChild(options.child);
    let dataDir = '';
    for (let i = 0; i < options.kills; i += 1) {
      if (i % options.killsPerDb === 0) {
        dataDir = join(work, `db-${i / options.killsPerDb}`);
        mkdirSync(dataDir);
        copyFileSync(template, join(dataDir, DB_FILE_NAME));
      }
      // One kill in ten lands during start-up: opening, WAL recovery, migrations.
      const early = rnd.chance(0.1);
      const delayMs = early ? rnd.int(400) : rnd.int(options.maxRunMs);
      const run = await runChild(cmd, dataDir, rnd.u32(), delayMs, early);
      result.kills += 1;
      if (!run.sawReady) result.killsDuringStartup += 1;
      result.acked += run.acks.length;
      if (!run.killedByUs) result.crashes.push(`kill ${i}: the child ended by itself (${run.exit})`);
      if (!early && !run.sawReady) result.crashes.push(`kill ${i}: the child never got ready`);
      result.crashes.push(...run.unexpected.map((u) => `kill ${i}: ${u}`));
      const check = checkAfterCrash(join(dataDir, DB_FILE_NAME), run.acks, defaultMigrationsDir);
      result.ackedLost += check.ackedLost.length;
      for (const lost of check.ackedLost) result.violations.push(`kill ${i}: acknowledged ${lost.kind} ${lost.id} is missing`);
      result.violations.push(...check.violations.map((v) => `kill ${i}: ${v}`));
      result.finalCounts = check.counts;
      if ((i + 1) % 25 === 0 || i + 1 === options.kills) {
        options.log(`crash: ${i + 1}/${options.kills} kills, ${result.acked} acknowledged, ${result.ackedLost} lost, ${result.violations.length} violations, ${check.counts.sales} sales in this db`);
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  result.seconds = Math.round((Date.now() - started) / 100) / 10;
  return result;
}

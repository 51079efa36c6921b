// Bad-input fuzzing at every contract entry, in process through core.dispatch — exactly what
// Electron's IPC handlers call. Loops over `channels`, so a new call is fuzzed the day it exists.
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { channels, type Channel, type ErrorCode } from '../../../../shared/contract';
import { openTerminalCore, type TerminalCore } from '../../../../electron/terminal/terminalCore';
import { fixedClock, sequentialIds } from '../../../../electron/platform/sources';
import { assertLedgerConsistent, assertOutboxGapFree } from '../../../../electron/services/services.testkit';
import type { Fixtures } from './examples';
import { describeChange, stateFingerprint } from './fingerprint';
import { badInputs } from './mutate';
import { count, countWrite, newTally, type BoundaryTally } from './tally';
import { keepManagerSignedIn } from '../../../../electron/terminal/session.testkit';
import { fuzzMemberImport } from './importFuzz';
import { fuzzTillAccess } from './tillAccess';
import { judge, mayWrite, type Verdict } from './verdict';
import { sqliteMarker, writeWatch } from './writeWatch';

export interface FuzzOptions {
  seed: number;
  /** Inputs per channel on the configured demo shop. */
  runsPerChannel: number;
  log: (line: string) => void;
}

export interface ContractFuzzResult {
  tallies: BoundaryTally[];
  /** Invariants of the fuzzed database afterwards (ledger = balances, outbox gap-free). */
  violations: string[];
}

/** Real members, cards and rewards of the fuzz database, for examples that reach the services. */
export function readFixtures(core: TerminalCore): Fixtures {
  const c = core.db.$client;
  const column = (sql: string): string[] => c.prepare(sql).pluck().all().map(String);
  return {
    memberIds: column('SELECT id FROM members ORDER BY created_at LIMIT 20'),
    cardNumbers: column("SELECT number FROM cards WHERE status = 'active' ORDER BY number LIMIT 20"),
    rewardIds: column('SELECT id FROM rewards ORDER BY code'),
    saleIds: column('SELECT id FROM sales ORDER BY id LIMIT 50'),
    cashierIds: column("SELECT id FROM staff WHERE role = 'cashier' ORDER BY created_at LIMIT 5"),
    managerIds: column("SELECT id FROM staff WHERE role = 'manager' ORDER BY created_at LIMIT 5"),
  };
}

/** Calls per (channel, caller) of the access fuzz: a thirtieth of the bad inputs, at least three. */
export const accessRuns = (runsPerChannel: number): number => Math.max(3, Math.round(runsPerChannel / 30));

/** Lets the event loop run between inputs, so a crash harness running beside us keeps its timing. */
const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

async function fuzzChannel(
  core: TerminalCore,
  channel: Channel,
  tally: BoundaryTally,
  runs: number,
  seed: number,
  alsoAllowed: ErrorCode | null,
): Promise<void> {
  const arb = badInputs(channel, readFixtures(core), 'inProcess');
  const watch = writeWatch({ marker: sqliteMarker(core.db), fingerprint: () => stateFingerprint(core.db) });
  await fc.check(
    fc.asyncProperty(arb, async (input) => {
      await yieldToLoop();
      await watch.start();
      let verdict: Verdict;
      try {
        verdict = judge(channel, await core.dispatch(channel, input));
      } catch (error) {
        verdict = { kind: 'crash', why: `dispatch threw ${String(error)}` };
      }
      if (verdict.kind === 'untyped' && alsoAllowed !== null && verdict.why.startsWith(`${alsoAllowed} `))
        verdict = { kind: 'refused', code: alsoAllowed };
      count(tally, verdict, input);
      // The shop is fuzzed as its manager: an input that signed out or locked the till is undone.
      if (core.session.configured()) keepManagerSignedIn(core);
      if (mayWrite(verdict)) {
        watch.accepted();
        return true;
      }
      const change = await watch.afterRefusal();
      if (change && change.after !== change.before)
        countWrite(tally, describeChange(change.before, change.after), input);
      return true;
    }),
    { numRuns: runs, seed },
  );
}

function openFuzzCore(dir: string, onInternal: (m: string, e: unknown) => void): TerminalCore {
  return openTerminalCore({
    dataDir: dir,
    clock: fixedClock(Date.UTC(2025, 5, 1, 2)),
    ids: sequentialIds(7),
    timeZone: 'Asia/Shanghai',
    validateOutput: true,
    log: onInternal,
  });
}

export async function runContractFuzz(options: FuzzOptions): Promise<ContractFuzzResult> {
  const work = mkdtempSync(join(tmpdir(), 'tillcard-fuzz-'));
  const tallies: BoundaryTally[] = [];
  const violations: string[] = [];
  const internal = (m: string, e: unknown): void =>
    void violations.push(`${m}: ${e instanceof Error ? e.message : String(e)}`.slice(0, 400));
  const shop = openFuzzCore(join(work, 'shop'), internal);
  const blank = openFuzzCore(join(work, 'blank'), internal);
  const access = openFuzzCore(join(work, 'access'), internal);
  try {
    const setup = shop.dispatch('setupDemoShop', {});
    if (!setup.ok) throw new Error(`fuzz: demo shop set-up failed: ${setup.error.code}`);
    // The member import's CSV (the CLI's and the manager's import), on the demo shop before the calls'
    // fuzzing (a fuzzed call may leave the shop unconfigured).
    const importTally = await fuzzMemberImport(shop, options.runsPerChannel, options.seed + 3_000);
    tallies.push(importTally);
    options.log(
      `fuzz ${importTally.boundary}: ${importTally.inputs} files, ${importTally.refused} refused, ` +
        `${importTally.writes} writes, ${importTally.crashes} crashes`,
    );
    for (const [i, channel] of channels.entries()) {
      const tally = newTally(`dispatch ${channel}`);
      await fuzzChannel(shop, channel, tally, options.runsPerChannel, options.seed + i, null);
      // The same call on a terminal not set up yet: NOT_CONFIGURED is then a documented answer.
      await fuzzChannel(
        blank,
        channel,
        tally,
        Math.max(20, Math.round(options.runsPerChannel / 10)),
        options.seed + 1_000 + i,
        'NOT_CONFIGURED',
      );
      tallies.push(tally);
      options.log(
        `fuzz dispatch ${channel}: ${tally.inputs} inputs, ${tally.refused} refused, ${tally.writes} writes, ` +
          `${tally.crashes} crashes, ${tally.untyped} untyped`,
      );
    }
    // Who may call what: every channel as a signed-out till, a cashier and a manager, on a demo shop
    // of its own (the bad inputs above may have left theirs; the manager's leaveDemoShop leaves this one).
    const setUp = access.dispatch('setupDemoShop', {});
    if (!setUp.ok) throw new Error(`fuzz: demo shop set-up failed: ${setUp.error.code}`);
    const accessTallies = await fuzzTillAccess({
      core: access,
      fixtures: readFixtures(access),
      send: (channel, input) => Promise.resolve(access.dispatch(channel, input)),
      transport: 'inProcess',
      label: 'dispatch',
      runsPerCall: accessRuns(options.runsPerChannel),
      seed: options.seed + 2_000,
    });
    tallies.push(...accessTallies);
    for (const t of accessTallies)
      options.log(`fuzz ${t.boundary}: ${t.inputs} calls, ${t.wrongAccess} wrong access, ${t.writes} writes`);
    for (const core of [shop, blank, access]) {
      try {
        assertLedgerConsistent(core.db);
        assertOutboxGapFree(core.db);
      } catch (error) {
        violations.push(error instanceof Error ? error.message : String(error));
      }
    }
  } finally {
    shop.close();
    blank.close();
    access.close();
    rmSync(work, { recursive: true, force: true });
  }
  return { tallies, violations };
}

// One soak run: the parts the plan names, their results gathered for the report, and how long
// each part took (the summary prints it, so a long run shows where its time went).
import type { SoakPlan } from './args';
import { runCrashHarness } from './crash/harness';
import { runContractFuzz } from './fuzz/contractFuzz';
import { runHeadOfficeFuzz } from './fuzz/headOfficeFuzz';
import { runHostFuzz } from './fuzz/hostFuzz';
import { runRestoreFuzz } from './fuzz/restoreFuzz';
import { runPartProcess, type PartResult } from './fuzz/partProcess';
import { runLoadTest } from './load/loadTest';
import { runNetworkSoak } from './network/soak';
import type { SoakOutcome } from './report';

export const NETWORK_NOTE =
  'faults, records_lost and records_duplicated are 0 because the network-fault soak was not part of this run (--only)';

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export async function runSoak(plan: SoakPlan, log: (line: string) => void): Promise<SoakOutcome> {
  const started = Date.now();
  const outcome: SoakOutcome = {
    seed: plan.seed,
    seconds: 0,
    crash: null,
    tallies: [],
    fuzzViolations: [],
    notes: [],
    network: null,
    load: null,
    durations: [],
  };
  const has = (p: SoakPlan['parts'][number]): boolean => plan.parts.includes(p);
  const timed = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
    const t0 = Date.now();
    try {
      return await run();
    } finally {
      outcome.durations.push({ part: name, seconds: Math.round((Date.now() - t0) / 100) / 10 });
    }
  };
  // The crash child waits on fsync most of the time; the fuzzing runs beside it (the in-process
  // part yields between inputs) so they share the 2 cores instead of taking turns.
  const crash = has('crash')
    ? timed('crash harness', () =>
        runCrashHarness({
          seed: plan.seed,
          kills: plan.kills,
          killsPerDb: plan.killsPerDb,
          lanes: plan.crashLanes,
          maxRunMs: plan.maxRunMs,
          child: plan.child,
          log,
        }),
      )
    : Promise.resolve(null);
  // A part that cannot run (say, head office mid-migration) is a reported failure, not the end
  // of the run: the other parts' figures still come out.
  const part = async (name: string, run: () => Promise<PartResult>): Promise<PartResult> => {
    try {
      return await timed(name, run);
    } catch (error) {
      return { tallies: [], violations: [`${name} could not run: ${message(error)}`.slice(0, 600)] };
    }
  };
  const none = Promise.resolve<PartResult>({ tallies: [], violations: [] });
  // The HTTP fuzzers get processes of their own (started first, they run while the contract
  // fuzz runs here); --fuzz-in-process runs all three here, one after the other.
  const apart = plan.fuzzProcesses;
  const http =
    has('http') && apart
      ? part('browser host fuzz', () =>
          runPartProcess(
            { part: 'http', seed: plan.seed, runsPerChannel: plan.httpRunsPerChannel, rawRuns: plan.httpRawRuns },
            log,
          ),
        )
      : null;
  const headOffice =
    has('headoffice') && apart
      ? part('head office fuzz', () =>
          runPartProcess({ part: 'headoffice', seed: plan.seed, runsPerRoute: plan.headOfficeRuns }, log),
        )
      : null;
  const results: PartResult[] = [];
  results.push(
    await (has('fuzz')
      ? part('contract fuzz', () => runContractFuzz({ seed: plan.seed, runsPerChannel: plan.fuzzRunsPerChannel, log }))
      : none),
  );
  // Damaged backups at the command line's restore: a restore is seconds of work, so a tenth of the runs.
  const restoreRuns = Math.max(10, Math.min(500, Math.round(plan.fuzzRunsPerChannel / 10)));
  results.push(
    await (has('fuzz')
      ? part('restore fuzz', () => runRestoreFuzz({ seed: plan.seed, runs: restoreRuns, log }))
      : none),
  );
  results.push(
    await (http ??
      (has('http')
        ? part('browser host fuzz', () =>
            runHostFuzz({ seed: plan.seed, runsPerChannel: plan.httpRunsPerChannel, rawRuns: plan.httpRawRuns, log }),
          )
        : none)),
  );
  results.push(
    await (headOffice ??
      (has('headoffice')
        ? part('head office fuzz', () => runHeadOfficeFuzz({ seed: plan.seed, runsPerRoute: plan.headOfficeRuns, log }))
        : none)),
  );
  for (const r of results) {
    outcome.tallies.push(...r.tallies);
    outcome.fuzzViolations.push(...r.violations);
  }
  // The network soak and the load test start their own head office processes; they run after
  // the fuzzing so the two cores are not shared three ways.
  if (has('network')) {
    try {
      outcome.network = await timed('network-fault soak', () =>
        runNetworkSoak({ seed: plan.seed, terminals: plan.networkTerminals, faults: plan.networkFaults, log }),
      );
      outcome.notes.push(...outcome.network.notes);
    } catch (error) {
      outcome.fuzzViolations.push(`network soak could not run: ${message(error)}`.slice(0, 600));
    }
  } else {
    outcome.notes.push(NETWORK_NOTE);
  }
  try {
    outcome.crash = await crash;
  } catch (error) {
    outcome.fuzzViolations.push(`crash harness could not run: ${message(error)}`.slice(0, 600));
  }
  // Load last, alone: its figures are throughput, which the other parts would distort.
  if (has('load')) {
    try {
      outcome.load = await timed('load test', () =>
        runLoadTest({
          seed: plan.seed,
          terminals: plan.loadTerminals,
          seconds: plan.loadSeconds,
          batchRecords: plan.loadBatchRecords,
          log,
        }),
      );
      if (outcome.load.backend === 'pglite')
        outcome.notes.push(
          'load test ran on PGlite (TILLCARD_TEST_DATABASE_URL unset): one connection, figures far below PostgreSQL',
        );
    } catch (error) {
      outcome.fuzzViolations.push(`load test could not run: ${message(error)}`.slice(0, 600));
    }
  }
  outcome.seconds = Math.round((Date.now() - started) / 1000);
  return outcome;
}

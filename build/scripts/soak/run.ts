// One soak run: the parts the plan names, their results gathered for the report.
import type { SoakPlan } from './args';
import { runCrashHarness } from './crash/harness';
import { runContractFuzz } from './fuzz/contractFuzz';
import { runHeadOfficeFuzz } from './fuzz/headOfficeFuzz';
import { runHostFuzz } from './fuzz/hostFuzz';
import { runLoadTest } from './load/loadTest';
import { runNetworkSoak } from './network/soak';
import type { SoakOutcome } from './report';

export const NETWORK_NOTE = 'faults, records_lost and records_duplicated are 0 because the network-fault soak was not part of this run (--only)';

export async function runSoak(plan: SoakPlan, log: (line: string) => void): Promise<SoakOutcome> {
  const started = Date.now();
  const outcome: SoakOutcome = { seed: plan.seed, seconds: 0, crash: null, tallies: [], fuzzViolations: [], notes: [], network: null, load: null };
  const has = (p: SoakPlan['parts'][number]): boolean => plan.parts.includes(p);
  // The crash child waits on fsync most of the time; the in-process fuzzing runs beside it
  // (it yields between inputs) so the two share the 2 cores instead of taking turns.
  const crash = has('crash')
    ? runCrashHarness({ seed: plan.seed, kills: plan.kills, killsPerDb: plan.killsPerDb, maxRunMs: plan.maxRunMs, child: plan.child, log })
    : Promise.resolve(null);
  // A part that cannot run (say, head office mid-migration) is a reported failure, not the end
  // of the run: the other parts' figures still come out.
  const part = async (name: string, run: () => Promise<{ tallies: SoakOutcome['tallies']; violations: string[] }>): Promise<void> => {
    try {
      const result = await run();
      outcome.tallies.push(...result.tallies);
      outcome.fuzzViolations.push(...result.violations);
    } catch (error) {
      outcome.fuzzViolations.push(`${name} could not run: ${error instanceof Error ? error.message : String(error)}`.slice(0, 600));
    }
  };
  if (has('fuzz')) await part('contract fuzz', () => runContractFuzz({ seed: plan.seed, runsPerChannel: plan.fuzzRunsPerChannel, log }));
  if (has('http')) await part('browser host fuzz', () => runHostFuzz({ seed: plan.seed, runsPerChannel: plan.httpRunsPerChannel, rawRuns: plan.httpRawRuns, log }));
  if (has('headoffice')) await part('head office fuzz', () => runHeadOfficeFuzz({ seed: plan.seed, runsPerRoute: plan.headOfficeRuns, log }));
  // The network soak and the load test start their own head office processes; they run after
  // the fuzzing so the two cores are not shared three ways.
  if (has('network')) {
    try {
      outcome.network = await runNetworkSoak({ seed: plan.seed, terminals: plan.networkTerminals, faults: plan.networkFaults, log });
      outcome.notes.push(...outcome.network.notes);
    } catch (error) {
      outcome.fuzzViolations.push(`network soak could not run: ${error instanceof Error ? error.message : String(error)}`.slice(0, 600));
    }
  } else {
    outcome.notes.push(NETWORK_NOTE);
  }
  try {
    outcome.crash = await crash;
  } catch (error) {
    outcome.fuzzViolations.push(`crash harness could not run: ${error instanceof Error ? error.message : String(error)}`.slice(0, 600));
  }
  // Load last, alone: its figures are throughput, which the other parts would distort.
  if (has('load')) {
    try {
      outcome.load = await runLoadTest({ seed: plan.seed, terminals: plan.loadTerminals, seconds: plan.loadSeconds, batchRecords: plan.loadBatchRecords, log });
      if (outcome.load.backend === 'pglite') outcome.notes.push('load test ran on PGlite (TILLCARD_TEST_DATABASE_URL unset): one connection, figures far below PostgreSQL');
    } catch (error) {
      outcome.fuzzViolations.push(`load test could not run: ${error instanceof Error ? error.message : String(error)}`.slice(0, 600));
    }
  }
  outcome.seconds = Math.round((Date.now() - started) / 1000);
  return outcome;
}

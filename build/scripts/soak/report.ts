// The soak's summary: a table per part for people, then ONE JSON line for machines (CI, the
// RELIABILITY figures).
import type { CrashResult } from './crash/harness';
import type { BoundaryTally } from './fuzz/tally';
import { loadSummaryLines, type LoadResult } from './load/loadTest';
import { networkSummaryLines, type NetworkResult } from './network/soak';

export interface SoakFigures {
  kills: number;
  acked_lost: number;
  faults: number;
  records_lost: number;
  records_duplicated: number;
  bad_inputs: number;
  bad_input_writes: number;
  crashes: number;
  untyped_refusals: number;
  /** Calls answered against the caller's role: must be 0 (the till's and head office's role tables). */
  wrong_access: number;
  /** Head-office load test: records stored per second, p99 push latency, failed pushes (null: not run). */
  load_records_per_s: number | null;
  load_p99_ms: number | null;
  load_errors: number | null;
  violations: number;
  seed: number;
  seconds: number;
  notes: string[];
}

export interface SoakOutcome {
  seed: number;
  seconds: number;
  crash: CrashResult | null;
  tallies: BoundaryTally[];
  fuzzViolations: string[];
  notes: string[];
  network: NetworkResult | null;
  load: LoadResult | null;
  /** Wall time of each part that ran, in the order they ended (parts overlap: crash runs beside the fuzzing). */
  durations: { part: string; seconds: number }[];
}

export function figuresOf(o: SoakOutcome): SoakFigures {
  const sum = (pick: (t: BoundaryTally) => number): number => o.tallies.reduce((a, t) => a + pick(t), 0);
  return {
    kills: o.crash?.kills ?? 0,
    acked_lost: o.crash?.ackedLost ?? 0,
    faults: o.network?.faults ?? 0,
    records_lost: (o.network?.recordsLost ?? 0) + (o.load?.lost ?? 0),
    records_duplicated: (o.network?.recordsDuplicated ?? 0) + (o.load?.duplicated ?? 0),
    bad_inputs: sum((t) => t.refused),
    bad_input_writes: sum((t) => t.writes),
    crashes: sum((t) => t.crashes) + (o.crash?.crashes.length ?? 0),
    untyped_refusals: sum((t) => t.untyped),
    wrong_access: sum((t) => t.wrongAccess),
    load_records_per_s: o.load?.recordsPerSecond ?? null,
    load_p99_ms: o.load?.p99Ms ?? null,
    load_errors: o.load?.errors ?? null,
    violations:
      (o.crash?.violations.length ?? 0) +
      o.fuzzViolations.length +
      (o.network?.violations.length ?? 0) +
      (o.load?.violations.length ?? 0),
    seed: o.seed,
    seconds: o.seconds,
    notes: o.notes,
  };
}

export function passed(f: SoakFigures): boolean {
  return (
    f.acked_lost === 0 &&
    f.records_lost === 0 &&
    f.records_duplicated === 0 &&
    f.bad_input_writes === 0 &&
    f.crashes === 0 &&
    f.untyped_refusals === 0 &&
    f.wrong_access === 0 &&
    f.violations === 0 &&
    (f.load_errors ?? 0) === 0
  );
}

const pad = (s: string | number, n: number): string => String(s).padStart(n);

export function summaryLines(o: SoakOutcome): string[] {
  const lines: string[] = [];
  if (o.crash) {
    const c = o.crash;
    lines.push('', `Crash harness (seed ${c.seed}, ${c.seconds} s)`);
    lines.push(
      `  kills ${c.kills} (${c.killsDuringStartup} during start-up) · acknowledged ${c.acked} · acked_lost ` +
        `${c.ackedLost} · violations ${c.violations.length} · child crashes ${c.crashes.length}`,
    );
    lines.push(
      `  last database: ${c.finalCounts.sales} sales, ${c.finalCounts.redemptions} redemptions, ` +
        `${c.finalCounts.members} members, ${c.finalCounts.outbox} outbox records`,
    );
    for (const v of [...c.violations, ...c.crashes].slice(0, 20)) lines.push(`  ! ${v}`);
  }
  if (o.tallies.length > 0) {
    lines.push(
      '',
      `Bad-input fuzzing (seed ${o.seed})`,
      `  ${'boundary'.padEnd(58)}${pad('inputs', 8)}${pad('refused', 9)}` +
        `${pad('writes', 8)}${pad('crashes', 9)}${pad('untyped', 9)}${pad('access', 8)}`,
    );
    for (const t of o.tallies)
      lines.push(
        `  ${t.boundary.slice(0, 57).padEnd(58)}${pad(t.inputs, 8)}${pad(t.refused, 9)}` +
          `${pad(t.writes, 8)}${pad(t.crashes, 9)}${pad(t.untyped, 9)}${pad(t.wrongAccess, 8)}`,
      );
    for (const e of o.tallies.flatMap((t) => t.examples).slice(0, 20)) lines.push(`  ! ${e}`);
    for (const v of o.fuzzViolations.slice(0, 20)) lines.push(`  ! ${v}`);
  }
  // Parts that could not run at all, when no fuzzing table printed them above.
  if (o.tallies.length === 0) for (const v of o.fuzzViolations.slice(0, 20)) lines.push(`! ${v}`);
  if (o.network) lines.push(...networkSummaryLines(o.network));
  if (o.load) lines.push(...loadSummaryLines(o.load));
  if (o.durations.length > 0) {
    lines.push(
      '',
      `Time per part (wall clock; the crash harness and the fuzz parts run side by side), ${o.seconds} s in all`,
    );
    lines.push(`  ${o.durations.map((d) => `${d.part} ${d.seconds} s`).join(' · ')}`);
  }
  for (const n of o.notes) lines.push(`note: ${n}`);
  return lines;
}

// The soak's summary: a table per part for people, then ONE JSON line for machines (CI, the
// RELIABILITY figures). Network faults are not soaked yet; their fields say so with a note.
import type { CrashResult } from './crash/harness';
import type { BoundaryTally } from './fuzz/tally';

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
}

export function figuresOf(o: SoakOutcome): SoakFigures {
  const sum = (pick: (t: BoundaryTally) => number): number => o.tallies.reduce((a, t) => a + pick(t), 0);
  return {
    kills: o.crash?.kills ?? 0,
    acked_lost: o.crash?.ackedLost ?? 0,
    faults: 0,
    records_lost: 0,
    records_duplicated: 0,
    bad_inputs: sum((t) => t.refused),
    bad_input_writes: sum((t) => t.writes),
    crashes: sum((t) => t.crashes) + (o.crash?.crashes.length ?? 0),
    untyped_refusals: sum((t) => t.untyped),
    violations: (o.crash?.violations.length ?? 0) + o.fuzzViolations.length,
    seed: o.seed,
    seconds: o.seconds,
    notes: o.notes,
  };
}

export function passed(f: SoakFigures): boolean {
  return f.acked_lost === 0 && f.records_lost === 0 && f.records_duplicated === 0 && f.bad_input_writes === 0 && f.crashes === 0 && f.untyped_refusals === 0 && f.violations === 0;
}

const pad = (s: string | number, n: number): string => String(s).padStart(n);

export function summaryLines(o: SoakOutcome): string[] {
  const lines: string[] = [];
  if (o.crash) {
    const c = o.crash;
    lines.push('', `Crash harness (seed ${c.seed}, ${c.seconds} s)`);
    lines.push(`  kills ${c.kills} (${c.killsDuringStartup} during start-up) · acknowledged ${c.acked} · acked_lost ${c.ackedLost} · violations ${c.violations.length} · child crashes ${c.crashes.length}`);
    lines.push(`  last database: ${c.finalCounts.sales} sales, ${c.finalCounts.redemptions} redemptions, ${c.finalCounts.members} members, ${c.finalCounts.outbox} outbox records`);
    for (const v of [...c.violations, ...c.crashes].slice(0, 20)) lines.push(`  ! ${v}`);
  }
  if (o.tallies.length > 0) {
    lines.push('', `Bad-input fuzzing (seed ${o.seed})`, `  ${'boundary'.padEnd(58)}${pad('inputs', 8)}${pad('refused', 9)}${pad('writes', 8)}${pad('crashes', 9)}${pad('untyped', 9)}`);
    for (const t of o.tallies) lines.push(`  ${t.boundary.slice(0, 57).padEnd(58)}${pad(t.inputs, 8)}${pad(t.refused, 9)}${pad(t.writes, 8)}${pad(t.crashes, 9)}${pad(t.untyped, 9)}`);
    for (const e of o.tallies.flatMap((t) => t.examples).slice(0, 20)) lines.push(`  ! ${e}`);
    for (const v of o.fuzzViolations.slice(0, 20)) lines.push(`  ! ${v}`);
  }
  for (const n of o.notes) lines.push(`note: ${n}`);
  return lines;
}

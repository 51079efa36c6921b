// Counts for one fuzzed boundary, and the first few offending inputs of each kind for the report.
import fc from 'fast-check';
import type { Verdict } from './verdict';

export interface BoundaryTally {
  boundary: string;
  inputs: number;
  accepted: number;
  /** Refused with VALIDATION or a documented business code. */
  refused: number;
  /** Refused inputs after which the database was not exactly as before. */
  writes: number;
  untyped: number;
  crashes: number;
  /** Calls whose answer did not match the caller's role (shared/contract/roles.ts, shared/admin/roles.ts). */
  wrongAccess: number;
  examples: string[];
}

const MAX_EXAMPLES = 5;

export function newTally(boundary: string): BoundaryTally {
  return {
    boundary,
    inputs: 0,
    accepted: 0,
    refused: 0,
    writes: 0,
    untyped: 0,
    crashes: 0,
    wrongAccess: 0,
    examples: [],
  };
}

function remember(t: BoundaryTally, what: string, input: unknown): void {
  if (t.examples.length < MAX_EXAMPLES)
    t.examples.push(`${t.boundary}: ${what} for ${fc.stringify(input).slice(0, 400)}`);
}

export function count(t: BoundaryTally, verdict: Verdict, input: unknown): void {
  t.inputs += 1;
  if (verdict.kind === 'accepted') t.accepted += 1;
  else if (verdict.kind === 'refused') t.refused += 1;
  else if (verdict.kind === 'untyped') {
    t.refused += 1;
    t.untyped += 1;
    remember(t, verdict.why, input);
  } else {
    t.crashes += 1;
    remember(t, `crash (${verdict.why})`, input);
  }
}

export function countWrite(t: BoundaryTally, change: string, input: unknown): void {
  t.writes += 1;
  remember(t, `refused but wrote (${change})`, input);
}

/** A call answered against its role table: refused a caller it should serve, or served one it should refuse. */
export function countWrongAccess(t: BoundaryTally, what: string, input: unknown): void {
  t.wrongAccess += 1;
  remember(t, `wrong access (${what})`, input);
}

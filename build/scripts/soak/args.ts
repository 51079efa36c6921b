// `npm run soak [-- --quick] [--seed N] [--kills N] [--fuzz-runs N] [--http-runs N] [--child bundle|tsx]
//   [--crash-lanes N] [--fuzz-in-process] [--network-faults N] [--terminals N] [--load-seconds N]
//   [--load-terminals N] [--only crash,fuzz,http,headoffice,network,load]`
import type { ChildMode } from './crash/childProcess';

export type Part = 'crash' | 'fuzz' | 'http' | 'headoffice' | 'network' | 'load';
const PARTS: readonly Part[] = ['crash', 'fuzz', 'http', 'headoffice', 'network', 'load'];

export interface SoakPlan {
  quick: boolean;
  seed: number;
  kills: number;
  killsPerDb: number;
  /** Crash lanes: databases killed side by side, each with its own child (--crash-lanes). */
  crashLanes: number;
  maxRunMs: number;
  child: ChildMode;
  fuzzRunsPerChannel: number;
  httpRunsPerChannel: number;
  httpRawRuns: number;
  headOfficeRuns: number;
  /**
   * The browser-host and head-office fuzzers in processes of their own, beside the contract fuzz
   * (off: --fuzz-in-process).
   */
  fuzzProcesses: boolean;
  /** Network soak: stop after this many injected faults (proxy faults + kill -9). */
  networkFaults: number;
  networkTerminals: number;
  loadSeconds: number;
  loadTerminals: number;
  loadBatchRecords: number;
  parts: Part[];
}

/** The long run (the default) and the short one (--quick); flags override either. */
export function planFrom(argv: readonly string[], defaultSeed: number): SoakPlan {
  const flag = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const int = (name: string, fallback: number): number => {
    const text = flag(name);
    if (text === undefined) return fallback;
    const n = Number(text);
    if (!Number.isSafeInteger(n) || n < 0) throw new Error(`--${name} must be a whole number, got ${text}`);
    return n;
  };
  const quick = argv.includes('--quick');
  const child = flag('child') ?? 'bundle';
  if (child !== 'bundle' && child !== 'tsx') throw new Error(`--child must be bundle or tsx, got ${child}`);
  const only = flag('only');
  const parts = only === undefined ? [...PARTS] : PARTS.filter((p) => only.split(',').includes(p));
  if (parts.length === 0) throw new Error(`--only takes ${PARTS.join(',')}`);
  return {
    quick,
    seed: int('seed', defaultSeed),
    kills: int('kills', quick ? 25 : 1_000),
    killsPerDb: Math.max(1, int('kills-per-db', quick ? 25 : 100)),
    crashLanes: Math.max(1, int('crash-lanes', 2)),
    maxRunMs: int('max-run-ms', 300),
    child,
    fuzzRunsPerChannel: int('fuzz-runs', quick ? 300 : 10_000),
    httpRunsPerChannel: int('http-runs', quick ? 60 : 10_000),
    httpRawRuns: int('http-raw-runs', quick ? 300 : 10_000),
    headOfficeRuns: int('ho-runs', quick ? 200 : 10_000),
    fuzzProcesses: !argv.includes('--fuzz-in-process'),
    networkFaults: int('network-faults', quick ? 60 : 600),
    networkTerminals: Math.max(1, int('terminals', quick ? 10 : 12)),
    loadSeconds: Math.max(1, int('load-seconds', quick ? 5 : 20)),
    loadTerminals: Math.max(1, Math.min(99, int('load-terminals', 50))),
    loadBatchRecords: Math.max(1, Math.min(500, int('load-batch', 25))),
    parts,
  };
}

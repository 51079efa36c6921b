import type { HoDatasetSize } from '../generate/headOffice/hoSize';
import type { Dataset } from './dataset';

/** One row of the printed table. */
export interface BenchRow {
  measure: string;
  value: string;
  target?: string;
  ok?: boolean;
}

/** What a suite adds to the final JSON line, and the rows it prints. */
export interface SuiteResult {
  keys: Record<string, number>;
  rows: BenchRow[];
}

export interface BenchSettings {
  quick: boolean;
  lookups: number;
  sales: number;
  /** The head-office data set's size (hoDataset.ts). */
  hoSize: HoDatasetSize;
  log: (message: string) => void;
}

/**
 * A benchmark suite. Suites run in order on the same generated dataset and each contributes
 * keys to the one JSON line `npm run bench` ends with; add a suite by adding it to suites.ts.
 */
export interface BenchSuite {
  name: string;
  run(dataset: Dataset, settings: BenchSettings): Promise<SuiteResult> | SuiteResult;
}

/** A suite on head office's own generated data set: the terminal's is not made for it. */
export interface HeadOfficeSuite {
  name: string;
  usesTerminalDataset: false;
  run(settings: BenchSettings): Promise<SuiteResult>;
}

export type AnySuite = BenchSuite | HeadOfficeSuite;

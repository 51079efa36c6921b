import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../paths.mjs';
import { GENERATOR_VERSION, generateTerminalDb, type GenerateReport } from '../generate/generator';

export interface DatasetSize {
  members: number;
  sales: number;
  seed: number;
}

export interface Dataset extends DatasetSize {
  /**
   * The folder holding the generated terminal.db. The bench's sale suites write to it through
   * the services and the same statements (a few thousand sales per run, after the generated
   * history), which keeps it consistent; copying gigabytes per run would cost more than it tells.
   */
  dir: string;
  dbFile: string;
  /** Seconds it took to generate, or null when it was reused. */
  generatedSeconds: number | null;
}

/** The migrations as shipped: a dataset made under other migrations is not reused. */
function migrationsHash(): string {
  const dir = join(repoRoot, 'db', 'migrations');
  const hash = createHash('sha256');
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else hash.update(entry.name).update(readFileSync(path));
    }
  };
  walk(dir);
  return hash.digest('hex').slice(0, 12);
}

/**
 * A generated terminal database of the given size in .bench/, made once and reused while the
 * size, seed, generator and migrations are the same (a 5M-sale database takes minutes to make).
 */
export function ensureDataset(size: DatasetSize, log: (message: string) => void): Dataset {
  const key = `m${size.members}-s${size.sales}-seed${size.seed}-g${GENERATOR_VERSION}-${migrationsHash()}`;
  const root = join(repoRoot, '.bench');
  const dir = join(root, key);
  const dbFile = join(dir, 'terminal.db');
  const done = join(dir, 'generated.json');
  if (existsSync(done) && existsSync(dbFile)) return { ...size, dir, dbFile, generatedSeconds: null };

  mkdirSync(root, { recursive: true });
  // Datasets of other generator or migration versions are dead weight (gigabytes): remove them.
  for (const old of readdirSync(root)) {
    if (old.startsWith(`m${size.members}-s${size.sales}-seed${size.seed}-`) && old !== key)
      rmSync(join(root, old), { recursive: true, force: true });
  }
  const building = `${dir}.partial`;
  rmSync(building, { recursive: true, force: true });
  log(
    `bench: generating ${size.members.toLocaleString('en')} members and ${size.sales.toLocaleString('en')} ` +
      `sales into ${building} (once; reused afterwards)`,
  );
  const report: GenerateReport = generateTerminalDb({ dataDir: building, ...size, cacheMiB: 1536, onProgress: log });
  writeFileSync(join(building, 'generated.json'), `${JSON.stringify({ ...report, dbFile: 'terminal.db' }, null, 2)}\n`);
  rmSync(dir, { recursive: true, force: true });
  renameSync(building, dir);
  return { ...size, dir, dbFile, generatedSeconds: report.seconds };
}

import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { verifyTerminalDb } from '../generate/verify';
import { FULL_HO_SIZE, QUICK_HO_SIZE } from '../generate/headOffice/hoSize';
import { ensureDataset, type Dataset, type DatasetSize } from './dataset';
import { suites } from './suites';
import type { BenchRow, BenchSettings } from './suite';

// npm run bench                 1,000,000 members, 5,000,000 sales (generated once into .bench/)
// npm run bench -- --quick      20,000 members, 100,000 sales, fewer samples: under a minute
// npm run bench -- --suite sale only the named suite(s); --verify checks the database after
// head office (ho-dashboard): 1,000,000 members / 10,000,000 sales, --quick 20,000 / 200,000, or
// --ho-members N --ho-sales N; a PostgreSQL database kept on TILLCARD_BENCH_DATABASE_URL's server
// The last line of output is ONE line of JSON with every suite's figures.

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    suite: { type: 'string', multiple: true },
    verify: { type: 'boolean', default: false },
    'ho-members': { type: 'string' },
    'ho-sales': { type: 'string' },
  },
});

const quick = values.quick ?? false;
const size: DatasetSize = quick
  ? { members: 20_000, sales: 100_000, seed: 1 }
  : { members: 1_000_000, sales: 5_000_000, seed: 1 };
const log = (message: string): void => console.error(message);
const hoDefault = quick ? QUICK_HO_SIZE : FULL_HO_SIZE;
const hoSize = {
  ...hoDefault,
  members: Number(values['ho-members'] ?? hoDefault.members),
  sales: Number(values['ho-sales'] ?? hoDefault.sales),
};
if (!Number.isSafeInteger(hoSize.members) || hoSize.members < 1 || !Number.isSafeInteger(hoSize.sales)) {
  console.error('--ho-members and --ho-sales take whole numbers');
  process.exit(2);
}
const settings: BenchSettings = { quick, lookups: quick ? 5_000 : 20_000, sales: quick ? 300 : 2_000, hoSize, log };

const chosen = values.suite?.length ? suites.filter((s) => values.suite?.includes(s.name)) : suites;
if (chosen.length === 0) {
  console.error(`no such suite; known: ${suites.map((s) => s.name).join(', ')}`);
  process.exit(2);
}

// The terminal's data set only when a chosen suite runs on it (ho-dashboard has its own).
const dataset: Dataset | null = chosen.some((s) => !('usesTerminalDataset' in s)) ? ensureDataset(size, log) : null;
const json: Record<string, number> = dataset ? { members: dataset.members, sales: dataset.sales } : {};
const rows: BenchRow[] = [];
if (dataset?.generatedSeconds != null)
  rows.push({ measure: 'dataset generated', value: `${dataset.generatedSeconds.toFixed(0)} s` });
for (const suite of chosen) {
  log(`bench: ${suite.name}…`);
  const result =
    'usesTerminalDataset' in suite ? await suite.run(settings) : dataset && (await suite.run(dataset, settings));
  if (!result) continue;
  Object.assign(json, result.keys);
  rows.push(...result.rows);
}
if (values.verify && dataset) {
  const verified = verifyTerminalDb(dataset.dbFile, false);
  rows.push({
    measure: 'database consistent after the bench (balances, visits, outbox seq)',
    value: verified.problems.length === 0 ? 'yes' : verified.problems.join('; '),
    ok: verified.problems.length === 0,
  });
}

const width = Math.max(...rows.map((r) => r.measure.length));
const valueWidth = Math.max(...rows.map((r) => r.value.length));
console.log(
  dataset
    ? `\nTillcard bench — ${dataset.members.toLocaleString('en')} members, ${dataset.sales.toLocaleString('en')} ` +
        `sales (${dataset.dbFile})`
    : '\nTillcard bench — head office',
);
// Timings on a shared machine mean little without its load: print it with them.
console.log(
  `machine: ${availableParallelism()} cores, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ')} (1 / 5 / 15 min)\n`,
);
for (const r of rows) {
  const verdict = r.ok === undefined ? '' : r.ok ? '  ok' : '  MISSED';
  console.log(
    `${r.measure.padEnd(width)}  ${r.value.padStart(valueWidth)}  ${(r.target ?? '').padEnd(14)}${verdict}`.trimEnd(),
  );
}
json.machine_load_1m = Math.round((loadavg()[0] ?? 0) * 10) / 10;
console.log(`\n${JSON.stringify(json)}`);

import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { generateTerminalDb } from './generator';
import { verifyTerminalDb } from './verify';

// npx tsx build/scripts/generate/main.ts --out .data/big --members 1000000 --sales 5000000 [--seed 1] [--verify]
// Writes <out>/terminal.db: a terminal with a generated history, ready for npm start or the bench.

const { values } = parseArgs({
  options: {
    out: { type: 'string' },
    members: { type: 'string', default: '10000' },
    sales: { type: 'string', default: '50000' },
    seed: { type: 'string', default: '1' },
    verify: { type: 'boolean', default: false },
  },
});

const count = (name: string, text: string | undefined): number => {
  const n = Number(text?.replace(/_/g, ''));
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`--${name} must be a whole number, got ${text}`);
  return n;
};

if (!values.out) {
  console.error(
    'usage: tsx build/scripts/generate/main.ts --out <data dir> [--members N] [--sales M] [--seed S] [--verify]',
  );
  process.exit(2);
}
if (existsSync(`${values.out}/terminal.db`)) {
  console.error(`${values.out}/terminal.db exists already; choose an empty folder`);
  process.exit(2);
}
const report = generateTerminalDb({
  dataDir: values.out,
  members: count('members', values.members),
  sales: count('sales', values.sales),
  seed: count('seed', values.seed),
  onProgress: (message) => console.log(message),
});
console.log(
  `generate: ${report.dbFile}: ${report.members} members, ${report.sales} sales, ${report.ledgerRows} ledger ` +
    `rows, ${report.outboxRows} outbox records in ${report.seconds.toFixed(1)} s`,
);
if (values.verify) {
  const verified = verifyTerminalDb(report.dbFile);
  console.log(verified.problems.length === 0 ? 'verify: ok' : `verify: ${verified.problems.join('\n')}`);
  if (verified.problems.length > 0) process.exit(1);
}

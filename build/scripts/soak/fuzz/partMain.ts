// The fuzz part process (see partProcess.ts): `node --import tsx partMain.ts '<job json>'`.
// Writes one JSON message per line on stdout: log lines as they come, the result last.
import { writeSync } from 'node:fs';
import { runHeadOfficeFuzz } from './headOfficeFuzz';
import { runHostFuzz } from './hostFuzz';
import { FuzzJob, type Message, type PartResult } from './partProcess';

const send = (message: Message): void => void writeSync(1, `${JSON.stringify(message)}\n`);
const log = (line: string): void => send({ type: 'log', line });

async function main(): Promise<void> {
  const job = FuzzJob.parse(JSON.parse(process.argv[2] ?? '{}'));
  const result: PartResult =
    job.part === 'http'
      ? await runHostFuzz({ seed: job.seed, runsPerChannel: job.runsPerChannel, rawRuns: job.rawRuns, log })
      : await runHeadOfficeFuzz({ seed: job.seed, runsPerRoute: job.runsPerRoute, log });
  send({ type: 'result', ...result });
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);

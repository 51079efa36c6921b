// Runs one fuzz part (the browser host's or head office's) in a process of its own, so the
// parts use both cores at once instead of taking turns on the soak's one thread. The child is
// `fuzz/partMain.ts` under tsx; it sends its log lines and, last, its result as JSON lines.
// Seeds travel with the job, so a part replays the same inputs wherever it runs.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { BoundaryTally } from './tally';

export const FuzzJob = z.discriminatedUnion('part', [
  z.object({
    part: z.literal('http'),
    seed: z.number().int(),
    runsPerChannel: z.number().int().nonnegative(),
    rawRuns: z.number().int().nonnegative(),
  }),
  z.object({ part: z.literal('headoffice'), seed: z.number().int(), runsPerRoute: z.number().int().nonnegative() }),
]);
export type FuzzJob = z.infer<typeof FuzzJob>;

export interface PartResult {
  tallies: BoundaryTally[];
  violations: string[];
}

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(here, '..', '..', '..', '..');
export const partMain = join(here, 'partMain.ts');

const Tally = z.object({
  boundary: z.string(),
  inputs: z.number(),
  accepted: z.number(),
  refused: z.number(),
  writes: z.number(),
  untyped: z.number(),
  crashes: z.number(),
  wrongAccess: z.number(),
  examples: z.array(z.string()),
});
export const Message = z.discriminatedUnion('type', [
  z.object({ type: z.literal('log'), line: z.string() }),
  z.object({ type: z.literal('result'), tallies: z.array(Tally), violations: z.array(z.string()) }),
]);
export type Message = z.infer<typeof Message>;

function parseMessage(line: string): Message | null {
  try {
    const parsed = Message.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function runPartProcess(job: FuzzJob, log: (line: string) => void): Promise<PartResult> {
  return new Promise((resolve, reject) => {
    // cwd: the repository, where `--import tsx` resolves.
    const child = spawn(process.execPath, ['--import', 'tsx', partMain, JSON.stringify(job)], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let result: PartResult | null = null;
    let pending = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const message = parseMessage(line);
        if (message === null) log(`${job.part} fuzz process: ${line.slice(0, 300)}`);
        else if (message.type === 'log') log(message.line);
        else result = { tallies: message.tallies, violations: message.violations };
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-2_000);
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (result) resolve(result);
      else
        reject(
          new Error(
            `${job.part} fuzz process ended (${signal ?? `exit ${String(code)}`}) without a result: ` +
              `${stderr.trim().slice(-600)}`,
          ),
        );
    });
  });
}

// The command line as shop IT runs it in tests: `npx tillcard` is build/scripts/tillcard.mjs, which runs the
// bundle Vitest's global set-up built (build/scripts/test-env/vitestGlobalSetup.ts), on a temp data folder.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';

const launcher = join(import.meta.dirname, '..', '..', 'build', 'scripts', 'tillcard.mjs');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `tillcard --data-dir <dir> …args` to its end, without blocking the test's own event loop. */
export function runCli(dir: string, args: readonly string[], env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [launcher, '--data-dir', dir, ...args], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The same, blocking: for tests that need nothing else to run meanwhile. */
export function runCliSync(dir: string, args: readonly string[], env: Record<string, string> = {}): CliRun {
  const run = spawnSync(process.execPath, [launcher, '--data-dir', dir, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 120_000,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

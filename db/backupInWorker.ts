import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Inspection } from './backupFile';
import type { BackupWorkerJob } from './backupWorker';

/** The worker: its bundle beside this code (dist-electron/, dist/cli/...), else its source through tsx. */
function startWorker(workerData: BackupWorkerJob): Worker {
  // A packaged app's bundles sit in app.asar; the worker is unpacked beside it (electron-builder.yml).
  const here = dirname(fileURLToPath(import.meta.url)).replace(/app\.asar(?=[\\/]|$)/, 'app.asar.unpacked');
  const bundled = join(here, 'backupWorker.js');
  if (existsSync(bundled)) return new Worker(bundled, { workerData });
  // Run from source (tests): the worker registers tsx first, as the test's own process compiles TypeScript.
  const tsxDir = dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsx = pathToFileURL(join(tsxDir, 'dist', 'esm', 'api', 'index.mjs')).href;
  const source = pathToFileURL(join(here, 'backupWorker.ts')).href;
  const boot =
    `import(${JSON.stringify(tsx)})` + `.then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); });`;
  return new Worker(boot, { eval: true, workerData });
}

/**
 * A backup of `dbFile` into `dest` and its check, on a worker thread with its own connection: VACUUM INTO
 * of a large database takes seconds, which the till's thread spends answering sales instead.
 * `onCopying` is called when the copy starts. Rejects when the copy itself fails.
 */
export function backupInWorker(
  job: { dbFile: string; key: Buffer; dest: string; migrationsDir: string },
  onCopying: () => void = () => undefined,
): Promise<Inspection> {
  const data: BackupWorkerJob = {
    dbFile: job.dbFile,
    keyHex: job.key.toString('hex'),
    dest: job.dest,
    migrationsDir: job.migrationsDir,
  };
  return new Promise((resolve, reject) => {
    const worker = startWorker(data);
    let answer: Inspection | null = null;
    worker.on('message', (message: { kind: 'copying' } | { kind: 'done'; check: Inspection }) => {
      if (message.kind === 'copying') onCopying();
      else answer = message.check;
    });
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (answer !== null) resolve(answer);
      else reject(new Error(`the backup worker stopped (exit ${code}) before it answered`));
    });
  });
}

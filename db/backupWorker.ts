import { parentPort, workerData } from 'node:worker_threads';
import { z } from 'zod';
import { copyDatabase, inspectDatabaseFile } from './backupFile';
import { openKeyedSqlite } from './open';

// The worker thread behind backupInWorker.ts: its own connection on the till's database file, the
// VACUUM INTO copy and the copy's check, so the till's own thread keeps answering meanwhile.

/** What the till's thread sends: checked here, as every input crossing a boundary is. */
export const BackupWorkerJob = z.object({
  dbFile: z.string().min(1),
  keyHex: z.string().regex(/^[0-9a-f]{64}$/),
  dest: z.string().min(1),
  migrationsDir: z.string().min(1),
});
export type BackupWorkerJob = z.infer<typeof BackupWorkerJob>;

function run(): void {
  const port = parentPort;
  if (port === null) return;
  const job = BackupWorkerJob.parse(workerData);
  const key = Buffer.from(job.keyHex, 'hex');
  const sqlite = openKeyedSqlite(job.dbFile, key);
  try {
    // The till may be writing: wait for its transaction rather than fail.
    sqlite.pragma('busy_timeout = 10000');
    port.postMessage({ kind: 'copying' });
    copyDatabase(sqlite, job.dest);
  } finally {
    sqlite.close();
  }
  port.postMessage({ kind: 'done', check: inspectDatabaseFile(job.dest, key, job.migrationsDir) });
}

run();

import cluster, { type Worker } from 'node:cluster';

/** A worker that keeps dying is a broken install or database, not bad luck: stop restarting it. */
const CRASH_WINDOW_MS = 60_000;
const MAX_CRASHES_IN_WINDOW = 5;
const SHUTDOWN_GRACE_MS = 15_000;

/**
 * The primary process when head office runs several workers (TILLCARD_HO_WORKERS): forks them
 * (they share the listening port through node:cluster), replaces one that dies, and on SIGTERM or
 * SIGINT asks each to finish its requests and exits when they have. It serves nothing itself.
 */
export function superviseWorkers(count: number, log: (message: string) => void): void {
  let stopping = false;
  const crashes: number[] = [];
  for (let i = 0; i < count; i++) cluster.fork();

  cluster.on('exit', (worker: Worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    const now = Date.now();
    crashes.push(now);
    while ((crashes[0] ?? now) < now - CRASH_WINDOW_MS) crashes.shift();
    log(`Head office: worker ${worker.process.pid} exited (${signal ?? `code ${code}`})`);
    if (crashes.length > MAX_CRASHES_IN_WINDOW) {
      log(`Head office: ${crashes.length} workers exited within a minute; stopping (see the errors above)`);
      shutdown(1);
      return;
    }
    cluster.fork();
  });

  const shutdown = (code: number): void => {
    if (stopping) return;
    stopping = true;
    const workers = Object.values(cluster.workers ?? {});
    if (workers.length === 0) process.exit(code);
    for (const worker of workers) worker?.process.kill('SIGTERM');
    setTimeout(() => process.exit(code), SHUTDOWN_GRACE_MS).unref();
  };
  process.on('SIGINT', () => {
    log('Head office: SIGINT, closing');
    shutdown(0);
  });
  process.on('SIGTERM', () => {
    log('Head office: SIGTERM, closing');
    shutdown(0);
  });
}

/**
 * In a worker: if the primary is gone (killed with kill -9, say), exit at once rather than keep
 * serving and deriving unsupervised; a restarted head office starts its own workers.
 */
export function exitWithPrimary(): void {
  if (cluster.isWorker) process.on('disconnect', () => process.exit(1));
}

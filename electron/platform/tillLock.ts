import { closeSync, existsSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A running till marks its data folder with `till.lock` (its process id). Electron's single-instance
 * lock is per app and invisible to other programs, so the command line reads this file instead: a
 * restore refuses while a live process holds it. A lock left by a crash (its process gone) is stale.
 */
export const TILL_LOCK_FILE = 'till.lock';

/** Raised while a host starts, before any screen can translate a code: both languages, as db/databaseKeyError.ts. */
const runningText = {
  'zh-CN': (pid: number, dir: string) => `另一个收银台（进程 ${pid}）正在使用数据目录 ${dir}，本收银台不会再打开它。`,
  en: (pid: number, dir: string) =>
    `Another till (process ${pid}) is using the data folder ${dir}; this one will not open it.`,
} as const;

export class TillRunningError extends Error {
  readonly code = 'TILL_RUNNING';
  constructor(
    readonly pid: number,
    dir: string,
  ) {
    super(`${runningText['zh-CN'](pid, dir)}\n${runningText.en(pid, dir)}`);
    this.name = 'TillRunningError';
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return error instanceof Error && 'code' in error && error.code === 'EPERM';
  }
}

/** The process id of the live till (or command) holding the data folder, or null. */
export function tillHolding(dataDir: string): number | null {
  const file = join(dataDir, TILL_LOCK_FILE);
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return null;
  return alive(pid) ? pid : null;
}

/** Takes the data folder for this process; throws TillRunningError when a live process has it. */
export function acquireTillLock(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, TILL_LOCK_FILE);
  const holder = tillHolding(dataDir);
  if (holder !== null) throw new TillRunningError(holder, dataDir);
  if (existsSync(file)) unlinkSync(file); // stale: its process is gone
  // 'wx': of two processes starting at once, one creates the file and the other fails here.
  const fd = openSync(file, 'wx', 0o600);
  try {
    writeSync(fd, `${process.pid}\n`);
  } finally {
    closeSync(fd);
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    try {
      if (readFileSync(file, 'utf8').trim() === String(process.pid)) unlinkSync(file);
    } catch {
      // Already gone: nothing to release.
    }
  };
}

import type { ServiceContext } from '../core/context';
import { backupIfDue, type BackupPlace } from '../services/backups';

/**
 * The hosts' daily backup: a look every hour (and shortly after start) whether the last good
 * backup is a day old; if so one is written, checked and rotated. A failed one is reported and
 * retried at the next look; the status bar warns once the last good one is two days old.
 */
export interface BackupJobOptions {
  /** The first look, after the till has started (default 5 s). */
  firstAfterMs?: number;
  /** Between looks (default one hour). */
  everyMs?: number;
  log?: (message: string, error?: unknown) => void;
}

export interface BackupJob {
  stop(): void;
}

export function startBackupJob(ctx: ServiceContext, place: BackupPlace, options: BackupJobOptions = {}): BackupJob {
  const log = options.log ?? ((message: string, error?: unknown) => console.error(message, error));
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  // The copy runs on a worker thread (services/backups.ts): the next look is set once this one is over.
  const look = async (): Promise<void> => {
    if (stopped) return;
    try {
      const outcome = await backupIfDue(ctx, place);
      if (outcome && !outcome.ok) log(`tillcard: backup failed (${outcome.code}): ${outcome.detail}`);
    } catch (error) {
      // The till closed its database while the worker copied: nothing to record, nobody to tell.
      if (!stopped) log('tillcard: backup failed', error);
    }
    schedule(options.everyMs ?? 3_600_000);
  };
  const schedule = (ms: number): void => {
    if (stopped) return;
    timer = setTimeout(() => void look(), ms);
    // The till quits when its window closes, whatever backup is due.
    timer.unref();
  };
  schedule(options.firstAfterMs ?? 5_000);
  return {
    stop: () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pino, type Logger } from 'pino';
import { createStream } from 'rotating-file-stream';
import { LOG_CENSOR, LOG_REDACT_PATHS } from '../../shared/privacy/logRedaction';

/**
 * The till's structured log (pino). Callers log facts shop IT needs (what happened, counts, codes,
 * durations), never a call's input or a member's data: the redaction below only backs that up.
 */
export type TillLog = Logger;

/** The folder inside the terminal's data folder that holds the log files. */
export const LOGS_FOLDER = 'logs';
export const LOG_FILE = 'till.log';

export interface FileLogOptions {
  /** Which host writes it ('electron', 'browser-host'): every line says so. */
  host: string;
  version: string;
  /** Rotate when the file reaches this size (rotating-file-stream's notation), and every day anyway. */
  size?: string;
  /** How many rotated files are kept (the oldest go first). */
  keep?: number;
}

export interface FileLog {
  log: TillLog;
  dir: string;
  /** Writes out what is buffered and closes the file (the host's last step on the way out). */
  close(): Promise<void>;
}

const options = (level: string) => ({
  level,
  redact: { paths: LOG_REDACT_PATHS, censor: LOG_CENSOR },
  timestamp: pino.stdTimeFunctions.isoTime,
});

/**
 * `<dataDir>/logs/till.log`, rotated by size and at midnight, the last `keep` rotated files kept.
 * Written in this thread through rotating-file-stream (no pino transport: a worker thread would need
 * its own file beside Electron's one-file main bundle). TILLCARD_LOG_LEVEL: pino's level, info by default.
 */
export function openFileLog(dataDir: string, how: FileLogOptions, env = process.env): FileLog {
  const dir = join(dataDir, LOGS_FOLDER);
  mkdirSync(dir, { recursive: true });
  const stream = createStream(LOG_FILE, {
    path: dir,
    size: how.size ?? '10M',
    interval: '1d',
    maxFiles: how.keep ?? 14,
  });
  const level = env.TILLCARD_LOG_LEVEL?.trim() || 'info';
  const log = pino(options(level), stream).child({ host: how.host, version: how.version });
  return {
    log,
    dir,
    close: () =>
      new Promise<void>((resolve) => {
        stream.end(() => resolve());
      }),
  };
}

/** A log that writes nothing: tests and tools that open a terminal without a host. */
export const silentLog: TillLog = pino({ level: 'silent' });

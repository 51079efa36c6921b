import { describeUnknown } from '../../shared/describeUnknown';
import type { HoDb } from '../store/connect';
import type { Clock } from '../sources';
import { claimDue, markFailed, markSent, type Notice } from './queue';
import { readWebhook } from './settings';
import { signedHeaders } from './sign';

export interface NoticeSenderOptions {
  /** How often the queue is looked at (ms). */
  pollMs?: number;
  /** Attempts before a notice is dead-lettered. */
  maxAttempts?: number;
  /** The first retry's wait (ms); each later one doubles, up to maxBackoffMs. */
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  /** A receiver that answers nothing within this is a failed attempt (ms). */
  timeoutMs?: number;
  /** 0..1: spreads retries so many failed notices do not return at the same instant (tests fix it). */
  jitter?: () => number;
  /** The HTTP client (global fetch). */
  fetch?: typeof fetch;
}

const DEFAULTS = {
  pollMs: 1_000,
  maxAttempts: 8,
  baseBackoffMs: 5_000,
  maxBackoffMs: 3_600_000,
  timeoutMs: 10_000,
  jitter: Math.random,
} satisfies Omit<Required<NoticeSenderOptions>, 'fetch'>;
const BATCH = 20;

/** The wait before attempt `attempts + 1`: exponential, capped, times 1 to 1.5 by the jitter. */
export function backoffMs(
  attempts: number,
  o: Pick<Required<NoticeSenderOptions>, 'baseBackoffMs' | 'maxBackoffMs'>,
  jitter: number,
): number {
  const exponential = Math.min(o.maxBackoffMs, o.baseBackoffMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(exponential * (1 + jitter / 2));
}

export interface NoticeSender {
  /** Sends what is due now and answers when done (the loop does this every pollMs). */
  sendDue(): Promise<number>;
  /** Stops polling, aborts calls in flight (they are retried later) and waits for the pass to end. */
  stop(): Promise<void>;
}

/**
 * Sends queued spend notices to the webhook, outside ingest: a push or a derivation never waits
 * for a receiver. Each notice is claimed with a lease (queue.ts), so several head-office processes
 * share the queue; a 2xx answer is delivered, anything else is retried with backoff, and after
 * maxAttempts the notice is dead and listed on the page, where an owner retries it.
 */
export function startNoticeSender(db: HoDb, clock: Clock, options: NoticeSenderOptions = {}): NoticeSender {
  const o = { ...DEFAULTS, fetch: globalThis.fetch, ...options };
  const aborts = new AbortController();
  let stopped = false;
  let pass: Promise<number> = Promise.resolve(0);
  let timer: NodeJS.Timeout | null = null;

  const attempt = async (notice: Notice, url: string, secret: string): Promise<void> => {
    const signal = AbortSignal.any([aborts.signal, AbortSignal.timeout(o.timeoutMs)]);
    let failure: string;
    try {
      const response = await o.fetch(url, {
        method: 'POST',
        headers: signedHeaders(secret, clock.now(), notice.body),
        body: notice.body,
        signal,
        redirect: 'error',
      });
      await response.body?.cancel();
      if (response.ok) return markSent(db, notice.id, clock.now());
      failure = `HTTP ${response.status}`;
    } catch (error) {
      if (aborts.signal.aborted) return; // stopping: the lease runs out and another pass sends it
      failure = error instanceof Error ? error.message : describeUnknown(error);
    }
    const attempts = notice.attempts + 1;
    const next = attempts >= o.maxAttempts ? null : clock.now() + backoffMs(attempts, o, o.jitter());
    await markFailed(db, notice.id, clock.now(), failure, next);
  };

  const sendDue = async (): Promise<number> => {
    const hook = await readWebhook(db);
    if (!hook) return 0;
    const due = await claimDue(db, clock.now(), o.timeoutMs * 2, BATCH);
    await Promise.all(due.map((n) => attempt(n, hook.url, hook.secret)));
    return due.length;
  };

  const loop = (): void => {
    if (stopped) return;
    pass = sendDue()
      .catch(() => 0) // the database was busy or closing: the next pass tries again
      .finally(() => {
        if (!stopped) timer = setTimeout(loop, o.pollMs);
      });
  };
  timer = setTimeout(loop, o.pollMs);

  return {
    sendDue,
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      aborts.abort();
      await pass.catch(() => 0);
    },
  };
}

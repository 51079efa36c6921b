import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Polls `check` until it holds, at most `tries` times `everyMs` apart: a bounded wait for
 * something another loop does (the deriver's sweep), never a fixed sleep standing in for it.
 */
export async function until(what: string, check: () => Promise<boolean>, tries = 1_500, everyMs = 20): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (await check()) return;
    await sleep(everyMs);
  }
  throw new Error(`gave up waiting for ${what} after ${tries} checks`);
}

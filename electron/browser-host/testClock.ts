import type { Clock } from '../platform/sources';

/**
 * The e2e tests' clock: with NODE_ENV=test and TILLCARD_TEST_CLOCK_MS set, the host's time starts
 * there and runs on (a weekend campaign is tested on a Saturday whatever day it is). Never otherwise.
 */
export function testClockFromEnv(env: NodeJS.ProcessEnv): Clock | undefined {
  const start = Number(env.TILLCARD_TEST_CLOCK_MS);
  if (env.NODE_ENV !== 'test' || !Number.isSafeInteger(start) || start <= 0) return undefined;
  const startedAt = Date.now();
  return { now: () => start + (Date.now() - startedAt) };
}

import { timingSafeEqual } from 'node:crypto';
import type { ApiError, Result } from '../../shared/contract';
import { failure } from '../../shared/contract/envelope';

// The browser host listens on 127.0.0.1 only, but any web page the cashier's browser opens can
// still send requests to localhost. Two locks keep them out: a per-start secret token the page
// must echo in a header (a cross-site page cannot read it), and a refusal of any foreign Origin.

export function tokenMatches(expected: string, given: unknown): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(given, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The origins the host's own page can have: the URL it printed, and the same port on localhost. */
export function ownOrigins(port: number): ReadonlySet<string> {
  return new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
}

/** No Origin header (curl, a same-origin GET) is fine; a present one must be ours. */
export function originAllowed(origin: unknown, own: ReadonlySet<string>): boolean {
  if (origin === undefined) return true;
  return typeof origin === 'string' && own.has(origin);
}

/** A Host header naming anything but loopback means DNS rebinding; refuse it. */
export function hostAllowed(host: unknown, port: number): boolean {
  return typeof host === 'string' && (host === `127.0.0.1:${port}` || host === `localhost:${port}`);
}

export function refusal(code: ApiError['code'], details?: Record<string, unknown>): Result<never> {
  // Transport-level refusals happen before the core is asked, so they are in the default language.
  return failure(code, undefined, details);
}

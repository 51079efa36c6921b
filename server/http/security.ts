import type { FastifyInstance, FastifyRequest } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import { HoError } from './errors';

/**
 * The page's Content-Security-Policy (its index.html carries the same): only head office's own
 * scripts, styles, images and API; no plugins, no framing, no form posts anywhere. Sent on every
 * answer (JSON included: harmless there, and a browser opening an answer directly gets it too).
 * No `upgrade-insecure-requests`: head office on a shop's network may be plain http.
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  frameAncestors: ["'none'"],
  formAction: ["'none'"],
  upgradeInsecureRequests: null,
};

export interface RateLimits {
  /** Sign-in attempts per minute from one address. */
  signInPerMinute: number;
  /** Sync calls per minute from one terminal (or, without a token, one address). */
  syncPerMinute: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = { signInPerMinute: 10, syncPerMinute: 1_200 };

/**
 * Security plugins on every answer: cookies (the page's session), helmet's headers (CSP, nosniff,
 * frame and referrer policy, HSTS, cross-origin policies), and @fastify/rate-limit, off by default
 * and switched on per route (sign-in, sync). Its counters are per process: with several workers
 * the limit is per worker. A refusal is the usual error body, 429 RATE_LIMITED.
 */
export function securityPlugins(app: FastifyInstance): void {
  // Registered on the instance itself (each plugin shares its hooks with its parent): routes registered later get them.
  void app.register(fastifyCookie);
  void app.register(fastifyHelmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    // HSTS only matters over https (a browser ignores it on http); no subdomains: they are not ours to pin.
    strictTransportSecurity: { maxAge: 15_552_000, includeSubDomains: false },
    referrerPolicy: { policy: 'no-referrer' },
  });
  void app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => {
      const seconds = Math.max(1, Math.ceil(context.ttl / 1000));
      return new HoError('RATE_LIMITED', `Too many requests; try again in ${seconds} s.`, {
        retryAfterSeconds: seconds,
      });
    },
  });
}

/**
 * The sync routes' rate-limit key: the terminal id of its token (`<terminalId>.<secret>`), so tills
 * behind one address do not share a budget; a request without one counts against its address.
 * A made-up terminal id buys nothing: its token is refused (401) like any other.
 */
export function terminalKey(request: FastifyRequest): string {
  const header = request.headers.authorization;
  const token = typeof header === 'string' ? /^Bearer\s+([^.\s]{1,64})\./i.exec(header)?.[1] : undefined;
  return token ? `terminal:${token}` : `ip:${request.ip}`;
}

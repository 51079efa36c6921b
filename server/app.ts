import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { ADMIN_BODY_LIMIT, ADMIN_PREFIX } from '../shared/admin/wire';
import { MAX_BODY_BYTES, type SyncErrorBody } from '../shared/sync/protocol';
import { HoError, sendError } from './http/errors';
import { jsonBodies } from './http/jsonBody';
import { DEFAULT_RATE_LIMITS, securityPlugins, type RateLimits } from './http/security';
import { adminRoutes } from './routes/admin';
import { syncRoutes } from './routes/sync';
import { startDerivationLoop, type DerivationLoopOptions } from './sync/derivationLoop';
import { startNoticeSender, type NoticeSenderOptions } from './notices/sender';
import type { ServerDeps } from './routes/serverDeps';

export interface BuildOptions {
  /** Head office's request log (server/http/requestLog.ts); off unless given. */
  logger?: FastifyServerOptions['logger'];
  /**
   * The deriver that turns stored records into sales, ledger, members and the pull feed
   * (server/sync/derivationLoop.ts). On by default; `false` only for tests that need records
   * to stay stored-but-not-derived (as after a crash), and derive them with another server.
   */
  derive?: false | DerivationLoopOptions;
  /** Sign-in and sync rate limits (DEFAULT_RATE_LIMITS unless said; TILLCARD_HO_*_PER_MINUTE in config.ts). */
  rateLimits?: Partial<RateLimits>;
  /** The spend-notice sender (server/notices/sender.ts): on by default; `false` for a server that only serves. */
  notices?: false | NoticeSenderOptions;
}

/**
 * Head office's HTTP service. It holds no state between requests: everything (tokens,
 * high-water marks, locks, feed positions) is in PostgreSQL, so instances can be multiplied.
 */
export function buildServer(deps: ServerDeps, options: BuildOptions = {}): FastifyInstance {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: MAX_BODY_BYTES });
  jsonBodies(app);

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof HoError) return sendError(reply, error);
    const status =
      typeof error === 'object' && error !== null && 'statusCode' in error && typeof error.statusCode === 'number'
        ? error.statusCode
        : 500;
    // An admin route has its own limit (shared/admin/wire.ts) and its own code; the sync push keeps the batch's.
    if (status === 413 && request.url.startsWith(`${ADMIN_PREFIX}/`)) {
      const limit = request.routeOptions.bodyLimit ?? ADMIN_BODY_LIMIT;
      return sendError(
        reply,
        new HoError('BODY_TOO_LARGE', `The request body is larger than ${limit} bytes.`, { limit }),
      );
    }
    if (status === 413)
      return sendError(
        reply,
        new HoError('BATCH_TOO_LARGE', `The request body is larger than ${MAX_BODY_BYTES} bytes.`),
      );
    if (status >= 400 && status < 500) {
      const message = error instanceof Error ? error.message : 'Bad request.';
      return reply.status(status).send({ code: 'VALIDATION', message } satisfies SyncErrorBody);
    }
    request.log.error(error);
    return reply.status(500).send({
      code: 'INTERNAL',
      message: 'Head office failed to handle the request; nothing was applied. Try again.',
    } satisfies SyncErrorBody);
  });
  app.setNotFoundHandler((_request, reply) => sendError(reply, new HoError('NOT_FOUND', 'No such route.')));

  let pushes = 0;
  let lastPushEnded: number | null = null;
  const pushing = (delta: number): void => {
    pushes += delta;
    if (delta < 0) lastPushEnded = performance.now();
  };
  const deriver =
    options.derive === false
      ? null
      : startDerivationLoop(deps.db, deps.clock, {
          pushesInFlight: () => pushes,
          lastPushEndedAt: () => lastPushEnded,
          ...options.derive,
        });
  if (deriver) app.addHook('onClose', async () => deriver.stop());
  // Notices go out from their own loop: ingest only queues them, so a slow webhook never slows a push.
  const sender = options.notices === false ? null : startNoticeSender(deps.db, deps.clock, options.notices);
  if (sender) app.addHook('onClose', async () => sender.stop());

  const limits: RateLimits = { ...DEFAULT_RATE_LIMITS, ...options.rateLimits };
  // The security plugins first (cookies, helmet's headers, rate limits): every route below is registered after them.
  securityPlugins(app);
  void app.register(async (scope) => {
    scope.get('/health', async () => ({ ok: true, time: deps.clock.now() }));
    syncRoutes(
      scope,
      deps,
      { stored: (terminalId, moreComing) => deriver?.kick(terminalId, moreComing), pushing },
      limits.syncPerMinute,
    );
    adminRoutes(scope, deps, { signInPerMinute: limits.signInPerMinute });
    await scope.register(async (page) => (await import('./routes/page')).pageRoutes(page));
  });
  return app;
}

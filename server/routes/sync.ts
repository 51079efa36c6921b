import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { PROTOCOL_VERSION } from '../../shared/sync/protocol';
import {
  syncRouteNames,
  syncRoutes as routeMap,
  type SyncResponseBody,
  type SyncRouteName,
} from '../../shared/sync/routes';
import { enrolTerminal, requireTerminal } from '../auth';
import { HoError, parseBody } from '../http/errors';
import { DEFAULT_RATE_LIMITS, terminalKey } from '../http/security';
import { closeDay } from '../sync/closeDay';
import { pullChanges } from '../sync/pull';
import { pushBatch } from '../sync/push';
import { saleForRefund } from '../sync/refundableSales';
import { snapshotPage } from '../sync/snapshot';
import type { ServerDeps } from './serverDeps';
import { describeUnknown } from '../../shared/describeUnknown';

/** The version is checked before anything else, so a newer or older terminal gets a clear answer. */
export function requireVersion(body: unknown): void {
  const version =
    typeof body === 'object' && body !== null && 'protocolVersion' in body ? body.protocolVersion : undefined;
  if (version !== PROTOCOL_VERSION) {
    throw new HoError(
      'PROTOCOL_VERSION',
      `Head office speaks sync protocol ${PROTOCOL_VERSION}; this terminal sent ${describeUnknown(version)}. ` +
        `Update the terminal (or head office); its records stay in its outbox.`,
      {
        server: PROTOCOL_VERSION,
        client: typeof version === 'number' ? version : null,
      },
    );
  }
}

function sameTerminal(auth: { id: string; shopId: string }, body: { terminalId: string; shopId: string }): void {
  if (body.terminalId !== auth.id) throw new HoError('FORBIDDEN', 'A terminal may only send its own records.');
  if (body.shopId !== auth.shopId)
    throw new HoError('FORBIDDEN', `This terminal belongs to shop ${auth.shopId}, not ${body.shopId}.`);
}

export interface PushHooks {
  /** A push stored new records of that terminal (the deriver is kicked); `moreComing`: its outbox holds more. */
  stored(terminalId: string, moreComing: boolean): void;
  /**
   * +1 when a push or pull starts, −1 when it ends: the deriver gives way while they are in flight (a
   * sync ends with a pull; on PGlite's one connection each of its statements waited for a whole chunk).
   */
  pushing(delta: 1 | -1): void;
}

const noHooks: PushHooks = { stored: () => undefined, pushing: () => undefined };

/** One handler per route of the sync map: the compiler refuses a route without one. */
type SyncHandlers = { [K in SyncRouteName]: (request: FastifyRequest) => Promise<SyncResponseBody<K>> };

/** Head office's side of the sync protocol: every route of shared/sync/routes.ts, registered from the map. */
export function syncRoutes(
  app: FastifyInstance,
  deps: ServerDeps,
  hooks: PushHooks = noHooks,
  perMinute: number = DEFAULT_RATE_LIMITS.syncPerMinute,
): void {
  const { db, clock, ids } = deps;

  type TerminalBody = z.ZodType<{ terminalId: string; shopId: string }>;
  /** A terminal's own call: version, then its token, then the body, which must name that terminal. */
  async function terminalCall<S extends TerminalBody>(request: FastifyRequest, schema: S) {
    requireVersion(request.body);
    const auth = await requireTerminal(db, request);
    const body = parseBody(schema, request.body);
    sameTerminal(auth, body);
    return { auth, body };
  }

  const handlers: SyncHandlers = {
    // A terminal's "are you back?" while offline: answered without touching the database.
    ping: async () => ({ status: 'ok', protocolVersion: PROTOCOL_VERSION }),
    enrol: async (request) => {
      requireVersion(request.body);
      return enrolTerminal(db, clock, ids, parseBody(routeMap.enrol.request, request.body));
    },
    push: async (request) => {
      requireVersion(request.body);
      hooks.pushing(1);
      try {
        const auth = await requireTerminal(db, request);
        const body = parseBody(routeMap.push.request, request.body, { allowUnstorableText: true });
        sameTerminal(auth, body);
        const answer = await pushBatch(db, clock, auth, body, { withCopy: deps.withCopyConnection });
        if (answer.status === 'ok' && answer.applied > 0)
          hooks.stored(auth.id, body.pending !== undefined && body.pending > body.records.length);
        return answer;
      } finally {
        hooks.pushing(-1);
      }
    },
    pull: async (request) => {
      hooks.pushing(1);
      try {
        const { auth, body } = await terminalCall(request, routeMap.pull.request);
        return await pullChanges(db, clock, ids, auth.id, body);
      } finally {
        hooks.pushing(-1);
      }
    },
    snapshot: async (request) => {
      const { auth, body } = await terminalCall(request, routeMap.snapshot.request);
      return snapshotPage(db, ids, auth.id, body);
    },
    closeDay: async (request) => {
      const { auth, body } = await terminalCall(request, routeMap.closeDay.request);
      return closeDay(db, clock, auth.id, body);
    },
    saleForRefund: async (request) => {
      const { body } = await terminalCall(request, routeMap.saleForRefund.request);
      return saleForRefund(db, body.saleId);
    },
  };

  for (const name of syncRouteNames) {
    const { method, path } = routeMap[name];
    // Rate-limited per terminal (@fastify/rate-limit), except the ping: an offline till's probe touches nothing.
    const rateLimit = name === 'ping' ? false : { max: perMinute, timeWindow: 60_000, keyGenerator: terminalKey };
    app.route({ method, url: path, config: { rateLimit }, handler: (request) => handlers[name](request) });
  }
}

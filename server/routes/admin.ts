import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { ADMIN_ROUTES, adminRouteNames, type AdminRouteName, type AdminRoutes } from '../../shared/admin/contract';
import type { AdminAnswerOf, AdminRequest, AdminRoute } from '../../shared/admin/route';
import { ADMIN_PREFIX } from '../../shared/admin/wire';
import { createEnrolmentCode, requireAdmin } from '../auth';
import {
  publishCategories,
  publishRules,
  publishTiers,
  setDefaultOfflineCap,
  setMemberOfflineCap,
  upsertCampaign,
  upsertReward,
} from '../admin/catalog';
import {
  balanceFlagList,
  cardConflictList,
  dayCloseList,
  openQuarantine,
  resolveQuarantine,
  revokeTerminal,
  terminalOverview,
} from '../admin/reports';
import { auditChainList, searchAudit } from '../admin/audit';
import { eraseMember, exportMemberData } from '../admin/privacy';
import { HoError, parseBody } from '../http/errors';
import { deriveAllPending } from '../sync/deriver';
import type { ServerDeps } from './serverDeps';

/** One handler per route of the contract: a route without one does not compile. */
type AdminHandlers = {
  [K in AdminRouteName]: (request: AdminRequest<AdminRoutes[K]>) => Promise<AdminAnswerOf<AdminRoutes[K]>>;
};

function handlers({ db, clock, ids }: ServerDeps): AdminHandlers {
  return {
    createEnrolmentCode: async ({ body }) => createEnrolmentCode(db, clock, ids, body),
    terminals: async () => ({ terminals: await terminalOverview(db, clock.now()) }),
    revokeTerminal: async ({ params: { id } }) => {
      if (!(await revokeTerminal(db, clock.now(), id))) throw new HoError('NOT_FOUND', `No active terminal ${id}.`);
      return { revoked: id };
    },
    // Derives every record stored so far (waiting for other processes' chunks) and answers when done:
    // IT's "catch up now", and the tests' bounded wait for derivation.
    derive: async () => deriveAllPending(db, clock),
    quarantine: async () => ({ records: await openQuarantine(db) }),
    resolveQuarantine: async ({ params: { id } }) => {
      if (!(await resolveQuarantine(db, clock.now(), id)))
        throw new HoError('NOT_FOUND', `No open quarantined record ${id}.`);
      return { resolved: id };
    },
    balanceFlags: async ({ query }) => ({ flags: await balanceFlagList(db, query.open === 'true') }),
    cardConflicts: async () => ({ conflicts: await cardConflictList(db) }),
    dayCloses: async ({ query }) => ({ closes: await dayCloseList(db, query.terminalId ?? null) }),
    publishTiers: async ({ body }) => {
      await publishTiers(db, body);
      return { ok: true };
    },
    publishCategories: async ({ body }) => {
      await publishCategories(db, body);
      return { ok: true };
    },
    publishRules: async ({ body }) => publishRules(db, clock, body),
    upsertReward: async ({ params: { id }, body }) => {
      await upsertReward(db, clock, id, body);
      return { id };
    },
    upsertCampaign: async ({ params: { id }, body }) => {
      await upsertCampaign(db, clock, id, body);
      return { id };
    },
    setMemberOfflineCap: async ({ params: { id }, body }) => {
      await setMemberOfflineCap(db, clock, id, body);
      return { id };
    },
    setDefaultOfflineCap: async ({ body }) => {
      await setDefaultOfflineCap(db, body);
      return { ok: true };
    },
    searchAudit: async ({ query }) => searchAudit(db, query),
    auditChains: async () => ({ chains: await auditChainList(db) }),
    exportMember: async ({ params: { id } }) => exportMemberData(db, clock, id),
    eraseMember: async ({ params: { id } }) => eraseMember(db, clock, id),
  };
}

/** Params that do not parse name no resource (a malformed id is as unknown as a missing one). */
function parseParams(schema: z.ZodType | null, params: unknown): unknown {
  if (!schema) return undefined;
  const parsed = schema.safeParse(params);
  if (!parsed.success) throw new HoError('NOT_FOUND', 'No such resource.');
  return parsed.data;
}

const parsePart = (schema: z.ZodType | null, value: unknown): unknown =>
  schema ? parseBody(schema, value) : undefined;

/**
 * Registers every route of the admin contract (shared/admin/contract.ts), each behind the admin
 * token (`Authorization: Bearer <token>`). Answers are not re-checked here: every caller parses
 * them with the route's response schema (shared/admin/client.ts), and server/routes/admin.test.ts
 * calls every route through that client.
 */
export function adminRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const admin = async (request: FastifyRequest) => requireAdmin(deps.db, request);
  // The loop's view of the handlers: each is called only with what its own route's schemas parsed.
  const handlerOf: Record<AdminRouteName, (request: AdminRequest<AdminRoute>) => Promise<unknown>> = handlers(deps);
  for (const name of adminRouteNames) {
    const route: AdminRoute = ADMIN_ROUTES[name];
    const handle = handlerOf[name];
    app.route({
      method: route.method,
      url: ADMIN_PREFIX + route.path,
      preHandler: admin,
      handler: async (request, reply) => {
        const params = parseParams(route.params, request.params);
        const query = parsePart(route.query, request.query);
        const body = parsePart(route.body, request.body);
        const answer = await handle({ params, query, body });
        return reply.status(route.status ?? 200).send(answer);
      },
    });
  }
}

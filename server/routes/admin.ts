import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { CreateEnrolmentCodeRequest } from '../../shared/sync/protocol';
import { createEnrolmentCode, requireAdmin } from '../auth';
import {
  CampaignInput, CategoriesInput, DefaultOfflineCapInput, publishCategories, OfflineCapInput, publishRules, publishTiers, RewardInput, RulesInput,
  setDefaultOfflineCap, setMemberOfflineCap, TiersInput, upsertCampaign, upsertReward,
} from '../admin/catalog';
import { balanceFlagList, dayCloseList, openQuarantine, resolveQuarantine, revokeTerminal, terminalOverview } from '../admin/reports';
import { HoError, parseBody } from '../http/errors';
import { deriveAllPending } from '../sync/deriver';
import type { ServerDeps } from './serverDeps';

const IdParams = z.object({ id: z.string().uuid() });
const NumericIdParams = z.object({ id: z.coerce.number().int().min(1) });
const DayCloseQuery = z.object({ terminalId: z.string().uuid().optional() });
const FlagQuery = z.object({ open: z.enum(['true', 'false']).default('true') });

/** Every admin route needs the admin token: `Authorization: Bearer <token>`. */
export function adminRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const { db, clock, ids } = deps;
  const admin = async (request: FastifyRequest) => requireAdmin(db, request);
  const params = <S extends z.ZodType>(schema: S, request: FastifyRequest): z.output<S> => {
    const parsed = schema.safeParse(request.params);
    if (!parsed.success) throw new HoError('NOT_FOUND', 'No such resource.');
    return parsed.data;
  };

  app.post('/admin/enrolment-codes', { preHandler: admin }, async (request, reply) => {
    const created = await createEnrolmentCode(db, clock, ids, parseBody(CreateEnrolmentCodeRequest, request.body));
    return reply.status(201).send(created);
  });
  app.get('/admin/terminals', { preHandler: admin }, async () => ({ terminals: await terminalOverview(db, clock.now()) }));
  app.post('/admin/terminals/:id/revoke', { preHandler: admin }, async (request) => {
    const { id } = params(IdParams, request);
    if (!(await revokeTerminal(db, clock.now(), id))) throw new HoError('NOT_FOUND', `No active terminal ${id}.`);
    return { revoked: id };
  });
  // Derives every record stored so far (waiting for other processes' chunks) and answers when done:
  // IT's "catch up now", and the tests' bounded wait for derivation.
  app.post('/admin/derive', { preHandler: admin }, async () => deriveAllPending(db, clock));
  app.get('/admin/quarantine', { preHandler: admin }, async () => ({ records: await openQuarantine(db) }));
  app.post('/admin/quarantine/:id/resolve', { preHandler: admin }, async (request) => {
    const { id } = params(NumericIdParams, request);
    if (!(await resolveQuarantine(db, clock.now(), id))) throw new HoError('NOT_FOUND', `No open quarantined record ${id}.`);
    return { resolved: id };
  });
  app.get('/admin/balance-flags', { preHandler: admin }, async (request) => {
    const q = parseBody(FlagQuery, request.query);
    return { flags: await balanceFlagList(db, q.open === 'true') };
  });
  app.get('/admin/day-closes', { preHandler: admin }, async (request) => {
    const q = parseBody(DayCloseQuery, request.query);
    return { closes: await dayCloseList(db, q.terminalId ?? null) };
  });

  app.put('/admin/tiers', { preHandler: admin }, async (request) => {
    await publishTiers(db, parseBody(TiersInput, request.body));
    return { ok: true };
  });
  app.put('/admin/categories', { preHandler: admin }, async (request) => {
    await publishCategories(db, parseBody(CategoriesInput, request.body));
    return { ok: true };
  });
  app.post('/admin/rules', { preHandler: admin }, async (request) => publishRules(db, clock, parseBody(RulesInput, request.body)));
  app.put('/admin/rewards/:id', { preHandler: admin }, async (request) => {
    const { id } = params(IdParams, request);
    await upsertReward(db, clock, id, parseBody(RewardInput, request.body));
    return { id };
  });
  app.put('/admin/campaigns/:id', { preHandler: admin }, async (request) => {
    const { id } = params(IdParams, request);
    await upsertCampaign(db, clock, id, parseBody(CampaignInput, request.body));
    return { id };
  });
  app.put('/admin/members/:id/offline-cap', { preHandler: admin }, async (request) => {
    const { id } = params(IdParams, request);
    await setMemberOfflineCap(db, clock, id, parseBody(OfflineCapInput, request.body));
    return { id };
  });
  app.put('/admin/settings/offline-cap', { preHandler: admin }, async (request) => {
    await setDefaultOfflineCap(db, parseBody(DefaultOfflineCapInput, request.body));
    return { ok: true };
  });
}

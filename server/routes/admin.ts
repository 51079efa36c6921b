import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { ADMIN_ROUTES, adminRouteNames, type AdminRouteName, type AdminRoutes } from '../../shared/admin/contract';
import { roleHasShops } from '../../shared/admin/roles';
import type { AdminAnswerOf, AdminRequest, AdminRoute } from '../../shared/admin/route';
import { ADMIN_BODY_LIMIT, ADMIN_PREFIX, SIGN_IN_BODY_LIMIT } from '../../shared/admin/wire';
import { createEnrolmentCode } from '../auth';
import {
  publishCategories,
  publishRules,
  publishTiers,
  setDefaultOfflineCap,
  setMemberOfflineCap,
  upsertReward,
} from '../admin/catalog';
import {
  balanceFlagList,
  cardConflictList,
  dayCloseList,
  openQuarantine,
  resolveQuarantine,
  revokeTerminal,
  shopOfQuarantined,
  shopOfTerminal,
  terminalOverview,
  type ShopFilter,
} from '../admin/reports';
import { resolveCardConflict, shopOfCardConflict } from '../admin/cardConflicts';
import { cancelCampaign, listCampaigns, publishCampaign, saveDraftCampaign } from '../admin/campaigns';
import { campaignEffect } from '../campaigns/campaignEffect';
import { campaignWhatIf } from '../campaigns/whatIf';
import { resolveTarget, rfmDayOf } from '../campaigns/rfmTarget';
import { auditChainList, searchAudit } from '../admin/audit';
import { checkHeadOfficeChain } from '../admin/hoAudit';
import { eraseMember, exportMemberData } from '../admin/privacy';
import { officeMemberTier, setOfficeMemberTier } from '../admin/memberTier';
import { officeProgramme } from '../admin/programme';
import { officeOfflineCaps } from '../admin/offlineCaps';
import { rewardShopStockOf, setRewardShopStock } from '../admin/rewardStock';
import { adjustMemberPoints } from '../admin/adjustments';
import { mergeMembers } from '../members/mergeMembers';
import { mergePreview } from '../members/mergePreview';
import { findMembers } from '../admin/members/findMembers';
import { memberDetail, memberPhone } from '../admin/members/memberDetail';
import { addGoods, listGoods, updateGoods } from '../admin/goods';
import {
  createApiToken,
  createUser,
  endSession,
  listApiTokens,
  listUsers,
  revokeApiToken,
  seesShop,
  signIn,
  updateUser,
  type Caller,
} from '../admin/users';
import { addTillStaff, listTillStaff, shopOfTillStaff, updateTillStaff } from '../admin/tillStaff';
import { HoError, parseBody, type RequestPart } from '../http/errors';
import { deadNotices, retryDead } from '../notices/queue';
import { setWebhook, webhookSettings } from '../notices/settings';
import { deriveAllPending } from '../sync/deriver';
import { runAudited } from './adminAudit';
import { dailyStats } from '../admin/stats/dailyStats';
import { activityView, rfmView } from '../admin/stats/memberViews';
import { tiersView, tierMovesView } from '../admin/stats/tierViews';
import { growthView, pointsView, shopsView, spendView } from '../admin/stats/rangeViews';
import { dayIn } from '../stats/summaryDeltas';
import { addDays, DEFAULT_STATS_DAYS } from '../../shared/admin/stats';
import { DEFAULT_SHOP_TIME_ZONE } from '../../shared/sync/timeZone';
import { admit, clearSessionCookie, setSessionCookie } from './caller';
import type { ServerDeps } from './serverDeps';

/** What a handler knows besides its parsed input: who calls (null only on a public route) and the HTTP pair. */
interface CallContext {
  caller: Caller | null;
  request: FastifyRequest;
  reply: FastifyReply;
}

/** One handler per route of the contract: a route without one does not compile. */
type AdminHandlers = {
  [K in AdminRouteName]: (
    request: AdminRequest<AdminRoutes[K]>,
    context: CallContext,
  ) => Promise<AdminAnswerOf<AdminRoutes[K]>>;
};

/** The caller of a route that has one (every route but signIn: admit() refused anyone else). */
function who(context: CallContext): Caller {
  if (!context.caller) throw new HoError('UNAUTHORIZED', 'Sign in first.');
  return context.caller;
}

/** The shops a caller is limited to (a shop manager's), or null for the whole chain. */
const shopsOf = (caller: Caller): ShopFilter => (roleHasShops(caller.role) ? caller.shops : null);

/** Another shop's resource is as unknown to a shop manager as a missing one. */
function mustSee(caller: Caller, shopId: string | null, what: string): void {
  if (shopId === null || !seesShop(caller, shopId)) throw new HoError('NOT_FOUND', `No ${what}.`);
}

function handlers({ db, clock, ids, readDb = db }: ServerDeps): AdminHandlers {
  const today = (): string => dayIn(clock.now(), DEFAULT_SHOP_TIME_ZONE);
  // A shop named must be one the caller sees (403 otherwise); none named: every shop they see.
  // `to` left out: today (head office's zone); `from` left out: 30 days up to `to`.
  const statsRange = (query: { from?: string; to?: string; shop?: string }, caller: Caller) => {
    if (query.shop !== undefined && !seesShop(caller, query.shop))
      throw new HoError('FORBIDDEN', `You may see only your own shops' figures, not ${query.shop}'s.`);
    const to = query.to ?? today();
    return {
      from: query.from ?? addDays(to, 1 - DEFAULT_STATS_DAYS),
      to,
      shops: query.shop === undefined ? shopsOf(caller) : [query.shop],
    };
  };
  return {
    signIn: async ({ body }, { request, reply }) => {
      const session = await signIn(db, clock, ids, body.login, body.password);
      if (!session) throw new HoError('UNAUTHORIZED', 'The login or the password is wrong.');
      setSessionCookie(request, reply, session.sessionId);
      return { me: session.me, csrfToken: session.csrfToken, expiresAt: session.expiresAt };
    },
    signOut: async (_input, context) => {
      const { session } = who(context);
      if (session) await endSession(db, session.idHash);
      clearSessionCookie(context.request, context.reply);
      return { ok: true };
    },
    // The page reads its CSRF token back after a reload; another site cannot read this answer (no CORS).
    me: async (_input, context) => {
      const { session, ...me } = who(context);
      return { me, csrfToken: session?.csrfToken ?? null, expiresAt: session?.expiresAt ?? null };
    },
    createEnrolmentCode: async ({ body }, context) => {
      if (!seesShop(who(context), body.shopId))
        throw new HoError('FORBIDDEN', `You may make enrolment codes only for your own shops, not ${body.shopId}.`);
      return createEnrolmentCode(db, clock, ids, body);
    },
    terminals: async (_input, context) => ({
      terminals: await terminalOverview(db, clock.now(), shopsOf(who(context))),
    }),
    revokeTerminal: async ({ params: { id } }, context) => {
      mustSee(who(context), await shopOfTerminal(db, id), `active terminal ${id}`);
      if (!(await revokeTerminal(db, clock.now(), id))) throw new HoError('NOT_FOUND', `No active terminal ${id}.`);
      return { revoked: id };
    },
    // Derives every record stored so far (waiting for other processes' chunks) and answers when done:
    // IT's "catch up now", and the tests' bounded wait for derivation.
    derive: async () => deriveAllPending(db, clock),
    quarantine: async (_input, context) => ({ records: await openQuarantine(db, shopsOf(who(context))) }),
    resolveQuarantine: async ({ params: { id } }, context) => {
      mustSee(who(context), await shopOfQuarantined(db, id), `open quarantined record ${id}`);
      if (!(await resolveQuarantine(db, clock.now(), id)))
        throw new HoError('NOT_FOUND', `No open quarantined record ${id}.`);
      return { resolved: id };
    },
    cardConflicts: async (_input, context) => ({ conflicts: await cardConflictList(db, shopsOf(who(context))) }),
    resolveCardConflict: async ({ params: { id } }, context) => {
      mustSee(who(context), await shopOfCardConflict(db, id), `open card conflict ${id}`);
      if (!(await resolveCardConflict(db, clock.now(), id)))
        throw new HoError('NOT_FOUND', `No open card conflict ${id}.`);
      return { resolved: id };
    },
    balanceFlags: async ({ query }, context) => ({
      flags: await balanceFlagList(db, query.open === 'true', shopsOf(who(context))),
    }),
    dayCloses: async ({ query }, context) => ({
      closes: await dayCloseList(db, query.terminalId ?? null, shopsOf(who(context))),
    }),
    programme: async () => officeProgramme(db),
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
    rewardShopStock: async ({ params: { id } }) => rewardShopStockOf(readDb, id),
    setRewardShopStock: async ({ params: { id }, body }) => setRewardShopStock(db, clock, id, body),
    upsertCampaign: async ({ params: { id }, body }) => {
      await saveDraftCampaign(db, clock, id, body);
      return { id };
    },
    publishCampaign: async ({ params: { id } }) => {
      await publishCampaign(db, clock, id);
      return { id };
    },
    cancelCampaign: async ({ params: { id } }) => {
      await cancelCampaign(db, clock, id);
      return { id };
    },
    campaigns: async () => ({ campaigns: await listCampaigns(db, clock.now()) }),
    campaignEffect: async ({ params: { id } }) => campaignEffect(readDb, id, clock.now(), null),
    campaignWhatIf: async ({ params: { id }, query, body }) =>
      campaignWhatIf(db, id, await resolveTarget(db, body, rfmDayOf(clock.now())), query.weeks, clock.now()),
    goods: async ({ query }) => ({ goods: await listGoods(db, query) }),
    addGoods: async ({ body }) => ({ goods: await addGoods(db, clock, ids, body) }),
    updateGoods: async ({ params: { id }, body }) => {
      const item = await updateGoods(db, clock, id, body);
      if (!item) throw new HoError('NOT_FOUND', `No goods ${id}.`);
      return { goods: item };
    },
    setMemberOfflineCap: async ({ params: { id }, body }) => {
      await setMemberOfflineCap(db, clock, id, body);
      return { id };
    },
    adjustPoints: async ({ params: { id }, body }, context) =>
      adjustMemberPoints(db, clock, ids, id, body, shopsOf(who(context))),
    setDefaultOfflineCap: async ({ body }) => {
      await setDefaultOfflineCap(db, body);
      return { ok: true };
    },
    offlineCaps: async () => officeOfflineCaps(db),
    searchAudit: async ({ query }) => searchAudit(db, query),
    auditChains: async () => ({ chains: await auditChainList(db), headOffice: await checkHeadOfficeChain(db) }),
    memberTier: async ({ params: { id } }) => officeMemberTier(db, clock, id),
    setMemberTier: async ({ params: { id }, body }, context) =>
      setOfficeMemberTier(db, clock, ids, id, body, who(context).login ?? who(context).name),
    findMembers: async ({ query }, context) => findMembers(db, query, shopsOf(who(context))),
    memberDetail: async ({ params: { id }, query }, context) => memberDetail(db, id, query, shopsOf(who(context))),
    revealMemberPhone: async ({ params: { id } }, context) => memberPhone(db, id, shopsOf(who(context))),
    exportMember: async ({ params: { id } }) => exportMemberData(db, clock, id),
    eraseMember: async ({ params: { id } }) => eraseMember(db, clock, id),
    memberMergePreview: async ({ params: { id }, query }) => mergePreview(db, clock, id, query.cardNumber),
    mergeMembers: async ({ params: { id }, body }, context) =>
      mergeMembers(db, clock, ids, { survivorId: id, duplicateId: body.duplicateId, by: who(context).login ?? '' }),
    users: async () => ({ users: await listUsers(db) }),
    createUser: async ({ body }) => ({ user: await createUser(db, clock, ids, body) }),
    updateUser: async ({ params: { id }, body }) => {
      const user = await updateUser(db, clock, ids, id, body);
      if (!user) throw new HoError('NOT_FOUND', `No user ${id}.`);
      return { user };
    },
    apiTokens: async () => ({ tokens: await listApiTokens(db) }),
    createApiToken: async ({ body }) => createApiToken(db, clock, ids, body),
    revokeApiToken: async ({ params: { id } }) => {
      if (!(await revokeApiToken(db, id))) throw new HoError('NOT_FOUND', `No API token ${id}.`);
      return { revoked: id };
    },
    tillStaff: async ({ query }, context) => {
      const caller = who(context);
      if (query.shopId !== undefined && !seesShop(caller, query.shopId)) return { staff: [] };
      const shops = query.shopId === undefined ? shopsOf(caller) : [query.shopId];
      return { staff: await listTillStaff(db, shops) };
    },
    addTillStaff: async ({ body }, context) => {
      if (!seesShop(who(context), body.shopId))
        throw new HoError('FORBIDDEN', `You may add till staff only to your own shops, not ${body.shopId}.`);
      return { staff: await addTillStaff(db, clock, ids, body) };
    },
    updateTillStaff: async ({ params: { id }, body }, context) => {
      mustSee(who(context), await shopOfTillStaff(db, id), `till staff ${id}`);
      const staff = await updateTillStaff(db, clock, id, body);
      if (!staff) throw new HoError('NOT_FOUND', `No till staff ${id}.`);
      return { staff };
    },
    resetTillStaffPin: async ({ params: { id }, body }, context) => {
      mustSee(who(context), await shopOfTillStaff(db, id), `till staff ${id}`);
      const staff = await updateTillStaff(db, clock, id, { pin: body.pin });
      if (!staff) throw new HoError('NOT_FOUND', `No till staff ${id}.`);
      return { staff };
    },
    spendNoticeSettings: async () => webhookSettings(db),
    setSpendNoticeSettings: async ({ body }) => setWebhook(db, body),
    deadSpendNotices: async () => ({ notices: await deadNotices(db) }),
    retrySpendNotice: async ({ params: { id } }) => {
      if (!(await retryDead(db, id, clock.now()))) throw new HoError('NOT_FOUND', `No dead spend notice ${id}.`);
      return { retried: id };
    },
    // A shop named must be one the caller sees (403 otherwise); none named: every shop they see.
    statsDaily: async ({ query }, context) => {
      const { from, to, shops } = statsRange(query, who(context));
      // From the standby when there is one (TILLCARD_HO_READ_URL): the summaries a moment behind the primary.
      return { days: await dailyStats(readDb, from, to, shops) };
    },
    statsGrowth: async ({ query }, context) =>
      growthView(readDb, { ...statsRange(query, who(context)), period: query.period }),
    statsSpend: async ({ query }, context) =>
      spendView(readDb, { ...statsRange(query, who(context)), period: query.period }),
    statsPoints: async ({ query }, context) =>
      pointsView(readDb, { ...statsRange(query, who(context)), period: query.period }),
    statsShops: async ({ query }, context) => shopsView(readDb, statsRange(query, who(context))),
    statsTiers: async ({ query }, context) =>
      tiersView(readDb, { ...statsRange(query, who(context)), period: query.period }, clock.now()),
    statsTierMoves: async ({ query }, context) =>
      tierMovesView(readDb, { ...statsRange(query, who(context)), period: query.period }, clock.now()),
    statsActivity: async ({ query }) => activityView(readDb, query.asOf ?? today()),
    statsRfm: async ({ query }) => rfmView(readDb, query.asOf ?? today(), query.months, db),
  };
}

/** Params that do not parse name no resource (a malformed id is as unknown as a missing one). */
function parseParams(schema: z.ZodType | null, params: unknown): unknown {
  if (!schema) return undefined;
  const parsed = schema.safeParse(params);
  if (!parsed.success) throw new HoError('NOT_FOUND', 'No such resource.');
  return parsed.data;
}

const parsePart = (schema: z.ZodType | null, value: unknown, part: RequestPart): unknown =>
  schema ? parseBody(schema, value, { part }) : undefined;

type AnyHandler = (request: AdminRequest<AdminRoute>, context: CallContext) => Promise<unknown>;

export interface AdminRouteOptions {
  /** Sign-in attempts one address may make per minute (@fastify/rate-limit); beyond, 429 RATE_LIMITED. */
  signInPerMinute: number;
}

/**
 * Registers every route of the admin contract (shared/admin/contract.ts). Each is gated before its
 * input is read (./caller.ts): a session cookie or an API token, the role's line in
 * shared/admin/roles.ts, and the CSRF check on a cookie's write; shop managers' answers are limited
 * to their shops here. Answers are not re-checked: every caller parses them with the route's
 * response schema (shared/admin/client.ts), and server/routes/admin.test.ts calls every route.
 */
export function adminRoutes(app: FastifyInstance, deps: ServerDeps, options: AdminRouteOptions): void {
  // The loop's view of the handlers: each is called only with what its own route's schemas parsed.
  const handlerOf = (on: ServerDeps): Record<AdminRouteName, AnyHandler> => handlers(on);
  // Who each request's gate admitted, from its onRequest hook to its handler.
  const callers = new WeakMap<FastifyRequest, Caller | null>();
  for (const name of adminRouteNames) {
    const route: AdminRoute = ADMIN_ROUTES[name];
    const signingIn = name === 'signIn';
    app.route({
      method: route.method,
      url: ADMIN_PREFIX + route.path,
      // A body over its limit is refused before it is read: 413 BODY_TOO_LARGE (server/app.ts).
      bodyLimit: signingIn ? SIGN_IN_BODY_LIMIT : ADMIN_BODY_LIMIT,
      ...(signingIn ? { config: { rateLimit: { max: options.signInPerMinute, timeWindow: 60_000 } } } : {}),
      // The gate runs in onRequest, before Fastify reads the body: a caller without the role learns
      // nothing from a bad body (401/403, never a 400 about JSON they may not send at all).
      onRequest: async (request) => {
        callers.set(request, await admit(deps, name, request));
      },
      handler: async (request, reply) => {
        const caller = callers.get(request) ?? null;
        const params = parseParams(route.params, request.params);
        const query = parsePart(route.query, request.query, 'query');
        const body = parsePart(route.body, request.body, 'body');
        const input = { params, query, body };
        // Audited actions run on the transaction that also writes their audit row (./adminAudit.ts).
        const answer = await runAudited(deps, name, route, caller, input, (on) =>
          handlerOf(on)[name](input, { caller, request, reply }),
        );
        return reply.status(route.status ?? 200).send(answer);
      },
    });
  }
}

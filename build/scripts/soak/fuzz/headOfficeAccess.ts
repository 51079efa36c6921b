// Who may call what at head office, fuzzed: every admin route of shared/admin/contract.ts by every
// kind of caller (nobody, each role by session cookie and by API token, a shop manager for their own
// shop and another, a revoked token, a forged cookie, a cookie replayed after sign-out, a cookie's
// write without the CSRF header, a write from another origin). The expected status comes from
// shared/admin/roles.ts; a refused call is answered the same whatever its body (broken JSON
// included: the gate runs before the body is read) and leaves every table as it was. An answer
// against the table is counted in the tally's wrongAccess (the soak's `wrong_access`).
import fc from 'fast-check';
import { adminPath } from '../../../../shared/admin/client';
import { ADMIN_ROUTES, adminRouteNames, type AdminRouteName } from '../../../../shared/admin/contract';
import { adminAccess, hoRoles, roleMayCall, type HoRole } from '../../../../shared/admin/roles';
import { ADMIN_PREFIX, CSRF_HEADER, SESSION_COOKIE } from '../../../../shared/admin/wire';
import { DEFAULT_RULE_SET } from '../../../../shared/domain/rules/ruleSet';
import type { Harness } from '../../../../server/testing/harness';
import { uuidFrom } from '../../../../server/testing/records';
import type { LoopbackClient } from './loopbackHttp';
import { mutatedFrom } from './mutate';
import { count, countWrite, countWrongAccess, newTally, type BoundaryTally } from './tally';
import type { Verdict } from './verdict';
import type { WriteWatch } from './writeWatch';

const PASSWORD = 'soak access passphrase';

/** What the fixture head office holds, for example calls that reach their handlers. */
export interface AccessFixtures {
  terminalA: string;
  terminalB: string;
  memberId: string;
  /** A user and an API token only the owner's example calls change (never a caller's own). */
  spareUserId: string;
  spareTokenId: string;
}

interface Example {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
}

/**
 * One valid call per admin route. A route without an example does not compile. `shop`: the example
 * for a shop manager calling about shop A (theirs) or shop B (not theirs), where a route names a shop.
 */
type ExampleOf = (f: AccessFixtures, shop: 'A' | 'B', n: number) => Example;
export const accessExamples = {
  signIn: () => ({ body: { login: 'soak.owner', password: PASSWORD } }),
  signOut: () => ({}),
  me: () => ({}),
  createEnrolmentCode: (_f, shop, n) => ({
    body: { shopId: `shop${shop}`, terminalCode: String(30_000 + (n % 60_000)), validForHours: 24 },
  }),
  terminals: () => ({}),
  revokeTerminal: (f, shop) => ({ params: { id: shop === 'A' ? f.terminalA : f.terminalB } }),
  derive: () => ({}),
  quarantine: () => ({}),
  resolveQuarantine: () => ({ params: { id: '1' } }),
  balanceFlags: () => ({ query: { open: 'true' } }),
  dayCloses: (f, shop) => ({ query: { terminalId: shop === 'A' ? f.terminalA : f.terminalB } }),
  cardConflicts: () => ({}),
  resolveCardConflict: () => ({ params: { id: '1' } }),
  searchAudit: () => ({}),
  auditChains: () => ({}),
  memberTier: (f) => ({ params: { id: f.memberId } }),
  // An end far ahead; a tier the access fixture's ladder may not hold answers VALIDATION, past the role check.
  setMemberTier: (f, _s, n) => ({
    params: { id: f.memberId },
    body: { tierCode: 'GOLD', reason: `soak ${n}`, endsAt: Date.UTC(2100, 0, 1) },
  }),
  exportMember: (f) => ({ params: { id: f.memberId } }),
  findMembers: (_f, _s, n) => ({ query: { by: 'name', q: `Member ${n % 10}` } }),
  memberDetail: (f, _s, n) => ({ params: { id: f.memberId }, query: { ledgerPage: String(1 + (n % 3)) } }),
  revealMemberPhone: (f) => ({ params: { id: f.memberId } }),
  eraseMember: (f) => ({ params: { id: f.memberId } }),
  // A card nobody holds, a duplicate nobody is: past the gate the handler answers 404, nothing written.
  memberMergePreview: (f, _s, n) => ({ params: { id: f.memberId }, query: { cardNumber: String(9e15 + n) } }),
  mergeMembers: (f, _s, n) => ({ params: { id: f.memberId }, body: { duplicateId: uuidFrom(n, 9) } }),
  publishTiers: () => ({ body: { tiers: [{ code: 'BRONZE', name: 'Bronze', rank: 1, qualifyPoints: 0 }] } }),
  publishCategories: () => ({
    body: { categories: [{ code: 'general', names: { 'zh-CN': '普通商品', en: 'General' } }], defaultCode: 'general' },
  }),
  publishRules: () => ({ body: { rules: DEFAULT_RULE_SET } }),
  upsertReward: (_f, _s, n) => ({
    params: { id: uuidFrom(700 + (n % 50)) },
    body: {
      code: 'MUG',
      name: 'Mug',
      category: 'gift',
      pointsCost: 500,
      cashValueMinor: 2_000,
      stock: 5,
      active: true,
    },
  }),
  // The upsertReward ids: a reward one call made has a stock per shop; an unknown one is 404, past the gate.
  rewardShopStock: (_f, _s, n) => ({ params: { id: uuidFrom(700 + (n % 50)) } }),
  setRewardShopStock: (_f, shop, n) => ({
    params: { id: uuidFrom(700 + (n % 50)) },
    body: { shopId: `shop${shop}`, stock: n % 3 === 0 ? null : n % 20 },
  }),
  upsertCampaign: (_f, _s, n) => ({
    params: { id: uuidFrom(800 + (n % 50)) },
    body: {
      name: 'Double',
      rule: { kind: 'multiplier', multiplierBp: 20_000, weekdays: [] },
      target: { kind: 'everyone' },
      startsAt: Date.UTC(2025, 2, 1),
      endsAt: Date.UTC(2025, 2, 2),
      overlap: 'stack',
      budgetPoints: 10_000,
      perMemberLimit: null,
      holdoutBp: 0,
    },
  }),
  // The same ids as upsertCampaign: a draft one call made is published or cancelled; an unknown one is 404.
  publishCampaign: (_f, _s, n) => ({ params: { id: uuidFrom(800 + (n % 50)) } }),
  cancelCampaign: (_f, _s, n) => ({ params: { id: uuidFrom(800 + ((n + 7) % 50)) } }),
  campaigns: () => ({}),
  // An upsertCampaign id (effect of a draft or an unknown one: 200 or 404); a what-if of the same draft, 1–26 weeks.
  campaignEffect: (_f, _s, n) => ({ params: { id: uuidFrom(800 + (n % 50)) } }),
  campaignWhatIf: (_f, _s, n) => ({
    params: { id: uuidFrom(800 + (n % 50)) },
    query: { weeks: String(1 + (n % 26)) },
    body: {
      name: 'Double',
      rule: { kind: 'multiplier', multiplierBp: 20_000, weekdays: [] },
      target: { kind: 'everyone' },
      startsAt: Date.UTC(2025, 2, 1),
      endsAt: Date.UTC(2025, 2, 2),
      overlap: 'stack',
      budgetPoints: 10_000,
      perMemberLimit: null,
      holdoutBp: 0,
    },
  }),
  programme: () => ({}),
  goods: (_f, _s, n) => ({ query: { find: `SOAK-${n % 7}` } }),
  // A fresh SKU each call (a taken one is 409 past the gate); the category is the list's default.
  addGoods: (_f, _s, n) => ({ body: { sku: `SOAK-${n}`, name: `Soak item ${n}`, priceMinor: 100 + (n % 900) } }),
  // No such item: past the gate the handler answers 404, and nothing is written either way.
  updateGoods: (_f, _s, n) => ({ params: { id: uuidFrom(900 + (n % 50)) }, body: { priceMinor: 100 + n } }),
  setMemberOfflineCap: (f, _s, n) => ({ params: { id: f.memberId }, body: { offlineCapPoints: n % 500 } }),
  adjustPoints: (f, _s, n) => ({ params: { id: f.memberId }, body: { delta: 1 + (n % 100), reason: 'goodwill' } }),
  setDefaultOfflineCap: (_f, _s, n) => ({ body: { defaultOfflineCapPoints: n % 500 } }),
  offlineCaps: () => ({}),
  users: () => ({}),
  createUser: (_f, _s, n) => ({
    body: { login: `soak.new${n}`, name: 'New user', role: 'auditor', shops: [], password: PASSWORD },
  }),
  updateUser: (f, _s, n) => ({ params: { id: f.spareUserId }, body: { name: `Spare ${n}` } }),
  apiTokens: () => ({}),
  createApiToken: (_f, _s, n) => ({ body: { label: `soak ${n}`, role: 'auditor', shops: [] } }),
  revokeApiToken: (f) => ({ params: { id: f.spareTokenId } }),
  tillStaff: (_f, shop) => ({ query: { shopId: `shop${shop}` } }),
  addTillStaff: (_f, shop, n) => ({
    body: { shopId: `shop${shop}`, name: `Soak cashier ${n}`, role: 'cashier', pin: '1234' },
  }),
  // No such account: past the gate the handler answers 404, and nothing is written either way.
  updateTillStaff: (_f, _s, n) => ({ params: { id: uuidFrom(n, 7) }, body: { name: `Renamed ${n}` } }),
  resetTillStaffPin: (_f, _s, n) => ({ params: { id: uuidFrom(n, 7) }, body: { pin: '4321' } }),
  spendNoticeSettings: () => ({}),
  setSpendNoticeSettings: () => ({ body: { url: 'http://127.0.0.1:9/notices', secret: 'soak-secret-0123456789' } }),
  deadSpendNotices: () => ({}),
  retrySpendNotice: (_f, _s, n) => ({ params: { id: uuidFrom(n, 8) } }),
  statsDaily: (_f, shop, n) => ({ query: { from: '2025-01-01', to: `2025-0${1 + (n % 9)}-28`, shop: `shop${shop}` } }),
  statsGrowth: (_f, shop, n) => ({
    query: { from: '2025-01-01', to: '2025-03-31', shop: `shop${shop}`, period: n % 2 ? 'week' : 'month' },
  }),
  statsSpend: (_f, shop) => ({ query: { from: '2025-01-01', to: '2025-03-31', shop: `shop${shop}`, period: 'month' } }),
  statsPoints: (_f, shop) => ({ query: { from: '2025-01-01', to: '2025-03-31', shop: `shop${shop}`, period: 'week' } }),
  statsShops: (_f, shop) => ({ query: { from: '2025-01-01', to: '2025-03-31', shop: `shop${shop}` } }),
  statsTiers: (_f, shop, n) => ({
    query: { from: '2025-01-01', to: '2025-03-31', shop: `shop${shop}`, period: n % 2 ? 'day' : 'month' },
  }),
  statsTierMoves: (_f, shop, n) => ({
    query: { from: '2025-01-01', to: '2025-03-31', shop: `shop${shop}`, period: n % 2 ? 'week' : 'month' },
  }),
  statsActivity: (_f, _s, n) => ({ query: { asOf: `2025-0${1 + (n % 9)}-28` } }),
  statsRfm: (_f, _s, n) => ({ query: { asOf: `2025-0${1 + (n % 9)}-28` } }),
} satisfies Record<AdminRouteName, ExampleOf>;

/** A caller's credentials as sent: bearer token, cookie, CSRF header, Origin. */
interface Credentials {
  token?: string;
  cookie?: string;
  csrf?: string;
  origin?: string;
}

export interface AccessCaller {
  name: string;
  credentials: Credentials;
  /** The role the gate should see, or null for a caller it must refuse whatever the route (401). */
  role: HoRole | null;
  /** A cookie caller (writes need the CSRF header) */
  cookie: boolean;
  /** A cookie write this caller makes is refused for want of CSRF or from another origin (403). */
  writesRefused: boolean;
  /** For a shop manager: the shop their example calls are about. */
  shop: 'A' | 'B';
}

/** 'handled': past the gate (any 2xx/4xx the handler answers but 401/403); else the status the gate answers. */
export function expectedStatus(route: AdminRouteName, caller: AccessCaller): 'handled' | 401 | 403 | 404 {
  if (adminAccess[route].roles === 'public') return 'handled';
  if (caller.role === null) return 401;
  if (!roleMayCall(route, caller.role)) return 403;
  if (caller.writesRefused && ADMIN_ROUTES[route].method !== 'GET') return 403;
  if (caller.role === 'shop_manager' && caller.shop === 'B') {
    // Making something for another shop is forbidden; another shop's existing things are not found.
    if (route === 'createEnrolmentCode' || route === 'addTillStaff') return 403;
    if (route === 'statsDaily' || route === 'statsGrowth' || route === 'statsSpend') return 403;
    if (route === 'statsPoints' || route === 'statsShops') return 403;
    if (route === 'statsTiers' || route === 'statsTierMoves') return 403;
    if (route === 'revokeTerminal') return 404;
  }
  return 'handled';
}

/** The gate itself refuses this caller this route (401, or 403 by role, CSRF or origin). */
function gateRefuses(route: AdminRouteName, caller: AccessCaller): boolean {
  if (adminAccess[route].roles === 'public') return false;
  if (caller.role === null || !roleMayCall(route, caller.role)) return true;
  return caller.writesRefused && ADMIN_ROUTES[route].method !== 'GET';
}

export function accessMismatch(route: AdminRouteName, caller: AccessCaller, status: number): string | null {
  const expected = expectedStatus(route, caller);
  if (status >= 500) return null;
  if (expected === 'handled')
    return status === 401 || status === 403 ? `${caller.name} ${route}: expected handled, got ${status}` : null;
  return status === expected ? null : `${caller.name} ${route}: expected ${expected}, got ${status}`;
}

function cookieOf(setCookie: string[]): string {
  const found = setCookie.map((c) => new RegExp(`^${SESSION_COOKIE}=([^;]*)`).exec(c)?.[1]).find(Boolean);
  if (!found) throw new Error('head office access fuzz: sign-in set no cookie');
  return found;
}

async function signIn(ho: Harness, login: string): Promise<{ cookie: string; csrf: string }> {
  const response = await fetch(`${ho.url}${adminPath('signIn')}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password: PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`head office access fuzz: ${login} could not sign in`);
  const answer: unknown = await response.json();
  const csrf = typeof answer === 'object' && answer !== null && 'csrfToken' in answer ? answer.csrfToken : null;
  return { cookie: cookieOf(response.headers.getSetCookie()), csrf: String(csrf) };
}

/** The users, tokens and sessions the callers use, made through the admin API as the bootstrap owner. */
export async function setUpCallers(
  ho: Harness,
  terminals: { A: string; B: string },
  memberId: string,
): Promise<{ callers: AccessCaller[]; fixtures: AccessFixtures }> {
  const login = (role: HoRole): string => `soak.${role.replace('_', '')}`;
  const shopsOf = (role: HoRole): string[] => (role === 'shop_manager' ? ['shopA'] : []);
  for (const role of hoRoles)
    await ho.admin.call('createUser', {
      body: { login: login(role), name: `Soak ${role}`, role, shops: shopsOf(role), password: PASSWORD },
    });
  const spare = await ho.admin.call('createUser', {
    body: { login: 'soak.spare', name: 'Spare', role: 'auditor', shops: [], password: PASSWORD },
  });
  const spareToken = await ho.admin.call('createApiToken', { body: { label: 'spare', role: 'auditor', shops: [] } });
  const revoked = await ho.admin.call('createApiToken', { body: { label: 'revoked', role: 'owner', shops: [] } });
  await ho.admin.call('revokeApiToken', { params: { id: revoked.row.id } });
  const callers: AccessCaller[] = [
    { name: 'anonymous', credentials: {}, role: null, cookie: false, writesRefused: false, shop: 'A' },
  ];
  const base = { writesRefused: false, shop: 'A' } as const;
  for (const role of hoRoles) {
    const { token } = await ho.admin.call('createApiToken', {
      body: { label: `soak ${role}`, role, shops: shopsOf(role) },
    });
    const shops = role === 'shop_manager' ? (['A', 'B'] as const) : (['A'] as const);
    for (const shop of shops) {
      const suffix = role === 'shop_manager' ? ` for shop ${shop}` : '';
      // A session each: the caller's own signOut (the last route) ends only theirs.
      const session = await signIn(ho, login(role));
      callers.push({ ...base, shop, name: `cookie ${role}${suffix}`, credentials: session, role, cookie: true });
      callers.push({ ...base, shop, name: `token ${role}${suffix}`, credentials: { token }, role, cookie: false });
    }
  }
  const owner = await signIn(ho, login('owner'));
  const ended = await signIn(ho, login('owner'));
  const out = await fetch(`${ho.url}${adminPath('signOut')}`, {
    method: 'POST',
    headers: { cookie: `${SESSION_COOKIE}=${ended.cookie}`, [CSRF_HEADER]: ended.csrf },
  });
  if (out.status !== 200) throw new Error('head office access fuzz: sign-out failed');
  callers.push(
    { ...base, name: 'revoked token', credentials: { token: revoked.token }, role: null, cookie: false },
    { ...base, name: 'forged cookie', credentials: { cookie: 'f'.repeat(43), csrf: 'x' }, role: null, cookie: true },
    { ...base, name: 'signed-out cookie', credentials: ended, role: null, cookie: true },
    {
      ...base,
      name: 'cookie write without CSRF',
      credentials: { cookie: owner.cookie },
      role: 'owner',
      cookie: true,
      writesRefused: true,
    },
    {
      ...base,
      name: 'cross-origin write',
      credentials: { ...owner, origin: 'https://evil.example' },
      role: 'owner',
      cookie: true,
      writesRefused: true,
    },
  );
  return {
    callers,
    fixtures: {
      terminalA: terminals.A,
      terminalB: terminals.B,
      memberId,
      spareUserId: spare.user.id,
      spareTokenId: spareToken.row.id,
    },
  };
}

/** The example's path (as adminPath builds it; a made-up id is sent as given). */
function pathFor(route: AdminRouteName, params: Example['params'], query: Example['query']): string {
  const path = ADMIN_ROUTES[route].path.replace(/:(\w+)/g, (_m, p: string) => encodeURIComponent(params?.[p] ?? ''));
  const search = new URLSearchParams(query ?? {}).toString();
  return `${ADMIN_PREFIX}${path}${search ? `?${search}` : ''}`;
}

/** A body as sent: JSON of a value, or raw text (broken JSON: the gate must answer before any parser). */
type Sent = { json: unknown } | { raw: string };
const brokenBodies = fc.constantFrom('{', '{"a":', '[1,2', 'not json', '\u0000', '{"__proto__":{"x":1}}');

export interface HoAccessOptions {
  ho: Harness;
  client: LoopbackClient;
  watch: WriteWatch;
  callers: AccessCaller[];
  fixtures: AccessFixtures;
  /** Bad bodies per refused (route, caller), besides the valid example every caller sends. */
  refusedRuns: number;
  seed: number;
  /** After each call: the clock moves, a push is derived (as the head-office fuzz does). */
  afterCall: () => void;
}

/** Every admin route by every caller; one tally per caller. signOut comes last (it ends a cookie's session). */
export async function fuzzHeadOfficeAccess(options: HoAccessOptions): Promise<BoundaryTally[]> {
  const { client, watch, fixtures } = options;
  const ordered = [...adminRouteNames.filter((r) => r !== 'signOut'), 'signOut' as const];
  const tallies = options.callers.map((c) => newTally(`head office access: ${c.name}`));
  for (const [i, route] of ordered.entries()) {
    const spec = ADMIN_ROUTES[route];
    for (const [c, caller] of options.callers.entries()) {
      const tally = tallies[c] ?? newTally(caller.name);
      const example = (n: number): Example => (accessExamples[route] as ExampleOf)(fixtures, caller.shop, n);
      const call = async (sent: Sent | null, n: number): Promise<void> => {
        const { params, query } = example(n);
        const path = pathFor(route, params, query);
        const headers: Record<string, string> = {};
        const { token, cookie, csrf, origin } = caller.credentials;
        if (token) headers.authorization = `Bearer ${token}`;
        if (cookie) headers.cookie = `${SESSION_COOKIE}=${cookie}`;
        if (csrf) headers[CSRF_HEADER] = csrf;
        if (origin) headers.origin = origin;
        const body = sent === null ? null : 'raw' in sent ? sent.raw : (JSON.stringify(sent.json) ?? null);
        if (body !== null) headers['content-type'] = 'application/json';
        await watch.start();
        let status = 0;
        let verdict: Verdict;
        try {
          ({ status } = await client.send({ method: spec.method, path, headers, body }));
          verdict = status >= 500 ? { kind: 'crash', why: `HTTP ${status}` } : { kind: 'refused', code: 'VALIDATION' };
        } catch (error) {
          verdict = { kind: 'crash', why: `request failed: ${String(error)}` };
        }
        const expected = expectedStatus(route, caller);
        if (expected === 'handled' && status < 300) verdict = { kind: 'accepted' };
        const input = { route, caller: caller.name, body: sent };
        count(tally, verdict, input);
        const mismatch = accessMismatch(route, caller, status);
        if (mismatch) countWrongAccess(tally, mismatch, input);
        options.afterCall();
        if (expected === 'handled') {
          watch.accepted();
          return;
        }
        const change = await watch.afterRefusal();
        if (change && change.after !== change.before) {
          countWrite(tally, `row counts ${change.before} → ${change.after}`, input);
          if (!mismatch) countWrongAccess(tally, `${caller.name} ${route}: refused but wrote`, input);
        }
      };
      const valid = example(i);
      await call(spec.body === null ? null : { json: valid.body }, i);
      // Bad bodies where the gate refuses: its answer must not depend on them (a handler's own
      // refusal, such as another shop's enrolment code, is judged on the valid call alone).
      if (!gateRefuses(route, caller) || options.refusedRuns === 0) continue;
      const bad = fc.oneof(
        mutatedFrom((_r, n) => [example(n).body ?? {}], 'json').map((json): Sent => ({ json })),
        brokenBodies.map((raw): Sent => ({ raw })),
      );
      await fc.check(
        fc.asyncProperty(bad, fc.nat(), async (sent, n) => {
          await call(spec.method === 'GET' ? null : sent, n);
          return true;
        }),
        { numRuns: options.refusedRuns, seed: options.seed + c * 100 + i },
      );
    }
  }
  return tallies;
}

// Head-office people and scripts against the real server over loopback: sign-in and the session
// cookie (its flags, forged, replayed after sign-out, expired), CSRF on cookie writes (missing
// header, another Origin, a cross-site form post), roles (shared/admin/roles.ts) on every route
// with shop managers kept to their shops and auditors to reading, scoped API tokens and their
// revocation, rate limits on sign-in and sync, body size, and helmet's headers on every answer.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminClient, adminPath, type AdminClient } from '../../shared/admin/client';
import { ADMIN_ROUTES, adminRouteNames, type AdminRouteName } from '../../shared/admin/contract';
import { adminAccess, hoRoles, roleMayCall, type HoRole } from '../../shared/admin/roles';
import { ADMIN_BODY_LIMIT, CSRF_HEADER, SIGN_IN_BODY_LIMIT } from '../../shared/admin/wire';
import { PROTOCOL_VERSION } from '../../shared/sync/protocol';
import { SESSION_TTL_MS } from '../admin/users';
import { sessions, users } from '../store/schema';
import type { HoDatabase } from '../store/connect';
import { fixedClockForTests } from '../testing/clock';
import { testBackends } from '../testing/databases';
import { Browser } from '../testing/browser';
import { startHarness, type Harness } from '../testing/harness';
import { memberRecord, uuidFrom } from '../testing/records';

/** A read whose query has required fields (a search's words): called with none, it answers 400 after the gate. */
const needsQuery = (route: { readonly query: { safeParse(v: unknown): { success: boolean } } | null }): boolean =>
  route.query !== null && !route.query.safeParse({}).success;

const T0 = Date.UTC(2025, 2, 1, 2);
const PASSWORD = 'a long enough passphrase';
const A = uuidFrom(1, 0xa);
const B = uuidFrom(2, 0xb);

const countRows = async (database: HoDatabase, table: typeof users | typeof sessions): Promise<number> =>
  (await database.db.select().from(table)).length;

describe.each(testBackends)('head-office people and scripts on $name', (backend) => {
  let ho: Harness;
  let database: HoDatabase;
  const clock = fixedClockForTests(T0);
  let tokenA = '';

  const makeUser = (login: string, role: HoRole, shops: string[] = []) =>
    ho.admin.call('createUser', { body: { login, name: login, role, shops, password: PASSWORD } });

  beforeAll(async () => {
    database = await backend.open();
    ho = await startHarness(database, clock, undefined, { rateLimits: { signInPerMinute: 1_000 } });
    tokenA = (await ho.enrol('shopA', '90001', A)).token;
    await ho.enrol('shopB', '90002', B);
    const pushed = await ho.call(
      'POST',
      '/sync/v1/push',
      {
        protocolVersion: PROTOCOL_VERSION,
        terminalId: A,
        shopId: 'shopA',
        records: [memberRecord(1, uuidFrom(9), 9, T0)],
      },
      tokenA,
    );
    expect(pushed.status).toBe(200);
    await makeUser('owner.one', 'owner');
    await makeUser('mkt', 'marketing');
    await makeUser('manager.a', 'shop_manager', ['shopA']);
    await makeUser('auditor', 'auditor');
  }, 180_000);
  afterAll(async () => {
    await ho.close();
  });

  it('signs in with a cookie: HttpOnly, SameSite=Strict, Secure over https, and hashed at rest', async () => {
    const browser = new Browser(ho.url, PASSWORD);
    const signed = await browser.signIn('OWNER.one');
    expect(signed.status).toBe(200);
    expect(signed.body).toMatchObject({ me: { kind: 'user', login: 'owner.one', role: 'owner' } });
    const cookie = signed.headers.getSetCookie().join('\n');
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/);
    const me = await browser.request('GET', '/admin/session');
    expect(me.body).toMatchObject({ me: { login: 'owner.one' }, csrfToken: browser.csrf });
    // Behind a TLS-terminating proxy the cookie is Secure.
    const https = await fetch(`${ho.url}/admin/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' },
      body: JSON.stringify({ login: 'owner.one', password: PASSWORD }),
    });
    expect(https.headers.getSetCookie().join('\n')).toMatch(/Secure/);
    // The database holds no cookie value: only its sha256.
    const stored = await database.db.select().from(sessions);
    expect(stored.some((s) => s.idHash === browser.cookie)).toBe(false);
    expect(stored.length).toBeGreaterThanOrEqual(2);
    const [owner] = (await database.db.select().from(users)).filter((u) => u.login === 'owner.one');
    expect(owner?.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(owner?.passwordHash).not.toContain(PASSWORD);
  });

  it('answers a wrong password and an unknown login alike, and opens no session', async () => {
    const before = await countRows(database, sessions);
    const wrong = await new Browser(ho.url, PASSWORD).signIn('owner.one', 'not the password at all');
    const unknown = await new Browser(ho.url, PASSWORD).signIn('nobody.here', PASSWORD);
    expect(wrong).toMatchObject({ status: 401, body: { code: 'UNAUTHORIZED' } });
    expect(unknown.body).toEqual(wrong.body);
    expect(wrong.headers.getSetCookie()).toEqual([]);
    expect(await countRows(database, sessions)).toBe(before);
  });

  it('refuses a forged cookie, a cookie replayed after sign-out, and one past its expiry', async () => {
    const forged = new Browser(ho.url, PASSWORD);
    forged.cookie = 'f'.repeat(64);
    expect((await forged.request('GET', '/admin/terminals')).status).toBe(401);

    const browser = new Browser(ho.url, PASSWORD);
    await browser.signIn('owner.one');
    const stolen = browser.cookie;
    expect((await browser.request('GET', '/admin/terminals')).status).toBe(200);
    expect((await browser.write('POST', '/admin/session/sign-out')).status).toBe(200);
    const replay = new Browser(ho.url, PASSWORD);
    replay.cookie = stolen;
    expect(await replay.request('GET', '/admin/terminals')).toMatchObject({
      status: 401,
      body: { code: 'UNAUTHORIZED' },
    });

    const late = new Browser(ho.url, PASSWORD);
    await late.signIn('owner.one');
    expect((await late.request('GET', '/admin/terminals')).status).toBe(200);
    clock.advance(SESSION_TTL_MS);
    try {
      expect((await late.request('GET', '/admin/terminals')).status).toBe(401);
    } finally {
      clock.advance(-SESSION_TTL_MS);
    }
  });

  it('refuses a cookie write without the CSRF header, from another Origin, and a cross-site form post', async () => {
    const browser = new Browser(ho.url, PASSWORD);
    await browser.signIn('owner.one');
    const before = await countRows(database, users);
    const body = { login: 'csrf.victim', name: 'x', role: 'owner', password: PASSWORD };
    const bare = await browser.request('POST', '/admin/users', body);
    expect(bare).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    const wrongToken = await browser.request('POST', '/admin/users', body, { [CSRF_HEADER]: 'guess' });
    expect(wrongToken.status).toBe(403);
    const otherSite = await browser.request('POST', '/admin/users', body, {
      [CSRF_HEADER]: browser.csrf ?? '',
      origin: 'https://evil.example',
    });
    expect(otherSite).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    const crossSite = await browser.request('POST', '/admin/users', body, {
      [CSRF_HEADER]: browser.csrf ?? '',
      'sec-fetch-site': 'cross-site',
    });
    expect(crossSite.status).toBe(403);
    // What an HTML form on another site can send: urlencoded or text/plain, no custom header.
    for (const type of ['application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x']) {
      const form = await browser.request('POST', '/admin/users', 'login=csrf.victim&role=owner', {
        'content-type': type,
        origin: 'https://evil.example',
      });
      expect(form.status, type).toBeGreaterThanOrEqual(400);
      expect(form.status, type).toBeLessThan(500);
    }
    expect(await countRows(database, users)).toBe(before);
    // The page's own write, from its own origin, passes.
    const own = await browser.request('POST', '/admin/users', body, {
      [CSRF_HEADER]: browser.csrf ?? '',
      origin: ho.url,
    });
    expect(own.status).toBe(201);
  });

  it('keeps a shop manager to their shop: another shop is not listed, not found, and not theirs to enrol', async () => {
    const browser = new Browser(ho.url, PASSWORD);
    await browser.signIn('manager.a');
    const listed = await browser.request('GET', '/admin/terminals');
    expect((listed.body.terminals as { id: string }[]).map((t) => t.id)).toEqual([A]);
    const closes = await browser.request('GET', `/admin/day-closes?terminalId=${B}`);
    expect(closes.body).toEqual({ closes: [] });
    expect((await browser.write('POST', `/admin/terminals/${B}/revoke`)).status).toBe(404);
    expect((await ho.admin.call('terminals')).terminals.find((t) => t.id === B)?.status).toBe('active');
    const enrolB = await browser.write('POST', '/admin/enrolment-codes', { shopId: 'shopB', terminalCode: '90003' });
    expect(enrolB).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    const enrolA = await browser.write('POST', '/admin/enrolment-codes', { shopId: 'shopA', terminalCode: '90004' });
    expect(enrolA.status).toBe(201);
    // Chain-wide settings are not a shop manager's.
    expect((await browser.write('PUT', '/admin/settings/offline-cap', { defaultOfflineCapPoints: 1 })).status).toBe(
      403,
    );
    expect((await browser.request('GET', '/admin/users')).status).toBe(403);
    // The tier views: their own shop's members, 403 for another shop named.
    for (const path of ['/admin/stats/tiers', '/admin/stats/tier-moves']) {
      expect((await browser.request('GET', `${path}?shop=shopA&period=month`)).status, path).toBe(200);
      expect(await browser.request('GET', `${path}?shop=shopB`), path).toMatchObject({
        status: 403,
        body: { code: 'FORBIDDEN' },
      });
    }
  });

  it('lets an auditor read and refuses every write, before reading its body; nothing is written', async () => {
    const browser = new Browser(ho.url, PASSWORD);
    await browser.signIn('auditor');
    const before = {
      users: await countRows(database, users),
      terminals: (await ho.admin.call('terminals')).terminals,
      tokens: (await ho.admin.call('apiTokens')).tokens,
    };
    for (const name of adminRouteNames) {
      if (name === 'signIn' || name === 'signOut') continue;
      const route = ADMIN_ROUTES[name];
      const path = adminPath<AdminRouteName>(name, { params: { id: name.includes('Terminal') ? A : uuidFrom(5) } });
      const answer = await browser.write(route.method, path, route.body ? {} : undefined);
      // A read the auditor may make of a member that does not exist answers 404, never 403; one without the
      // query it requires (a search's words) answers 400: past the gate either way.
      const readable = [200, ...(route.path.includes(':id') ? [404] : []), ...(needsQuery(route) ? [400] : [])];
      if (route.method === 'GET')
        expect(roleMayCall(name, 'auditor') ? readable : [403], name).toContain(answer.status);
      else expect(answer, name).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    }
    expect(await countRows(database, users)).toBe(before.users);
    expect((await ho.admin.call('terminals')).terminals).toEqual(before.terminals);
    expect((await ho.admin.call('apiTokens')).tokens).toEqual(before.tokens);
  });

  it('gates before the body is read: a broken body from a caller without the role is 401/403, not 400', async () => {
    const auditor = new Browser(ho.url, PASSWORD);
    await auditor.signIn('auditor');
    for (const body of ['{not json', '[1,', '']) {
      const anonymous = await new Browser(ho.url, PASSWORD).request('POST', '/admin/users', body);
      expect(anonymous, body).toMatchObject({ status: 401, body: { code: 'UNAUTHORIZED' } });
      const refused = await auditor.write('PUT', '/admin/tiers', body);
      expect(refused, body).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    }
    // An owner's broken body is still a 400: the gate let them through to the parser.
    expect((await ho.call('PUT', '/admin/tiers', undefined, ho.adminToken)).status).toBe(400);
  });

  it('gates every route by the role table, for people and API tokens alike', async () => {
    for (const role of hoRoles) {
      const { token } = await ho.admin.call('createApiToken', {
        body: { label: `probe ${role}`, role, shops: role === 'shop_manager' ? ['shopA'] : [] },
      });
      for (const name of adminRouteNames) {
        if (ADMIN_ROUTES[name].method !== 'GET' || adminAccess[name].roles === 'public') continue;
        const answer = await ho.call('GET', adminPath<AdminRouteName>(name, { params: { id: A } }), undefined, token);
        // A route that names a resource (a member's export) answers 404 for this made-up id, and one without the
        // query it requires 400: past the gate.
        const past = [200, 404, ...(needsQuery(ADMIN_ROUTES[name]) ? [400] : [])];
        if (roleMayCall(name, role)) expect(past, `${role} ${name}`).toContain(answer.status);
        else expect(answer.status, `${role} ${name}`).toBe(403);
      }
    }
    // An auditor never has a write; marketing publishes the programme but revokes nothing.
    for (const name of adminRouteNames)
      if (!['GET'].includes(ADMIN_ROUTES[name].method) && name !== 'signIn' && name !== 'signOut')
        expect(roleMayCall(name, 'auditor'), name).toBe(false);
    expect(roleMayCall('publishRules', 'marketing')).toBe(true);
    expect(roleMayCall('revokeTerminal', 'marketing')).toBe(false);
  });

  it("a shop manager's API token reads only its shop, and stops working once revoked", async () => {
    const made = await ho.admin.call('createApiToken', {
      body: { label: 'shop A export', role: 'shop_manager', shops: ['shopA'] },
    });
    const script: AdminClient = adminClient(fetch, ho.url, made.token);
    expect((await script.call('terminals')).terminals.map((t) => t.id)).toEqual([A]);
    expect(await script.call('me')).toMatchObject({ me: { kind: 'token', role: 'shop_manager', shops: ['shopA'] } });
    await ho.admin.call('revokeApiToken', { params: { id: made.row.id } });
    expect(await script.send('terminals')).toMatchObject({ ok: false, status: 401 });
  });

  it('ends a user’s sessions when an owner deactivates them, and keeps one active owner', async () => {
    await makeUser('leaver', 'marketing');
    const browser = new Browser(ho.url, PASSWORD);
    await browser.signIn('leaver');
    expect((await browser.request('GET', '/admin/session')).status).toBe(200);
    const id = (await ho.admin.call('users')).users.find((u) => u.login === 'leaver')?.id ?? '';
    await ho.admin.call('updateUser', { params: { id }, body: { active: false } });
    expect((await browser.request('GET', '/admin/session')).status).toBe(401);
    expect((await browser.signIn('leaver')).status).toBe(401);

    // The last active owner cannot be demoted (other owners exist here, so make a lone-owner check on a copy).
    const owners = (await ho.admin.call('users')).users.filter((u) => u.role === 'owner' && u.active);
    for (const owner of owners.slice(1))
      await ho.admin.call('updateUser', { params: { id: owner.id }, body: { active: false } });
    const [last] = owners;
    const refused = await ho.admin.send('updateUser', { params: { id: last?.id ?? '' }, body: { role: 'auditor' } });
    expect(refused).toMatchObject({ ok: false, status: 409, error: { code: 'CONFLICT' } });
    for (const owner of owners.slice(1))
      await ho.admin.call('updateUser', { params: { id: owner.id }, body: { active: true } });
  });

  it('puts helmet’s security headers (CSP included) on every answer', async () => {
    for (const [method, path, body] of [
      ['GET', '/admin/terminals', undefined],
      ['GET', '/health', undefined],
      ['POST', '/sync/v1/ping', { protocolVersion: PROTOCOL_VERSION }],
      ['GET', '/no/such/route', undefined],
      ['POST', '/admin/session', { login: 'x', password: 'y' }],
    ] as const) {
      const response = await fetch(ho.url + path, {
        method,
        headers: { authorization: `Bearer ${ho.adminToken}`, 'content-type': 'application/json' },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("default-src 'self'");
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).not.toContain('upgrade-insecure-requests');
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('x-frame-options'), path).toBe('SAMEORIGIN');
      expect(response.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(response.headers.get('strict-transport-security'), path).toMatch(/max-age=/);
    }
  });

  it('refuses an oversized admin body with its own limit and code, an over-long sign-in as VALIDATION', async () => {
    const browser = new Browser(ho.url, PASSWORD);
    const huge = await browser.request('POST', '/admin/session', { login: 'owner.one', password: 'x'.repeat(20_000) });
    expect(huge).toMatchObject({
      status: 413,
      body: { code: 'BODY_TOO_LARGE', message: `The request body is larger than ${SIGN_IN_BODY_LIMIT} bytes.` },
    });
    for (const body of [
      { login: 'x'.repeat(5_000), password: PASSWORD },
      { login: 'owner.one', password: 'x'.repeat(5_000) },
      { login: '', password: PASSWORD },
      { login: '   ', password: PASSWORD },
      { login: 'owner.one', password: '' },
    ])
      expect((await browser.request('POST', '/admin/session', body)).body).toMatchObject({ code: 'VALIDATION' });
    expect((await browser.signIn('owner.one')).status).toBe(200);
    const overAdmin = await browser.write('POST', '/admin/users', { login: 'big', name: 'x'.repeat(ADMIN_BODY_LIMIT) });
    expect(overAdmin).toMatchObject({
      status: 413,
      body: { code: 'BODY_TOO_LARGE', details: { limit: ADMIN_BODY_LIMIT } },
    });
    // Below the limit, the schema answers.
    const underAdmin = await browser.write('POST', '/admin/users', { login: 'big', name: 'x'.repeat(100_000) });
    expect(underAdmin).toMatchObject({ status: 400, body: { code: 'VALIDATION' } });
  });

  it('answers any sign-in body with a typed 4xx and opens no session (fast-check)', async () => {
    const before = await countRows(database, sessions);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.anything(),
          fc.record({ login: fc.string({ maxLength: 300 }), password: fc.string({ maxLength: 300 }) }),
          fc.record({ login: fc.constantFrom("owner.one' OR 1=1 --", '<script>alert(1)</script>', 'owner.one') }),
        ),
        async (body) => {
          const answer = await new Browser(ho.url, PASSWORD).request(
            'POST',
            '/admin/session',
            body === undefined ? null : body,
          );
          expect(answer.status).toBeGreaterThanOrEqual(400);
          expect(answer.status).toBeLessThan(500);
          expect(typeof answer.body.code).toBe('string');
        },
      ),
      { numRuns: 40, seed: 14 },
    );
    expect(await countRows(database, sessions)).toBe(before);
  });

  it('refuses a stolen terminal token after revoke on every sync route, storing nothing', async () => {
    const C = uuidFrom(3, 0xc);
    const { token } = await ho.enrol('shopA', '90005', C);
    await ho.admin.call('revokeTerminal', { params: { id: C } });
    const base = { protocolVersion: PROTOCOL_VERSION, terminalId: C, shopId: 'shopA' };
    const push = await ho.call(
      'POST',
      '/sync/v1/push',
      { ...base, records: [memberRecord(1, uuidFrom(8), 8, T0)] },
      token,
    );
    const pull = await ho.call('POST', '/sync/v1/pull', { ...base, cursor: null }, token);
    for (const answer of [push, pull]) expect(answer).toMatchObject({ status: 403, body: { code: 'REVOKED' } });
    expect((await ho.admin.call('terminals')).terminals.find((t) => t.id === C)?.ackedSeq).toBe(0);
  });
});

describe('rate limits', () => {
  it('refuses a brute-forced sign-in and a flooding terminal with 429 RATE_LIMITED', async () => {
    const backend = testBackends[0];
    if (!backend) throw new Error('no backend');
    const ho = await startHarness(await backend.open(), fixedClockForTests(T0), undefined, {
      rateLimits: { signInPerMinute: 5, syncPerMinute: 8 },
    });
    try {
      const tries: number[] = [];
      for (let i = 0; i < 8; i++)
        tries.push((await new Browser(ho.url, PASSWORD).signIn('owner.one', `guess number ${i}`)).status);
      expect(tries.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
      expect(tries.slice(5)).toEqual([429, 429, 429]);
      const limited = await new Browser(ho.url, PASSWORD).signIn('owner.one', 'one more guess');
      expect(limited).toMatchObject({ status: 429, body: { code: 'RATE_LIMITED' } });
      expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);

      const { token } = await ho.enrol('shopA', '90001', A);
      const statuses: number[] = [];
      const pull = { protocolVersion: PROTOCOL_VERSION, terminalId: A, shopId: 'shopA', cursor: null };
      for (let i = 0; i < 10; i++) statuses.push((await ho.call('POST', '/sync/v1/pull', pull, token)).status);
      expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(8);
      expect(statuses.at(-1)).toBe(429);
      // The ping (an offline till's probe) is never limited.
      const ping = await ho.call('POST', '/sync/v1/ping', { protocolVersion: PROTOCOL_VERSION });
      expect(ping.status).toBe(200);
    } finally {
      await ho.close();
    }
  }, 120_000);
});

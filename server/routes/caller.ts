import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AdminRouteName } from '../../shared/admin/contract';
import { adminAccess, roleMayCall, type RouteAccess } from '../../shared/admin/roles';
import { CSRF_HEADER, SESSION_COOKIE } from '../../shared/admin/wire';
import { SESSION_TTL_MS, sessionCaller, tokenCaller, type Caller } from '../admin/users';
import { HoError } from '../http/errors';
import type { ServerDeps } from './serverDeps';

/** `Authorization: Bearer <token>`: null when absent; a header of another form is no token either. */
function bearer(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return null;
  return /^Bearer\s+(\S+)$/i.exec(header)?.[1] ?? null;
}

const sameText = (a: string, b: string): boolean =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** Over https (directly, or behind a TLS-terminating proxy that says so): the cookie is then Secure. */
export function isHttps(request: FastifyRequest): boolean {
  const forwarded = request.headers['x-forwarded-proto'];
  return request.protocol === 'https' || (typeof forwarded === 'string' && forwarded.split(',')[0]?.trim() === 'https');
}

/**
 * Who calls: an API token in the Authorization header (scripts; checked first, and a bad one is
 * refused, never passed over for a cookie), else the session cookie. Null: nobody.
 */
async function callerOf(deps: ServerDeps, request: FastifyRequest): Promise<Caller | null> {
  const token = bearer(request);
  if (request.headers.authorization !== undefined) {
    const caller = token ? await tokenCaller(deps.db, token) : null;
    if (!caller) throw new HoError('UNAUTHORIZED', 'The API token is not valid.');
    return caller;
  }
  const sessionId = request.cookies[SESSION_COOKIE];
  if (!sessionId) return null;
  const caller = await sessionCaller(deps.db, deps.clock.now(), sessionId);
  if (!caller) throw new HoError('UNAUTHORIZED', 'The session has ended or is not valid: sign in again.');
  return caller;
}

/**
 * A write made with the session cookie must come from head office's own page: the session's CSRF
 * token in the `x-tillcard-csrf` header (a cross-site form or fetch cannot read it, nor set the
 * header without a CORS preflight head office never grants), and no Origin naming another site.
 * SameSite=Strict already keeps other sites' requests from carrying the cookie; this holds even
 * where a browser or a same-site sibling would not honour it. API tokens are not ambient
 * credentials (a browser never adds them), so they need no such check.
 */
function checkCsrf(request: FastifyRequest, session: NonNullable<Caller['session']>): void {
  const origin = request.headers.origin;
  if (typeof origin === 'string') {
    const host = URL.canParse(origin) ? new URL(origin).host : null;
    const forwardedHost = request.headers['x-forwarded-host'];
    const hosts = [request.headers.host, typeof forwardedHost === 'string' ? forwardedHost : undefined];
    if (host === null || !hosts.includes(host))
      throw new HoError('FORBIDDEN', 'A write from another site is refused (Origin does not match head office).');
  }
  if (request.headers['sec-fetch-site'] === 'cross-site')
    throw new HoError('FORBIDDEN', 'A write from another site is refused.');
  const sent = request.headers[CSRF_HEADER];
  if (typeof sent !== 'string' || !sameText(sent, session.csrfToken))
    throw new HoError('FORBIDDEN', `A write with the session cookie needs the ${CSRF_HEADER} header of this session.`);
}

/**
 * The admin route's gate, before its params or body are read: a caller (401 otherwise), whose
 * role may call the route (403), and for a cookie's write the CSRF check (403). Public routes
 * (signing in) pass with no caller.
 */
export async function admit(deps: ServerDeps, name: AdminRouteName, request: FastifyRequest): Promise<Caller | null> {
  const access: RouteAccess = adminAccess[name];
  if (access.roles === 'public') return null;
  const caller = await callerOf(deps, request);
  if (!caller) throw new HoError('UNAUTHORIZED', 'Sign in, or send an API token (Authorization: Bearer <token>).');
  if (!roleMayCall(name, caller.role))
    throw new HoError('FORBIDDEN', `The role ${caller.role} may not do this (${name}).`, { role: caller.role });
  if (request.method !== 'GET' && request.method !== 'HEAD' && caller.session) checkCsrf(request, caller.session);
  return caller;
}

/** Sets the session cookie: HttpOnly, SameSite=Strict, Secure over https, for the session's life. */
export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, sessionId: string): void {
  void reply.setCookie(SESSION_COOKIE, sessionId, {
    httpOnly: true,
    sameSite: 'strict',
    secure: isHttps(request),
    path: '/',
    maxAge: Math.floor(SESSION_TTL_MS / 1000),
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  void reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', secure: isHttps(request), path: '/' });
}

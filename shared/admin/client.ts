import { SyncErrorBody } from '../sync/protocol';
import { ADMIN_ROUTES, type AdminRouteName, type AdminRoutes } from './contract';
import type { AdminInputOf, AdminResponseOf, AdminTargetOf } from './route';
import { ADMIN_AUTH_HEADER, ADMIN_PREFIX, adminAuthValue, CSRF_HEADER } from './wire';

/** The part of `fetch` the client uses (the global one fits; tests and the page may wrap it). */
export type AdminFetch = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string },
) => Promise<{ status: number; text(): Promise<string> }>;

export type AdminInput<K extends AdminRouteName> = AdminInputOf<AdminRoutes[K]>;
export type AdminResponse<K extends AdminRouteName> = AdminResponseOf<AdminRoutes[K]>;
/** An answer: the parsed value on success, head office's typed refusal otherwise. */
export type AdminAnswer<K extends AdminRouteName> =
  { ok: true; status: number; value: AdminResponse<K> } | { ok: false; status: number; error: SyncErrorBody };

// Input omitted entirely where a route takes none (or all of it is optional).
type InputArgs<K extends AdminRouteName> =
  object extends AdminInput<K> ? [input?: AdminInput<K>] : [input: AdminInput<K>];
type TargetArgs<K extends AdminRouteName> =
  object extends AdminTargetOf<AdminRoutes[K]>
    ? [target?: AdminTargetOf<AdminRoutes[K]>]
    : [target: AdminTargetOf<AdminRoutes[K]>];

/** A refusal (`status` and head office's error body), or an answer that did not match the contract (`error` null). */
export class AdminCallError extends Error {
  constructor(
    readonly route: AdminRouteName,
    readonly status: number,
    readonly error: SyncErrorBody | null,
    message: string,
  ) {
    super(message);
    this.name = 'AdminCallError';
  }
}

/** No answer at all (head office down, wrong address): nothing was done. The library's words stay in `cause`. */
export class AdminUnreachableError extends Error {
  constructor(
    readonly route: AdminRouteName,
    readonly baseUrl: string,
    cause: unknown,
  ) {
    const why = cause instanceof Error ? cause.message : String(cause);
    super(`${route}: head office at ${baseUrl} could not be reached (${why})`, { cause });
    this.name = 'AdminUnreachableError';
  }
}

interface LooseInput {
  params?: Record<string, string | number>;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
}

/** The path and query of a call, below the server's root: `/admin/terminals/<id>/revoke`. */
export function adminPath<K extends AdminRouteName>(name: K, ...[target]: TargetArgs<K>): string {
  return pathOf(name, target ?? {});
}

function pathOf(name: AdminRouteName, loose: LooseInput): string {
  const path = ADMIN_ROUTES[name].path.replace(/:(\w+)/g, (_match, param: string) => {
    const value = loose.params?.[param];
    if (value === undefined) throw new Error(`${name}: param ${param} is missing`);
    return encodeURIComponent(String(value));
  });
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(loose.query ?? {})) if (value !== undefined) query.set(key, String(value));
  const search = query.toString();
  return `${ADMIN_PREFIX}${path}${search ? `?${search}` : ''}`;
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * How a caller proves who they are: an API token (scripts, the CLI, tests: a plain string is one),
 * or a signed-in session, whose cookie the browser sends by itself; its CSRF token goes with every
 * write (null before signing in).
 */
export type AdminCredentials = string | { session: { csrfToken: string | null } };

/**
 * Head office's admin API, typed from the contract: `adminClient(fetch, url, token).call('terminals')`.
 * Every answer is parsed by its route's response schema, so a caller never reads a shape the
 * contract does not promise. `baseUrl` is head office's root (no trailing slash needed).
 */
export function adminClient(fetch: AdminFetch, baseUrl: string, credentials: AdminCredentials) {
  const root = baseUrl.replace(/\/+$/, '');
  async function send<K extends AdminRouteName>(name: K, ...args: InputArgs<K>): Promise<AdminAnswer<K>> {
    const route = ADMIN_ROUTES[name];
    const [input] = args;
    const loose: LooseInput = input ?? {};
    const headers: Record<string, string> = {};
    if (typeof credentials === 'string') headers[ADMIN_AUTH_HEADER] = adminAuthValue(credentials);
    else if (credentials.session.csrfToken !== null && route.method !== 'GET')
      headers[CSRF_HEADER] = credentials.session.csrfToken;
    if (loose.body !== undefined) headers['content-type'] = 'application/json';
    let response: Awaited<ReturnType<AdminFetch>>;
    try {
      response = await fetch(root + pathOf(name, loose), {
        method: route.method,
        headers,
        ...(loose.body === undefined ? {} : { body: JSON.stringify(loose.body) }),
      });
    } catch (error) {
      throw new AdminUnreachableError(name, root, error);
    }
    const body = parseJson(await response.text());
    if (response.status >= 200 && response.status < 300) {
      const parsed = route.response.safeParse(body);
      // Indexed by a generic name the schema reads as the union of all routes'; it is K's own.
      if (parsed.success) return { ok: true, status: response.status, value: parsed.data as AdminResponse<K> };
      const issue = parsed.error.issues[0];
      throw new AdminCallError(
        name,
        response.status,
        null,
        `${name}: unexpected answer (${issue?.path.join('.') ?? ''}: ${issue?.message ?? '?'})`,
      );
    }
    const refusal = SyncErrorBody.safeParse(body);
    if (refusal.success) return { ok: false, status: response.status, error: refusal.data };
    throw new AdminCallError(
      name,
      response.status,
      null,
      `${name}: head office answered ${response.status} without an error body`,
    );
  }
  /** The answer's value; a refusal throws AdminCallError with head office's error body. */
  async function call<K extends AdminRouteName>(name: K, ...args: InputArgs<K>): Promise<AdminResponse<K>> {
    const answer = await send(name, ...args);
    if (answer.ok) return answer.value;
    throw new AdminCallError(
      name,
      answer.status,
      answer.error,
      `${name}: head office refused (${answer.status} ${answer.error.code}): ${answer.error.message}`,
    );
  }
  return { send, call };
}

export type AdminClient = ReturnType<typeof adminClient>;

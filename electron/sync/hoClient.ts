import type { z } from 'zod';
import { SyncErrorBody } from '../../shared/sync/protocol';
import { syncRoutes, type SyncRequestBody, type SyncResponseBody, type SyncRouteName } from '../../shared/sync/routes';

export type FetchFn = (
  input: string,
  init: { method: string; headers: Record<string, string>; body: string; signal: AbortSignal },
) => Promise<{
  status: number;
  text(): Promise<string>;
}>;

/** Why a call did not reach an answer: typed here, where it happens, so nobody shows the library's words. */
export type NetworkReason = 'unreachable' | 'timeout' | 'server_error' | 'bad_answer';

/** What a call to head office can end in. A network failure and a refusal are different things. */
export type HoResult<T> =
  | { ok: true; value: T }
  | { ok: false; kind: 'network'; reason: NetworkReason; message: string }
  | { ok: false; kind: 'refused'; status: number; error: SyncErrorBody };

/** A request body already serialised (a push batch spliced from stored JSON): sent as is. */
export class RawJson {
  constructor(readonly text: string) {}
}

/** A route's body: its request as an object, or for a push the batch already serialised. */
export type HoRequestBody<K extends SyncRouteName> = SyncRequestBody<K> | (K extends 'push' ? RawJson : never);

export interface HoClient {
  /** Calls a route of the sync map; its path, method and answer's schema come from the map. */
  call<K extends SyncRouteName>(route: K, body: HoRequestBody<K>): Promise<HoResult<SyncResponseBody<K>>>;
}

export interface HoClientOptions {
  baseUrl: string;
  token: string | null;
  fetch?: FetchFn;
  /** A request that takes longer is abandoned (head office may still commit it: pushes are idempotent). */
  timeoutMs?: number;
}

/**
 * Head office's endpoint `path` under `baseUrl`, keeping the base's own path: behind a reverse
 * proxy head office may live at https://hq.example.com/tillcard/ (new URL('/sync…', base) would drop it).
 */
export function endpointUrl(baseUrl: string, path: string): string {
  const base = new URL(baseUrl);
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  return new URL(path.replace(/^\/+/, ''), base).toString();
}

/** A small typed HTTP client; every answer is validated by its route's schema. */
export function createHoClient(options: HoClientOptions): HoClient {
  const doFetch: FetchFn = options.fetch ?? ((input, init) => fetch(input, init));
  const timeoutMs = options.timeoutMs ?? 30_000;

  async function send<S extends z.ZodType>(
    route: { method: string; path: string; response: S },
    body: unknown,
  ): Promise<HoResult<z.output<S>>> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let status: number;
    let text: string;
    try {
      const res = await doFetch(endpointUrl(options.baseUrl, route.path), {
        method: route.method,
        headers,
        body: body instanceof RawJson ? body.text : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      status = res.status;
      text = await res.text();
    } catch (error) {
      // undici says "fetch failed" (cause ECONNREFUSED, ENOTFOUND…); an abort by our timer is a TimeoutError.
      const reason = error instanceof Error && error.name === 'TimeoutError' ? 'timeout' : 'unreachable';
      return { ok: false, kind: 'network', reason, message: error instanceof Error ? error.message : String(error) };
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      // A proxy's HTML error page or a cut-off body: treat like a network failure and retry later.
      const message = `head office answered ${status} with a body that is not JSON`;
      return { ok: false, kind: 'network', reason: status >= 500 ? 'server_error' : 'bad_answer', message };
    }
    if (status >= 200 && status < 300) {
      const parsed = route.response.safeParse(json);
      if (parsed.success) return { ok: true, value: parsed.data };
      const message = `head office's answer does not match the protocol: ${parsed.error.issues[0]?.message ?? ''}`;
      return { ok: false, kind: 'network', reason: 'bad_answer', message };
    }
    const error = SyncErrorBody.safeParse(json);
    if (status >= 500 || !error.success) {
      const reason = status >= 500 ? 'server_error' : 'bad_answer';
      return { ok: false, kind: 'network', reason, message: `head office answered ${status}` };
    }
    return { ok: false, kind: 'refused', status, error: error.data };
  }

  // Each route's answer schema, typed per route name so a generic call keeps its answer's type.
  type AnswerSchemas = {
    [K in SyncRouteName]: { method: string; path: string; response: z.ZodType<SyncResponseBody<K>> };
  };
  const routes: AnswerSchemas = syncRoutes;
  return { call: (route, body) => send(routes[route], body) };
}

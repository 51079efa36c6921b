import type { Transport } from './api';
import type { Channel } from './contract';
import { failure } from './envelope';
import type { Result } from './errors';

/*
 * The browser host's wire names, written once: the host serves them, the renderer and the e2e
 * tests call through them. POST {API_PREFIX}{channel} with the token header, a JSON body, and
 * the envelope as the answer.
 */

export const API_PREFIX = '/api/';
/** The per-start secret the page echoes on every call (a cross-site page cannot read it). */
export const TOKEN_HEADER = 'x-tillcard-token';
/** The query parameter of the printed URL that carries the token to the page. */
export const TOKEN_PARAM = 'token';

export const apiPath = (channel: Channel): string => `${API_PREFIX}${channel}`;

/** The part of fetch the transport uses (the page's, Node's, or a test's). */
export type FetchLike = (
  url: string,
  init: { method: 'POST'; headers: Record<string, string>; body: string; cache: 'no-store' },
) => Promise<{ status: number; json(): Promise<unknown> }>;

export interface BrowserHostTransportOptions {
  /** The host's origin ("http://127.0.0.1:8123"); empty for the page the host served. */
  origin?: string;
  token: string | null;
  fetch: FetchLike;
}

function transportFailure(reason: string): Result<never> {
  // Reported as INTERNAL (nothing was done); the UI shows it in the cashier's language.
  return failure('INTERNAL', undefined, { transport: reason });
}

function isEnvelope(value: unknown): value is Result<unknown> {
  return typeof value === 'object' && value !== null && 'ok' in value && typeof value.ok === 'boolean';
}

/** A Transport for createApi over the browser host's HTTP API; every failure is an envelope too. */
export function browserHostTransport(options: BrowserHostTransportOptions): Transport {
  const origin = options.origin ?? '';
  return async (channel, input) => {
    let response: Awaited<ReturnType<FetchLike>>;
    try {
      response = await options.fetch(`${origin}${apiPath(channel)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: options.token ?? '' },
        body: JSON.stringify(input ?? {}),
        cache: 'no-store',
      });
    } catch {
      return transportFailure('unreachable');
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      return transportFailure(`http_${response.status}`);
    }
    return isEnvelope(body) ? body : transportFailure(`http_${response.status}`);
  };
}

import type { Transport } from '../../shared/contract/api';
import type { Result } from '../../shared/contract/errors';

const TOKEN_KEY = 'tillcard.token';
const TOKEN_HEADER = 'x-tillcard-token';

/**
 * The browser host prints its URL with ?token=…; read it once, keep it for this tab only
 * (sessionStorage survives a reload, not the browser) and take it out of the address bar so it
 * is not bookmarked, shared or left in history.
 */
export function takeToken(location: Location, history: History, storage: Storage): string | null {
  const url = new URL(location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    storage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    history.replaceState(history.state, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return storage.getItem(TOKEN_KEY);
}

function transportFailure(reason: string): Result<never> {
  // Reported as INTERNAL (nothing was done); the UI shows it in the cashier's language.
  return { ok: false, error: { code: 'INTERNAL', message: reason, details: { transport: reason } } };
}

function isEnvelope(value: unknown): value is Result<unknown> {
  return typeof value === 'object' && value !== null && 'ok' in value && typeof value.ok === 'boolean';
}

export function httpTransport(token: string | null, base = './api/'): Transport {
  return async (channel, input) => {
    let response: Response;
    try {
      response = await fetch(`${base}${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token ?? '' },
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

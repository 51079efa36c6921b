import { TOKEN_PARAM } from '../../shared/contract/browserHost';

const TOKEN_KEY = 'tillcard.token';

/**
 * The browser host prints its URL with ?token=…; read it once, keep it for this tab only
 * (sessionStorage survives a reload, not the browser) and take it out of the address bar so it
 * is not bookmarked, shared or left in history.
 */
export function takeToken(location: Location, history: History, storage: Storage): string | null {
  const url = new URL(location.href);
  const fromUrl = url.searchParams.get(TOKEN_PARAM);
  if (fromUrl) {
    storage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete(TOKEN_PARAM);
    history.replaceState(history.state, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return storage.getItem(TOKEN_KEY);
}

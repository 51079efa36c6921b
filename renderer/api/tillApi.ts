import { createApi, type TillApi } from '../../shared/contract/api';
import { browserHostTransport } from '../../shared/contract/browserHost';
import { takeToken } from './hostToken';
import { withStaffPrompts } from './staffTransport';

/** Electron's preload when present, else the browser host over HTTP. Chosen once at start. */
function pickApi(): TillApi {
  const bridge = window.tillcard;
  if (bridge) return createApi(withStaffPrompts((channel, input) => bridge.invoke(channel, input)));
  const token = takeToken(window.location, window.history, window.sessionStorage);
  return createApi(withStaffPrompts(browserHostTransport({ token, fetch: (url, init) => fetch(url, init) })));
}

export const api: TillApi = pickApi();

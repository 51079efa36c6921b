import { createApi, type TillApi } from '../../shared/contract/api';
import { httpTransport, takeToken } from './httpTransport';

/** Electron's preload when present, else the browser host over HTTP. Chosen once at start. */
function pickApi(): TillApi {
  const bridge = window.tillcard;
  if (bridge) return createApi((channel, input) => bridge.invoke(channel, input));
  return createApi(httpTransport(takeToken(window.location, window.history, window.sessionStorage)));
}

export const api: TillApi = pickApi();

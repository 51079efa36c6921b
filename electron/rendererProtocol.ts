import { readFile } from 'node:fs/promises';
import { protocol, type Session } from 'electron';
import {
  APP_SCHEME,
  CONTENT_SECURITY_POLICY,
  isOwnRendererUrl,
  rendererResponseHeaders,
  resolveRendererFile,
} from './rendererOrigin';

/** Must run before the app is ready: makes tillcard:// a standard, secure origin. */
export function registerRendererScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true },
    },
  ]);
}

/** Serves the renderer build (dist/renderer) under tillcard://app/, with the CSP on every response. */
export function serveRenderer(session: Session, rendererDir: string): void {
  session.protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveRendererFile(rendererDir, request.url);
    if (!file) return new Response('Not found', { status: 404 });
    try {
      return new Response(await readFile(file), { status: 200, headers: rendererResponseHeaders(file) });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}

/**
 * The security checklist for the session the till runs in: the CSP header on every response
 * (our scheme sets it too; this covers anything else), no permission is ever granted (camera,
 * notifications, USB/HID/serial devices, screen capture), and no request leaves for anywhere
 * except our own scheme and devtools. The scanner is a keyboard wedge: it needs no device access.
 */
export function hardenSession(session: Session): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed =
      isOwnRendererUrl(details.url) ||
      details.url.startsWith('devtools:') ||
      details.url.startsWith('data:') ||
      details.url.startsWith('blob:');
    callback({ cancel: !allowed });
  });
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  // No stream given: the request for the screen is refused.
  session.setDisplayMediaRequestHandler((_request, callback) => callback({}));
}

import { extname, isAbsolute, join, relative, resolve } from 'node:path';

/**
 * Where the till screen lives inside Electron. The renderer build is served from a private
 * scheme rather than file://: the page gets its own origin (no access to other local files),
 * absolute asset paths work, and every response carries our CSP header (webRequest cannot be
 * relied on to add headers to file:// responses).
 */
export const APP_SCHEME = 'tillcard';
export const APP_HOST = 'app';
export const RENDERER_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Strict: only our own bundle runs; nothing is fetched from anywhere else. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
].join('; ');

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True when the URL is a page of our own renderer (any path under our scheme and host). */
export function isOwnRendererUrl(url: string): boolean {
  const parsed = parse(url);
  return parsed !== null && parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
}

/**
 * The file of the renderer build a request asks for, or null when the request is not ours or
 * would leave the build folder ("/../", encoded or not).
 */
export function resolveRendererFile(rendererDir: string, requestUrl: string): string | null {
  if (!isOwnRendererUrl(requestUrl)) return null;
  const parsed = parse(requestUrl);
  if (!parsed) return null;
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  const root = resolve(rendererDir);
  const file = resolve(join(root, path === '/' ? 'index.html' : path));
  const inside = relative(root, file);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return null;
  return file;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.map': 'application/json',
};

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** The headers every renderer response carries. */
export function rendererResponseHeaders(file: string): Record<string, string> {
  return {
    'Content-Type': contentTypeFor(file),
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  };
}

/** The part of Electron's WebFrameMain the sender check reads. */
export interface SenderFrame {
  readonly url: string;
  readonly parent: unknown;
}

/**
 * A call is trusted only from the top frame of our own renderer. A frame that navigated away,
 * an iframe, or any other page (should one ever load) is refused.
 */
export function isTrustedSenderFrame(frame: SenderFrame | null | undefined): boolean {
  return frame !== null && frame !== undefined && frame.parent === null && isOwnRendererUrl(frame.url);
}

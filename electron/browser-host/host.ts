import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyError } from 'fastify';
import fastifyStatic from '@fastify/static';
import { isChannel, type Channel } from '../../shared/contract';
import { API_PREFIX, TOKEN_HEADER, TOKEN_PARAM } from '../../shared/contract/browserHost';
import { openTerminalCore, type TerminalCore } from '../terminal/terminalCore';
import { fileKeyStore } from '../platform/databaseKey';
import { acquireTillLock } from '../platform/tillLock';
import type { BackupJobOptions } from '../terminal/backupJob';
import { syncScheduleFromEnv, type SyncLoopHost, type SyncLoopOptions } from '../terminal/syncLoopHost';
import type { Clock, IdSource } from '../platform/sources';
import { hostAllowed, originAllowed, ownOrigins, refusal, tokenMatches } from './guard';
import { openFileLog } from '../platform/log';
import { packageVersion } from './version';

export interface BrowserHostOptions {
  dataDir: string;
  /** 0 = any free port. */
  port?: number;
  clock?: Clock;
  ids?: IdSource;
  log?: (message: string, error?: unknown) => void;
  /** The built renderer (vite build); dist/renderer in the repo by default. */
  staticDir?: string;
  /** Sync with head office (schedule, owner); from TILLCARD_SYNC_* / TILLCARD_CLOSE_AT by default. */
  sync?: SyncLoopOptions;
  /** The daily backup's timing (electron/terminal/backupJob.ts); false: none (a test that counts writes). */
  backups?: BackupJobOptions | false;
}

/** Why the host refused a request before any call ran: host, origin, token, content_type. */
type HostRefusal = 'host' | 'origin' | 'token' | 'content_type';

export interface BrowserHost {
  /** The address to open, token included. */
  url: string;
  origin: string;
  port: number;
  token: string;
  core: TerminalCore;
  sync: SyncLoopHost;
  close(): Promise<void>;
}

/** Runs `open`; lets the data folder go again if it throws. */
function unlockedIfFails<T>(release: () => void, open: () => T): T {
  try {
    return open();
  } catch (error) {
    release();
    throw error;
  }
}

/** The channel a POST to the API names (query and all), or null for any other path. */
function channelOf(url: string): Channel | null {
  const path = url.split('?')[0] ?? '';
  if (!path.startsWith(API_PREFIX)) return null;
  try {
    // Decoded as the route's :channel parameter is, so "getStatu%73" is gated as getStatus.
    const name = decodeURIComponent(path.slice(API_PREFIX.length));
    return isChannel(name) ? name : null;
  } catch {
    return null;
  }
}

export const defaultStaticDir = fileURLToPath(new URL('../../dist/renderer', import.meta.url));

/** One call carries at most 200 sale lines; 256 KiB is ample and keeps a flood out of memory. */
const BODY_LIMIT = 256 * 1024;

// The page's policy is also in index.html; sending it as a header covers every served file.
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; " +
  "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

/**
 * The second host of the terminal core: the same renderer build and the same services as
 * Electron, over HTTP on 127.0.0.1. POST {API_PREFIX}:channel with the token header → core.dispatch,
 * the dispatcher Electron's IPC registration calls too.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const log =
    options.log ??
    ((message: string, error?: unknown) =>
      error === undefined ? console.log(message) : console.error(message, error));
  // Read before the database opens: a mistyped setting stops the start, not a running till.
  const syncOptions = options.sync ?? syncScheduleFromEnv(process.env);
  const files = openFileLog(options.dataDir, { host: 'browser-host', version: packageVersion() });
  const logger = files.log;
  logger.info({ event: 'start', pid: process.pid, node: process.version }, 'till starting');
  // One till per data folder; the command line's restore waits for it to stop (till.lock).
  const releaseLock = acquireTillLock(options.dataDir);
  const core = unlockedIfFails(releaseLock, () =>
    openTerminalCore({
      logger,
      dataDir: options.dataDir,
      // No OS keyring outside Electron: the key is a 0600 file beside the data (back both up together).
      databaseKey: fileKeyStore(options.dataDir),
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.ids ? { ids: options.ids } : {}),
      log,
      sync: { log, ...syncOptions },
      ...(options.backups === false ? {} : { backups: { log, ...options.backups } }),
    }),
  );
  const { sync } = core;
  const token = randomBytes(24).toString('base64url');
  const staticDir = options.staticDir ?? defaultStaticDir;
  const app = Fastify({ logger: false, bodyLimit: BODY_LIMIT });
  let port = 0;

  // The reason and the path's channel only: never the query (the token) or the body.
  const refusedRequest = (reason: HostRefusal, url: string): void =>
    logger.warn({ event: 'refused', reason, channel: channelOf(url) }, 'request refused');

  app.addHook('onRequest', async (request, reply) => {
    void reply
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'no-referrer')
      .header('content-security-policy', CSP);
    if (!hostAllowed(request.headers.host, port)) {
      refusedRequest('host', request.url);
      return reply.code(403).send(refusal('UNAUTHORIZED', { reason: 'host' }));
    }
    if (!originAllowed(request.headers.origin, ownOrigins(port))) {
      refusedRequest('origin', request.url);
      return reply.code(403).send(refusal('UNAUTHORIZED', { reason: 'origin' }));
    }
    if (request.url.startsWith(API_PREFIX) && !tokenMatches(token, request.headers[TOKEN_HEADER])) {
      refusedRequest('token', request.url);
      return reply.code(401).send(refusal('UNAUTHORIZED', { reason: 'token' }));
    }
    // The till's guard before the body is read: a caller who may not make the call (signed out, a
    // cashier at a manager's call) gets SIGNED_OUT / NOT_ALLOWED whatever the body, as over IPC.
    const gated = request.method === 'POST' ? channelOf(request.url) : null;
    const refused = gated === null ? null : core.gateRefusal(gated);
    if (refused) {
      if (gated !== null && !refused.ok)
        logger.info({ event: 'refused', channel: gated, code: refused.error.code }, 'call refused');
      return reply.header('cache-control', 'no-store').send(refused);
    }
    // Calls are JSON only: a form or text post (what a foreign page can send blind) is refused.
    if (
      request.url.startsWith(API_PREFIX) &&
      request.method === 'POST' &&
      !String(request.headers['content-type'] ?? '').startsWith('application/json')
    ) {
      refusedRequest('content_type', request.url);
      return reply.code(415).send(refusal('VALIDATION', { reason: 'content_type' }));
    }
    return undefined;
  });

  // Fastify's own refusals (bad JSON, wrong content type, body too large) answer in the envelope too.
  app.setErrorHandler((error: FastifyError, _request, reply) => {
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500)
      return reply.code(status).send(refusal('VALIDATION', { reason: error.code ?? 'bad_request' }));
    log('tillcard browser host: request failed', error);
    return reply.code(500).send(refusal('INTERNAL'));
  });

  app.post<{ Params: { channel: string } }>(`${API_PREFIX}:channel`, async (request, reply) => {
    const { channel } = request.params;
    void reply.header('cache-control', 'no-store');
    if (!isChannel(channel)) return reply.code(404).send(refusal('NOT_FOUND', { channel }));
    // The envelope is the answer (as over IPC): a business refusal is still HTTP 200.
    return reply.send(await core.dispatch(channel, request.body ?? {}));
  });
  app.all(`${API_PREFIX}*`, async (_request, reply) =>
    reply.code(405).send(refusal('NOT_FOUND', { reason: 'method' })),
  );

  if (existsSync(staticDir)) {
    await app.register(fastifyStatic, { root: staticDir, prefix: '/', index: ['index.html'] });
  } else {
    log(`tillcard: ${staticDir} is missing; run "npm run build:renderer" first. The API still answers.`);
  }

  try {
    await app.listen({ host: '127.0.0.1', port: options.port ?? 0 });
  } catch (error) {
    logger.error({ event: 'stop', err: error }, 'till could not listen');
    await sync.stop();
    core.close();
    releaseLock();
    await files.close();
    throw error;
  }
  const address = app.server.address();
  port = typeof address === 'object' && address !== null ? address.port : 0;
  const origin = `http://127.0.0.1:${port}`;
  logger.info({ event: 'listening', port }, 'till listening on 127.0.0.1');
  return {
    url: `${origin}/?${TOKEN_PARAM}=${token}`,
    origin,
    port,
    token,
    core,
    sync,
    close: async () => {
      await app.close();
      await sync.stop();
      core.close();
      releaseLock();
      logger.info({ event: 'stop' }, 'till stopped');
      await files.close();
    },
  };
}

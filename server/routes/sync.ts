import type { FastifyInstance } from 'fastify';
import { CloseDayRequest, EnrolRequest, PROTOCOL_VERSION, PullRequest, PushRequest, type PingResponse } from '../../shared/sync/protocol';
import { SnapshotRequest } from '../../shared/sync/snapshot';
import { enrolTerminal, requireTerminal } from '../auth';
import { HoError, parseBody } from '../http/errors';
import { closeDay } from '../sync/closeDay';
import { pullChanges } from '../sync/pull';
import { pushBatch } from '../sync/push';
import { snapshotPage } from '../sync/snapshot';
import type { ServerDeps } from '../app';
import { describeUnknown } from '../../shared/describeUnknown';

export const SYNC_PREFIX = '/sync/v1';

/** The version is checked before anything else, so a newer or older terminal gets a clear answer. */
export function requireVersion(body: unknown): void {
  const version = typeof body === 'object' && body !== null && 'protocolVersion' in body ? body.protocolVersion : undefined;
  if (version !== PROTOCOL_VERSION) {
    throw new HoError('PROTOCOL_VERSION', `Head office speaks sync protocol ${PROTOCOL_VERSION}; this terminal sent ${describeUnknown(version)}. Update the terminal (or head office); its records stay in its outbox.`, {
      server: PROTOCOL_VERSION,
      client: typeof version === 'number' ? version : null,
    });
  }
}

function sameTerminal(auth: { id: string; shopId: string }, body: { terminalId: string; shopId: string }): void {
  if (body.terminalId !== auth.id) throw new HoError('FORBIDDEN', 'A terminal may only send its own records.');
  if (body.shopId !== auth.shopId) throw new HoError('FORBIDDEN', `This terminal belongs to shop ${auth.shopId}, not ${body.shopId}.`);
}

export interface PushHooks {
  /** A push stored new records of that terminal (the deriver is kicked). */
  stored(terminalId: string): void;
  /** +1 when a push starts, −1 when it ends: the deriver gives way while pushes are in flight. */
  pushing(delta: 1 | -1): void;
}

const noHooks: PushHooks = { stored: () => undefined, pushing: () => undefined };

export function syncRoutes(app: FastifyInstance, deps: ServerDeps, hooks: PushHooks = noHooks): void {
  const { db, clock, ids } = deps;

  // A terminal's "are you back?" while offline: answered without touching the database.
  app.post(`${SYNC_PREFIX}/ping`, async () => ({ status: 'ok', protocolVersion: PROTOCOL_VERSION }) satisfies PingResponse);

  app.post(`${SYNC_PREFIX}/enrol`, async (request) => {
    requireVersion(request.body);
    return enrolTerminal(db, clock, ids, parseBody(EnrolRequest, request.body));
  });

  app.post(`${SYNC_PREFIX}/push`, async (request) => {
    requireVersion(request.body);
    hooks.pushing(1);
    try {
      const auth = await requireTerminal(db, request);
      const body = parseBody(PushRequest, request.body, { allowUnstorableText: true });
      sameTerminal(auth, body);
      const answer = await pushBatch(db, clock, auth, body, { withCopy: deps.withCopyConnection });
      if (answer.status === 'ok' && answer.applied > 0) hooks.stored(auth.id);
      return answer;
    } finally {
      hooks.pushing(-1);
    }
  });

  app.post(`${SYNC_PREFIX}/pull`, async (request) => {
    requireVersion(request.body);
    const auth = await requireTerminal(db, request);
    const body = parseBody(PullRequest, request.body);
    sameTerminal(auth, body);
    return pullChanges(db, clock, auth.id, body);
  });

  app.post(`${SYNC_PREFIX}/snapshot`, async (request) => {
    requireVersion(request.body);
    const auth = await requireTerminal(db, request);
    const body = parseBody(SnapshotRequest, request.body);
    sameTerminal(auth, body);
    return snapshotPage(db, auth.id, body);
  });

  app.post(`${SYNC_PREFIX}/close-day`, async (request) => {
    requireVersion(request.body);
    const auth = await requireTerminal(db, request);
    const body = parseBody(CloseDayRequest, request.body);
    sameTerminal(auth, body);
    return closeDay(db, clock, auth.id, body);
  });
}

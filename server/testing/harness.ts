import { adminClient, type AdminClient } from '../../shared/admin/client';
import { PROTOCOL_VERSION } from '../../shared/sync/protocol';
import { syncRoutes } from '../../shared/sync/routes';
import { addAdminToken } from '../auth';
import { buildServer, type BuildOptions } from '../app';
import type { HoDatabase } from '../store/connect';
import type { Clock, IdSource } from '../sources';
import { randomIds } from '../sources';

export interface Harness {
  url: string;
  adminToken: string;
  /** The admin API through its contract's client, with the admin token. */
  admin: AdminClient;
  /** A raw request (any path, body and token): for what the typed clients never send. */
  call(
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    body?: unknown,
    token?: string | null,
  ): Promise<{ status: number; body: Record<string, unknown> }>;
  enrol(
    shopId: string,
    terminalCode: string,
    terminalId: string,
  ): Promise<{ token: string; terminalId: string; shopId: string }>;
  /**
   * Waits until every record head office acknowledged so far is derived (sales, ledger, members,
   * the pull feed): the admin `derive` route, which derives what is left and answers when done.
   */
  waitDerived(): Promise<void>;
  /** Stops listening and the deriver, leaving the database open (a restart test opens another server on it). */
  stop(): Promise<void>;
  close(): Promise<void>;
}

/** Head office on a real loopback port over the given database: what the tests talk HTTP to. */
export async function startHarness(
  database: HoDatabase,
  clock: Clock,
  ids: IdSource = randomIds,
  options: Pick<BuildOptions, 'derive' | 'rateLimits' | 'notices' | 'logger'> = {},
): Promise<Harness> {
  const adminToken = 'admin-token-for-tests-0123456789';
  await addAdminToken(database.db, clock, adminToken, 'tests');
  const deps = {
    db: database.db,
    readDb: database.readDb,
    clock,
    ids,
    withCopyConnection: database.withCopyConnection,
  };
  // The deriver's start check (a summaries rebuild for a database with rows and no summaries) runs
  // before the test writes anything: a test that writes rows straight into the tables while that
  // rebuild runs would deadlock with it.
  let checked: () => void = () => undefined;
  const summariesChecked = new Promise<void>((resolve) => (checked = resolve));
  const given = options.derive;
  const derive =
    given === false
      ? false
      : {
          ...given,
          onSummariesChecked: () => {
            given?.onSummariesChecked?.();
            checked();
          },
        };
  const app = buildServer(deps, { ...options, derive });
  if (derive !== false) await summariesChecked;
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  const call: Harness['call'] = async (method, path, body, token) => {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (token) headers.authorization = `Bearer ${token}`;
    const response = await fetch(url + path, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  };
  const admin = adminClient(fetch, url, adminToken);
  return {
    url,
    adminToken,
    admin,
    call,
    enrol: async (shopId, terminalCode, terminalId) => {
      const codeFor = { shopId, shopName: `Shop ${shopId}`, terminalCode };
      const { code } = await admin.call('createEnrolmentCode', { body: codeFor });
      const enrolled = await call('POST', syncRoutes.enrol.path, {
        protocolVersion: PROTOCOL_VERSION,
        code,
        terminalId,
      });
      if (enrolled.status !== 200) throw new Error(`enrol: ${JSON.stringify(enrolled.body)}`);
      return { token: String(enrolled.body.token), terminalId, shopId };
    },
    waitDerived: async () => waitDerived(url, adminToken),
    stop: async () => {
      await app.close();
    },
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/**
 * Every record a head office (any process on the database) acknowledged so far is derived once
 * this returns: the admin call derives what is left, waiting for other processes' chunks.
 */
export async function waitDerived(url: string, adminToken: string): Promise<void> {
  await adminClient(fetch, url, adminToken).call('derive');
}

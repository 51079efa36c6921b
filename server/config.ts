import { availableParallelism, homedir } from 'node:os';
import { join } from 'node:path';
import { openPglite, openPostgres, type HoDatabase } from './store/connect';
import { withReadReplica } from './store/readReplica';
import type { DerivationLoopOptions } from './sync/derivationLoop';

export const DEFAULT_PORT = 8787;

export interface HoConfig {
  host: string;
  port: number;
  databaseUrl: string | null;
  /**
   * TILLCARD_HO_READ_URL: a hot standby of DATABASE_URL's server that statistics and exports read from
   * (server/store/readReplica.ts). Null: they read the primary; always null on PGlite.
   */
  readUrl: string | null;
  dataDir: string;
  dataDirIsDefault: boolean;
  adminToken: string | null;
  /** TILLCARD_HO_DERIVE_CHUNK (records per derivation transaction), _SWEEP_MS, _CONCURRENCY (terminals at once). */
  derive: DerivationLoopOptions;
  /**
   * TILLCARD_HO_WORKERS: server processes sharing the port (node:cluster). Head office keeps no
   * state between requests, so on a PostgreSQL server one per core (up to 8) is the default;
   * PGlite's database belongs to one process, so there it is always 1.
   */
  workers: number;
  /**
   * The first owner, made at start while head office has no user (TILLCARD_HO_OWNER_LOGIN,
   * TILLCARD_HO_OWNER_PASSWORD, optional TILLCARD_HO_OWNER_NAME); `tsx server/cli.ts create-user` is the other way.
   */
  firstOwner: { login: string; password: string; name: string } | null;
  /** TILLCARD_HO_SIGNIN_PER_MINUTE (per address) and TILLCARD_HO_SYNC_PER_MINUTE (per terminal). */
  rateLimits: { signInPerMinute?: number; syncPerMinute?: number };
}

const MAX_DEFAULT_WORKERS = 8;

function positiveInt(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number above 0, not ${raw}`);
  return n;
}

/** Head office's settings come from the environment (documented in server/README-sync.md). */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): HoConfig {
  const port = env.TILLCARD_HO_PORT === undefined ? DEFAULT_PORT : Number(env.TILLCARD_HO_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new Error(`TILLCARD_HO_PORT must be a port number, not ${env.TILLCARD_HO_PORT}`);
  const dataDir = env.TILLCARD_HO_DATA_DIR;
  const databaseUrl = env.DATABASE_URL && env.DATABASE_URL.length > 0 ? env.DATABASE_URL : null;
  const workers = positiveInt(env, 'TILLCARD_HO_WORKERS');
  if (!databaseUrl && workers !== undefined && workers > 1) {
    throw new Error(
      `TILLCARD_HO_WORKERS=${workers} needs DATABASE_URL: the embedded database (PGlite) can only be opened by ` +
        `one process`,
    );
  }
  return {
    host: env.TILLCARD_HO_HOST ?? '127.0.0.1',
    port,
    databaseUrl,
    readUrl: databaseUrl && env.TILLCARD_HO_READ_URL ? env.TILLCARD_HO_READ_URL : null,
    workers: workers ?? (databaseUrl ? Math.min(availableParallelism(), MAX_DEFAULT_WORKERS) : 1),
    dataDir: dataDir && dataDir.length > 0 ? dataDir : join(homedir(), '.tillcard', 'headoffice'),
    dataDirIsDefault: !dataDir,
    adminToken:
      env.TILLCARD_HO_ADMIN_TOKEN && env.TILLCARD_HO_ADMIN_TOKEN.length > 0 ? env.TILLCARD_HO_ADMIN_TOKEN : null,
    firstOwner: firstOwner(env),
    rateLimits: Object.fromEntries(
      Object.entries({
        signInPerMinute: positiveInt(env, 'TILLCARD_HO_SIGNIN_PER_MINUTE'),
        syncPerMinute: positiveInt(env, 'TILLCARD_HO_SYNC_PER_MINUTE'),
      }).filter(([, v]) => v !== undefined),
    ),
    derive: Object.fromEntries(
      Object.entries({
        chunkRecords: positiveInt(env, 'TILLCARD_HO_DERIVE_CHUNK'),
        sweepMs: positiveInt(env, 'TILLCARD_HO_DERIVE_SWEEP_MS'),
        concurrency: positiveInt(env, 'TILLCARD_HO_DERIVE_CONCURRENCY'),
      }).filter(([, v]) => v !== undefined),
    ),
  };
}

function firstOwner(env: NodeJS.ProcessEnv): HoConfig['firstOwner'] {
  const login = env.TILLCARD_HO_OWNER_LOGIN ?? '';
  const password = env.TILLCARD_HO_OWNER_PASSWORD ?? '';
  if (login === '' && password === '') return null;
  if (login === '' || password === '')
    throw new Error('TILLCARD_HO_OWNER_LOGIN and TILLCARD_HO_OWNER_PASSWORD go together: set both, or neither');
  return { login, password, name: env.TILLCARD_HO_OWNER_NAME || login };
}

export async function openFromConfig(config: HoConfig): Promise<HoDatabase> {
  if (!config.databaseUrl) return openPglite(config.dataDir);
  const primary = await openPostgres(config.databaseUrl);
  return config.readUrl ? withReadReplica(primary, config.readUrl) : primary;
}

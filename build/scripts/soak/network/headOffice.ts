// Head office for the soaks: the real server process (server/main.ts) on a fresh PostgreSQL
// database when TILLCARD_TEST_DATABASE_URL names a server, else on PGlite in a temp folder
// (said in the notes: kill -9 is then skipped, PGlite is not built to survive it).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPglite, openPostgres, type HoDatabase } from '../../../../server/store/connect';
import { createMigratedTestDatabase, testDatabaseUrl } from '../../../../server/testing/databases';
import { waitDerived } from '../../../../server/testing/harness';
import { startHoProcess, type HoProcess } from '../../../../server/testing/hoProcess';
import { adminClient, type AdminClient, type AdminFetch } from '../../../../shared/admin/client';

export interface SoakHeadOffice {
  backend: 'postgres' | 'pglite';
  /** Head office's own address (the proxy sits in front of it for terminals). */
  url(): string;
  adminToken: string;
  /** kill -9, then start again on the same port over the same database. */
  crashAndRestart(): Promise<void>;
  kill9(): Promise<void>;
  restart(): Promise<void>;
  /** Waits until every record head office acknowledged is derived (sales, ledger, members, the pull feed). */
  waitDerived(): Promise<void>;
  /** The admin API straight to head office (set-up is a human step, not under faults). */
  admin: AdminClient;
  /** Stops the process and opens its database for the invariant checks. */
  stopAndOpen(): Promise<HoDatabase>;
  dispose(): Promise<void>;
}

export async function startSoakHeadOffice(label: string): Promise<SoakHeadOffice> {
  const dataDir = mkdtempSync(join(tmpdir(), `tillcard-${label}-ho-`));
  const pg = testDatabaseUrl ? await createMigratedTestDatabase(testDatabaseUrl) : null;
  const env: Record<string, string> = pg ? { DATABASE_URL: pg.url } : { TILLCARD_HO_DATA_DIR: dataDir };
  let proc: HoProcess | null = await startHoProcess(env);
  const port = Number(new URL(proc.url).port);
  const url = proc.url;
  let opened: HoDatabase | null = null;
  const running = (): HoProcess => {
    if (!proc) throw new Error('head office is not running');
    return proc;
  };
  const whileRunning: AdminFetch = (target, init) => {
    running();
    return fetch(target, init);
  };
  const self: SoakHeadOffice = {
    backend: pg ? 'postgres' : 'pglite',
    url: () => url,
    adminToken: proc.adminToken,
    kill9: async () => {
      await running().kill9();
      proc = null;
    },
    restart: async () => {
      proc = await startHoProcess(env, port);
    },
    crashAndRestart: async () => {
      await self.kill9();
      await self.restart();
    },
    waitDerived: async () => waitDerived(url, running().adminToken),
    admin: adminClient(whileRunning, url, proc.adminToken),
    stopAndOpen: async () => {
      if (proc) await proc.stop();
      proc = null;
      opened = pg ? await openPostgres(pg.url, 2) : await openPglite(dataDir);
      return opened;
    },
    dispose: async () => {
      if (proc) await proc.stop().catch(() => undefined);
      proc = null;
      if (opened) await opened.close().catch(() => undefined);
      if (pg) await pg.drop().catch(() => undefined);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return self;
}

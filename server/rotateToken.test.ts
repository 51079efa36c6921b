import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createMigratedTestDatabase, testDatabaseUrl } from './testing/databases';
import { startHoProcess, type HoProcess } from './testing/hoProcess';
import { seedMigratedPgliteDir } from './testing/pgliteTemplate';

// A lost or leaked admin token is replaced with `tsx server/cli.ts rotate-token`: the real CLI
// against the real server's database, then the real server over HTTP.

const CLI = fileURLToPath(new URL('./cli.ts', import.meta.url));
const OLD = 'old-admin-token-0123456789abcdef';

function rotate(env: Record<string, string>): string {
  const run = spawnSync(process.execPath, ['--import', 'tsx', CLI, 'rotate-token'], {
    env: { ...process.env, TILLCARD_HO_ADMIN_TOKEN: '', ...env },
    encoding: 'utf8',
  });
  expect(run.status, run.stderr).toBe(0);
  const token = /admin token \(shown once, keep it safe\): (\S+)/.exec(run.stdout)?.[1];
  if (!token) throw new Error(`no token printed:\n${run.stdout}`);
  expect(run.stdout).toContain('Every older admin token has stopped working.');
  return token;
}

const status = async (ho: HoProcess, token: string): Promise<number> =>
  (await fetch(new URL('/admin/terminals', ho.url), { headers: { authorization: `Bearer ${token}` } })).status;

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('rotate-token', () => {
  it('on the embedded database (server stopped): the new token works, the old one no longer', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tillcard-ho-rotate-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    // Migrated already (this test is about the token, not the migrations, which take WASM seconds each).
    await seedMigratedPgliteDir(dataDir);
    const first = await startHoProcess({ TILLCARD_HO_DATA_DIR: dataDir, TILLCARD_HO_ADMIN_TOKEN: OLD });
    expect(await status(first, OLD)).toBe(200);
    await first.stop();

    const fresh = rotate({ TILLCARD_HO_DATA_DIR: dataDir });
    expect(fresh).not.toBe(OLD);
    const again = await startHoProcess({ TILLCARD_HO_DATA_DIR: dataDir, TILLCARD_HO_ADMIN_TOKEN: '' });
    cleanups.push(() => again.stop());
    expect(await status(again, OLD)).toBe(401);
    expect(await status(again, fresh)).toBe(200);
  }, 120_000);

  it.skipIf(!testDatabaseUrl)(
    'on PostgreSQL, while head office runs',
    async () => {
      const database = await createMigratedTestDatabase(testDatabaseUrl ?? '');
      cleanups.push(() => database.drop());
      const ho = await startHoProcess({ DATABASE_URL: database.url, TILLCARD_HO_ADMIN_TOKEN: OLD });
      cleanups.push(() => ho.stop());
      expect(await status(ho, OLD)).toBe(200);
      const fresh = rotate({ DATABASE_URL: database.url });
      expect(await status(ho, OLD)).toBe(401);
      expect(await status(ho, fresh)).toBe(200);
    },
    120_000,
  );
});

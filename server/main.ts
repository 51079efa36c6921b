import cluster from 'node:cluster';
import { logLevelFromEnv, requestLogOptions } from './http/requestLog';
import { CreateUserInput } from '../shared/admin/inputs';
import { ensureFirstOwner } from './admin/users';
import { addAdminToken, hasAdminToken } from './auth';
import { buildServer } from './app';
import { configFromEnv, openFromConfig, type HoConfig } from './config';
import type { HoDatabase } from './store/connect';
import { randomIds, systemClock } from './sources';
import { exitWithPrimary, superviseWorkers } from './workers';

/**
 * `npm run headoffice`: embedded PostgreSQL (PGlite) in TILLCARD_HO_DATA_DIR (or a default it
 * prints), or the PostgreSQL server DATABASE_URL names. Binds 127.0.0.1 unless TILLCARD_HO_HOST says otherwise.
 * With several workers (TILLCARD_HO_WORKERS, on PostgreSQL one per core by default) this
 * process migrates and sets up the admin token, then supervises the workers that serve.
 */
async function main(): Promise<void> {
  const config = configFromEnv();
  if (cluster.isWorker) {
    exitWithPrimary();
    await serve(config, await openFromConfig(config), `worker ${cluster.worker?.id ?? '?'} of ${config.workers}`);
    return;
  }
  if (!config.databaseUrl) {
    const note = config.dataDirIsDefault ? ' (default; set TILLCARD_HO_DATA_DIR to choose)' : '';
    console.log(`Head office data: ${config.dataDir}${note}`);
  }
  const database = await openFromConfig(config);
  console.log(`Head office database: ${database.describe}`);

  if (config.adminToken) {
    await addAdminToken(database.db, systemClock, config.adminToken, 'TILLCARD_HO_ADMIN_TOKEN');
  } else if (!(await hasAdminToken(database.db))) {
    // Shown exactly once: only its hash is stored. Lost? `tsx server/cli.ts rotate-token` makes a new one.
    const token = randomIds.randomHex(24);
    await addAdminToken(database.db, systemClock, token, 'generated at first start');
    console.log(`Head office admin token (shown once, keep it safe): ${token}`);
    console.log('Lost it? Stop head office and run: npx tsx server/cli.ts rotate-token (the old token stops working).');
  }

  if (config.firstOwner) {
    const input = CreateUserInput.safeParse({ ...config.firstOwner, role: 'owner' });
    if (!input.success) {
      const why = input.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      throw new Error(`TILLCARD_HO_OWNER_LOGIN / _PASSWORD: ${why}`);
    }
    const made = await ensureFirstOwner(database.db, systemClock, randomIds, input.data);
    if (made)
      console.log(`Head office: first owner ${made.login} created (TILLCARD_HO_OWNER_LOGIN); sign in at /office/`);
  }

  if (config.workers === 1) {
    await serve(config, database, null);
    return;
  }
  await database.close();
  console.log(`Head office: starting ${config.workers} workers (TILLCARD_HO_WORKERS)`);
  superviseWorkers(config.workers, (m) => console.log(m));
}

async function serve(config: HoConfig, database: HoDatabase, worker: string | null): Promise<void> {
  const deps = {
    db: database.db,
    readDb: database.readDb,
    clock: systemClock,
    ids: randomIds,
    withCopyConnection: database.withCopyConnection,
  };
  const app = buildServer(deps, {
    derive: config.derive,
    rateLimits: config.rateLimits,
    logger: requestLogOptions(logLevelFromEnv(process.env)),
  });
  const address = await app.listen({ host: config.host, port: config.port });
  console.log(`Head office listening on ${address}${worker ? ` (${worker})` : ''}`);

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`Head office${worker ? ` ${worker}` : ''}: ${signal}, closing`);
    app
      .close()
      .then(() => database.close())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          console.error(error);
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error('Head office failed to start:', error);
  process.exit(1);
});

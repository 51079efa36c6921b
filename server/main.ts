import { addAdminToken, hasAdminToken } from './auth';
import { buildServer } from './app';
import { configFromEnv, openFromConfig } from './config';
import { randomIds, systemClock } from './sources';

/**
 * `npm run headoffice`: embedded PostgreSQL (PGlite) in TILLCARD_HO_DATA_DIR (or a default it
 * prints), or the PostgreSQL server DATABASE_URL names. Binds 127.0.0.1 unless TILLCARD_HO_HOST says otherwise.
 */
async function main(): Promise<void> {
  const config = configFromEnv();
  if (!config.databaseUrl) {
    console.log(`Head office data: ${config.dataDir}${config.dataDirIsDefault ? ' (default; set TILLCARD_HO_DATA_DIR to choose)' : ''}`);
  }
  const database = await openFromConfig(config);
  console.log(`Head office database: ${database.describe}`);
  const deps = { db: database.db, clock: systemClock, ids: randomIds };

  if (config.adminToken) {
    await addAdminToken(database.db, systemClock, config.adminToken, 'TILLCARD_HO_ADMIN_TOKEN');
  } else if (!(await hasAdminToken(database.db))) {
    // Shown exactly once: only its hash is stored. Lost? Start with TILLCARD_HO_ADMIN_TOKEN set.
    const token = randomIds.randomHex(24);
    await addAdminToken(database.db, systemClock, token, 'generated at first start');
    console.log(`Head office admin token (shown once, keep it safe): ${token}`);
  }

  const app = buildServer(deps, { derive: config.derive });
  const address = await app.listen({ host: config.host, port: config.port });
  console.log(`Head office listening on ${address}`);

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`Head office: ${signal}, closing`);
    app.close().then(() => database.close()).then(() => process.exit(0), (error: unknown) => {
      console.error(error);
      process.exit(1);
    });
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error('Head office failed to start:', error);
  process.exit(1);
});

// The esbuild steps behind `npm run build:electron`, as functions so a test can build the
// preload into a temp folder and run it.
import { build } from 'esbuild';
import { cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './paths.mjs';

const production = process.env.NODE_ENV === 'production';

/** Bundled CommonJS dependencies (pino, rotating-file-stream...) may call require(): every ES-module bundle has one. */
export const ESM_REQUIRE_BANNER = {
  js:
    "import { createRequire as __tillcardCreateRequire } from 'node:module'; const require = " +
    '__tillcardCreateRequire(import.meta.url);',
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  sourcemap: true,
  minify: production,
  logLevel: 'warning',
  absWorkingDir: repoRoot,
  define: { 'process.env.NODE_ENV': JSON.stringify(production ? 'production' : 'development') },
};

/** Main process: ESM; electron is the runtime and better-sqlite3 is native, so both stay external. */
export async function bundleMain(outfile) {
  await build({
    ...common,
    entryPoints: ['electron/main.ts'],
    outfile,
    format: 'esm',
    external: ['electron', 'better-sqlite3'],
    banner: ESM_REQUIRE_BANNER,
  });
}

/**
 * The daily backup's worker thread (db/backupWorker.ts), beside each host's bundle: db/backupInWorker.ts
 * starts it from there. better-sqlite3 is native, so it stays external.
 */
export async function bundleBackupWorker(outfile) {
  await build({
    ...common,
    entryPoints: ['db/backupWorker.ts'],
    outfile,
    format: 'esm',
    external: ['better-sqlite3'],
    banner: ESM_REQUIRE_BANNER,
  });
}

/**
 * The browser host (`npm run start:browser`, the e2e tests): the same core as main, bundled so a
 * start compiles no TypeScript. better-sqlite3 is native, so it stays external.
 */
export async function bundleBrowserHost(outfile) {
  await build({
    ...common,
    entryPoints: ['electron/browser-host/main.ts'],
    outfile,
    format: 'esm',
    external: ['better-sqlite3'],
    banner: ESM_REQUIRE_BANNER,
  });
}

/** The command line (`npx tillcard`): the same core, bundled so a command starts without compiling TypeScript. */
export async function bundleCli(outfile) {
  await build({
    ...common,
    entryPoints: ['electron/cli/main.ts'],
    outfile,
    format: 'esm',
    external: ['better-sqlite3'],
    banner: ESM_REQUIRE_BANNER,
  });
}

/**
 * channel → IPC channel name, computed from the real contract at build time. The preload gets
 * this small table instead of the contract itself, whose zod schemas and phone metadata would
 * add about a megabyte to a script every window loads.
 */
export async function contractIpcTable() {
  const result = await build({
    ...common,
    sourcemap: false,
    entryPoints: ['shared/contract/contract.ts'],
    format: 'esm',
    write: false,
  });
  const code = result.outputFiles[0]?.text ?? '';
  const contract = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
  return Object.fromEntries(contract.channels.map((channel) => [channel, contract.ipcChannel(channel)]));
}

/** Preload: CommonJS, because a sandboxed preload cannot load ES modules. */
export async function bundlePreload(outfile) {
  await build({
    ...common,
    entryPoints: ['electron/preload.ts'],
    outfile,
    format: 'cjs',
    external: ['electron'],
    define: { ...common.define, __TILLCARD_IPC_CHANNELS__: JSON.stringify(await contractIpcTable()) },
  });
}

/** The committed drizzle-kit migrations, read by the main process at start-up. */
export function copyMigrations(outDir) {
  const migrations = join(repoRoot, 'db', 'migrations');
  if (!existsSync(join(migrations, 'meta', '_journal.json'))) {
    throw new Error('db/migrations has no drizzle journal; run npm run db:generate first');
  }
  cpSync(migrations, outDir, { recursive: true });
}

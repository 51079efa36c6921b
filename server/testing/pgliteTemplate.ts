import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { migrationsFolder, openPglite, type HoDatabase } from '../store/connect';

// A fresh PGlite spends seconds in its initdb and head office's migrations; a copy of one migrated
// database loads in about one. The copy is made once per set of migrations and kept in
// node_modules/.cache (never committed), so every test file after the first starts from it.

const nodeModules = join(migrationsFolder, '..', '..', '..', 'node_modules');
const cacheDir = join(nodeModules, '.cache', 'tillcard-pglite');

/** What a migrated template depends on: every migration file's name and content, and `extra` (PGlite's version). */
export function migrationsKey(extra = ''): string {
  const hash = createHash('sha256');
  hash.update(extra);
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      hash.update(path.slice(migrationsFolder.length));
      if (entry.isDirectory()) walk(path);
      else hash.update(readFileSync(path));
    }
  };
  walk(migrationsFolder);
  return hash.digest('hex').slice(0, 16);
}

const pgliteVersion = () => readFileSync(join(nodeModules, '@electric-sql', 'pglite', 'package.json'), 'utf8');

let template: Promise<Blob> | null = null;

async function loadOrMakeTemplate(): Promise<Blob> {
  const file = join(cacheDir, `${migrationsKey(pgliteVersion())}.tar`);
  try {
    return new Blob([readFileSync(file)]);
  } catch {
    // Not made yet for these migrations: make it, and replace any older one.
  }
  const made = await openPglite(null);
  try {
    if (!made.dumpDataDir) throw new Error('PGlite answered no dumpDataDir');
    const dump = await made.dumpDataDir();
    mkdirSync(cacheDir, { recursive: true });
    // Templates of other migrations (another branch's checkout may share node_modules) go after a day.
    for (const old of readdirSync(cacheDir)) {
      const path = join(cacheDir, old);
      if (Date.now() - statSync(path).mtimeMs > 86_400_000) rmSync(path, { force: true });
    }
    // Written aside then renamed: a test file in another worker never reads half a template.
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, file);
    return dump;
  } finally {
    await made.close();
  }
}

/** A fresh in-memory head-office database with every migration applied, copied from the template. */
export async function openMigratedPglite(): Promise<HoDatabase> {
  template ??= loadOrMakeTemplate();
  return openPglite(null, await template);
}

/**
 * Fills an empty folder with a migrated head-office database from the template, for a head-office
 * process a test starts there: it then opens in about a second instead of running initdb and every
 * migration (several seconds, more on a busy machine).
 */
export async function seedMigratedPgliteDir(dataDir: string): Promise<void> {
  template ??= loadOrMakeTemplate();
  const seeded = await openPglite(dataDir, await template);
  await seeded.close();
}

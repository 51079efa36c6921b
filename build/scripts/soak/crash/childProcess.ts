// How the crash child is started. By default it is bundled once with esbuild (the compiler tsx
// itself uses) so each restart costs a plain `node` start (~0.2 s) instead of tsx's on-the-fly
// compile (~2 s): a thousand restarts fit in minutes. `--child tsx` runs the source through
// `node --import tsx` instead, to rule the bundling out when a run looks suspicious.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESM_REQUIRE_BANNER } from '../../electronBundles.mjs';

export type ChildMode = 'bundle' | 'tsx';

const here = dirname(fileURLToPath(import.meta.url));
const childSource = join(here, 'child.ts');
const repoRoot = join(here, '..', '..', '..', '..');
// Inside the repo so the bundle resolves better-sqlite3 (kept external: it is native) from node_modules.
const bundleFile = join(repoRoot, 'node_modules', '.cache', 'tillcard-soak', 'crash-child.mjs');

export interface ChildCommand {
  command: string;
  args: string[];
}

export async function prepareChild(mode: ChildMode): Promise<ChildCommand> {
  if (mode === 'tsx') return { command: process.execPath, args: ['--import', 'tsx', childSource] };
  mkdirSync(dirname(bundleFile), { recursive: true });
  await build({
    entryPoints: [childSource],
    outfile: bundleFile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['better-sqlite3'],
    banner: ESM_REQUIRE_BANNER,
    logLevel: 'warning',
  });
  return { command: process.execPath, args: [bundleFile] };
}

// Once per `vitest run`, before any test file: the command line's bundle, so its tests run what `npx tillcard`
// runs, and no two test files build it at once (each spawn then starts in a fraction of tsx's time).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export default function setup(): void {
  const script = join(import.meta.dirname, '..', 'build-if-changed.mjs');
  const run = spawnSync(process.execPath, [script, 'cli'], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`the command line's bundle did not build:\n${run.stdout}${run.stderr}`);
}

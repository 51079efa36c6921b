// "Is this build still current?": a fingerprint of its inputs (every file's path, size and modification
// time under the given folders) kept beside the output, so a start rebuilds only what changed since.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { repoRoot } from './paths.mjs';

// Beside the outputs, not in them: a build that empties its folder first cannot leave a stamp behind.
const stampOf = (name) => join(repoRoot, 'dist', '.stamps', name);

/** The fingerprint of `inputs` (folders or files relative to `root`, the repository by default). */
export function inputsFingerprint(inputs, root = repoRoot) {
  const hash = createHash('sha256');
  const visit = (path) => {
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const name of readdirSync(path).sort()) if (name !== 'node_modules') visit(join(path, name));
    } else {
      hash.update(`${relative(root, path)}\0${stat.size}\0${stat.mtimeMs}\n`);
    }
  };
  for (const input of inputs) {
    const path = join(root, input);
    if (existsSync(path)) visit(path);
  }
  return hash.digest('hex');
}

/** Whether the build `name` made `output` from exactly these inputs. */
export function isCurrent(name, output, fingerprint) {
  const stamp = stampOf(name);
  return existsSync(output) && existsSync(stamp) && readFileSync(stamp, 'utf8') === fingerprint;
}

/** Forgets the build `name` (before it runs again: a failed build is never taken for current). */
export function forgetBuild(name) {
  rmSync(stampOf(name), { force: true });
}

/** Records that the build `name` succeeded from these inputs. */
export function markBuilt(name, fingerprint) {
  mkdirSync(join(repoRoot, 'dist', '.stamps'), { recursive: true });
  writeFileSync(stampOf(name), fingerprint);
}

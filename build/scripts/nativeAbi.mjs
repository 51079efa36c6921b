// Which Node ABI the installed better-sqlite3 binary was built for, found by loading it in a
// plain Node child: it loads → Node's own; it refuses with "NODE_MODULE_VERSION n. This version
// of Node.js requires ..." → ABI n (Electron's, after rebuild-native.mjs electron).
import { spawnSync } from 'node:child_process';
import { repoRoot } from './paths.mjs';

/**
 * @param {{ status: number | null, stderr: string }} probe
 * @param {string} nodeAbi process.versions.modules of the Node that ran the probe
 * @returns {{ kind: 'node', abi: string } | { kind: 'other', abi: string }
 *   | { kind: 'broken', abi: null, detail: string }}
 */
export function classifyProbe(probe, nodeAbi) {
  if (probe.status === 0) return { kind: 'node', abi: nodeAbi };
  const match = /NODE_MODULE_VERSION (\d+)\.\s+This version of Node\.js requires/.exec(probe.stderr);
  if (match?.[1]) return { kind: 'other', abi: match[1] };
  return {
    kind: 'broken',
    abi: null,
    detail: probe.stderr.split('\n').find((l) => l.trim()) ?? `exit status ${probe.status}`,
  };
}

export function installedSqliteAbi() {
  const probe = spawnSync(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').close()"], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  return classifyProbe({ status: probe.status, stderr: probe.stderr ?? '' }, process.versions.modules);
}

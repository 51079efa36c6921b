#!/usr/bin/env node
// npm run start:browser — builds the renderer and bundles the browser host only when their sources changed
// since the last build, then runs the host in this process (so its pid, signals and stdin are this script's).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { forgetBuild, inputsFingerprint, isCurrent, markBuilt } from './buildStamp.mjs';
import { repoRoot } from './paths.mjs';

const common = ['shared', 'package-lock.json', 'tsconfig.json'];
const builds = [
  {
    what: 'renderer',
    name: 'renderer',
    output: join(repoRoot, 'dist', 'renderer', 'index.html'),
    inputs: ['renderer', ...common],
    npm: 'build:renderer',
  },
  {
    what: 'browser host',
    name: 'browser-host',
    output: join(repoRoot, 'dist', 'browser-host', 'main.js'),
    inputs: ['electron', 'db', 'build/scripts/electronBundles.mjs', ...common],
    npm: 'build:browser-host',
  },
];

for (const build of builds) {
  const fingerprint = inputsFingerprint(build.inputs);
  if (isCurrent(build.name, build.output, fingerprint)) {
    console.log(`start: the ${build.what} is unchanged since its last build`);
    continue;
  }
  forgetBuild(build.name);
  const run = spawnSync('npm', ['run', '--silent', build.npm], { cwd: repoRoot, stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
  markBuilt(build.name, fingerprint);
}

await import(pathToFileURL(join(repoRoot, 'dist', 'browser-host', 'main.js')).href);

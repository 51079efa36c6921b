// The builds a start or a test run needs, each with the sources it is made from, and one way to run a
// build only when those sources changed since it last succeeded (build/scripts/buildStamp.mjs).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { forgetBuild, inputsFingerprint, isCurrent, markBuilt } from './buildStamp.mjs';
import { repoRoot } from './paths.mjs';

const common = ['shared', 'package-lock.json', 'tsconfig.json'];

export const builds = {
  renderer: {
    what: 'renderer',
    output: join(repoRoot, 'dist', 'renderer', 'index.html'),
    inputs: ['renderer', ...common],
    npm: 'build:renderer',
  },
  'browser-host': {
    what: 'browser host',
    output: join(repoRoot, 'dist', 'browser-host', 'main.js'),
    inputs: ['electron', 'db', 'build/scripts/electronBundles.mjs', ...common],
    npm: 'build:browser-host',
  },
  cli: {
    what: 'command line',
    output: join(repoRoot, 'dist', 'cli', 'main.js'),
    inputs: ['electron', 'db', 'build/scripts/electronBundles.mjs', ...common],
    npm: 'build:cli',
  },
  headoffice: {
    what: 'head-office page',
    output: join(repoRoot, 'dist', 'headoffice', 'index.html'),
    inputs: ['server/web', ...common],
    npm: 'build:headoffice',
  },
};

/**
 * Runs the build `name` unless its output is current; exits this process if the build fails.
 * `quiet`: says nothing when current and sends the build's output to stderr (the CLI's stdout is its answer).
 */
export function buildIfChanged(name, { quiet = false } = {}) {
  const build = builds[name];
  const fingerprint = inputsFingerprint(build.inputs);
  if (isCurrent(name, build.output, fingerprint)) {
    if (!quiet) console.log(`build: the ${build.what} is unchanged since its last build`);
    return;
  }
  forgetBuild(name);
  const stdio = quiet ? ['ignore', 2, 2] : 'inherit';
  const run = spawnSync('npm', ['run', '--silent', build.npm], { cwd: repoRoot, stdio });
  if (run.status !== 0) process.exit(run.status ?? 1);
  markBuilt(name, fingerprint);
}

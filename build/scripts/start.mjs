#!/usr/bin/env node
// npm start: the Electron till where Electron's binary exists; otherwise the browser host,
// which serves the same renderer and the same terminal core on 127.0.0.1.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { findElectronBinary } from './electronBinary.mjs';
import { repoRoot } from './paths.mjs';

const electron = findElectronBinary();
const script = electron.found ? 'start:electron' : 'start:browser';
if (electron.found) {
  console.log(`Starting the Electron till (Electron ${electron.version}).`);
} else {
  console.log(
    `Electron's binary is not available on this machine; starting the browser host instead (${electron.reason}).`,
  );
}

// The host's stdin is a pipe only this script writes to: npm and sh between us do not always pass
// a TERM on, and nothing is passed on when this script is killed outright, but the kernel closes the
// pipe however we die, and the host stops at its end of file. A ppid poll would watch sh, not us.
const child = spawn('npm', ['run', '--silent', script, '--', ...process.argv.slice(2)], {
  cwd: repoRoot,
  stdio: ['pipe', 'inherit', 'inherit'],
  env: { ...process.env, TILLCARD_STOP_ON_STDIN_EOF: '1' },
  shell: process.platform === 'win32',
});
const stop = (signal) => {
  child.stdin.end();
  child.kill(signal);
};
// Ctrl+C reaches the whole foreground group already; a TERM sent to this script alone is passed on.
for (const signal of ['SIGTERM', 'SIGHUP', 'SIGINT']) process.on(signal, () => stop(signal));
// `npm start` runs us under sh, which dies of npm's TERM without passing it on: our parent changing
// (we were re-parented) means whoever started us is gone, so stop too. Our own stdin is the user's.
// npm killed outright leaves that sh alive, but re-parented: on Linux, /proc shows its parent change.
const parentOf = (pid) => {
  try {
    return Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ')[1]);
  } catch {
    return null;
  }
};
const parentPid = process.ppid;
const grandparentPid = parentOf(parentPid);
const parentWatch = setInterval(() => {
  const npmGone = grandparentPid !== null && parentOf(parentPid) !== grandparentPid;
  if (process.ppid === parentPid && !npmGone) return;
  clearInterval(parentWatch);
  stop('SIGTERM');
}, 250).unref();
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

#!/usr/bin/env node
// npm start: the Electron till where Electron's binary exists; otherwise the browser host,
// which serves the same renderer and the same terminal core on 127.0.0.1.
import { spawn } from 'node:child_process';
import { findElectronBinary } from './electronBinary.mjs';
import { repoRoot } from './paths.mjs';

const electron = findElectronBinary();
const script = electron.found ? 'start:electron' : 'start:browser';
if (electron.found) {
  console.log(`Starting the Electron till (Electron ${electron.version}).`);
} else {
  console.log(`Electron's binary is not available on this machine; starting the browser host instead (${electron.reason}).`);
}

const child = spawn('npm', ['run', '--silent', script, '--', ...process.argv.slice(2)], {
  cwd: repoRoot,
  stdio: 'inherit',
  shell: process.platform === 'win32',
});
// Ctrl+C reaches the whole foreground group already; a TERM sent to this script alone is passed on.
for (const signal of ['SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

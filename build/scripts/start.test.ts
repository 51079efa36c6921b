import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { repoRoot } from './paths.mjs';
import { freePort, portAnswers } from './test-env/ports.mjs';

// `npm start` must not leave the browser host behind: a TERM to its launcher stops the host, and so
// does the launcher's death by SIGKILL (the host watches a pipe only the launcher holds open).

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function waitFor(check: () => boolean | Promise<boolean>, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return check();
}

interface Started {
  launcher: ChildProcess;
  port: number;
  hostPid: number;
}

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** Starts `command` (npm start or the script) and waits for the host's URL line; the host's pid from its port. */
async function start(command: string, args: string[]): Promise<Started> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tillcard-start-'));
  const port = await freePort();
  const launcher = spawn(command, args, {
    cwd: repoRoot,
    // An Electron "installation" without its binary: the browser host starts, as on CI.
    env: {
      ...process.env,
      TILLCARD_DATA_DIR: dataDir,
      TILLCARD_PORT: String(port),
      ELECTRON_OVERRIDE_DIST_PATH: dataDir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  launcher.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  launcher.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let hostPid = 0;
  cleanups.push(() => {
    if (hostPid && alive(hostPid)) process.kill(hostPid, 'SIGKILL');
    if (launcher.pid && alive(launcher.pid)) process.kill(launcher.pid, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });
  const ready = await waitFor(() => output.includes(`Tillcard till: http://127.0.0.1:${port}/`), 120_000);
  expect(ready, output).toBe(true);
  const pidLine = /Tillcard host pid: (\d+)/.exec(output);
  expect(pidLine, output).not.toBeNull();
  hostPid = Number(pidLine?.[1]);
  expect(await portAnswers(port)).toBe(true);
  return { launcher, port, hostPid };
}

async function expectHostGone({ port, hostPid }: Started): Promise<void> {
  expect(await waitFor(() => !alive(hostPid), 10_000), 'the host process is still running').toBe(true);
  expect(await waitFor(async () => !(await portAnswers(port)), 2_000), 'the port is still bound').toBe(true);
}

describe('npm start and the browser host', () => {
  it('SIGTERM to the start script stops the host and frees its port', async () => {
    const started = await start(process.execPath, ['build/scripts/start.mjs']);
    started.launcher.kill('SIGTERM');
    await expectHostGone(started);
  }, 180_000);

  it('SIGKILL of the start script still stops the host (it notices its parent is gone)', async () => {
    const started = await start(process.execPath, ['build/scripts/start.mjs']);
    started.launcher.kill('SIGKILL');
    await expectHostGone(started);
  }, 180_000);

  it('SIGTERM to `npm start` stops the host and frees its port', async () => {
    const started = await start('npm', ['start', '--silent']);
    started.launcher.kill('SIGTERM');
    await expectHostGone(started);
  }, 180_000);

  it('SIGKILL of `npm start` itself still stops the host', async () => {
    const started = await start('npm', ['start', '--silent']);
    started.launcher.kill('SIGKILL');
    await expectHostGone(started);
  }, 180_000);
});

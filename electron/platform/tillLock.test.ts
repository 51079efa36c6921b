import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireTillLock, TILL_LOCK_FILE, tillHolding, TillRunningError } from './tillLock';

// till.lock on a real folder, with a real second process as the other till.

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const folder = () => {
  const dir = mkdtempSync(join(tmpdir(), 'tillcard-lock-'));
  dirs.push(dir);
  return dir;
};

describe('till.lock', () => {
  it('marks the folder with this process and lets it go again', () => {
    const dir = folder();
    const release = acquireTillLock(dir);
    expect(readFileSync(join(dir, TILL_LOCK_FILE), 'utf8').trim()).toBe(String(process.pid));
    release();
    expect(existsSync(join(dir, TILL_LOCK_FILE))).toBe(false);
  });

  it('refuses while another live process holds it, and takes over a stale lock', async () => {
    const dir = folder();
    const other = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    writeFileSync(join(dir, TILL_LOCK_FILE), `${other.pid}\n`);
    expect(tillHolding(dir)).toBe(other.pid);
    expect(() => acquireTillLock(dir)).toThrow(TillRunningError);
    const exited = new Promise((resolve) => other.once('exit', resolve));
    other.kill();
    await exited;
    expect(tillHolding(dir)).toBeNull();
    acquireTillLock(dir)();
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { openTerminalDb } from './open';

const dirs: string[] = [];
const key = randomBytes(32);
function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tillcard-db-'));
  dirs.push(dir);
  return join(dir, 'terminal.db');
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('openTerminalDb', () => {
  it('sets the durability pragmas on a real file', () => {
    const db = openTerminalDb(tempFile(), key);
    const c = db.$client;
    expect(c.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(c.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(c.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(c.pragma('busy_timeout', { simple: true })).toBe(5000);
    c.close();
  });

  it('migrates once and reopens without re-running migrations', () => {
    const file = tempFile();
    openTerminalDb(file, key).$client.close();
    const db = openTerminalDb(file, key);
    const applied = db.$client.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number };
    expect(applied.n).toBeGreaterThan(0);
    expect(db.$client.pragma('integrity_check', { simple: true })).toBe('ok');
    db.$client.close();
  });
});

import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { configFromEnv } from './config';

describe('head office settings from the environment', () => {
  const pg = { DATABASE_URL: 'postgres://127.0.0.1:5432/x' };

  it('runs one worker per core (up to 8) on a PostgreSQL server, one on the embedded database', () => {
    expect(configFromEnv(pg).workers).toBe(Math.min(availableParallelism(), 8));
    expect(configFromEnv({}).workers).toBe(1);
    expect(configFromEnv({ ...pg, TILLCARD_HO_WORKERS: '' }).workers).toBe(Math.min(availableParallelism(), 8));
  });

  it('reads statistics from TILLCARD_HO_READ_URL only beside a PostgreSQL primary (the primary otherwise)', () => {
    const standby = 'postgres://127.0.0.1:5433/x';
    expect(configFromEnv({ ...pg, TILLCARD_HO_READ_URL: standby }).readUrl).toBe(standby);
    expect(configFromEnv(pg).readUrl).toBeNull();
    expect(configFromEnv({ ...pg, TILLCARD_HO_READ_URL: '' }).readUrl).toBeNull();
    expect(configFromEnv({ TILLCARD_HO_READ_URL: standby }).readUrl).toBeNull();
  });

  it('takes TILLCARD_HO_WORKERS as a whole number above 0', () => {
    expect(configFromEnv({ ...pg, TILLCARD_HO_WORKERS: '3' }).workers).toBe(3);
    expect(configFromEnv({ TILLCARD_HO_WORKERS: '1' }).workers).toBe(1);
    for (const bad of ['0', '-1', '1.5', 'two'])
      expect(() => configFromEnv({ ...pg, TILLCARD_HO_WORKERS: bad })).toThrow(
        /TILLCARD_HO_WORKERS must be a whole number/,
      );
  });

  it('refuses several workers on the embedded database, which one process owns', () => {
    expect(() => configFromEnv({ TILLCARD_HO_WORKERS: '2' })).toThrow(/needs DATABASE_URL/);
  });
});

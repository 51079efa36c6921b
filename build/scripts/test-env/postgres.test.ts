import { existsSync } from 'node:fs';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { findPostgresBin, startThrowawayPostgres } from './postgres.mjs';
import { portAnswers } from './ports.mjs';

describe('the throwaway PostgreSQL of npm test', () => {
  it('says why it is skipped where the server binaries are missing', async () => {
    expect(findPostgresBin('/nonexistent')).toBeNull();
    const skipped = { skipped: 'no server binaries (apt-get install postgresql)' };
    expect(await startThrowawayPostgres({ root: '/nonexistent' })).toEqual(skipped);
  });

  const noServer = findPostgresBin() === null;
  it.skipIf(noServer)(
    'starts on 127.0.0.1 on a free port, answers SQL, and is gone after stop',
    async () => {
      const server = await startThrowawayPostgres();
      if ('skipped' in server) throw new Error(server.skipped);
      try {
        const client = new pg.Client({ connectionString: server.url });
        await client.connect();
        const { rows } = await client.query<{ one: number }>('SELECT 1 AS one');
        await client.end();
        expect(rows).toEqual([{ one: 1 }]);
      } finally {
        server.stop();
      }
      expect(existsSync(server.dataDir)).toBe(false);
      expect(await portAnswers(server.port)).toBe(false);
    },
    60_000,
  );
});

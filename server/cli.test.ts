import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openMigratedPglite } from './testing/pgliteTemplate';
import { fixedClockForTests } from './testing/clock';
import { startHarness, type Harness } from './testing/harness';
import { freeLoopbackPort } from './testing/ports';

// `tsx server/cli.ts enrol` against a running head office: the real CLI over HTTP, through the
// admin contract's client (the direct-database path is rotateToken.test.ts's).

const CLI = fileURLToPath(new URL('./cli.ts', import.meta.url));

function cli(
  args: string[],
  env: Record<string, string>,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('exit', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('cli enrol over HTTP', () => {
  let ho: Harness;
  beforeAll(async () => {
    ho = await startHarness(await openMigratedPglite(), fixedClockForTests(Date.UTC(2025, 2, 1, 2)));
  }, 60_000);
  afterAll(async () => {
    await ho.close();
  });

  it('prints the code head office made, and head office refusing says why', async () => {
    const args = ['enrol', '--shop', 'shopC', '--terminal-code', '90123', '--shop-name', 'Shop C'];
    const made = await cli(args, { TILLCARD_HO_URL: ho.url, TILLCARD_HO_ADMIN_TOKEN: ho.adminToken });
    expect(made.status, made.stderr).toBe(0);
    expect(made.stdout).toMatch(/Enrolment code for shop shopC, terminal 90123: [0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}/);
    const refused = await cli(args, { TILLCARD_HO_URL: ho.url, TILLCARD_HO_ADMIN_TOKEN: 'not-the-token' });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('UNAUTHORIZED');
  }, 60_000);

  it('says which head office could not be reached, and writes nothing', async () => {
    const url = `http://127.0.0.1:${await freeLoopbackPort()}`;
    const args = ['enrol', '--shop', 'shopD', '--terminal-code', '90124'];
    const down = await cli(args, { TILLCARD_HO_URL: url, TILLCARD_HO_ADMIN_TOKEN: ho.adminToken });
    expect(down.status).toBe(1);
    expect(down.stderr).toContain(`createEnrolmentCode: head office at ${url} could not be reached`);
    expect((await ho.admin.call('terminals')).terminals).toEqual([]);
  }, 60_000);
});

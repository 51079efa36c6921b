// The short soak inside `npm test`: fixed seeds, small counts (well under a minute on 2 cores
// shared with the other tests). The long run is `npm run soak`; figures in RELIABILITY.md.
import { describe, it, expect } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultMigrationsDir } from '../../../db/open';
import { openTerminalCore } from '../../../electron/terminal/terminalCore';
import { planFrom, type Part } from './args';
import { checkAfterCrash } from './crash/invariants';
import { completeLines, goLine, parseAckLine, parseGoLine } from './crash/protocol';
import { figuresOf, passed, summaryLines } from './report';
import { runSoak } from './run';

describe('crash child protocol', () => {
  it('keeps a line cut short by the kill out of the acknowledgements', () => {
    const { lines, rest } = completeLines(
      'READY\nS 00000000-0000-4000-8000-000000000001\nR 00000000-0000-4000-8000-0000000',
    );
    expect(lines.map(parseAckLine)).toEqual([null, { kind: 'sale', id: '00000000-0000-4000-8000-000000000001' }]);
    expect(rest).toBe('R 00000000-0000-4000-8000-0000000');
    expect(parseAckLine('S a b')).toBeNull();
  });

  it('hands a child started ahead of time its seed and database (a path may hold spaces)', () => {
    const { lines } = completeLines(goLine({ seed: 4_294_967_295, dataDir: '/tmp/tillcard crash/db-3' }));
    expect(lines.map(parseGoLine)).toEqual([{ seed: 4_294_967_295, dataDir: '/tmp/tillcard crash/db-3' }]);
    expect(parseGoLine('GO x /tmp/db')).toBeNull();
    expect(parseGoLine('READY')).toBeNull();
  });
});

describe('crash checks have teeth', () => {
  it('report a lost acknowledgement, a sale without lines and a balance that left its ledger', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tillcard-teeth-'));
    try {
      const core = openTerminalCore({ dataDir: dir, log: () => undefined });
      expect(core.dispatch('setupDemoShop', {}).ok).toBe(true);
      const c = core.db.$client;
      const saleId = String(c.prepare('SELECT id FROM sales ORDER BY id LIMIT 1').pluck().get());
      c.prepare('DELETE FROM sale_lines WHERE sale_id = ?').run(saleId);
      c.prepare(
        'UPDATE members SET points_balance = points_balance + 1 WHERE rowid = (SELECT min(rowid) FROM members)',
      ).run();
      core.close();
      const lost = { kind: 'sale' as const, id: '00000000-0000-4000-8000-0000000000ff' };
      const check = checkAfterCrash(core.dbFile, [lost, { kind: 'sale', id: saleId }], defaultMigrationsDir);
      expect(check.ackedLost).toEqual([lost]);
      expect(check.violations.join('\n')).toMatch(/sale without lines/);
      expect(check.violations.join('\n')).toMatch(/ledger and cached balances disagree/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('quick soak (fixed seed)', () => {
  it('loses no acknowledged record across kills, and no bad input writes, crashes or goes untyped', async () => {
    const plan = {
      ...planFrom(['--quick'], 20_250_601),
      kills: 4,
      // Up to a second of trading after READY: on a loaded 2-core machine four kills within 300 ms of it once
      // all landed before the first sale's commit (0 acknowledged), which proves nothing about kills mid-sale.
      maxRunMs: 1_000,
      killsPerDb: 4,
      fuzzRunsPerChannel: 30,
      httpRunsPerChannel: 8,
      httpRawRuns: 40,
      headOfficeRuns: 8,
      // The network soak and the load test have test files of their own (network/, load/).
      parts: ['crash', 'fuzz', 'http', 'headoffice'] satisfies Part[],
    };
    const outcome = await runSoak(plan, () => undefined);
    const figures = figuresOf(outcome);
    // The whole summary in the failure message: which check, which input, which kill.
    expect(passed(figures), summaryLines(outcome).join('\n')).toBe(true);
    expect(figures.kills).toBe(4);
    expect(outcome.crash?.acked ?? 0).toBeGreaterThan(0);
    expect(figures.bad_inputs).toBeGreaterThan(1_000);
  }, 120_000);
});

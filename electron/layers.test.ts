import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layers of electron/ are enforced by eslint.config.js; these cases prove the rule refuses an
// arrow back up and lets the allowed ones through, on virtual files (nothing is written).
const eslint = new ESLint();

async function refusals(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === '@typescript-eslint/no-restricted-imports')
    .map((m) => m.message);
}

const imports = (...specs: string[]): string =>
  specs.map((spec, i) => `import type * as m${i} from '${spec}';\nexport type T${i} = typeof m${i};\n`).join('');

describe('electron/ layers (eslint.config.js)', () => {
  it('refuses an import from a higher layer or a host, in every layer', async () => {
    expect(await refusals('electron/platform/probe.ts', imports('../core/context'))).toHaveLength(1);
    expect(await refusals('electron/core/probe.ts', imports('../services/rules'))).toHaveLength(1);
    expect(await refusals('electron/services/probe.ts', imports('../sync/job'))).toHaveLength(1);
    const fromSync = imports('../terminal/terminalCore', '../ipcRegistration');
    expect(await refusals('electron/sync/probe.ts', fromSync)).toHaveLength(2);
    const hosts = imports('../main', '../browser-host/host', '../cli/main');
    expect(await refusals('electron/terminal/probe.ts', hosts)).toHaveLength(3);
  });

  it('lets a layer import its own layer and the ones below, db/ and shared/', async () => {
    const lower = [
      '../platform/transactions',
      '../core/outbox',
      '../services/shop',
      '../sync/job',
      '../../db/open',
      '../../shared/contract',
    ];
    expect(await refusals('electron/terminal/probe.ts', imports(...lower))).toEqual([]);
    expect(await refusals('electron/core/probe.ts', imports('./context', '../platform/sources'))).toEqual([]);
    expect(await refusals('electron/probe.ts', imports('./terminal/terminalCore', './browser-host/host'))).toEqual([]);
  });

  it('keeps server/, renderer/ and test code out of source files, not out of tests and test kits', async () => {
    const testOnly = imports('../../server/testing/harness', '../../renderer/lib/format', 'vitest', './x.testkit');
    expect(await refusals('electron/services/probe.ts', testOnly)).toHaveLength(4);
    expect(await refusals('electron/browser-host/probe.ts', imports('../../server/testing/harness'))).toHaveLength(1);
    expect(await refusals('electron/cli/probe.ts', imports('../../server/testing/harness'))).toHaveLength(1);
    expect(await refusals('shared/probe.ts', imports('fast-check'))).toHaveLength(1);
    expect(await refusals('electron/services/probe.test.ts', testOnly)).toEqual([]);
    expect(await refusals('electron/services/probe.testkit.ts', testOnly)).toEqual([]);
  });
});
